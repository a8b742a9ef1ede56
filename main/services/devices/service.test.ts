import { afterEach, describe, expect, it } from 'vitest';
import { type DeviceConfigInput, DeviceConfigSchema } from '../../../domain/devices/config';
import { DEMO_CITIZENS } from '../../../domain/devices/demo-citizens';
import type { PrintJobView } from '../../../domain/devices/status';
import { DeviceManager } from '../../../drivers/manager';
import { sampleReceipt, waitUntil } from '../../../drivers/testing/fixtures';
import { AppError } from '../../core/errors';
import { manualClock } from '../../core/runtime';
import { openDatabase } from '../../store/db';
import { devicesRepo } from '../../store/devices/repo';
import { journalRepo } from '../../store/journal/repo';
import { counterIds, tempDir } from '../../testing/temp-core';
import { createJournal } from '../journal/writer';
import { createDeviceService, type DeviceService } from './service';
import { deviceHarness } from './testing';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Fast heartbeat and reconnect so fault handling shows within a test's patience. */
const FAST: DeviceConfigInput = { printer: { heartbeatMs: 250 }, reconnect: { initialMs: 100, maxMs: 400 } };
const citizen = DEMO_CITIZENS[0];
if (!citizen) throw new Error('demo citizen missing');

const setup = (o: { dir?: string; config?: DeviceConfigInput } = {}) => deviceHarness({ config: o.config ?? FAST, dir: o.dir, cleanups });

const stateOf = (svc: DeviceService, jobId: string) => svc.job(jobId).state;
const printerRow = (svc: DeviceService) => svc.status().find((s) => s.id === 'printer');

