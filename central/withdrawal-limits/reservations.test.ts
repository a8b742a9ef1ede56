import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountActivityResponseSchema, BatchResponseSchema, LimitReservationReleaseResponseSchema, LimitReservationResponseSchema, type Operation } from '../../domain/central-api';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { batch, newKey, reversal, withdrawal } from '../testing/ops';

/**
 * The day's withdrawal limits reserved at central before the cash is handed over (seed 003 cl. 3.12): a retry is
 * the same reservation, the withdrawal that arrives consumes it, the teller's abandonment releases it, and one
 * nobody sends lapses on central's clock. Races at once over HTTP: central/operations/concurrent-desks.test.ts.
 */
const TTL = 10 * 60_000;
let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral({ reservationTtlMs: TTL });
});
afterEach(async () => {
  await t.stop();
});

// Demo account 240000000011 (central/demo/seed.ts); the harness's clock is 2025-03-10 10:00 in Bogotá.
const MARIA = '240000000011';
const DAY = '2025-03-10';
const LIMITS = { count: 5, amount: 1_000_000 };

const NONE = { count: 0, amount: 0 };
const reserve = async (ws: string, amount: number, key = newKey(), extra: { approvalId?: string; approved?: { count: number; amount: number }; here?: { count: number; amount: number }; released?: string[] } = {}) => {
  const r = await t.call('reserveWithdrawalLimit', { key, account: MARIA, day: DAY, amount, limits: LIMITS, here: NONE, ...extra }, ws);
  expect(r.status).toBe(200);
  return LimitReservationResponseSchema.parse(r.body);
};
const release = async (ws: string, key: string) => LimitReservationReleaseResponseSchema.parse((await t.call('releaseWithdrawalLimit', { key }, ws)).body).reservation;
const withdrawalsSeenAt = async (ws: string) =>
  AccountActivityResponseSchema.parse((await t.call('accountActivity', { account: MARIA, day: DAY }, ws)).body).elsewhere.withdrawals;
const apply = async (ops: Operation[], ws = '001-01') => {
  const r = BatchResponseSchema.parse((await batch(t, ops, ws)).body).results;
  expect(r.map((x) => x.status)).toEqual(ops.map(() => 'applied'));
};

