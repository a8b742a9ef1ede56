import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Account, AccountSchema } from '../accounts/account';
import { DEFAULT_RULES } from '../rules-config/config';
import { chargeableBalance, embargoRetention, withdrawableBalance } from './embargo';

/** The inembargable amounts of the periods either side of 1-Oct-2025 (DEFAULT_RULES, domain-co §3). */
const CAP_2024_25 = 52_385_725;
const CAP_2025_26 = 55_099_308;

const embargada = (available: number, amount: number, opts: { retained?: number; alimentos?: boolean; owner?: 'natural' | 'juridica' } = {}): Account =>
  AccountSchema.parse({
    number: '123456781234',
    kind: 'individual',
    owner: opts.owner ?? 'natural',
    holders: [{ id: opts.owner === 'juridica' ? { type: 'NIT', number: '800197268-4' } : { type: 'CC', number: '1020304050' }, name: 'Ana Pérez' }],
    legalRepresentatives: opts.owner === 'juridica' ? [{ id: { type: 'CC', number: '79555111' }, name: 'Luis Gómez' }] : [],
    state: 'embargada',
    embargo: { amount, alimentos: opts.alimentos ?? false, ...(opts.retained === undefined ? {} : { retained: opts.retained }) },
    balances: { available, inCanje: 0, onHold: 0 },
    lastCustomerMovementOn: '2025-05-01',
    openedOn: '2020-03-01',
    city: 'Bogotá D.C.',
  });

const breakdown = (a: Account, on = '2025-10-15', elsewhere = 0) => {
  const r = withdrawableBalance(a, on, DEFAULT_RULES, elsewhere);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('the retention is kept, not recomputed from the balance of the moment (seed 003 cl. 7.2 and 8.5, domain-co §3)', () => {
  it('cl. 8.5: $ 70.000.000 under an ordinary order of $ 10.000.000 retains $ 10.000.000; after $ 60.000.000 go out the $ 10.000.000 left stay retained', () => {
    const first = breakdown(embargada(70_000_000, 10_000_000, { retained: 0 }));
    expect(first).toMatchObject({ retained: 10_000_000, withdrawable: 60_000_000, protectedAmount: CAP_2025_26 });
    // The customer withdrew the $ 60.000.000: the balance left is within the inembargable amount, yet it is the court's.
    const after = breakdown(embargada(10_000_000, 10_000_000, { retained: first.retained }));
    expect(after).toMatchObject({ retained: 10_000_000, withdrawable: 0 });
    expect(chargeableBalance(after)).toBe(0);
  });

  it('an older central (no kept retention): the retention of the moment, as before', () => {
    expect(breakdown(embargada(70_000_000, 10_000_000)).retained).toBe(10_000_000);
    expect(breakdown(embargada(10_000_000, 10_000_000)).retained).toBe(0);
  });

  it.each([
    // [available, order, kept, on, expected retention, why]
    [40_000_000, 10_000_000, 0, '2025-10-15', 0, 'cl. 8.5: a balance within the inembargable amount retains nothing'],
    [60_000_000, 10_000_000, 0, '2025-10-15', 60_000_000 - CAP_2025_26, 'cl. 8.5: only what exceeds the inembargable amount'],
    [70_000_000, 10_000_000, 4_900_692, '2025-10-15', 10_000_000, 'cl. 7.2: money arriving later is retained until the order is covered'],
    [200_000_000, 10_000_000, 0, '2025-10-15', 10_000_000, 'never more than the order'],
    [60_000_000, 10_000_000, 60_000_000 - CAP_2024_25, '2025-10-15', 60_000_000 - CAP_2024_25, 'a higher inembargable amount in the new period does not release what was retained'],
    [3_000_000, 5_000_000, 4_000_000, '2025-10-15', 3_000_000, 'a credit taken back takes its retention with it: never more than the balance'],
    [3_000_000, 1_800_000, 0, '2025-10-15', 1_800_000, 'alimentos: no inembargable amount (CGP art. 594 num. 2)'],
  ] as const)('%i under %i kept %i on %s retains %i: %s', (available, amount, kept, on, expected, why) => {
    const alimentos = why.startsWith('alimentos');
    expect(breakdown(embargada(available, amount, { retained: kept, alimentos }), on).retained).toBe(expected);
  });

  it('a jurídica has no inembargable amount: all of the balance up to the order', () => {
    expect(breakdown(embargada(7_000_000, 10_000_000, { retained: 2_000_000, owner: 'juridica' })).retained).toBe(7_000_000);
  });

  it('the protection the holder’s other savings already take counts when it retains', () => {
    expect(breakdown(embargada(40_000_000, 10_000_000, { retained: 0 }), '2025-10-15', 20_000_000).retained).toBe(40_000_000 - (CAP_2025_26 - 20_000_000));
    expect(breakdown(embargada(40_000_000, 3_000_000, { retained: 0 }), '2025-10-15', 20_000_000).retained).toBe(3_000_000);
    expect(breakdown(embargada(40_000_000, 10_000_000, { retained: 0 })).retained).toBe(0);
  });

  it('embargoRetention: kept brought up to the balance’s, capped by the order and the balance', () => {
    expect(embargoRetention({ amount: 10, retained: 4 }, 20, 15)).toBe(5);
    expect(embargoRetention({ amount: 10, retained: 4 }, 20, 18)).toBe(4);
    expect(embargoRetention({ amount: 10 }, 30, 5)).toBe(10);
    expect(embargoRetention({ amount: 10, retained: 8 }, 6, 0)).toBe(6);
  });
});

type Step = { kind: 'credit' | 'debit' | 'charge'; amount: number; on: string };

describe('property: a small model of the account under an order, over random credits, debits and charges', () => {
  const step = fc.record({
    kind: fc.constantFrom('credit', 'debit', 'charge') as fc.Arbitrary<Step['kind']>,
    amount: fc.integer({ min: 1, max: 40_000_000 }),
    // Both sides of the period change: 1-Oct-2025 raised the inembargable amount.
    on: fc.constantFrom('2025-09-20', '2025-10-15'),
  });

  it('the retention never decreases, never exceeds the order, no debit or charge takes it, and it never retains the protected part when it grows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 120_000_000 }),
        fc.integer({ min: 1, max: 60_000_000 }),
        fc.boolean(),
        fc.array(step, { maxLength: 30 }),
        (start, amount, alimentos, steps) => {
          let available = start;
          let kept = 0;
          const settle = (on: string) => {
            const w = breakdown(embargada(available, amount, { retained: kept, alimentos }), on);
            expect(w.retained).toBeGreaterThanOrEqual(kept);
            expect(w.retained).toBeLessThanOrEqual(amount);
            // Grown now: only out of what the balance has beyond the inembargable amount of the day.
            if (w.retained > kept) expect(w.retained).toBeLessThanOrEqual(available - w.protectedAmount);
            kept = w.retained;
            return w;
          };
          settle('2025-09-20');
          for (const s of steps) {
            const w = settle(s.on);
            if (s.kind === 'credit') available += s.amount;
            // A debit the rule allows, else refused; a charge takes what it may and leaves the rest owed.
            else if (s.kind === 'debit') available -= s.amount <= w.withdrawable ? s.amount : 0;
            else available -= Math.min(s.amount, chargeableBalance(w));
            expect(available).toBeGreaterThanOrEqual(kept);
            settle(s.on);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
