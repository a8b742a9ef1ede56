import type { DevicePrintJob } from '../../../domain/contract/devices';
import type { DeviceStatus } from '../../../domain/contract/status';
import { PRINTER_PROBLEMS, type PrinterProblem } from '../../../domain/devices/status';

/** A printer condition in a few words: the history of a failure whose full message ("cambie el rollo…") no longer applies. */
const CAUSE: Record<PrinterProblem, string> = {
  PRINTER_DISCONNECTED: 'impresora desconectada',
  PRINTER_NO_RESPONSE: 'la impresora no respondía',
  PRINTER_COVER_OPEN: 'tapa abierta',
  PRINTER_PAPER_OUT: 'sin papel',
  PRINTER_OFFLINE: 'impresora fuera de línea',
  PRINTER_ERROR: 'error en la impresora',
};

const isCondition = (code: string): code is PrinterProblem => (PRINTER_PROBLEMS as readonly string[]).includes(code);

export const PRINTER_READY_NOW = 'La impresora ya está lista: pulse Reintentar.';

export interface FailedJobWording {
  /** Why it failed in a few words, when it was the printer's condition and the printer has changed since; else null. */
  was: string | null;
  /** Why it failed with what to do, while that still applies. */
  cause: string | null;
  /** What the printer has now, when it is not what made this job fail; `ready` when Reintentar is the next step. */
  now: { text: string; ready: boolean } | null;
}

/** The printer the jobs go to: receipts and validations alike go to the one configured printer. */
export const printerAmong = (devices: DeviceStatus[]): DeviceStatus | undefined =>
  devices.find((d) => d.kind === 'receipt_printer' || d.kind === 'slip_printer');

/**
 * A failed job's row: its cause was the printer as it was when it failed, and the teller acts on the printer as it
 * is, so once they differ the row keeps the cause as history and says what the printer has now. Every failed row
 * is worded against the same current printer, the oldest as the newest.
 */
export const failedJobWording = (reason: DevicePrintJob['reason'], printer: DeviceStatus | undefined): FailedJobWording => {
  if (!printer) return { was: null, cause: reason?.message ?? null, now: null };
  const ready = printer.state === 'ok' || printer.state === 'warning';
  // By code, not by message: a job keeps the wording of the day it failed, and a message may be reworded or shared.
  const unchanged = !ready && reason !== null && printer.problem !== null && printer.problem === reason.code;
  const now = ready
    ? { text: PRINTER_READY_NOW, ready: true }
    : unchanged
      ? null
      : {
          text: `Ahora: ${printer.state === 'unknown' ? 'la impresora se está conectando; espere a que esté lista y pulse Reintentar.' : printer.message}`,
          ready: false,
        };
  // A failure of another kind (an interrupted print, a slip not inserted) still says what to check before Reintentar.
  if (reason && isCondition(reason.code) && !unchanged) return { was: CAUSE[reason.code], cause: null, now };
  // The printer's words when it is the same problem: they are today's, the job's are those of the day it failed.
  return { was: null, cause: unchanged ? printer.message : (reason?.message ?? null), now };
};

/** A status line following one document: on its way, out, or why not and what to do now. */
const jobSays = (name: string, printed: string, job: DevicePrintJob | undefined, printer: DeviceStatus | undefined): string => {
  if (!job || job.state === 'queued' || job.state === 'printing') return `${name}: imprimiendo…`;
  if (job.state === 'printed') return `${name}: ${printed}.`;
  const w = failedJobWording(job.reason, printer);
  return [`${name}: no se imprimió${w.was ? ` (${w.was})` : ''}.`, w.cause, w.now?.text].filter((s) => s).join(' ');
};

/** The status line after Prueba de impresión: whether the page came out, and if not why and what to do now. */
export const testPrintSays = (job: DevicePrintJob | undefined, printer: DeviceStatus | undefined): string =>
  jobSays('Prueba de impresión', 'impresa', job, printer);

/** What a row calls its document: a test page by name, anything else by its reference. */
export const jobName = (job: Pick<DevicePrintJob, 'kind' | 'reference'>): string =>
  job.kind === 'test' ? 'Prueba de impresión' : job.kind === 'validation' ? `Validación ${job.reference.replace(/^VAL-/, '')}` : job.reference;

/**
 * The status line after Reintentar, `job` undefined while the try sent is not yet listed: a row that failed again
 * says why as the row does, so the teller need not look for it.
 */
export const retrySays = (name: string, job: DevicePrintJob | undefined, printer: DeviceStatus | undefined): string =>
  jobSays(name, 'se imprimió', job, printer);
