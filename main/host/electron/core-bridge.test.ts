import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../compose';
import { loadConfig } from '../../config/load';
import { systemClock, systemIds } from '../../core/runtime';
import { createCoreClient, serveCore, type PortLike } from './core-bridge';

// Node's MessagePort stands in for Electron's MessagePortMain: same structured-clone semantics, `data` unwrapped.
const nodePort = (port: MessagePort): PortLike => ({
  postMessage: (m) => port.postMessage(m),
  onMessage: (listener) => port.on('message', listener),
});

describe('core bridge (main <-> utility process) over a real MessageChannel and a real core', () => {
  let dataDir: string;
  let core: Core;
  let channel: MessageChannel;
  const events: [string, unknown][] = [];
  let client: ReturnType<typeof createCoreClient>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'caja-bridge-'));
    core = await createCore({ config: loadConfig({}, { dataDir }), clock: systemClock, ids: systemIds, log: () => {} });
    channel = new MessageChannel();
    serveCore(core, nodePort(channel.port2));
    client = createCoreClient(nodePort(channel.port1), (e, p) => events.push([e, p]));
  });
  afterAll(() => {
    channel.port1.close();
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers contract calls with the dispatcher result', async () => {
    const r = await client.call('status.get', {});
    expect(r).toMatchObject({ ok: true, data: { workstation: { branchCode: '001' } } });
  });

  it('brings back the dispatcher refusals as typed values', async () => {
    await expect(client.call('nope.nothing', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    await expect(client.call('session.login', { username: 7 })).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    await expect(client.call('till.current', {})).resolves.toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
  });

  it('matches concurrent answers to their calls', async () => {
    const results = await Promise.all([client.call('session.current', {}), client.call('status.get', {}), client.call('x.y', {})]);
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(results[0]).toMatchObject({ data: { state: 'signed_out' } });
  });

  it('forwards push events, validated, after a log-in', async () => {
    const r = await client.call('session.login', { username: 'cajero1', password: 'Caja.2026' });
    expect(r).toMatchObject({ ok: true, data: { state: 'active' } });
    await expect.poll(() => events.map(([e]) => e)).toContain('session.changed');
    expect(events.find(([e]) => e === 'session.changed')?.[1]).toMatchObject({ state: 'active', user: { username: 'cajero1' } });
  });

  it('settles pending calls as CORE_NO_ANSWER and later ones as CORE_UNREACHABLE once the core is gone', async () => {
    const silent = new MessageChannel(); // nobody serves port2: the call stays pending
    const orphan = createCoreClient(nodePort(silent.port1), () => {});
    const pending = orphan.call('status.get', {});
    orphan.disconnect();
    // It was posted to the core: whether it took effect is unknown, unlike a call made after the core went away.
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'CORE_NO_ANSWER' } });
    await expect(orphan.call('status.get', {})).resolves.toMatchObject({ ok: false, error: { code: 'CORE_UNREACHABLE' } });
    silent.port1.close();
  });
});
