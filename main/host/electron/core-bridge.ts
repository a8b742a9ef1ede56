import { CORE_NO_ANSWER_ERROR, CORE_UNREACHABLE_ERROR } from '../../../domain/contract/channel';
import { ClientMessageSchema, ServerMessageSchema, type ServerMessage } from '../../../domain/contract/wire';
import { isEventName, events } from '../../../domain/contract/events';
import type { Core } from '../../compose';
import type { WireResult } from '../../core/dispatcher';

/**
 * The two ends of the MessagePort between Electron main and the core's utility process, written against a
 * minimal port shape so both are unit-tested with Node's own `MessageChannel` (Electron's `MessagePortMain`
 * delivers `{ data }` events; `main.ts` and `core-process.ts` adapt it). Messages are the browser host's wire
 * schemas (`domain/contract/wire.ts`), so both hosts speak the same protocol to the same dispatcher.
 */
export interface PortLike {
  postMessage(message: unknown): void;
  onMessage(listener: (data: unknown) => void): void;
}

/** Core side: every call goes through `dispatch` (which refuses unknown channels and bad payloads). */
export const serveCore = (core: Pick<Core, 'dispatch' | 'bus'>, port: PortLike): (() => void) => {
  const send = (m: ServerMessage) => port.postMessage(m);
  port.onMessage((data) => {
    const msg = ClientMessageSchema.safeParse(data);
    if (!msg.success) return; // main only relays well-formed calls; anything else is not ours to answer
    const { id, channel, payload } = msg.data;
    void core.dispatch(channel, payload).then((result) => send({ t: 'result', id, result }));
  });
  return core.bus.subscribe((event, payload) => send({ t: 'event', event, payload }));
};

export const CORE_UNREACHABLE: WireResult = { ok: false, error: CORE_UNREACHABLE_ERROR };
/** A call the core received and did not answer before exiting: it may have been applied. */
export const CORE_NO_ANSWER: WireResult = { ok: false, error: CORE_NO_ANSWER_ERROR };

/** Main side: matches answers to calls by id; a core that exits settles everything pending as unanswered. */
export const createCoreClient = (port: PortLike, onEvent: (event: string, payload: unknown) => void) => {
  const pending = new Map<number, (r: WireResult) => void>();
  let nextId = 1;
  let down = false;
  port.onMessage((data) => {
    const msg = ServerMessageSchema.safeParse(data);
    if (!msg.success) return;
    if (msg.data.t === 'result') {
      pending.get(msg.data.id)?.(msg.data.result);
      pending.delete(msg.data.id);
      return;
    }
    // Only the browser host has windows that replace each other; Electron has its one window.
    if (msg.data.t === 'superseded') return;
    // Events are validated again here, the last process before the renderer (anchors §8 item 6).
    const { event, payload } = msg.data;
    if (isEventName(event) && events[event].safeParse(payload).success) onEvent(event, payload);
  });
  return {
    call: (channel: string, payload: unknown): Promise<WireResult> => {
      if (down) return Promise.resolve(CORE_UNREACHABLE);
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        port.postMessage({ t: 'call', id, channel, payload });
      });
    },
    /** The utility process exited: nothing pending will be answered. */
    disconnect: () => {
      down = true;
      for (const settle of pending.values()) settle(CORE_NO_ANSWER);
      pending.clear();
    },
  };
};
