import { z } from 'zod';

/** Messages of the browser host's WebSocket bridge (Electron uses ipcRenderer.invoke for the same calls). */
export const ClientMessageSchema = z.object({
  t: z.literal('call'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  payload: z.unknown(),
});
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export const WireResultSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }),
  }),
]);

export const ServerMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('result'), id: z.number().int(), result: WireResultSchema }),
  z.object({ t: z.literal('event'), event: z.string(), payload: z.unknown() }),
  /** Another window connected with the launch token and now serves the workstation; this one must stop. */
  z.object({ t: z.literal('superseded') }),
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;

/** Close code of a bridge socket replaced by another window's (4000–4999 are the application's own). */
export const SUPERSEDED_CLOSE = 4001;
