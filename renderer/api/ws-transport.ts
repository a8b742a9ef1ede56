import type { Transport } from '../../domain/contract/client';
import type { Channel, EventName } from '../../domain/contract';
import { CORE_NO_ANSWER_ERROR, CORE_UNREACHABLE_ERROR } from '../../domain/contract/channel';
import { ServerMessageSchema, SUPERSEDED_CLOSE } from '../../domain/contract/wire';

const TOKEN_KEY = 'caja.token';

/** The launch URL carries the token in its fragment; keep it for reloads of this tab and clear the address bar. */
export const takeToken = (): string | null => {
  const match = /(?:^|[#&])token=([0-9a-f]{16,128})/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
};

/** The call never left the page: nothing happened at the core, so trying again is safe. */
const unreachable = { ok: false, error: CORE_UNREACHABLE_ERROR } as const;
/** The call was handed to the socket and the link dropped before its answer: the core may have applied it. */
const noAnswer = { ok: false, error: CORE_NO_ANSWER_ERROR } as const;

export interface WsTransport extends Transport {
  /** "Usar aquí": connect again after another window took the workstation, which in turn replaces that one. */
  reclaim(): void;
}

/**
 * Browser-host transport: one WebSocket, calls matched by id, reconnects with backoff. Once the host says another
 * window took over (`superseded`), it stops: no reconnecting (two tabs would take turns replacing each other) and
 * no sending until `reclaim`; calls already sent still get their answers, which the host delivers before closing.
 */
export const createWsTransport = (token: string, onLink: (up: boolean) => void, onSuperseded: () => void = () => {}): WsTransport => {
  // Each call remembers its socket: a replaced socket closing late must not fail the calls of the one after it.
  const pending = new Map<number, { ws: WebSocket; settle: (r: unknown) => void }>();
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let socket: WebSocket | null = null;
  let latest: WebSocket | null = null;
  let superseded = false;
  let nextId = 1;
  let delay = 250;
  let ready: Promise<WebSocket | null>;

  const stop = () => {
    if (superseded) return;
    superseded = true;
    onSuperseded();
  };

  const connect = (): Promise<WebSocket | null> =>
    new Promise((resolve) => {
      const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/bridge?token=${token}`;
      const ws = new WebSocket(url);
      latest = ws;
      ws.onopen = () => {
        socket = ws;
        delay = 250;
        onLink(true);
        resolve(ws);
      };
      ws.onmessage = (ev) => {
        const msg = ServerMessageSchema.safeParse(JSON.parse(String(ev.data)));
        if (!msg.success) return;
        if (msg.data.t === 'result') {
          pending.get(msg.data.id)?.settle(msg.data.result);
          pending.delete(msg.data.id);
        } else if (msg.data.t === 'superseded') {
          if (socket === ws) socket = null;
          stop();
        } else {
          for (const l of listeners.get(msg.data.event) ?? []) l(msg.data.payload);
        }
      };
      ws.onclose = (ev: CloseEvent) => {
        for (const [id, call] of pending) {
          if (call.ws !== ws) continue;
          call.settle(noAnswer);
          pending.delete(id);
        }
        if (ws !== latest) return;
        if (ev.code === SUPERSEDED_CLOSE) stop();
        const wasOpen = socket === ws;
        socket = null;
        if (wasOpen && !superseded) onLink(false);
        resolve(null);
        if (superseded) return;
        setTimeout(() => {
          ready = connect();
        }, delay);
        delay = Math.min(delay * 2, 5000);
      };
    });
  ready = connect();

  return {
    invoke: async (channel: Channel, request: unknown) => {
      if (superseded) return unreachable;
      const ws = socket ?? (await ready);
      if (superseded || !ws || ws.readyState !== WebSocket.OPEN) return unreachable;
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, { ws, settle: resolve });
        ws.send(JSON.stringify({ t: 'call', id, channel, payload: request }));
      });
    },
    subscribe: (event: EventName, listener: (p: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    reclaim: () => {
      if (!superseded) return;
      superseded = false;
      delay = 250;
      ready = connect();
    },
  };
};
