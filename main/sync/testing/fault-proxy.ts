import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A real HTTP proxy on 127.0.0.1 between a branch and central that misbehaves on purpose. For each request
 * the plan picks a fault:
 *  - `pass`: forward and answer faithfully;
 *  - `drop_before` / `drop_after`: cut the connection without an answer, before forwarding or after central
 *    has processed the request (the branch cannot tell which);
 *  - `delay_before` / `delay_after`: hold the request or the answer for `ms` (past the client's timeout, the
 *    branch gives up while central may still apply it);
 *  - `error_before` / `error_after`: answer 500 without forwarding, or after central processed it;
 *  - `duplicate`: deliver the request to central twice and answer with the second reply;
 *  - `restart`: restart central (kill and start again on the same port and file), then forward;
 *  - `wait_before`: hold the request until `until` settles, then forward (a read kept from central for exactly as
 *    long as a test stages something, instead of a delay hoped long enough).
 */
export type Fault =
  | { kind: 'pass' }
  | { kind: 'drop_before' }
  | { kind: 'drop_after' }
  | { kind: 'delay_before'; ms: number }
  | { kind: 'delay_after'; ms: number }
  | { kind: 'error_before' }
  | { kind: 'error_after' }
  | { kind: 'duplicate' }
  | { kind: 'restart' }
  | { kind: 'wait_before'; until: Promise<unknown> };

export interface FaultProxyOptions {
  /** Central's base URL now (it may change only if a restart moves it). */
  target: () => string;
  plan: (n: number, req: { method: string; path: string }) => Fault;
  restartCentral?: () => Promise<void>;
}

export interface FaultProxy {
  url: string;
  /** Requests seen, and how many of each fault were injected. */
  stats: { requests: number; faults: Record<Fault['kind'], number>; deliveries: number };
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const ERROR_500 = JSON.stringify({ error: { code: 'INTERNAL', message: 'Falla inyectada por el proxy de pruebas.' } });

export const startFaultProxy = async (opts: FaultProxyOptions): Promise<FaultProxy> => {
  const stats: FaultProxy['stats'] = {
    requests: 0,
    deliveries: 0,
    faults: { pass: 0, drop_before: 0, drop_after: 0, delay_before: 0, delay_after: 0, error_before: 0, error_after: 0, duplicate: 0, restart: 0, wait_before: 0 },
  };
  const sockets = new Set<Socket>();
  // Restarts are serialised: two requests asking for one at once get one restart.
  let restarting: Promise<void> | null = null;

  const forward = async (req: IncomingMessage, body: Buffer): Promise<{ status: number; text: string; type: string }> => {
    stats.deliveries++;
    const headers: Record<string, string> = {};
    for (const h of ['authorization', 'content-type', 'accept']) {
      const v = req.headers[h];
      if (typeof v === 'string') headers[h] = v;
    }
    const res = await fetch(`${opts.target()}${req.url ?? '/'}`, {
      method: req.method ?? 'GET',
      headers,
      ...(req.method === 'POST' ? { body: new Uint8Array(body) } : {}),
    });
    return { status: res.status, text: await res.text(), type: res.headers.get('content-type') ?? 'application/json' };
  };

  const answer = (res: ServerResponse, r: { status: number; text: string; type: string }) => {
    res.writeHead(r.status, { 'content-type': r.type, 'content-length': Buffer.byteLength(r.text) });
    res.end(r.text);
  };
  const cut = (req: IncomingMessage, res: ServerResponse) => {
    req.socket.destroy();
    res.destroy();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const n = ++stats.requests;
    const body = await readBody(req);
    const fault = opts.plan(n, { method: req.method ?? 'GET', path: req.url ?? '/' });
    stats.faults[fault.kind]++;
    switch (fault.kind) {
      case 'pass':
        return answer(res, await forward(req, body));
      case 'drop_before':
        return cut(req, res);
      case 'drop_after':
        await forward(req, body);
        return cut(req, res);
      case 'delay_before':
        await sleep(fault.ms);
        if (req.socket.destroyed) {
          // The client gave up; central still gets the request, as a slow network would deliver it.
          await forward(req, body).catch(() => undefined);
          return;
        }
        return answer(res, await forward(req, body));
      case 'delay_after': {
        const r = await forward(req, body);
        await sleep(fault.ms);
        if (!req.socket.destroyed) answer(res, r);
        return;
      }
      case 'error_before':
        return answer(res, { status: 500, text: ERROR_500, type: 'application/json' });
      case 'error_after':
        await forward(req, body);
        return answer(res, { status: 500, text: ERROR_500, type: 'application/json' });
      case 'duplicate': {
        await forward(req, body);
        return answer(res, await forward(req, body));
      }
      case 'wait_before':
        await fault.until;
        if (req.socket.destroyed) {
          await forward(req, body).catch(() => undefined);
          return;
        }
        return answer(res, await forward(req, body));
      case 'restart':
        if (opts.restartCentral) {
          restarting ??= opts.restartCentral().finally(() => {
            restarting = null;
          });
          await restarting;
        }
        return answer(res, await forward(req, body));
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // Central unreachable behind the proxy: what the branch sees is a 502 with no central body.
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end('bad gateway');
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
};
