import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeGmf } from '../gmf/gmf';
import { DEFAULT_RULES } from '../rules-config/config';
import { maxWithdrawal } from './max-withdrawal';

const rules = DEFAULT_RULES;
const on = '2026-05-05';
const value = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const cost = (amount: number, exemptAccount: boolean, usedThisMonth: number) => amount + value(computeGmf({ amount, exemptAccount, usedThisMonth, on }, rules)).gmf;

describe('the largest withdrawal that fits with its GMF', () => {
  it('examples: $1.385.725 at disposal pays out $1.380.204 with $5.521 of GMF', () => {
    expect(value(maxWithdrawal(1_385_725, { exemptAccount: false, usedThisMonth: 0, on }, rules))).toBe(1_380_204);
    expect(cost(1_380_204, false, 0)).toBeLessThanOrEqual(1_385_725);
    expect(cost(1_380_205, false, 0)).toBeGreaterThan(1_385_725);
    // A marked account within its 350 UVT pays no GMF: everything is withdrawable.
    expect(value(maxWithdrawal(5_000_000, { exemptAccount: true, usedThisMonth: 0, on }, rules))).toBe(5_000_000);
    expect(value(maxWithdrawal(0, { exemptAccount: false, usedThisMonth: 0, on }, rules))).toBe(0);
  });
  it('properties: it fits, one peso more does not, and it never exceeds what is at disposal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), fc.boolean(), fc.integer({ min: 0, max: 30_000_000 }), (w, exemptAccount, used) => {
        const m = value(maxWithdrawal(w, { exemptAccount, usedThisMonth: used, on }, rules));
        expect(m).toBeLessThanOrEqual(w);
        expect(cost(m, exemptAccount, used)).toBeLessThanOrEqual(w);
        if (m < w) expect(cost(m + 1, exemptAccount, used)).toBeGreaterThan(w);
      }),
    );
  });
  it('a missing UVT year is the GMF’s typed error, not a guess', () => {
    const r = maxWithdrawal(1_000, { exemptAccount: true, usedThisMonth: 0, on: '2031-01-01' }, rules);
    expect(r).toMatchObject({ ok: false, error: { code: 'UVT_NOT_CONFIGURED' } });
  });
});
