import type { DeviceManager } from '../../../drivers/manager';
import type { SlipStage, ValidationImprint } from '../../../drivers/printer/slip';
import type { DevicesRepo, PrintJobRecord, PrintJobState } from '../../store/devices/repo';

type Reason = { code: string; message: string; mayHavePrinted?: boolean };

/** A validation's job reference: the comprobante's own sequence is its receipt's, and (reference, copy) is one paper. */
export const validationReference = (sequence: string): string => `VAL-${sequence}`;

export const VALIDATION_SKIPPED: Reason = {
  code: 'VALIDATION_SKIPPED',
  message: 'Validación omitida: el comprobante del cliente quedó sin validar. Valídelo con Reintentar en Dispositivos (F9).',
};
const NOT_READY: Reason = {
  code: 'DEVICES_RESTARTING',
  message: 'La impresora de validación no estaba lista: espere a que se conecte y pulse Reintentar.',
};

/** Stages after which the imprint is on the customer's paper: a failure then is only the slip not taken out yet. */
const IMPRINTED: ReadonlySet<SlipStage> = new Set(['eject', 'waitRemoval', 'done']);

export interface ValidationDeps {
  repo: DevicesRepo;
  now: () => string;
  uuid: () => string;
  /** Whether the printer as configured now has a slip station. */
  slip: () => boolean;
  /** The started device manager, or null while devices start or restart. */
  manager: () => DeviceManager | null;
  setJob: (id: string, state: PrintJobState, reason: Reason | null) => void;
  reasonOf: (err: unknown) => Reason;
  changed: () => void;
  /** A validation ended: receipts held back while it had the slip station can go to the printer. */
  settled: () => void;
  /** How long the slip station waits for the slip to go in and to come out (tests shorten them). */
  timeouts?: { insertMs?: number; removalMs?: number };
}

/**
 * Validation imprints at the slip station, as print jobs of kind `validation`: owed in the posting's transaction,
 * started once after the commit, and never again unless the teller presses Reintentar. A teller handles the paper,
 * so one runs at a time and each stage's prompt is kept for the screens (read through the job, pushed as a change).
 */
export const createValidations = (d: ValidationDeps) => {
  const running = new Map<string, { controller: AbortController; stage: SlipStage; prompt: string; skipped: boolean }>();

  const run = async (rec: PrintJobRecord): Promise<void> => {
    const m = d.manager();
    if (!m) return d.setJob(rec.id, 'failed', NOT_READY);
    const imprint = JSON.parse(rec.document) as ValidationImprint;
    const controller = new AbortController();
    const entry = { controller, stage: 'select' as SlipStage, prompt: '', skipped: false };
    running.set(rec.id, entry);
    // Counted before the printer is asked, as receipts are: a crash mid-way shows the try beside "se interrumpió".
    d.repo.countAttempt(rec.id, d.now());
    d.setJob(rec.id, 'printing', null);
    try {
      await m.validateSlip(imprint, {
        signal: controller.signal,
        ...(d.timeouts?.insertMs !== undefined ? { insertTimeoutMs: d.timeouts.insertMs } : {}),
        ...(d.timeouts?.removalMs !== undefined ? { removalTimeoutMs: d.timeouts.removalMs } : {}),
        onStage: (stage, prompt) => {
          entry.stage = stage;
          entry.prompt = prompt;
          d.changed();
        },
      });
      running.delete(rec.id);
      d.setJob(rec.id, 'printed', null);
    } catch (err) {
      running.delete(rec.id);
      if (IMPRINTED.has(entry.stage)) d.setJob(rec.id, 'printed', null);
      else if (entry.skipped && entry.stage !== 'print') d.setJob(rec.id, 'failed', VALIDATION_SKIPPED);
      // Cut while printing: the line may be half on the paper, so the retry is shown as one that may repeat it.
      else d.setJob(rec.id, 'failed', { ...d.reasonOf(err), ...(entry.stage === 'print' ? { mayHavePrinted: true } : {}) });
    } finally {
      d.changed();
      d.settled();
    }
  };

  return {
    /** In the posting's transaction: the job, queued and not started; none when the printer has no slip station. */
    owe: (imprint: ValidationImprint): { jobId: string } | null => {
      if (!d.slip()) return null;
      const reference = validationReference(imprint.sequence);
      const existing = d.repo.jobCopy(reference, 0);
      if (existing) return { jobId: existing.id };
      const rec = d.repo.insertJob({
        id: d.uuid(), reference, sequence: imprint.sequence, kind: 'validation', copyNumber: 0, document: JSON.stringify(imprint), createdAt: d.now(),
      });
      return { jobId: rec.id };
    },

    /**
     * After the commit: starts the owed validation if it was never tried. A replayed posting, or one whose first
     * attempt already ran (or was interrupted by a restart), reports its job as it is and starts nothing.
     */
    start: (sequence: string): { jobId: string; state: PrintJobState } | null => {
      const rec = d.repo.jobCopy(validationReference(sequence), 0);
      if (!rec) return null;
      if (rec.state === 'queued' && rec.attempts === 0 && !running.has(rec.id)) void run(rec);
      return { jobId: rec.id, state: d.repo.job(rec.id)?.state ?? rec.state };
    },

    /** Reintentar on a failed validation: the same imprint, asked for by the teller. */
    retry: (rec: PrintJobRecord): void => {
      d.setJob(rec.id, 'queued', null);
      void run(rec);
    },

    /** Omitir: stops the wait for the slip; a job not yet started is failed so it stays owed in F9. */
    skip: (rec: PrintJobRecord): boolean => {
      const entry = running.get(rec.id);
      if (entry) {
        entry.skipped = true;
        entry.controller.abort();
        return true;
      }
      if (rec.state !== 'queued') return false;
      d.setJob(rec.id, 'failed', VALIDATION_SKIPPED);
      return true;
    },

    prompt: (jobId: string): string | undefined => running.get(jobId)?.prompt || undefined,

    /** Whether a validation is holding the slip station (the receipt queue must not print to it meanwhile). */
    busy: (): boolean => running.size > 0,
  };
};
export type Validations = ReturnType<typeof createValidations>;
