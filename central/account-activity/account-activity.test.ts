import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountActivityResponseSchema, BatchResponseSchema, type Operation } from '../../domain/central-api';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { batch, cashDeposit, newKey, reversal, withdrawal } from '../testing/ops';

// Demo account 240000000011 (central/demo/seed.ts): $2.500.000 available. Ops are dated 2025-03-10 in Bogotá.
const MARIA = '240000000011';

let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral();
});
afterEach(async () => {
  await t.stop();
});

const apply = async (ops: Operation[]) => {
  const r = BatchResponseSchema.parse((await batch(t, ops)).body).results;
  expect(r.map((x) => x.status)).toEqual(ops.map(() => 'applied'));
};
const activity = async (day: string, workstation: string) => {
  const r = await t.call('accountActivity', { account: MARIA, day }, workstation);
  expect(r.status).toBe(200);
  return AccountActivityResponseSchema.parse(r.body).elsewhere;
};
const onDay = <T extends Operation>(op: T, day: string): T => ({ ...op, occurredAt: `${day}T10:00:00-05:00` });

describe('account activity across workstations (seed 003 cl. 3.12, ET art. 879)', () => {
  it('counts the other workstations’ withdrawals, cash deposits and GMF cap of the day and month, never the asker’s own', async () => {
    const w1 = withdrawal(MARIA, 300_000);
    await apply([
      { ...w1, payload: { ...w1.payload, gmfCapUsed: 300_000 } },
      withdrawal(MARIA, 100_000),
      cashDeposit(MARIA, 700_000),
      onDay(withdrawal(MARIA, 50_000, { key: newKey() }), '2025-03-03'),
    ]);
    const earlier = withdrawal(MARIA, 20_000);
    await apply([onDay({ ...earlier, payload: { ...earlier.payload, gmfCapUsed: 20_000 } }, '2025-03-03')]);
    // Posted by 001-01; 001-02 asks.
    expect(await activity('2025-03-10', '001-02')).toEqual({ withdrawals: { count: 2, amount: 400_000 }, cashIn: 700_000, gmfCapUsedInMonth: 320_000 });
    expect(await activity('2025-03-10', '001-01')).toEqual({ withdrawals: { count: 0, amount: 0 }, cashIn: 0, gmfCapUsedInMonth: 0 });
    // Another month starts from zero.
    expect((await activity('2025-04-01', '001-02')).gmfCapUsedInMonth).toBe(0);
  });

  it('a reversed operation no longer counts', async () => {
    const w = withdrawal(MARIA, 300_000);
    const d = cashDeposit(MARIA, 700_000);
    await apply([{ ...w, payload: { ...w.payload, gmfCapUsed: 300_000 } }, d]);
    await apply([reversal(w.key), reversal(d.key)]);
    expect(await activity('2025-03-10', '001-02')).toEqual({ withdrawals: { count: 0, amount: 0 }, cashIn: 0, gmfCapUsedInMonth: 0 });
  });
});
