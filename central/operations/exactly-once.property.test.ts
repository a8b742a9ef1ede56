import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BatchResponseSchema, type Operation } from '../../domain/central-api';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { accountOf, batch, cashDeposit, newKey, withdrawal } from '../testing/ops';

// Three active demo accounts; each run's withdrawals total at most $600.000, below every starting balance, so
// nothing is rejected and the expected balance is exactly the sum of distinct operations.
const ACCOUNTS = ['240000000011', '240000000029', '240000000037'] as const;

let t: TestCentral;
beforeAll(async () => {
  t = await startTestCentral();
});
afterAll(async () => {
  await t.stop();
});

const opArb = fc.record({
  account: fc.constantFrom(...ACCOUNTS),
  deposit: fc.boolean(),
  amount: fc.integer({ min: 1, max: 50_000 }),
});

it('any interleaving of duplicated and replayed batches applies each key exactly once', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(opArb, { minLength: 1, maxLength: 12 }),
      // Each batch is a list of indexes into the operations (repeats allowed); rounds run concurrently.
      fc.array(fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
      async (specs, rounds) => {
        const ops: Operation[] = specs.map((s) => (s.deposit ? cashDeposit(s.account, s.amount, newKey()) : withdrawal(s.account, s.amount, { key: newKey() })));
        const before = new Map<string, number>();
        for (const a of ACCOUNTS) before.set(a, (await accountOf(t, a)).balances.available);
        // Every operation is sent at least once, in a last round after the random ones.
        const schedule = [...rounds.map((round) => round.map((batchIdx) => batchIdx.map((i) => ops[i % ops.length] as Operation))), [ops]];
        const applied = new Map<string, number>();
        for (const round of schedule) {
          const replies = await Promise.all(round.map((b) => batch(t, b)));
          for (const r of replies) {
            expect(r.status).toBe(200);
            for (const res of BatchResponseSchema.parse(r.body).results) {
              expect(['applied', 'duplicate']).toContain(res.status);
              if (res.status === 'applied') applied.set(res.key, (applied.get(res.key) ?? 0) + 1);
            }
          }
        }
        for (const op of ops) expect(applied.get(op.key)).toBe(1);
        for (const a of ACCOUNTS) {
          const delta = specs.filter((s) => s.account === a).reduce((sum, s) => sum + (s.deposit ? s.amount : -s.amount), 0);
          expect((await accountOf(t, a)).balances.available).toBe((before.get(a) ?? 0) + delta);
        }
      },
    ),
    { numRuns: 40 },
  );
});
