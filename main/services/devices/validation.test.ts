import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceConfigInput } from '../../../domain/devices/config';
import { type ValidationImprint, validationLine } from '../../../drivers/printer/slip';
import { sampleReceipt, waitUntil } from '../../../drivers/testing/fixtures';
import { inTransaction } from '../../store/db';
import { tempDir } from '../../testing/temp-core';
import type { DeviceService } from './service';
import { deviceHarness } from './testing';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A TM-H6000-class printer with its slip station, emulated; `hand` is the emulated teller at the slot. */
const slipConfig = (hand: 'auto' | 'manual'): DeviceConfigInput => ({
  printer: { heartbeatMs: 250, model: 'epson-tm-h6000', slip: true, link: { kind: 'emulated', autoSlipMs: hand === 'auto' ? 50 : null } },
  reconnect: { initialMs: 100, maxMs: 400 },
});

const IMPRINT: ValidationImprint = { sequence: '001-03-000007', postedAt: '2026-03-02T14:00:00.000Z', amount: 1_200_000, verificationCode: 'AB12-CD34' };

const setup = async (config: DeviceConfigInput, o: { dir?: string } = {}) => {
  const t = await deviceHarness({ config, dir: o.dir, slipTimeouts: { insertMs: 600, removalMs: 3000 }, cleanups });
  const { svc, db, printer } = t;
  // Ready: 'warning' when a paper is left owed from before a restart.
  await waitUntil(() => ['ok', 'warning'].includes(svc.status().find((s) => s.id === 'printer')?.state ?? ''), 3000, 'printer ready');
  const slips = () => printer().printed.filter((p) => p.kind === 'slip');
  /** What a posting does: the validation owed in its transaction, started after the commit. */
  const post = (imprint = IMPRINT) => {
    inTransaction(db, () => svc.oweValidation(imprint));
    return svc.startValidation(imprint.sequence);
  };
  return { ...t, slips, post };
};

/** Every prompt a job showed while it ran, read as the screens read it (the job, on each change). */
const promptsOf = (svc: DeviceService, jobId: string): string[] => {
  const seen: string[] = [];
  const timer = setInterval(() => {
    const p = svc.job(jobId).prompt;
    if (p && seen.at(-1) !== p) seen.push(p);
  }, 5);
  cleanups.push(() => clearInterval(timer));
  return seen;
};

