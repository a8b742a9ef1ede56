import { z } from 'zod';
import { PRINTER_PROBLEMS } from '../devices/status';
import { channel } from './channel';

export const DeviceStatusSchema = z.object({
  id: z.string(),
  kind: z.enum(['receipt_printer', 'slip_printer', 'fingerprint', 'scanner']),
  label: z.string(),
  state: z.enum(['ok', 'warning', 'error', 'offline', 'unknown']),
  /** Spanish, tells the teller what to do. */
  message: z.string(),
  /**
   * The printer's own condition behind `message`, null when it has none (and for other devices): a failed print
   * compares its reason's code with it, since a message's wording may change between versions or be shared.
   */
  problem: z.enum(PRINTER_PROBLEMS).nullable(),
  emulated: z.boolean(),
});
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;

export const WorkstationStatusSchema = z.object({
  workstation: z.object({ id: z.string(), branchCode: z.string(), branchName: z.string(), tillCode: z.string() }),
  user: z.object({ displayName: z.string(), role: z.string() }).nullable(),
  till: z.object({
    state: z.enum(['sin_abrir', 'abierta', 'cerrada']),
    /** Who holds the open till (display name, else user name); null unless it is open. */
    tellerName: z.string().nullable(),
  }),
  central: z.object({
    state: z.enum(['online', 'offline', 'unknown']),
    queueLength: z.number().int().nonnegative(),
    lastSyncAt: z.string().nullable(),
  }),
  devices: z.array(DeviceStatusSchema),
  contingency: z.boolean(),
  /** Electronic journal integrity: null while not yet verified, false when the chain is broken. */
  journal: z.object({ ok: z.boolean().nullable(), message: z.string() }),
  /**
   * This workstation's own supervisor requests: `version` moves each time one is made or closed here (decided,
   * withdrawn, or found decided at another desk), and only then. The UI rereads the approval queue (a call to
   * central) on a push whose version moved, not on every push; requests of other workstations come by its poll.
   */
  approvals: z.object({ version: z.number().int().nonnegative() }),
});
export type WorkstationStatus = z.infer<typeof WorkstationStatusSchema>;

export const statusChannels = {
  'status.get': channel({ access: 'public', request: z.object({}), response: WorkstationStatusSchema }),
} as const;
