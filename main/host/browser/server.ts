import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { CORE_UNREACHABLE_ERROR } from '../../../domain/contract/channel';
import { ClientMessageSchema, SUPERSEDED_CLOSE, type ServerMessage } from '../../../domain/contract/wire';
import type { Core, Log } from '../../compose';
import { readStatic } from './static';

export interface BrowserHost {
  url: string;
  /** The URL to open: the token travels in the fragment, which browsers never send to a server. */
  launchUrl: string;
  token: string;
  close(): Promise<void>;
}

const securityHeaders = (origin: string) => ({
  'Content-Security-Policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${origin.replace(/^http/, 'ws')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
});

const sameToken = (given: string | null, token: string) => {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Serves the built renderer on 127.0.0.1 and carries the contract over a WebSocket. Loopback only; the
 * WebSocket needs the per-launch token and the host's own Origin, and every HTTP request must name the host
 * as 127.0.0.1:<port> (a DNS-rebinding page cannot).
 */
export const startBrowserHost = async (opts: {
  core: Core;
  rendererDir: string;
  port: number;
  log: Log;
  token?: string;
}): Promise<BrowserHost> => {
  const token = opts.token ?? randomBytes(32).toString('hex');
  let origin = '';
  let hostHeader = '';

  const server = createServer((req, res) => {
    if (req.headers.host !== hostHeader) {
      res.writeHead(421).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const path = new URL(req.url ?? '/', origin).pathname;
    void readStatic(opts.rendererDir, path).then((file) => {
      if (!file) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders(origin) }).end('No encontrado');
        return;
      }
      res.writeHead(200, { 'Content-Type': file.type, ...securityHeaders(origin) });
      res.end(req.method === 'HEAD' ? undefined : file.body);
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const refuse = (socket: import('node:stream').Duplex, code: number, why: string) => {
    opts.log({ level: 'warn', msg: 'websocket refused', why });
    socket.end(`HTTP/1.1 ${code} ${why}\r\n\r\n`);
  };

  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname !== '/bridge') return refuse(socket, 404, 'Not Found');
    if (req.headers.host !== hostHeader) return refuse(socket, 421, 'Misdirected Request');
    if (req.headers.origin !== origin) return refuse(socket, 403, 'Forbidden');
    if (!sameToken(url.searchParams.get('token'), token)) return refuse(socket, 401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws));
  });

  /**
   * One live window per workstation, as Electron has: a second tab on the launch URL would otherwise drive the
   * same signed-in session and till next to the first. The newest connection wins; the one it replaces is told
   * (`superseded`), gets no more events, has calls that arrive after that answered as never sent, and is closed
   * once the calls it had in flight are answered, so a posting under way is finished by the core and its answer
   * reaches the window that asked, never lost and never run twice.
   */
  let live: { retire(): void } | null = null;

  const serve = (ws: WebSocket) => {
    const send = (m: ServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
    };
    let inFlight = 0;
    let retired = false;
    const closeIfDone = () => {
      if (retired && inFlight === 0) ws.close(SUPERSEDED_CLOSE, 'superseded');
    };
    const unsubscribe = opts.core.bus.subscribe((event, payload) => send({ t: 'event', event, payload }));
    const self = {
      retire: () => {
        retired = true;
        unsubscribe();
        send({ t: 'superseded' });
        closeIfDone();
      },
    };
    live?.retire();
    live = self;
    ws.on('close', () => {
      unsubscribe();
      if (live === self) live = null;
    });
    ws.on('message', (raw) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw.toString());
      } catch {
        ws.close(1003, 'invalid json');
        return;
      }
      const msg = ClientMessageSchema.safeParse(parsed);
      if (!msg.success) {
        ws.close(1003, 'invalid message');
        return;
      }
      const { id, channel, payload } = msg.data;
      // Sent before the window heard it was replaced: refused untouched, so "try again" (from the live window) is true.
      if (retired) {
        send({ t: 'result', id, result: { ok: false, error: CORE_UNREACHABLE_ERROR } });
        return;
      }
      inFlight += 1;
      void opts.core.dispatch(channel, payload).then((result) => {
        inFlight -= 1;
        send({ t: 'result', id, result });
        closeIfDone();
      });
    });
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  hostHeader = `127.0.0.1:${port}`;
  origin = `http://${hostHeader}`;

  return {
    url: origin,
    launchUrl: `${origin}/#token=${token}`,
    token,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
};
