import { afterEach, beforeEach, expect, it } from 'vitest';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { accountOf, batch, cashDeposit, reversal, withdrawal } from '../testing/ops';

let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral();
});
afterEach(async () => {
  await t.stop();
});

const at = <T extends { occurredAt: string }>(op: T, occurredAt: string): T => ({ ...op, occurredAt });

it('customer deposits and withdrawals move lastCustomerMovementOn forward, never back (seed 003 cl. 7.1)', async () => {
  const before = await accountOf(t, '240000000029');
  // The demo seed dates are relative to the seeding clock (2025-03-10 in the harness): moved nine days before.
  expect(before.lastCustomerMovementOn).toBe('2025-03-01');
  // 23:30 in Bogotá on 10 March is 04:30 UTC on the 11th: the branch's business date counts.
  await batch(t, [at(cashDeposit('240000000029', 10_000), '2025-03-11T04:30:00Z')]);
  expect((await accountOf(t, '240000000029')).lastCustomerMovementOn).toBe('2025-03-10');
  // A contingency withdrawal that reaches central late does not set the date back.
  await batch(t, [at(withdrawal('240000000029', 5_000), '2025-03-09T10:00:00-05:00')]);
  expect((await accountOf(t, '240000000029')).lastCustomerMovementOn).toBe('2025-03-10');
});

it('a reversal is a bank posting: it does not count as a customer movement', async () => {
  const dep = at(cashDeposit('240000000011', 10_000), '2025-03-10T10:00:00-05:00');
  await batch(t, [dep]);
  await batch(t, [at(reversal(dep.key), '2025-03-12T10:00:00-05:00')]);
  expect((await accountOf(t, '240000000011')).lastCustomerMovementOn).toBe('2025-03-10');
});
