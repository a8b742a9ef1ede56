import type { DeviceSettings, DevicePrintJob, Discovery, EmulatorCommand } from '../../../domain/contract/devices';
import type { DeviceStatus } from '../../../domain/contract/status';
import type { CedulaParseResult } from '../../../domain/devices/cedula-pdf417';
import { type DeviceConfig, DeviceConfigSchema } from '../../../domain/devices/config';
import { type Finger, findDemoCitizen } from '../../../domain/devices/demo-citizens';
import type { PrintJobView } from '../../../domain/devices/status';
import { ReceiptDocumentSchema, type ReceiptDocument } from '../../../domain/receipt/document';
import type { PrintJobKind } from '../../../domain/receipt/paper';
import { FingerprintError } from '../../../drivers/fingerprint/port';
import { DeviceConfigError, type DeviceManager } from '../../../drivers/manager';
import type { SlipOptions, ValidationImprint } from '../../../drivers/printer/slip';
import { PrinterError } from '../../../drivers/printer/status';
import { listHidDevices } from '../../../drivers/transport/hid/hid-transport';
import { listSerialPorts } from '../../../drivers/transport/serial/serial-transport';
import { AppError } from '../../core/errors';
import type { Clock, Ids } from '../../core/runtime';
import { inTransaction, type Db } from '../../store/db';
import type { DeviceKey, DevicesRepo, PrintJobRecord, PrintJobState } from '../../store/devices/repo';
import type { Journal } from '../journal/writer';
import { startingStatuses, toContractStatus, withPendingJobs } from './status-map';
import { testReceipt } from './test-receipt';
import { createValidations } from './validation';

/** Builds a (not yet started) device manager for a config; composition passes `new DeviceManager(c, …)`. */
export type ManagerFactory = (config: DeviceConfig) => DeviceManager;

export interface DeviceServiceDeps {
  manager: ManagerFactory;
  /** The `devices` section of the core config; settings saved in the Devices screen override it per device. */
  config: DeviceConfig;
  db: Db;
  repo: DevicesRepo;
  journal: Journal;
  clock: Clock;
  ids: Ids;
  /** Something the status bar shows changed (device state, a print job). */
  onChange: () => void;
  workstation: { branchCode: string; branchName: string; tillCode: string };
  /**
   * What a copy of the paper with this reference must say that its original did not (a reversed comprobante's
   * reversal): the original is kept as printed, each copy carries what is true when it is printed.
   */
  copyMarks?: (reference: string) => string[];
  log?: (e: { level: 'info' | 'warn' | 'error'; msg: string; [k: string]: unknown }) => void;
  /** How long the slip station waits for the customer's slip to go in and come out; tests shorten them. */
  slipTimeouts?: { insertMs?: number; removalMs?: number };
}

type Reason = { code: string; message: string; mayHavePrinted?: boolean };

const INTERRUPTED: Reason = {
  code: 'PRINT_INTERRUPTED',
  message: 'La impresión se interrumpió (Caja o la impresora se reinició): revise el papel y pulse Reintentar.',
};
/** Printed on a retry of a paper that may already be out, so the customer never holds two unmarked originals. */
export const REPRINT_MARK = 'Reimpresión';
const DEVICES_RESTARTING = () =>
  new AppError('DEVICES_RESTARTING', 'Los dispositivos se están reconectando con la nueva configuración: espere unos segundos e intente de nuevo.');
const KEEP_JOBS_LISTED = 50;

const reasonOf = (err: unknown): Reason => {
  if (err instanceof PrinterError) return { code: err.code, message: err.message, ...(err.mayHavePrinted ? { mayHavePrinted: true } : {}) };
  if (err instanceof SyntaxError || (err instanceof Error && err.name === 'ZodError')) {
    return { code: 'PRINT_DOCUMENT_INVALID', message: 'El documento no tiene el formato esperado y no se pudo imprimir: informe a soporte.' };
  }
  return { code: 'PRINTER_ERROR', message: new PrinterError('PRINTER_ERROR').message };
};