describe('validation of the customer slip at the slip station (emulated TM-H6000)', () => {
  it('a slip inserted: the imprint prints once, with the stages prompted; the posting replayed adds no job and no imprint', async () => {
    const t = await setup(slipConfig('auto'));
    const started = t.post();
    expect(started).toMatchObject({ state: 'printing' });
    const jobId = started?.jobId ?? '';
    const prompts = promptsOf(t.svc, jobId);
    await waitUntil(() => t.svc.job(jobId).state === 'printed', 5000, 'validated');
    expect(t.svc.job(jobId)).toMatchObject({ kind: 'validation', reference: 'VAL-001-03-000007', sequence: '001-03-000007', attempts: 1, reason: null });
    expect(t.svc.job(jobId).prompt).toBeUndefined();
    expect(prompts).toEqual(expect.arrayContaining(['Inserte el comprobante en la ranura de validación.', 'Retire el comprobante validado.']));
    expect(t.slips().map((p) => p.lines)).toEqual([[validationLine(IMPRINT)]]);
    expect(validationLine(IMPRINT)).toBe('001-03-000007 02/03/2026 09:00:00 $ 1.200.000 AB12-CD34');

    // The same posting answered again (lost answer, idempotent replay): its job as it is, nothing printed again.
    expect(t.post()).toEqual({ jobId, state: 'printed' });
    await new Promise((r) => setTimeout(r, 300));
    expect(t.slips()).toHaveLength(1);
    expect(t.svc.jobs().filter((j) => j.kind === 'validation')).toHaveLength(1);
    // Its receipt is not mixed with it: the comprobante's own reference lists no validation, and it has no copy.
    expect(t.svc.jobs({ reference: '001-03-000007' })).toEqual([]);
    expect(() => t.svc.reprint(jobId)).toThrow(/no tiene copia/);
  });

  it('no slip inserted in time: failed with the reason in Spanish; Reintentar with the slip in prints it once', async () => {
    const t = await setup(slipConfig('manual'));
    const jobId = t.post()?.jobId ?? '';
    await waitUntil(() => t.svc.job(jobId).state === 'failed', 5000, 'failed');
    expect(t.svc.job(jobId)).toMatchObject({
      state: 'failed', attempts: 1, mayHavePrinted: false,
      reason: { code: 'PRINTER_SLIP_TIMEOUT', message: 'No se insertó el comprobante a tiempo: insértelo en la ranura de validación y pulse Reintentar.' },
    });
    expect(t.slips()).toEqual([]);
    // Dispositivos lists it as a document not printed.
    expect(t.svc.status().find((s) => s.id === 'printer')).toMatchObject({ state: 'warning', message: expect.stringContaining('Hay 1 documento sin imprimir') });

    expect(t.svc.retry(jobId).state).toBe('printing');
    await waitUntil(() => t.svc.job(jobId).prompt === 'Inserte el comprobante en la ranura de validación.', 3000, 'asks for the slip');
    t.printer().insertSlip();
    await waitUntil(() => t.svc.job(jobId).prompt === 'Retire el comprobante validado.', 3000, 'asks to take it out');
    t.printer().removeSlip();
    await waitUntil(() => t.svc.job(jobId).state === 'printed', 3000, 'validated');
    expect(t.svc.job(jobId)).toMatchObject({ attempts: 2, reason: null });
    expect(t.slips().map((p) => p.lines)).toEqual([[validationLine(IMPRINT)]]);
  });

  it('Omitir while it waits for the slip: failed as skipped, the roll prints receipts again, Reintentar validates it', async () => {
    const t = await setup(slipConfig('manual'));
    const jobId = t.post()?.jobId ?? '';
    await waitUntil(() => t.svc.job(jobId).prompt === 'Inserte el comprobante en la ranura de validación.', 3000, 'asks for the slip');
    // A receipt asked for while the slip station waits is held back: its bytes would land on the customer's slip.
    const receipt = await t.svc.printReceipt(sampleReceipt(), { reference: '001-03-000008', kind: 'receipt' });
    await new Promise((r) => setTimeout(r, 200));
    expect(t.svc.job(receipt.jobId).state).toBe('queued');
    t.svc.skipValidation(jobId);
    await waitUntil(() => t.svc.job(jobId).state === 'failed', 3000, 'skipped');
    expect(t.svc.job(jobId).reason).toMatchObject({ code: 'VALIDATION_SKIPPED', message: expect.stringContaining('Reintentar en Dispositivos (F9)') });
    await waitUntil(() => t.svc.job(receipt.jobId).state === 'printed', 5000, 'receipt printed after the slip');
    expect(t.printer().printed.map((p) => p.kind)).toEqual(['receipt']);
    expect(() => t.svc.skipValidation(jobId)).toThrow(/ya terminó/);

    t.svc.retry(jobId);
    await waitUntil(() => t.svc.job(jobId).prompt === 'Inserte el comprobante en la ranura de validación.', 3000, 'asks again');
    t.printer().insertSlip();
    await waitUntil(() => t.svc.job(jobId).prompt === 'Retire el comprobante validado.', 3000, 'imprinted');
    t.printer().removeSlip();
    await waitUntil(() => t.svc.job(jobId).state === 'printed', 3000, 'validated');
    expect(t.slips()).toHaveLength(1);
  });

  it('Caja stops between the posting and its validation: after the restart it is failed with Reintentar, never validated on its own', async () => {
    const { dir, remove } = tempDir('caja-validation-crash-');
    cleanups.push(remove);
    const before = await setup(slipConfig('auto'), { dir });
    inTransaction(before.db, () => before.svc.oweValidation(IMPRINT));
    await before.close();

    const after = await setup(slipConfig('auto'), { dir });
    const [job] = after.svc.jobs().filter((j) => j.kind === 'validation');
    expect(job).toMatchObject({ state: 'failed', attempts: 0, reason: { code: 'PRINT_INTERRUPTED' } });
    // The posting's answer replayed after the restart does not start it either: only Reintentar does.
    expect(after.post()).toEqual({ jobId: job?.jobId, state: 'failed' });
    await new Promise((r) => setTimeout(r, 300));
    expect(after.slips()).toEqual([]);
    after.svc.retry(job?.jobId ?? '');
    await waitUntil(() => after.svc.job(job?.jobId ?? '').state === 'printed', 5000, 'validated on Reintentar');
    expect(after.slips()).toHaveLength(1);
  });

  it('the printer offline (cover open): failed with the printer\'s reason, nothing imprinted', async () => {
    const t = await setup(slipConfig('auto'));
    t.printer().setCondition('cover-open');
    await waitUntil(() => t.svc.status().find((s) => s.id === 'printer')?.state === 'error', 3000, 'cover open seen');
    const jobId = t.post()?.jobId ?? '';
    await waitUntil(() => t.svc.job(jobId).state === 'failed', 3000, 'failed');
    expect(t.svc.job(jobId).reason).toEqual({ code: 'PRINTER_COVER_OPEN', message: 'Tapa de la impresora abierta: ciérrela y pulse Reintentar.' });
    expect(t.svc.job(jobId).mayHavePrinted).toBe(false);
    expect(t.slips()).toEqual([]);
  });

  it('a printer without a slip station owes no validation: nothing recorded, nothing started', async () => {
    const t = await setup({ printer: { heartbeatMs: 250 }, reconnect: { initialMs: 100, maxMs: 400 } });
    expect(inTransaction(t.db, () => t.svc.oweValidation(IMPRINT))).toBeNull();
    expect(t.svc.startValidation(IMPRINT.sequence)).toBeNull();
    expect(t.repo.recentJobs(10)).toEqual([]);
  });
});
