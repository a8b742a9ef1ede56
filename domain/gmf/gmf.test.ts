import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, RulesConfigSchema } from '../rules-config/config';
import { mulDivRound } from '../rules-config/rounding';
import { computeGmf, gmfOn } from './gmf';

const rules = DEFAULT_RULES;
const get = (r: ReturnType<typeof computeGmf>) => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const amount = fc.integer({ min: 0, max: 2_000_000_000 });

describe('GMF 4x1000 (domain-co §1)', () => {
  it('examples from domain-co §1', () => {
    expect(gmfOn(1_234_567, rules)).toBe(4_938); // 4.938,268
    expect(gmfOn(20_000, rules)).toBe(80);
    expect(gmfOn(125, rules)).toBe(1); // 0,5 → 1 under half-up
    const down = RulesConfigSchema.parse({ gmf: { rounding: 'down' } });
    expect(gmfOn(125, down)).toBe(0);
    expect(gmfOn(375, RulesConfigSchema.parse({ gmf: { rounding: 'half-even' } }))).toBe(2); // 1,5 → 2
    expect(gmfOn(625, RulesConfigSchema.parse({ gmf: { rounding: 'half-even' } }))).toBe(2); // 2,5 → 2
  });
  it('350 UVT cap per month on the marked account: 2025 $17.429.650, 2026 $18.330.900 (domain-co §0)', () => {
    const a = get(computeGmf({ amount: 20_000_000, exemptAccount: true, usedThisMonth: 0, on: '2025-06-10' }, rules));
    expect(a).toMatchObject({ cap: 17_429_650, exempt: 17_429_650, taxable: 2_570_350, gmf: 10_281, remainingCap: 0 });
    const b = get(computeGmf({ amount: 1_000_000, exemptAccount: true, usedThisMonth: 18_000_000, on: '2026-02-01' }, rules));
    expect(b).toMatchObject({ cap: 18_330_900, exempt: 330_900, taxable: 669_100, gmf: 2_676 });
  });
  it('a missing UVT year is a typed error, not a guess', () => {
    const r = computeGmf({ amount: 1, exemptAccount: true, usedThisMonth: 0, on: '2031-01-01' }, rules);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('UVT_NOT_CONFIGURED');
  });
  it('ET art. 879 num. 14 transfers are fully exempt', () => {
    expect(get(computeGmf({ amount: 9_999_999, exemptAccount: false, usedThisMonth: 0, on: '2025-01-02', fullyExempt: 'ET_879_14' }, rules)).gmf).toBe(0);
  });
  it('a num. 14 transfer from a marked account leaves its 350 UVT untouched; a num. 1 debit uses what it exempts', () => {
    const same = get(computeGmf({ amount: 20_000_000, exemptAccount: true, usedThisMonth: 0, on: '2025-06-10', fullyExempt: 'ET_879_14' }, rules));
    expect(same).toMatchObject({ exempt: 20_000_000, gmf: 0, capUsed: 0 });
    const marked = get(computeGmf({ amount: 20_000_000, exemptAccount: true, usedThisMonth: 0, on: '2025-06-10' }, rules));
    expect(marked.capUsed).toBe(marked.exempt);
    expect(get(computeGmf({ amount: 5_000, exemptAccount: false, usedThisMonth: 0, on: '2025-06-10' }, rules)).capUsed).toBe(0);
  });
  it('properties: bounded by the plain tax, monotone, exempt within the remaining cap, parts add up', () => {
    fc.assert(
      fc.property(amount, amount, fc.boolean(), fc.integer({ min: 0, max: 1_000_000 }), (amt, used, exemptAccount, extra) => {
        const on = '2025-09-15';
        const g = get(computeGmf({ amount: amt, exemptAccount, usedThisMonth: used, on }, rules));
        expect(g.exempt + g.taxable).toBe(amt);
        expect(g.gmf).toBeLessThanOrEqual(mulDivRound(amt, 4, 1000, 'half-up'));
        expect(g.gmf).toBeGreaterThanOrEqual(0);
        expect(g.exempt).toBeLessThanOrEqual(Math.max(0, g.cap - used));
        if (!exemptAccount) expect(g.exempt).toBe(0);
        const more = get(computeGmf({ amount: amt + extra, exemptAccount, usedThisMonth: used, on }, rules));
        expect(more.gmf).toBeGreaterThanOrEqual(g.gmf);
        // Using more of the cap earlier in the month never lowers this debit's tax.
        const later = get(computeGmf({ amount: amt, exemptAccount, usedThisMonth: used + extra, on }, rules));
        expect(later.gmf).toBeGreaterThanOrEqual(g.gmf);
      }),
    );
  });
  it('splitting a month into several debits never exempts more than the cap in total', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 12 }), (debits) => {
        let used = 0;
        for (const d of debits) used += get(computeGmf({ amount: d, exemptAccount: true, usedThisMonth: used, on: '2026-05-05' }, rules)).exempt;
        expect(used).toBeLessThanOrEqual(18_330_900);
        expect(used).toBe(Math.min(18_330_900, debits.reduce((a, b) => a + b, 0)));
      }),
    );
  });
});

describe('integer rounding helper', () => {
  it('matches exact rational rounding computed with BigInt', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), (a, n, d) => {
        if (BigInt(a) * BigInt(n) / BigInt(d) >= BigInt(Number.MAX_SAFE_INTEGER)) {
          expect(() => mulDivRound(a, n, d, 'up')).toThrow(RangeError);
          return;
        }
        const down = mulDivRound(a, n, d, 'down');
        const up = mulDivRound(a, n, d, 'up');
        const half = mulDivRound(a, n, d, 'half-up');
        const exact = BigInt(a) * BigInt(n);
        expect(BigInt(down) * BigInt(d) <= exact).toBe(true);
        expect(BigInt(down + 1) * BigInt(d) > exact).toBe(true);
        expect(up - down).toBe(exact % BigInt(d) === 0n ? 0 : 1);
        expect(half === down || half === up).toBe(true);
      }),
    );
  });
});
