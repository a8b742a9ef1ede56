import { z } from 'zod';

/** What the UI shows per device. `message` is Spanish and tells the teller what to do. */
export const PrinterStatusSchema = z.object({
  online: z.boolean(),
  coverOpen: z.boolean(),
  paperNearEnd: z.boolean(),
  paperOut: z.boolean(),
  /** Cutter, mechanical or unrecoverable error (DLE EOT 3). */
  error: z.boolean(),
});
export type PrinterStatus = z.infer<typeof PrinterStatusSchema>;

/**
 * The printer's own conditions: a job that failed for one of them prints once the printer reports ready again, so
 * the failure's message ("cambie el rollo…") is out of date then. Other failures (an interrupted print, a slip not
 * inserted) still say what to check before retrying.
 */
export const PRINTER_PROBLEMS = ['PRINTER_DISCONNECTED', 'PRINTER_NO_RESPONSE', 'PRINTER_COVER_OPEN', 'PRINTER_PAPER_OUT', 'PRINTER_OFFLINE', 'PRINTER_ERROR'] as const;
export type PrinterProblem = (typeof PRINTER_PROBLEMS)[number];

export const DeviceKindSchema = z.enum(['printer', 'fingerprint', 'scanner']);
export type DeviceKind = z.infer<typeof DeviceKindSchema>;

export const DeviceStateSchema = z.enum(['connecting', 'ready', 'busy', 'attention', 'disconnected']);
export type DeviceState = z.infer<typeof DeviceStateSchema>;

export const DeviceStatusSchema = z.object({
  id: z.string(),
  kind: DeviceKindSchema,
  state: DeviceStateSchema,
  emulated: z.boolean(),
  /** Spanish, for the status bar; absent when everything is fine. */
  message: z.string().optional(),
  /** A printer's condition that `message` words; absent when it can print. */
  problem: z.enum(PRINTER_PROBLEMS).optional(),
  printer: PrinterStatusSchema.optional(),
  /** ISO date-time of the last change, from the device process clock. */
  since: z.string(),
});
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;

export const PrintJobStateSchema = z.enum(['queued', 'printing', 'printed', 'failed']);
export type PrintJobState = z.infer<typeof PrintJobStateSchema>;

export const PrintJobViewSchema = z.object({
  id: z.string(),
  state: PrintJobStateSchema,
  /** Business id the job prints (receipt sequence). */
  sequence: z.string(),
  attempts: z.number().int().nonnegative(),
  /** Why it failed, Spanish, with what to do; `mayHavePrinted` when it failed after its bytes began to leave. */
  reason: z.object({ code: z.string(), message: z.string(), mayHavePrinted: z.boolean().optional() }).optional(),
});
export type PrintJobView = z.infer<typeof PrintJobViewSchema>;