describe('device service: print jobs (emulated printer in-process)', () => {
  it('records the job before the printer sees it, then queued → printing → printed', async () => {
    const t = await setup();
    await waitUntil(() => printerRow(t.svc)?.state === 'ok', 3000, 'printer ok');
    const seenByPrinter: (string | undefined)[] = [];
    // When the manager first reports the job, our record must already be in SQLite.
    t.managers[0]?.on('job', (_j: PrintJobView) => seenByPrinter.push(t.repo.recentJobs(1)[0]?.reference));
    const { jobId } = await t.svc.printReceipt(sampleReceipt(), { reference: '001-03-000123', kind: 'receipt' });
    expect(seenByPrinter[0]).toBe('001-03-000123');
    await waitUntil(() => stateOf(t.svc, jobId) === 'printed', 5000, 'printed');
    expect(t.svc.job(jobId)).toMatchObject({ state: 'printed', attempts: 1, reason: null, copyNumber: 0, sequence: '001-03-000123' });
    expect(t.printer().printed.at(-1)?.lines.join('\n')).toContain('Total consignado');
    expect(t.changes()).toBeGreaterThan(0);
  });

  it('the same reference and copy twice (a retried posting) prints once', async () => {
    const t = await setup();
    const a = await t.svc.printReceipt(sampleReceipt(), { reference: '001-03-000123', kind: 'receipt' });
    const b = await t.svc.printReceipt(sampleReceipt(), { reference: '001-03-000123', kind: 'receipt' });
    expect(b.jobId).toBe(a.jobId);
    expect(t.svc.jobs({ reference: '001-03-000123' })).toHaveLength(1);
  });

  it('a receipt owed by its posting is sent by the first printReceipt after the commit, and only by it', async () => {
    const t = await setup();
    await waitUntil(() => printerRow(t.svc)?.state === 'ok', 3000, 'printer ok');
    const owed = t.svc.oweReceipt(sampleReceipt(), { reference: '001-03-000123', kind: 'receipt' });
    // Recorded for the posting's transaction, not yet anywhere near the printer.
    expect(t.svc.job(owed.jobId)).toMatchObject({ state: 'queued', attempts: 0, copyNumber: 0 });
    expect(t.printer().printed).toHaveLength(0);
    const sent = await t.svc.printReceipt(sampleReceipt(), { reference: '001-03-000123', kind: 'receipt' });
    expect(sent.jobId).toBe(owed.jobId);
    await waitUntil(() => stateOf(t.svc, owed.jobId) === 'printed', 5000, 'printed');
    // A replayed posting asks again: the same job, no second paper.
    await t.svc.printReceipt(sampleReceipt(), { reference: '001-03-000123', kind: 'receipt' });
    expect(t.svc.jobs({ reference: '001-03-000123' })).toHaveLength(1);
    expect(t.svc.job(owed.jobId).attempts).toBe(1);
    expect(t.printer().printed).toHaveLength(1);
  });

  it('paper out → failed with the Spanish reason (never thrown) → paper back → Reintentar → printed', async () => {
    const t = await setup();
    await waitUntil(() => printerRow(t.svc)?.state === 'ok', 3000, 'printer ok');
    t.printer().setCondition('paper-out');
    await waitUntil(() => printerRow(t.svc)?.state === 'error', 3000, 'status error');
    expect(printerRow(t.svc)).toMatchObject({
      kind: 'receipt_printer', label: 'Impresora', emulated: true, message: 'Impresora sin papel: cambie el rollo y pulse Reintentar.',
      // The code a failed job's reason is compared with in F9 (renderer/features/devices/failed-job.ts).
      problem: 'PRINTER_PAPER_OUT',
    });

    const { jobId } = await t.svc.printReceipt(sampleReceipt(), { reference: '001-03-000124', kind: 'receipt' });
    await waitUntil(() => stateOf(t.svc, jobId) === 'failed', 5000, 'failed');
    expect(t.svc.job(jobId).reason).toEqual({ code: 'PRINTER_PAPER_OUT', message: 'Impresora sin papel: cambie el rollo y pulse Reintentar.' });
    expect(t.journalOf('device_error')).toEqual([{ device: 'printer', jobId, reference: '001-03-000124', copy: 0, code: 'PRINTER_PAPER_OUT' }]);
    expect(() => t.svc.retry('no-such-job')).toThrow(AppError);
    // No copy of a paper that never came out: the original is retried first.
    expect(() => t.svc.reprint(jobId)).toThrow(/El original no se imprimió: use Reintentar/);

    t.printer().setCondition('ok');
    await waitUntil(() => printerRow(t.svc)?.state !== 'error', 3000, 'status back');
    // A failed receipt keeps the printer in warning until it is retried.
    expect(printerRow(t.svc)).toMatchObject({ state: 'warning', message: 'Hay 1 documento sin imprimir: pulse Reintentar en Dispositivos (F9).', problem: null });
    t.svc.retry(jobId);
    await waitUntil(() => stateOf(t.svc, jobId) === 'printed', 5000, 'printed after retry');
    expect(t.svc.job(jobId)).toMatchObject({ attempts: 2, reason: null });
    expect(printerRow(t.svc)?.state).toBe('ok');
    expect(() => t.svc.retry(jobId)).toThrow(/ya se imprimió/);
  });

  it('a printer that is unplugged never fails the caller: the job is failed and retried after replug', async () => {
    const t = await setup();
    await waitUntil(() => printerRow(t.svc)?.state === 'ok', 3000, 'printer ok');
    await t.printer().unplug();
    await waitUntil(() => printerRow(t.svc)?.state === 'offline', 3000, 'offline');
    expect(printerRow(t.svc)?.message).toMatch(/^Impresora desconectada/);
    const { jobId } = await t.svc.printReceipt(sampleReceipt(), { reference: '001-03-000125', kind: 'receipt' });
    await waitUntil(() => stateOf(t.svc, jobId) === 'failed', 3000, 'failed');
    await t.printer().replug();
    await waitUntil(() => printerRow(t.svc)?.state === 'warning', 5000, 'reconnected, one pending');
    t.svc.retry(jobId);
    await waitUntil(() => stateOf(t.svc, jobId) === 'printed', 5000, 'printed');
  });

  it('a printed test page has no copy: Reimprimir is refused and nothing is journaled', async () => {
    const t = await setup();
    const { jobId } = t.svc.testPrint({ displayName: 'Ana Gómez' });
    await waitUntil(() => stateOf(t.svc, jobId) === 'printed', 5000, 'test page printed');
    expect(() => t.svc.reprint(jobId, { actor: 'u-teller' })).toThrow(/prueba de impresión no tiene copia/);
    expect(t.journalOf('reprint')).toEqual([]);
  });

  it('reprints say COPIA No. n, number from 1, and are journaled as reprint', async () => {
    const t = await setup();
    const { jobId } = await t.svc.printReceipt(sampleReceipt(), { reference: '001-03-000126', kind: 'receipt' });
    expect(() => t.svc.reprint(jobId)).toThrow(/todavía se está imprimiendo/);
    await waitUntil(() => stateOf(t.svc, jobId) === 'printed', 5000, 'original printed');

    const c1 = t.svc.reprint(jobId, { actor: 'u-teller' });
    await waitUntil(() => stateOf(t.svc, c1.jobId) === 'printed', 5000, 'copy 1 printed');
    expect(t.printer().printed.at(-1)?.lines.map((l) => l.trim())).toContain('COPIA No. 1');
    const c2 = t.svc.reprint('001-03-000126', { actor: 'u-teller' }); // by reference too
    await waitUntil(() => stateOf(t.svc, c2.jobId) === 'printed', 5000, 'copy 2 printed');
    expect(t.printer().printed.at(-1)?.lines.map((l) => l.trim())).toContain('COPIA No. 2');

    expect([c1.copyNumber, c2.copyNumber]).toEqual([1, 2]);
    expect(t.journalOf('reprint')).toEqual([
      { reference: '001-03-000126', sequence: '001-03-000123', copy: 1, jobId: c1.jobId },
      { reference: '001-03-000126', sequence: '001-03-000123', copy: 2, jobId: c2.jobId },
    ]);
    expect(t.svc.jobs({ reference: '001-03-000126' }).map((j) => j.copyNumber)).toEqual([0, 1, 2]);
    expect(() => t.svc.reprint('001-03-999999')).toThrow(AppError);
  });

  it('"Imprimir de nuevo" prints the original when none was recorded, then copies', async () => {
    const t = await setup();
    const first = t.svc.printAgain(sampleReceipt(), { reference: '001-03-000127', actor: 'u-teller', kind: 'receipt' });
    expect(first.copyNumber).toBe(0);
    await waitUntil(() => stateOf(t.svc, first.jobId) === 'printed', 5000, 'original printed');
    const copy = t.svc.printAgain(sampleReceipt(), { reference: '001-03-000127', actor: 'u-teller', kind: 'receipt' });
    expect(copy.copyNumber).toBe(1);
    expect(t.journalOf('reprint')).toEqual([{ reference: '001-03-000127', sequence: '001-03-000123', copy: 1, jobId: copy.jobId }]);
  });

  it('a job left printing by a crash shows failed on the next start, never reprinted on its own', async () => {
    const { dir, remove } = tempDir('caja-devices-');
    cleanups.push(remove);
    const a = await setup({ dir });
    await waitUntil(() => printerRow(a.svc)?.state === 'ok', 3000, 'printer ok');
    const { jobId } = await a.svc.printReceipt(sampleReceipt(), { reference: '001-03-000127', kind: 'receipt' });
    a.repo.updateJob(jobId, { state: 'printing', attempts: 1, reason: null, at: '2026-03-02T14:00:00.000Z' });
    await a.close();

    const b = await setup({ dir });
    expect(b.svc.job(jobId)).toMatchObject({ state: 'failed', reason: { code: 'PRINT_INTERRUPTED' }, mayHavePrinted: true });
    const paperBefore = b.printer().printed.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(b.printer().printed.length).toBe(paperBefore);
    // It may have come out before the crash: the retry says it is a reprint.
    await waitUntil(() => printerRow(b.svc)?.state !== 'unknown', 3000, 'printer up');
    const paper = b.printer().nextPaper();
    b.svc.retry(jobId);
    expect((await paper).lines.map((l) => l.trim())).toContain('*** REIMPRESIÓN ***');
  });

  it('Caja dies while the printer holds two receipts: after the restart each shows its try, interrupted, and Reintentar counts the next', async () => {
    const { dir, remove } = tempDir('caja-devices-');
    cleanups.push(remove);
    // 1200 baud: the first receipt takes seconds on the wire, so the second waits in the printer's queue.
    const a = await setup({ dir, config: { ...FAST, printer: { heartbeatMs: 250, link: { kind: 'emulated', baudRate: 1200 } } } });
    await waitUntil(() => printerRow(a.svc)?.state === 'ok', 3000, 'printer ok');
    const first = await a.svc.printReceipt(sampleReceipt(), { reference: '001-03-000130', kind: 'receipt' });
    const second = await a.svc.printReceipt(sampleReceipt(), { reference: '001-03-000131', kind: 'receipt' });
    expect([stateOf(a.svc, first.jobId), stateOf(a.svc, second.jobId)]).toEqual(['printing', 'queued']);
    // The process is gone: no write reaches the file after this point, as with a kill.
    await a.close();

    const b = await setup({ dir });
    expect(b.svc.job(first.jobId)).toMatchObject({ state: 'failed', attempts: 1, reason: { code: 'PRINT_INTERRUPTED' }, mayHavePrinted: true });
    expect(b.svc.job(second.jobId)).toMatchObject({ state: 'failed', attempts: 1, reason: { code: 'PRINT_INTERRUPTED' }, mayHavePrinted: false });
    await waitUntil(() => printerRow(b.svc)?.state !== 'unknown', 3000, 'printer up');
    b.svc.retry(second.jobId);
    await waitUntil(() => stateOf(b.svc, second.jobId) === 'printed', 5000, 'printed after retry');
    expect(b.svc.job(second.jobId)).toMatchObject({ attempts: 2, reason: null });
    expect(b.db.prepare('SELECT attempts FROM device_print_jobs WHERE id = ?').pluck().get(second.jobId)).toBe(2);
  });

  it('paper out in the middle of a receipt: the job says it may be out, and Reintentar prints it marked REIMPRESIÓN', async () => {
    const t = await setup();
    await waitUntil(() => printerRow(t.svc)?.state === 'ok', 3000, 'printer ok');
    t.printer().paperOutAfterLines(6);
    const torn = t.printer().nextPaper();
    const { jobId } = await t.svc.printReceipt(sampleReceipt(), { reference: '001-03-000128', kind: 'receipt' });
    await waitUntil(() => stateOf(t.svc, jobId) === 'failed', 5000, 'failed');
    expect(t.svc.job(jobId)).toMatchObject({ reason: { code: 'PRINTER_PAPER_OUT' }, mayHavePrinted: true });
    expect(t.journalOf('device_error')).toEqual([{ device: 'printer', jobId, reference: '001-03-000128', copy: 0, code: 'PRINTER_PAPER_OUT', mayHavePrinted: true }]);
    expect((await torn).lines.map((l) => l.trim())).not.toContain('*** REIMPRESIÓN ***');

    t.printer().setCondition('ok');
    await waitUntil(() => printerRow(t.svc)?.state !== 'error', 3000, 'status back');
    const whole = t.printer().nextPaper();
    t.svc.retry(jobId);
    const paper = await whole;
    await waitUntil(() => stateOf(t.svc, jobId) === 'printed', 5000, 'printed after retry');
    expect(paper.complete).toBe(true);
    expect(paper.lines.filter((l) => l.trim() === '*** REIMPRESIÓN ***')).toHaveLength(2);
    // Still the original (copy 0): the mark says why a second paper with its number exists.
    expect(t.svc.job(jobId)).toMatchObject({ copyNumber: 0, mayHavePrinted: true, reason: null });
  });
});

