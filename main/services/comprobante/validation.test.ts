import { afterEach, expect, it } from 'vitest';
import type { DevicePrintJob } from '../../../domain/contract/devices';
import type { PostedComprobante } from '../../../domain/contract/receipt';
import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import { formatPesos } from '../../../domain/money/pesos';
import { CC, sharedCentral, world, type World } from './testing/world';

const shared = sharedCentral();
let w: World | null = null;
afterEach(() => {
  w?.close();
  w = null;
});

/** A TM-H6000 with its slip station, emulated: the emulated teller puts the slip in and takes it out at once. */
const SLIP_STATION = { devices: { printer: { model: 'epson-tm-h6000', slip: true, heartbeatMs: 250, link: { kind: 'emulated', autoSlipMs: 30 } } } } as const;

const deposit = (idempotencyKey: string) => ({
  idempotencyKey,
  slip: { accountNumber: '240000000011', channel: 'oficina', depositor: { id: CC('900000001') }, cash: { '50000': 24 }, cheques: [], declaredTotal: 1_200_000 },
});

const eventually = async (check: () => Promise<boolean>, what: string, timeoutMs = 8000): Promise<void> => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timeout waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

const jobOf = async (x: World, jobId: string): Promise<DevicePrintJob> => {
  const r = await x.call('devices.job', { jobId });
  if (!r.ok) throw new Error(r.error.message);
  return (r.data as { job: DevicePrintJob }).job;
};
const unprinted = async (x: World) => {
  const r = await x.call('till.unprinted', {});
  if (!r.ok) throw new Error(r.error.message);
  return (r.data as { receipts: { sequence: string }[] }).receipts.map((p) => p.sequence);
};

it('a deposit at a slip station: its validation is owed with the posting, imprints the receipt\'s figures once, and a replay adds nothing', async () => {
  w = await world(shared.central, { config: SLIP_STATION });
  const x = w;
  const key = crypto.randomUUID();
  const r = await x.call('deposit.post', deposit(key));
  if (!r.ok) throw new Error(r.error.message);
  const posted = r.data as PostedComprobante;
  const validation = posted.validationJob;
  if (!validation) throw new Error('no validation job in the answer');
  await eventually(async () => (await jobOf(x, validation.jobId)).state === 'printed', 'validated');
  expect(await jobOf(x, validation.jobId)).toMatchObject({ kind: 'validation', sequence: posted.sequence, attempts: 1 });

  // The imprint reads the receipt's own figures: its sequence, date-time, total and verification code.
  const list = await x.call('devices.list', {});
  if (!list.ok) throw new Error(list.error.message);
  const paper = (list.data as { lastPaper: { kind: string; lines: string[] } | null }).lastPaper;
  const { receipt } = posted;
  const total = receipt.lines.find((l) => l.kind === 'amount' && l.label === 'Total consignado');
  expect(total).toMatchObject({ amount: 1_200_000 });
  // (The emulator files the roll's feed after the receipt's cut on the slip as an empty line: only the text counts.)
  expect(paper).toMatchObject({ kind: 'slip', complete: true });
  expect(paper?.lines.filter((l) => l !== '')).toEqual([`${receipt.sequence} ${formatReceiptDateTime(receipt.postedAt)} ${formatPesos(1_200_000)} ${receipt.verificationCode}`]);

  // The same posting sent again (its answer was lost): the same job, not started again, no second imprint.
  const again = await x.call('deposit.post', deposit(key));
  if (!again.ok) throw new Error(again.error.message);
  expect((again.data as PostedComprobante).validationJob).toEqual({ jobId: validation.jobId, state: 'printed' });
  const rows = x.core.db.prepare("SELECT COUNT(*) FROM device_print_jobs WHERE kind = 'validation'").pluck().get();
  expect(rows).toBe(1);

  // A validated slip does not stand for the receipt: with the receipt failed, Inicio still lists it unprinted.
  x.core.db.prepare("UPDATE device_print_jobs SET state = 'failed' WHERE kind = 'receipt'").run();
  expect(await unprinted(x)).toEqual([posted.sequence]);
});

it('a workstation without a slip station posts as before: no validation job, none in the answer', async () => {
  w = await world(shared.central);
  const r = await w.call('deposit.post', deposit(crypto.randomUUID()));
  if (!r.ok) throw new Error(r.error.message);
  expect((r.data as PostedComprobante).validationJob).toBeUndefined();
  expect(w.core.db.prepare("SELECT COUNT(*) FROM device_print_jobs WHERE kind = 'validation'").pluck().get()).toBe(0);
});
