import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCentralClient } from './central-client';

let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
});

/** A server that reads the whole request, then cuts the connection without answering. */
const cutAfterRequest = async (): Promise<string> => {
  server = createServer((req) => {
    req.resume();
    req.on('end', () => req.socket.destroy());
  });
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

describe('central client: what a failed call says about central', () => {
  const ask = (url: string) =>
    createCentralClient({ url, token: 't', timeoutMs: 2_000 }).call('sendSecurityCodeNow', {
      key: crypto.randomUUID(),
      documentType: 'CC',
      documentNumber: '900000002',
      statedCellphone: '3101234502',
      purpose: 'verification_code',
    });

  it('a refused connection: nothing was sent, central cannot have acted', async () => {
    // A port that was just free: nothing listens there.
    const url = await cutAfterRequest();
    await new Promise<void>((r) => server?.close(() => r()));
    server = null;
    expect(await ask(url)).toMatchObject({ ok: false, kind: 'network', error: { code: 'CENTRAL_UNREACHABLE' } });
    // A port fetch refuses to connect to at all.
    expect(await ask('http://127.0.0.1:9')).toMatchObject({ ok: false, kind: 'network', error: { code: 'CENTRAL_UNREACHABLE' } });
  });

  it('a connection cut after the request was written: central may have acted, never reported as unreached', async () => {
    const r = await ask(await cutAfterRequest());
    expect(r).toMatchObject({ ok: false, kind: 'network', error: { code: 'CENTRAL_CONNECTION_LOST' } });
  });
});