const toView = (r: PrintJobRecord, prompt?: string): DevicePrintJob => ({
  jobId: r.id, reference: r.reference, sequence: r.sequence, kind: r.kind, copyNumber: r.copyNumber, state: r.state,
  attempts: r.attempts, reason: r.reason, mayHavePrinted: r.mayHavePrinted, ...(prompt ? { prompt } : {}), createdAt: r.createdAt, updatedAt: r.updatedAt,
});

/** The saved per-device settings over the config file section; a saved section that no longer validates is ignored. */
const effectiveConfig = (base: DeviceConfig, repo: DevicesRepo): DeviceConfig => {
  const merged: Record<string, unknown> = { ...base };
  for (const s of repo.settings()) {
    try {
      merged[s.device] = JSON.parse(s.config) as unknown;
    } catch {
      // keep the file's section
    }
  }
  const parsed = DeviceConfigSchema.safeParse(merged);
  return parsed.success ? parsed.data : base;
};

/**
 * The workstation's devices as the rest of the core uses them. Print jobs are recorded in SQLite before the
 * printer sees them, so a posting never depends on paper: a failure marks the job `failed` with the teller's
 * next step and Reintentar sends the same document again. Fingerprint templates pass through, never stored.
 */
export const createDeviceService = (deps: DeviceServiceDeps) => {
  let config = effectiveConfig(deps.config, deps.repo);
  let manager: DeviceManager | null = null;
  let ready = false;
  let restarting = false;
  let closed = false;
  /** Manager job id → our job id; a manager lives in memory only, our records survive restarts. */
  const owner = new Map<string, string>();
  /** Our jobs recorded while no manager could take them (start, restart); sent once it is up. */
  const pending: string[] = [];
  let chain: Promise<unknown> = Promise.resolve();
  const now = () => deps.clock.now().toISOString();

  const changed = () => {
    if (closed) return;
    try {
      deps.onChange();
    } catch (err) {
      deps.log?.({ level: 'warn', msg: 'device status push failed', err });
    }
  };

  const setJob = (id: string, state: PrintJobState, reason: Reason | null): void => {
    if (closed) return; // the store may already be closed
    const rec = deps.repo.job(id);
    if (!rec || (rec.state === state && rec.reason?.code === reason?.code)) return;
    const mayHavePrinted = reason?.mayHavePrinted === true;
    inTransaction(deps.db, () => {
      deps.repo.updateJob(id, { state, attempts: rec.attempts, reason: reason && { code: reason.code, message: reason.message }, mayHavePrinted, at: now() });
      if (state === 'failed' && reason) {
        deps.journal.record('device_error', 'system', {
          device: 'printer', jobId: id, reference: rec.reference, copy: rec.copyNumber, code: reason.code, ...(mayHavePrinted ? { mayHavePrinted } : {}),
        });
      }
    });
    changed();
  };

  const onJob = (j: PrintJobView): void => {
    const id = owner.get(j.id);
    if (closed || !id) return;
    setJob(id, j.state, j.reason ?? null);
  };
  const onStatus = (): void => changed();
  const cedulaListeners = new Set<(r: CedulaParseResult) => void>();
  const onCedula = (r: CedulaParseResult): void => {
    for (const l of cedulaListeners) l(r);
  };

  /** The manager emits `queued` and `printing` before it returns the job id, so read its state back after. */
  const follow = (m: DeviceManager, v: PrintJobView, recordId: string): void => {
    owner.set(v.id, recordId);
    onJob(m.jobs().find((j) => j.id === v.id) ?? v);
  };

  const submit = (rec: PrintJobRecord): void => {
    const m = manager;
    // While the slip station holds the customer's slip, receipt bytes would print on it: they wait for it to end.
    if (!m || !ready || validations.busy()) {
      pending.push(rec.id);
      return;
    }
    try {
      const doc = ReceiptDocumentSchema.parse(JSON.parse(rec.document));
      const marked = rec.mayHavePrinted && !doc.marks.includes(REPRINT_MARK) ? { ...doc, marks: [...doc.marks, REPRINT_MARK] } : doc;
      // Counted when the printer is handed the job, not when it reports printing: a job waiting behind another in the
      // printer's queue when Caja dies was sent too, and the teller must see that try beside "se interrumpió".
      deps.repo.countAttempt(rec.id, now());
      follow(m, m.printReceipt(marked), rec.id);
    } catch (err) {
      setJob(rec.id, 'failed', reasonOf(err));
    }
  };

  const flush = (): void => {
    for (const id of pending.splice(0)) {
      const rec = deps.repo.job(id);
      if (rec?.state === 'queued') submit(rec);
    }
  };

  const attach = (m: DeviceManager): void => {
    m.on('status', onStatus);
    m.on('job', onJob);
    m.on('cedula', onCedula);
  };
  const detach = (m: DeviceManager): void => {
    m.off('status', onStatus);
    m.off('job', onJob);
    m.off('cedula', onCedula);
  };

  /** Jobs a stopped manager still held can no longer finish; the teller retries them. */
  const abandonManagerJobs = (): void => {
    for (const id of owner.values()) {
      const r = deps.repo.job(id);
      if (r && (r.state === 'queued' || r.state === 'printing')) setJob(id, 'failed', { ...INTERRUPTED, mayHavePrinted: r.state === 'printing' });
    }
    owner.clear();
  };

  const run = async (m: DeviceManager): Promise<void> => {
    manager = m;
    attach(m);
    await m.start();
    if (closed || manager !== m) return;
    ready = true;
    restarting = false;
    flush();
    changed();
  };

  const validations = createValidations({
    repo: deps.repo, now, uuid: () => deps.ids.uuid(), slip: () => config.printer.slip,
    manager: () => (ready ? manager : null),
    setJob, reasonOf, changed,
    settled: () => {
      if (!closed && ready) flush();
    },
    ...(deps.slipTimeouts ? { timeouts: deps.slipTimeouts } : {}),
  });

  const requireManager = (): DeviceManager => {
    if (!manager || !ready) throw DEVICES_RESTARTING();
    return manager;
  };

  const record = (doc: unknown, o: { reference: string; kind: PrintJobKind; copyNumber: number }): PrintJobRecord => {
    const sequence = typeof (doc as { sequence?: unknown }).sequence === 'string' ? (doc as { sequence: string }).sequence : o.reference;
    return deps.repo.insertJob({
      id: deps.ids.uuid(), reference: o.reference, sequence, kind: o.kind, copyNumber: o.copyNumber,
      document: JSON.stringify(doc), createdAt: now(),
    });
  };

  const copyOf = (doc: ReceiptDocument): number => (typeof doc.copyNumber === 'number' ? doc.copyNumber : 0);

  /** Only the row, in the caller's transaction; `enqueue` sends it after the commit. */
  const owe = (doc: ReceiptDocument, o: { reference: string; kind: PrintJobKind }): { jobId: string } => {
    const copyNumber = copyOf(doc);
    const existing = deps.repo.jobCopy(o.reference, copyNumber);
    return { jobId: (existing ?? record(doc, { ...o, copyNumber })).id };
  };

  const enqueue = (doc: ReceiptDocument, o: { reference: string; kind: PrintJobKind }): { jobId: string } => {
    const copyNumber = copyOf(doc);
    const existing = deps.repo.jobCopy(o.reference, copyNumber);
    if (existing) {
      // Owed by its posting and never handed to the printer (a try is counted on hand-off): send it now. Any other
      // job with this (reference, copy) is a retried posting, which must not print the receipt twice.
      if (existing.state === 'queued' && existing.attempts === 0 && !pending.includes(existing.id)) {
        changed();
        submit(existing);
      }
      return { jobId: existing.id };
    }
    const rec = record(doc, { ...o, copyNumber });
    changed();
    submit(rec);
    return { jobId: rec.id };
  };

  const job = (id: string): DevicePrintJob => {
    const r = deps.repo.job(id);
    if (!r) throw new AppError('PRINT_JOB_NOT_FOUND', 'No se encontró esa impresión: actualice la lista de trabajos.');
    return toView(r, validations.prompt(r.id));
  };

  /** "Reimprimir": a copy marked "COPIA No. n", journaled as `reprint` before it is sent. */
  const reprint = (target: string, o: { actor?: string } = {}): DevicePrintJob => {
    const original = deps.repo.job(target) ?? deps.repo.jobCopy(target, 0) ?? deps.repo.jobsFor(target)[0];
    if (!original) throw new AppError('PRINT_JOB_NOT_FOUND', `No hay impresiones con la referencia ${target}: verifique el número.`);
    if (original.kind === 'validation') {
      // The imprint is on the customer's own slip: there is no paper of ours to copy.
      throw new AppError('PRINT_JOB_NOT_FOUND', 'Una validación no tiene copia: si el comprobante no quedó validado, use Reintentar.');
    }
    const reference = original.reference;
    // A test page carries no value: a "COPIA" of it means nothing; print a new test page instead.
    if (original.kind === 'test') {
      throw new AppError('PRINT_TEST_NO_COPY', 'Una prueba de impresión no tiene copia: para otra, use Prueba de impresión (F5).');
    }
    const papers = deps.repo.jobsFor(reference);
    if (!papers.some((j) => j.state === 'printed')) {
      // A copy before the original would leave the customer with "COPIA" and no original: say which to wait for.
      throw new AppError(
        'PRINT_NOT_PRINTED_YET',
        papers.some((j) => j.state === 'queued' || j.state === 'printing')
          ? 'El original todavía se está imprimiendo: espere a que salga antes de pedir una copia.'
          : 'El original no se imprimió: use Reintentar para imprimirlo; la copia se pide después.',
      );
    }
    const base = JSON.parse(original.document) as Record<string, unknown>;
    const had = Array.isArray(base.marks) ? base.marks.filter((m): m is string => typeof m === 'string') : [];
    const marks = [...had, ...(deps.copyMarks?.(reference) ?? []).filter((m) => !had.includes(m))];
    const rec = inTransaction(deps.db, () => {
      const copyNumber = Math.max(1, deps.repo.lastCopy(reference) + 1);
      const r = record({ ...base, marks, copyNumber }, { reference, kind: original.kind, copyNumber });
      deps.journal.record('reprint', o.actor ?? 'system', { reference, sequence: r.sequence, copy: copyNumber, jobId: r.id });
      return r;
    });
    changed();
    submit(rec);
    return job(rec.id);
  };

  /** The marks a job's paper carries ("COPIA" is its number, not a mark): what the journal tells of a copy it asked for. */
  const marksOf = (id: string): string[] => {
    const r = deps.repo.job(id);
    if (!r) return [];
    const doc = JSON.parse(r.document) as { marks?: unknown };
    return Array.isArray(doc.marks) ? doc.marks.filter((m): m is string => typeof m === 'string') : [];
  };

  /** References whose paper never printed (any copy; a test page is no one's): the printer shows a warning until they are retried. */
  const unprinted = (): number => {
    const printed = new Set<string>();
    const failed = new Set<string>();
    for (const j of deps.repo.recentJobs(200)) {
      if (j.kind === 'test') continue;
      if (j.state === 'printed') printed.add(j.reference);
      if (j.state === 'failed') failed.add(j.reference);
    }
    return [...failed].filter((ref) => !printed.has(ref)).length;
  };

  const settings = (): DeviceSettings => ({ printer: config.printer, fingerprint: config.fingerprint, scanner: config.scanner });

  const emulatorOf = <K extends 'printer' | 'fingerprint' | 'scanner'>(m: DeviceManager, k: K): NonNullable<DeviceManager['emulators'][K]> => {
    const e = m.emulators[k];
    if (!e) throw new AppError('DEVICE_NOT_EMULATED', 'Este dispositivo es real, no un emulador: los controles de demostración no aplican.');
    return e as NonNullable<DeviceManager['emulators'][K]>;
  };

  /** Demo and training controls, only for devices running on their emulator. */
  const runEmulatorCommand = async (m: DeviceManager, cmd: EmulatorCommand): Promise<void> => {
    switch (cmd.action) {
      case 'printer.condition': emulatorOf(m, 'printer').setCondition(cmd.value); break;
      case 'printer.unplug': await emulatorOf(m, 'printer').unplug(); break;
      case 'printer.paperOutMidJob': emulatorOf(m, 'printer').paperOutAfterLines(6); break;
      case 'printer.replug': await emulatorOf(m, 'printer').replug(); break;
      case 'printer.insertSlip': emulatorOf(m, 'printer').insertSlip(); break;
      case 'printer.removeSlip': emulatorOf(m, 'printer').removeSlip(); break;
      case 'fingerprint.place': emulatorOf(m, 'fingerprint').placeFinger({ documentNumber: cmd.documentNumber, finger: cmd.finger }); break;
      case 'fingerprint.lift': emulatorOf(m, 'fingerprint').liftFinger(); break;
      case 'fingerprint.mode': emulatorOf(m, 'fingerprint').setMode(cmd.value); break;
      case 'fingerprint.unplug': await emulatorOf(m, 'fingerprint').unplug(); break;
      case 'fingerprint.replug': await emulatorOf(m, 'fingerprint').replug(); break;
      case 'scanner.scan': {
        const citizen = findDemoCitizen(cmd.documentNumber);
        if (!citizen) throw new AppError('DEVICE_NOT_EMULATED', 'Esa cédula no es de un ciudadano de demostración: use una de la lista.');
        await emulatorOf(m, 'scanner').scan(citizen);
        break;
      }
      case 'scanner.unplug': emulatorOf(m, 'scanner').unplug(); break;
      case 'scanner.replug': emulatorOf(m, 'scanner').replug(); break;
    }
  };

  const service = {
    /** Creates the manager from the effective config and starts it (emulators in-process). Never rejects for a missing device. */
    start: (): Promise<void> => {
      // A crash or power cut while printing left these unfinished: show them failed, never reprint on our own.
      for (const j of deps.repo.unfinishedJobs()) if (!pending.includes(j.id)) setJob(j.id, 'failed', { ...INTERRUPTED, mayHavePrinted: j.state === 'printing' });
      const p = chain.then(() => run(deps.manager(config)));
      chain = p.catch(() => undefined);
      return p;
    },

    /** Stops every device and emulator; no event reaches the store afterwards. */
    stop: async (): Promise<void> => {
      closed = true;
      ready = false;
      pending.length = 0;
      // Let a start or restart in flight finish first, or the emulators it is opening would outlive the core.
      await chain;
      const m = manager;
      manager = null;
      if (!m) return;
      detach(m);
      await m.stop().catch(() => undefined);
    },

    /** One row per device for the status bar, in the contract's shape with a Spanish message. */
    status: (): DeviceStatus[] => {
      const live = manager?.status() ?? [];
      if (!manager || live.length === 0 || restarting) {
        return startingStatuses(config, restarting ? 'Aplicando la nueva configuración…' : 'Conectando…');
      }
      const failed = unprinted();
      return live.map((s) => {
        const c = toContractStatus(s, config);
        return s.kind === 'printer' ? withPendingJobs(c, failed) : c;
      });
    },

    /**
     * Records the receipt as a print job (durable), or takes the one its posting owed, and sends it. Resolves with
     * the job id whatever the printer does: a failure is on the job (`failed` + reason) and the teller retries; it
     * never undoes the posting.
     * Rejects only when the job cannot be recorded at all (the disk failed).
     */
    printReceipt: (doc: ReceiptDocument, o: { reference: string; kind: PrintJobKind }): Promise<{ jobId: string }> => {
      try {
        return Promise.resolve(enqueue(doc, o));
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
    },

    /**
     * Records the receipt's job, queued and not sent, inside the posting's own transaction: a crash between the
     * commit and the printer then leaves the receipt owed (listed on Inicio; at the next start it shows failed,
     * 'se interrumpió', with Reintentar) instead of a comprobante with no paper and nothing saying so.
     * `printReceipt` with the same document sends it once the posting committed.
     */
    oweReceipt: owe,

    /** "Reintentar": sends a failed job's document again. */
    retry: (jobId: string): DevicePrintJob => {
      const rec = deps.repo.job(jobId);
      if (!rec) throw new AppError('PRINT_JOB_NOT_FOUND', 'No se encontró esa impresión: actualice la lista de trabajos.');
      if (rec.state === 'printed') {
        throw new AppError('PRINT_JOB_NOT_FAILED', 'Este documento ya se imprimió: si se necesita otro, pida una copia (Reimprimir).');
      }
      if (rec.state !== 'failed') {
        throw new AppError('PRINT_JOB_NOT_FAILED', 'Este documento todavía está en la cola de impresión: espere a que termine.');
      }
      if (rec.kind === 'validation') {
        validations.retry(rec);
        return job(rec.id);
      }
      setJob(rec.id, 'queued', null);
      const m = manager;
      const managerId = [...owner].find(([, r]) => r === rec.id)?.[0];
      // Same bytes through the manager's own retry when it still holds the job; otherwise send the document again
      // (always when the paper may be out: the retry then carries the reprint mark).
      if (m && ready && managerId && !rec.mayHavePrinted && m.jobs().some((j) => j.id === managerId && j.state === 'failed')) {
        deps.repo.countAttempt(rec.id, now());
        const v = m.retryJob(managerId);
        if (v) follow(m, v, rec.id);
      } else {
        submit(rec);
      }
      return job(rec.id);
    },

    reprint,
    marksOf,

    /**
     * In the posting's transaction, when the printer has a slip station: the validation imprint on the customer's
     * Comprobante Único, owed like the receipt, so a crash before it runs leaves it failed in F9 with Reintentar.
     */
    oweValidation: validations.owe,

    /** After the commit: starts the owed validation once (a replayed posting starts nothing); null without a slip station. */
    startValidation: validations.start,

    /** "Omitir validación": the job stays failed with Reintentar, the slip station goes back to the roll. */
    skipValidation: (jobId: string): DevicePrintJob => {
      const rec = deps.repo.job(jobId);
      if (!rec || rec.kind !== 'validation') throw new AppError('PRINT_JOB_NOT_FOUND', 'No se encontró esa validación: actualice la lista de trabajos.');
      if (!validations.skip(rec)) throw new AppError('PRINT_JOB_NOT_FAILED', 'Esta validación ya terminó: revise su estado en Dispositivos (F9).');
      return job(rec.id);
    },

    /**
     * "Imprimir de nuevo" on a screen that holds its document: the original when no paper with this number was
     * ever recorded (the first attempt could not be), otherwise a copy under Reimprimir's rules.
     */
    printAgain: (doc: ReceiptDocument, o: { reference: string; actor: string; kind: PrintJobKind }): DevicePrintJob =>
      deps.repo.jobsFor(o.reference).length === 0 ? job(enqueue(doc, { reference: o.reference, kind: o.kind }).jobId) : reprint(o.reference, { actor: o.actor }),

    /** Most recent first; with a reference, every copy of that receipt. */
    jobs: (filter: { reference?: string } = {}): DevicePrintJob[] =>
      (filter.reference !== undefined ? deps.repo.jobsFor(filter.reference) : deps.repo.recentJobs(KEEP_JOBS_LISTED)).map((r) => toView(r, validations.prompt(r.id))),

    job,

    /** Biometric capture: the template goes straight back to the caller and is never stored or logged here. */
    captureFingerprint: async (finger: Finger, o: { signal?: AbortSignal; onPrompt?: (p: string) => void } = {}) => {
      const m = requireManager();
      try {
        const r = await m.captureFingerprint(finger, {
          ...(o.signal ? { signal: o.signal } : {}),
          ...(o.onPrompt ? { onPrompt: o.onPrompt } : {}),
        });
        return { template: r.template, format: r.format, quality: r.quality };
      } catch (err) {
        if (err instanceof FingerprintError) throw new AppError(err.code, err.message);
        throw err;
      }
    },

    /** Validation imprint on the slip station (TM-H6000 class); prompts come through `options.onStage`. */
    validateSlip: async (imprint: ValidationImprint, options?: SlipOptions): Promise<void> => {
      const m = requireManager();
      try {
        await m.validateSlip(imprint, options);
      } catch (err) {
        if (err instanceof PrinterError) throw new AppError(err.code, err.message);
        throw err;
      }
    },

    testPrint: (actor: { displayName: string }): DevicePrintJob => {
      const reference = `PRUEBA-${deps.ids.uuid()}`;
      const doc = testReceipt({ reference, printer: config.printer, workstation: deps.workstation, teller: actor.displayName, at: deps.clock.now() });
      return job(enqueue(doc, { reference, kind: 'test' }).jobId);
    },

    /** Captures and reports only the quality and format; the template is dropped here. */
    testCapture: async (finger: Finger): Promise<{ format: string; quality: number | null }> => {
      const r = await service.captureFingerprint(finger);
      return { format: r.format, quality: r.quality };
    },

    discover: async (): Promise<Discovery> => {
      const [serial, hid] = await Promise.all([listSerialPorts(), listHidDevices().catch(() => [])]);
      return { serial, hid };
    },

    settings,

    list: () => {
      const paper = manager?.emulators.printer?.printed.at(-1);
      return {
        devices: service.status(),
        settings: settings(),
        jobs: service.jobs(),
        lastPaper: paper ? { kind: paper.kind, lines: [...paper.lines], complete: paper.complete } : null,
      };
    },

    /**
     * Saves one device's settings and reconnects the devices with them (the app keeps running; jobs in flight
     * are marked failed so the teller retries them).
     */
    configure: async (device: DeviceKey, section: unknown, actor: string): Promise<DeviceSettings> => {
      const parsed = DeviceConfigSchema.safeParse({ ...config, [device]: section });
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new AppError('DEVICE_CONFIG_INVALID', `Configuración inválida: ${issues[0]?.message ?? 'revise los datos'}.`, { issues });
      }
      let next: DeviceManager;
      try {
        next = deps.manager(parsed.data);
      } catch (err) {
        if (err instanceof DeviceConfigError) throw new AppError(err.code, err.message, { issues: err.issues });
        throw err;
      }
      deps.repo.saveSetting(device, JSON.stringify(parsed.data[device]), now(), actor);
      config = parsed.data;
      const p = chain.then(async () => {
        if (closed) return;
        restarting = true;
        ready = false;
        changed();
        const old = manager;
        if (old) {
          await old.stop().catch(() => undefined);
          detach(old);
        }
        abandonManagerJobs();
        await run(next);
      });
      chain = p.catch(() => undefined);
      await p;
      return settings();
    },

    /** Demo and training controls; a failure of the emulator itself is a typed error, never INTERNAL. */
    emulator: async (cmd: EmulatorCommand): Promise<DeviceStatus[]> => {
      const m = requireManager();
      try {
        await runEmulatorCommand(m, cmd);
      } catch (e) {
        if (e instanceof AppError) throw e;
        // E.g. the emulator's port was taken by another program while it was unplugged.
        throw new AppError('DEVICE_EMULATOR_FAILED', `El emulador no pudo cumplir la orden (${cmd.action}): ${(e as Error).message}. Revise la configuración de dispositivos (F9).`);
      }
      return service.status();
    },

    /** Cédulas read by the HID POS scanner; the subscription survives a reconfiguration. Returns unsubscribe. */
    onCedula: (listener: (r: CedulaParseResult) => void): (() => void) => {
      cedulaListeners.add(listener);
      return () => cedulaListeners.delete(listener);
    },
  };
  return service;
};
export type DeviceService = ReturnType<typeof createDeviceService>;
