import { isChannel } from '../../../domain/contract';
import type { WireResult } from '../../core/dispatcher';
import { isTrustedSender, type FrameFacts } from './security';

/** What `ipcMain.handle` gives us, reduced to the facts we check (so the checks run in vitest without Electron). */
export interface CallEvent {
  senderFrame: FrameFacts | null;
  sender: { mainFrame: unknown };
}

export type Relay = (channel: string, payload: unknown) => Promise<WireResult>;
export type Warn = (msg: string, details: Record<string, unknown>) => void;

const refused = (code: string, message: string): WireResult => ({ ok: false, error: { code, message } });

/**
 * The IPC handler of `caja:call`. Main is a relay, not a second dispatcher: it checks who is calling (the app's
 * own main frame on `app://caja`) and that the channel is in the contract, then hands the call to the core
 * process, whose dispatcher validates the payload. Refusals are typed values, as every contract answer is.
 */
export const createCallHandler = (relay: Relay, warn: Warn) =>
  async (event: CallEvent, channel: unknown, payload: unknown): Promise<WireResult> => {
    if (!isTrustedSender(event.senderFrame, event.sender.mainFrame)) {
      warn('ipc call refused: untrusted sender', { url: event.senderFrame?.url ?? null });
      return refused('FORBIDDEN', 'Operación no permitida desde esta ventana.');
    }
    if (typeof channel !== 'string' || !isChannel(channel)) {
      warn('ipc call refused: unknown channel', { channel: typeof channel === 'string' ? channel.slice(0, 100) : typeof channel });
      return refused('UNKNOWN_CHANNEL', 'Operación desconocida para esta versión de Caja.');
    }
    return relay(channel, payload);
  };
