import type { PrintJobKind } from '../../../domain/receipt/paper';
import type { Db } from '../db';

export type PrintJobState = 'queued' | 'printing' | 'printed' | 'failed';
export type DeviceKey = 'printer' | 'fingerprint' | 'scanner';

export interface PrintJobRecord {
  id: string;
  /** Business reference of what the paper proves (comprobante sequence, `PRUEBA-…` for test prints). */
  reference: string;
  sequence: string;
  kind: PrintJobKind;
  /** 0 for the original, n for "COPIA No. n". */
  copyNumber: number;
  state: PrintJobState;
  attempts: number;
  reason: { code: string; message: string } | null;
  /** Some attempt failed after its bytes began to leave (sticky). */
  mayHavePrinted: boolean;
  /** The ReceiptDocument as JSON: what Reintentar and Reimprimir send again. */
  document: string;
  createdAt: string;
  updatedAt: string;
}

interface JobRow {
  id: string;
  reference: string;
  sequence: string;
  kind: PrintJobKind;
  copy_number: number;
  state: PrintJobState;
  attempts: number;
  reason_code: string | null;
  reason_message: string | null;
  may_have_printed: number;
  document: string;
  created_at: string;
  updated_at: string;
}

const toJob = (r: JobRow): PrintJobRecord => ({
  id: r.id,
  reference: r.reference,
  sequence: r.sequence,
  kind: r.kind,
  copyNumber: r.copy_number,
  state: r.state,
  attempts: r.attempts,
  reason: r.reason_code !== null ? { code: r.reason_code, message: r.reason_message ?? '' } : null,
  mayHavePrinted: r.may_have_printed === 1,
  document: r.document,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Device settings and print jobs of this workstation. */
export const devicesRepo = (db: Db) => {
  const insertJob = db.prepare(`INSERT INTO device_print_jobs
    (id, reference, sequence, kind, copy_number, state, attempts, document, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)`);
  const updateJob = db.prepare(`UPDATE device_print_jobs
    SET state = ?, attempts = ?, reason_code = ?, reason_message = ?, may_have_printed = MAX(may_have_printed, ?), updated_at = ?
    WHERE id = ?`);
  const countAttempt = db.prepare('UPDATE device_print_jobs SET attempts = attempts + 1, updated_at = ? WHERE id = ?');
  const byId = db.prepare<[string], JobRow>('SELECT * FROM device_print_jobs WHERE id = ?');
  const byReference = db.prepare<[string], JobRow>('SELECT * FROM device_print_jobs WHERE reference = ? ORDER BY copy_number');
  const byCopy = db.prepare<[string, number], JobRow>('SELECT * FROM device_print_jobs WHERE reference = ? AND copy_number = ?');
  const anyPrinted = db
    .prepare<[string], number>("SELECT EXISTS (SELECT 1 FROM device_print_jobs WHERE reference = ? AND state = 'printed')")
    .pluck();
  const maxCopy = db.prepare<[string], number | null>('SELECT MAX(copy_number) FROM device_print_jobs WHERE reference = ?').pluck();
  const recent = db.prepare<[number], JobRow>('SELECT * FROM device_print_jobs ORDER BY created_at DESC, rowid DESC LIMIT ?');
  const unfinished = db.prepare<[], JobRow>("SELECT * FROM device_print_jobs WHERE state IN ('queued', 'printing') ORDER BY rowid");
  const getSetting = db.prepare<[string], string>('SELECT config FROM device_settings WHERE device = ?').pluck();
  const allSettings = db.prepare<[], { device: DeviceKey; config: string }>('SELECT device, config FROM device_settings');
  const putSetting = db.prepare(`INSERT INTO device_settings (device, config, updated_at, updated_by) VALUES (?, ?, ?, ?)
    ON CONFLICT(device) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at, updated_by = excluded.updated_by`);

  return {
    insertJob: (j: Pick<PrintJobRecord, 'id' | 'reference' | 'sequence' | 'kind' | 'copyNumber' | 'document' | 'createdAt'>): PrintJobRecord => {
      insertJob.run(j.id, j.reference, j.sequence, j.kind, j.copyNumber, j.document, j.createdAt, j.createdAt);
      return { ...j, state: 'queued', attempts: 0, reason: null, mayHavePrinted: false, updatedAt: j.createdAt };
    },
    updateJob: (id: string, s: { state: PrintJobState; attempts: number; reason: PrintJobRecord['reason']; mayHavePrinted?: boolean; at: string }): void => {
      updateJob.run(s.state, s.attempts, s.reason?.code ?? null, s.reason?.message ?? null, s.mayHavePrinted ? 1 : 0, s.at, id);
    },
    /** One more try handed to the printer, written before it is sent: a crash while it prints or waits still shows it. */
    countAttempt: (id: string, at: string): void => {
      countAttempt.run(at, id);
    },
    job: (id: string): PrintJobRecord | undefined => {
      const r = byId.get(id);
      return r ? toJob(r) : undefined;
    },
    jobsFor: (reference: string): PrintJobRecord[] => byReference.all(reference).map(toJob),
    jobCopy: (reference: string, copyNumber: number): PrintJobRecord | undefined => {
      const r = byCopy.get(reference, copyNumber);
      return r ? toJob(r) : undefined;
    },
    /** Whether any paper with this reference came out of the printer (what Reimprimir needs). */
    printed: (reference: string): boolean => anyPrinted.get(reference) === 1,
    /** Highest copy number printed for a reference; -1 when none. */
    lastCopy: (reference: string): number => maxCopy.get(reference) ?? -1,
    recentJobs: (limit: number): PrintJobRecord[] => recent.all(limit).map(toJob),
    unfinishedJobs: (): PrintJobRecord[] => unfinished.all().map(toJob),
    setting: (device: DeviceKey): string | undefined => getSetting.get(device),
    settings: (): { device: DeviceKey; config: string }[] => allSettings.all(),
    saveSetting: (device: DeviceKey, config: string, at: string, by: string): void => {
      putSetting.run(device, config, at, by);
    },
  };
};
export type DevicesRepo = ReturnType<typeof devicesRepo>;