describe('reserving the day’s withdrawal limits (seed 003 cl. 3.12)', () => {
  it('a reservation carries the asker’s earlier keys whose release it lost: only those of its own are released, never the one asked', async () => {
    const lostRelease = newKey();
    const others = newKey();
    expect(await reserve('001-01', 600_000, lostRelease)).toMatchObject({ status: 'reserved' });
    expect(await reserve('001-02', 100_000, others)).toMatchObject({ status: 'reserved' });
    // 001-01's $ 600.000 would leave no room for $ 500.000; it says nothing will be paid under it. Another
    // workstation's key among them is not its to release.
    const asked = newKey();
    expect(await reserve('001-01', 500_000, asked, { released: [lostRelease, others, asked] })).toMatchObject({
      status: 'reserved',
      reservation: { amount: 500_000, state: 'active' },
    });
    expect(await release('001-01', lostRelease)).toMatchObject({ state: 'released' });
    expect(await withdrawalsSeenAt('001-03')).toEqual({ count: 2, amount: 600_000 });
  });

  it('refuses what does not fit with the figures, and reserves it with the supervisor’s exception', async () => {
    expect(await reserve('001-01', 700_000)).toMatchObject({ status: 'reserved', reservation: { account: MARIA, day: DAY, amount: 700_000, state: 'active' } });
    expect(await reserve('001-02', 400_000)).toMatchObject({
      status: 'refused',
      reason: 'DAILY_WITHDRAWAL_LIMIT',
      elsewhere: { count: 1, amount: 700_000 },
      used: { count: 1, amount: 700_000 },
      message: expect.stringContaining('$ 1.100.000 retirados hoy con este (máximo $ 1.000.000)'),
    });
    // The asker's own withdrawals, as it counts them (central has not applied them yet), count too; its amount is
    // never below its own live $ 700.000 reserved above.
    expect(await reserve('001-01', 100_000, newKey(), { here: { count: 5, amount: 100_000 } })).toMatchObject({
      status: 'refused',
      elsewhere: NONE,
      used: { count: 5, amount: 700_000 },
      message: expect.stringContaining('6 retiros hoy con este (máximo 5)'),
    });
    expect(await reserve('001-02', 400_000, newKey(), { approvalId: 'aprobacion-1' })).toMatchObject({ status: 'reserved' });
    // The other workstations read both in the account's activity, never the asker's own.
    expect(await withdrawalsSeenAt('001-03')).toEqual({ count: 2, amount: 1_100_000 });
    expect(await withdrawalsSeenAt('001-01')).toEqual({ count: 1, amount: 400_000 });
  });

  it('an approval covers the day it showed the supervisor: two desks each approving "the 6th" do not make a 7th', async () => {
    // Five withdrawals of the day, at two workstations.
    for (const ws of ['001-01', '001-01', '001-01', '001-02', '001-02']) expect(await reserve(ws, 10_000)).toMatchObject({ status: 'reserved' });
    // Each desk showed its supervisor "Retiros hoy con este: 6; máximo 5." and sends what that approval covered.
    const sixth = { count: 6, amount: LIMITS.amount };
    const keyAt01 = newKey();
    const keyAt02 = newKey();
    expect(await reserve('001-01', 10_000, keyAt01, { approvalId: 'aprobacion-01', approved: sixth, here: { count: 3, amount: 30_000 } })).toMatchObject({ status: 'reserved' });
    // The other desk's posting is the 7th: refused with the real figures, for a new approval.
    expect(await reserve('001-02', 10_000, keyAt02, { approvalId: 'aprobacion-02', approved: sixth, here: { count: 2, amount: 20_000 } })).toMatchObject({
      status: 'refused',
      reason: 'DAILY_WITHDRAWAL_LIMIT',
      elsewhere: { count: 4, amount: 40_000 },
      used: { count: 6, amount: 60_000 },
      message: expect.stringContaining('7 retiros hoy con este (la aprobación cubría 6; máximo 5)'),
    });
    expect(await withdrawalsSeenAt('001-03')).toEqual({ count: 6, amount: 60_000 });
    // The first desk's retry under its key is the same reservation, whatever the day became (idempotent per key).
    expect(await reserve('001-01', 10_000, keyAt01, { approvalId: 'aprobacion-01', approved: sixth, here: { count: 3, amount: 30_000 } })).toMatchObject({ status: 'reserved' });
    // A new approval that showed the 7th covers it.
    expect(await reserve('001-02', 10_000, keyAt02, { approvalId: 'aprobacion-03', approved: { count: 7, amount: LIMITS.amount }, here: { count: 2, amount: 20_000 } })).toMatchObject({ status: 'reserved' });
    // An amount the approval did not except is not covered either.
    expect(await reserve('001-02', 950_000, newKey(), { approvalId: 'aprobacion-04', approved: { count: 8, amount: LIMITS.amount }, here: { count: 3, amount: 30_000 } })).toMatchObject({
      status: 'refused',
      message: expect.stringContaining('(la aprobación cubría $ 1.000.000; máximo $ 1.000.000)'),
    });
  });

  it('the same key again is the same reservation, counted once, even after another workstation reserved', async () => {
    const key = newKey();
    const first = await reserve('001-01', 600_000, key);
    expect(await reserve('001-02', 400_000)).toMatchObject({ status: 'reserved' });
    // A retry of 001-01's comprobante does not count itself: 600.000 + 400.000 is the limit, not over it.
    expect(await reserve('001-01', 600_000, key)).toEqual(first);
    expect(await withdrawalsSeenAt('001-03')).toEqual({ count: 2, amount: 1_000_000 });
    // Another account or day under the key is refused; another amount (the teller corrected it) replaces it.
    expect((await t.call('reserveWithdrawalLimit', { key, account: '240000000029', day: DAY, amount: 1_000, limits: LIMITS, here: NONE }, '001-01')).status).toBe(409);
    expect(await reserve('001-01', 700_000, key)).toMatchObject({ status: 'refused', used: { count: 1, amount: 400_000 } });
    expect(await reserve('001-01', 500_000, key)).toMatchObject({ status: 'reserved', reservation: { amount: 500_000 } });
    expect(await withdrawalsSeenAt('001-03')).toEqual({ count: 2, amount: 900_000 });
  });

  it('the withdrawal that arrives consumes its reservation: counted once, applied; a reversal then frees it', async () => {
    const key = newKey();
    await reserve('001-01', 600_000, key);
    const w = withdrawal(MARIA, 600_000);
    await apply([{ ...w, payload: { ...w.payload, limitReservation: key } }]);
    expect(await withdrawalsSeenAt('001-02')).toEqual({ count: 1, amount: 600_000 });
    // Consumed: a late retry of the reservation answers it as it stands, without counting it again.
    expect(await reserve('001-01', 600_000, key)).toMatchObject({ status: 'reserved', reservation: { state: 'consumed' } });
    expect(await reserve('001-02', 500_000)).toMatchObject({ status: 'refused', used: { count: 1, amount: 600_000 } });
    await apply([reversal(w.key)]);
    expect(await reserve('001-02', 500_000)).toMatchObject({ status: 'reserved' });
  });

  it('released when the teller abandons the comprobante: it stops counting at once; releasing again is no error', async () => {
    const key = newKey();
    await reserve('001-01', 900_000, key);
    expect(await reserve('001-02', 200_000)).toMatchObject({ status: 'refused' });
    // Only the workstation that reserved releases it.
    expect(await release('001-02', key)).toBeNull();
    expect(await release('001-01', key)).toMatchObject({ key, state: 'released' });
    expect(await release('001-01', key)).toMatchObject({ key, state: 'released' });
    expect(await withdrawalsSeenAt('001-02')).toEqual({ count: 0, amount: 0 });
    expect(await reserve('001-02', 200_000)).toMatchObject({ status: 'reserved' });
  });

  it('the asker’s own day is never less than central applied and holds for it: a workstation that under-reports gets no more', async () => {
    // 001-01 paid $ 600.000 today, and central has it; its `here` then says nothing of it (a store restored from an
    // older backup, a bug, a tampered request).
    const paid = withdrawal(MARIA, 600_000);
    await apply([paid]);
    expect(await reserve('001-01', 500_000)).toMatchObject({
      status: 'refused',
      elsewhere: NONE,
      used: { count: 1, amount: 600_000 },
      message:
        'La cuenta supera su tope diario de retiros: $ 1.100.000 retirados hoy con este (máximo $ 1.000.000), contando retiros de esta misma estación que central ya recibió o tiene en curso y que la estación no contó. Revise en Inicio los retiros pendientes de confirmación e informe al supervisor.',
    });
    // Each figure is the larger of the two: its own count of 0 does not lower central's 1, its amount above central's stands.
    expect(await reserve('001-01', 300_001, newKey(), { here: { count: 0, amount: 700_000 } })).toMatchObject({ status: 'refused', used: { count: 1, amount: 700_000 } });
    expect(await reserve('001-01', 300_000, newKey(), { here: { count: 0, amount: 700_000 } })).toMatchObject({ status: 'reserved' });
    // A withdrawal it reversed no longer counts for it either: what is left is its live $ 300.000.
    await apply([reversal(paid.key)]);
    expect(await reserve('001-01', 700_001)).toMatchObject({ status: 'refused', used: { count: 1, amount: 300_000 } });
    expect(await reserve('001-01', 700_000)).toMatchObject({ status: 'reserved' });
  });

  it('the asker’s live reservations under other keys count for it too; its own key never counts itself', async () => {
    const first = newKey();
    await reserve('001-01', 700_000, first);
    // Another comprobante of the same workstation while the first is still being paid: not in its `here` yet.
    expect(await reserve('001-01', 400_000)).toMatchObject({ status: 'refused', elsewhere: NONE, used: { count: 1, amount: 700_000 } });
    expect(await reserve('001-01', 300_000)).toMatchObject({ status: 'reserved' });
    // The first again (a retry, a corrected amount) is checked against the other one, never against itself.
    expect(await reserve('001-01', 700_000, first)).toMatchObject({ status: 'reserved', reservation: { amount: 700_000 } });
    expect(await reserve('001-01', 750_000, first)).toMatchObject({ status: 'refused', used: { count: 1, amount: 300_000 } });
    // Released, it stops counting for its own workstation as for the others.
    await release('001-01', first);
    expect(await reserve('001-01', 700_000)).toMatchObject({ status: 'reserved' });
  });

  it('lapses after its time on central’s clock, so a workstation that crashed does not hold the limit all day', async () => {
    const key = newKey();
    await reserve('001-01', 900_000, key);
    t.clock.advance(TTL - 1_000);
    expect(await withdrawalsSeenAt('001-02')).toEqual({ count: 1, amount: 900_000 });
    expect(await reserve('001-02', 200_000)).toMatchObject({ status: 'refused' });
    t.clock.advance(1_000);
    expect(await withdrawalsSeenAt('001-02')).toEqual({ count: 0, amount: 0 });
    expect(await reserve('001-02', 200_000)).toMatchObject({ status: 'reserved' });
    // The restarted workstation retries its comprobante: it is checked again, against what others took meanwhile.
    expect(await reserve('001-01', 900_000, key)).toMatchObject({ status: 'refused', elsewhere: { count: 1, amount: 200_000 } });
    expect(await reserve('001-01', 800_000, key)).toMatchObject({ status: 'reserved', reservation: { state: 'active' } });
  });
});