describe('device service: settings, reconnect, fingerprint', () => {
  it('saves settings in SQLite, reconnects without a restart, and keeps them after a restart', async () => {
    const { dir, remove } = tempDir('caja-devices-');
    cleanups.push(remove);
    const a = await setup({ dir });
    await waitUntil(() => printerRow(a.svc)?.state === 'ok', 3000, 'printer ok');
    const before = a.managers.length;
    const settings = await a.svc.configure('printer', { model: 'citizen-ct-s310ii', paperWidth: '58mm', heartbeatMs: 250, link: { kind: 'emulated', baudRate: 115200 } }, 'u-super');
    expect(settings.printer).toMatchObject({ model: 'citizen-ct-s310ii', paperWidth: '58mm', link: { kind: 'emulated', baudRate: 115200 } });
    expect(a.managers.length).toBe(before + 1);
    await waitUntil(() => printerRow(a.svc)?.state === 'ok', 3000, 'printer ok after reconfigure');
    const { jobId } = await a.svc.printReceipt(sampleReceipt(), { reference: '001-03-000128', kind: 'receipt' });
    await waitUntil(() => stateOf(a.svc, jobId) === 'printed', 5000, 'printed on the new settings');
    // 58 mm = 32 columns (layout.ts): no printed line is wider.
    expect(Math.max(...(a.printer().printed.at(-1)?.lines ?? []).map((l) => l.length))).toBeLessThanOrEqual(32);
    await a.close();

    const b = await setup({ dir });
    expect(b.svc.settings().printer).toMatchObject({ model: 'citizen-ct-s310ii', paperWidth: '58mm' });
    expect(b.db.prepare("SELECT updated_by FROM device_settings WHERE device = 'printer'").pluck().get()).toBe('u-super');
  });

  it('refuses invalid settings with a typed Spanish error and keeps the running devices', async () => {
    const t = await setup();
    await expect(t.svc.configure('printer', { paperWidth: '76mm' }, 'u-super')).rejects.toMatchObject({ code: 'DEVICE_CONFIG_INVALID' });
    await expect(t.svc.configure('fingerprint', { driver: 'agent', url: 'http://10.0.0.5:8765' }, 'u-super'))
      .rejects.toMatchObject({ code: 'DEVICE_CONFIG_INVALID', message: expect.stringContaining('127.0.0.1') as unknown });
    expect(t.managers).toHaveLength(1);
    expect(t.db.prepare('SELECT COUNT(*) FROM device_settings').pluck().get()).toBe(0);
  });

  it('a missing configured printer shows offline with what to do, and jobs wait failed for Reintentar', async () => {
    const t = await setup({ config: { ...FAST, printer: { link: { kind: 'serial', path: '/dev/nonexistent-caja' } }, reconnect: { initialMs: 5000, maxMs: 5000 } } });
    expect(printerRow(t.svc)).toMatchObject({ state: 'offline', emulated: false, message: expect.stringMatching(/^Impresora desconectada/) as unknown });
    const { jobId } = await t.svc.printReceipt(sampleReceipt(), { reference: '001-03-000129', kind: 'receipt' });
    await waitUntil(() => stateOf(t.svc, jobId) === 'failed', 3000, 'failed');
    expect(t.svc.job(jobId).reason?.code).toBe('PRINTER_DISCONNECTED');
    await expect(t.svc.emulator({ action: 'printer.condition', value: 'paper-out' })).rejects.toMatchObject({ code: 'DEVICE_NOT_EMULATED' });
  });

  it('captures a finger and passes the template through; test capture returns only the quality', async () => {
    const t = await setup();
    await t.svc.emulator({ action: 'fingerprint.place', documentNumber: citizen.documentNumber, finger: 'right-index' });
    const r = await t.svc.captureFingerprint('right-index');
    expect(r.template.length).toBeGreaterThan(100);
    const test = await t.svc.testCapture('right-index');
    expect(Object.keys(test).sort()).toEqual(['format', 'quality']);
    // Nothing biometric reached the store.
    const dump = JSON.stringify([t.db.prepare('SELECT * FROM journal').all(), t.db.prepare('SELECT * FROM device_print_jobs').all()]);
    expect(dump).not.toContain(r.template.slice(0, 40));
    await t.svc.emulator({ action: 'fingerprint.mode', value: 'poor-image' });
    await expect(t.svc.testCapture('right-index')).rejects.toMatchObject({ code: 'FINGER_POOR_IMAGE' });
  });
});

describe('devices in the core (tempCore, emulated in-process)', () => {
  it('feeds the status bar, prints a test page through the contract and keeps configuration for supervisors', async () => {
    const { tempCore } = await import('../../testing/temp-core');
    const t = await tempCore();
    cleanups.push(() => t.close());
    await t.call('session.login', { username: 'cajero1', password: 'Caja.2026' });
    const status = async () => {
      const r = await t.call('status.get');
      return r.ok ? (r.data as { devices: { id: string; state: string; message: string }[] }).devices : [];
    };
    for (let i = 0; i < 100 && !(await status()).every((d) => d.state === 'ok'); i++) await new Promise((r) => setTimeout(r, 20));
    expect((await status()).map((d) => [d.id, d.state, d.message])).toEqual([
      ['printer', 'ok', 'Impresora lista.'], ['fingerprint', 'ok', 'Lector de huella listo.'], ['scanner', 'ok', 'Lector de cédula listo.'],
    ]);
    const printed = await t.call('devices.testPrint');
    expect(printed).toMatchObject({ ok: true, data: { job: { kind: 'test' } } });
    const jobId = printed.ok ? (printed.data as { job: { jobId: string } }).job.jobId : '';
    for (let i = 0; i < 100; i++) {
      const j = await t.call('devices.jobs');
      if (j.ok && (j.data as { jobs: { jobId: string; state: string }[] }).jobs.some((x) => x.jobId === jobId && x.state === 'printed')) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await t.call('devices.job', { jobId })).toMatchObject({ ok: true, data: { job: { jobId, state: 'printed', kind: 'test' } } });
    expect(await t.call('devices.job', { jobId: 'no-such-job' })).toMatchObject({ ok: false, error: { code: 'PRINT_JOB_NOT_FOUND' } });
    const list = await t.call('devices.list');
    expect(list).toMatchObject({ ok: true, data: { jobs: [{ jobId, state: 'printed' }], lastPaper: { kind: 'receipt', complete: true } } });
    expect(JSON.stringify(list)).toContain('Añejo Ñandú: cédula, acción ¿sí? ¡€5!');
    expect(await t.call('devices.configure', { device: 'printer', config: { paperWidth: '58mm' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('devices.emulator', { action: 'printer.condition', value: 'jammed' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });
});

describe('device service: shutdown', () => {
  it('stopping while the devices are still starting leaves nothing running', async () => {
    const { dir, remove } = tempDir('caja-devices-');
    const db = openDatabase(`${dir}/caja.sqlite`);
    const clock = manualClock(new Date('2026-03-02T14:00:00Z'));
    const managers: DeviceManager[] = [];
    const svc = createDeviceService({
      manager: (c) => {
        const m = new DeviceManager(c, { ids: counterIds('m'), clock });
        managers.push(m);
        return m;
      },
      config: DeviceConfigSchema.parse(FAST), db, repo: devicesRepo(db),
      journal: createJournal({ repo: journalRepo(db), clock, workstation: '001-03' }), clock, ids: counterIds('dev'),
      onChange: () => undefined, workstation: { branchCode: '001', branchName: 'Bogotá Centro', tillCode: '03' },
    });
    const started = svc.start();
    await svc.stop();
    await started;
    db.close();
    remove();
    expect(managers).toHaveLength(1);
    expect(managers[0]?.status().every((s) => s.state === 'disconnected')).toBe(true);
  });
});
