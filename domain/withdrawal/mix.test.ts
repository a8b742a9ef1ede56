import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DENOMINATIONS, type DenominationCount, countOf, totalOfCount } from '../money/denominations';
import { suggestMix } from './mix';

/** Independent oracle: bounded subset-sum over units of 50 by dynamic programming. */
const feasible = (amount: number, stock: DenominationCount): boolean => {
  if (amount % 50 !== 0) return false;
  const units = amount / 50;
  let reach = new Uint8Array(units + 1);
  reach[0] = 1;
  for (const d of DENOMINATIONS) {
    const u = d / 50;
    for (let k = 0; k < countOf(stock, d); k += 1) {
      const next = reach.slice();
      for (let v = u; v <= units; v += 1) if (reach[v - u]) next[v] = 1;
      reach = next;
    }
  }
  return reach[units] === 1;
};

describe('denomination mix from the till stock', () => {
  it('uses the largest bills first when the stock allows it', () => {
    expect(suggestMix(370_000, { '100000': 5, '50000': 5, '20000': 5 })).toEqual({ '100000': 3, '50000': 1, '20000': 1 });
  });
  it('falls back when greedy gets stuck: 60.000 with one 50.000 and three 20.000', () => {
    expect(suggestMix(60_000, { '50000': 1, '20000': 3 })).toEqual({ '20000': 3 });
    expect(suggestMix(110_000, { '100000': 1, '50000': 1, '20000': 3 })).toEqual({ '50000': 1, '20000': 3 });
  });
  it('returns null when no mix exists', () => {
    expect(suggestMix(30_000, { '20000': 5 })).toBeNull();
    expect(suggestMix(1_025, { '1000': 5, '50': 10 })).toBeNull();
    expect(suggestMix(0, {})).toEqual({});
  });
  it('property: sums exactly, never exceeds stock, and finds a mix exactly when one exists', () => {
    const stock = fc.dictionary(fc.constantFrom(...DENOMINATIONS.map(String)), fc.integer({ min: 0, max: 6 }));
    fc.assert(
      fc.property(stock, fc.integer({ min: 0, max: 12_000 }).map((u) => u * 50), (s, amount) => {
        const mix = suggestMix(amount, s as DenominationCount);
        expect(mix !== null).toBe(feasible(amount, s as DenominationCount));
        if (mix) {
          expect(totalOfCount(mix)).toBe(amount);
          for (const d of DENOMINATIONS) expect(countOf(mix, d)).toBeLessThanOrEqual(countOf(s as DenominationCount, d));
        }
      }),
      { numRuns: 300 },
    );
  });
  it('stays fast on a large till', () => {
    const big: DenominationCount = { '100000': 500, '50000': 500, '20000': 500, '10000': 500, '5000': 500, '2000': 500, '1000': 200, '500': 200, '200': 200, '100': 200, '50': 200 };
    expect(totalOfCount(suggestMix(87_654_350, big) ?? {})).toBe(87_654_350);
    expect(suggestMix(80_000_000, { '50000': 1, '20000': 4_000 })).toEqual({ '20000': 4_000 });
    expect(suggestMix(80_010_000, { '50000': 1, '20000': 4_000 })).toEqual({ '50000': 1, '20000': 3_998 });
    expect(suggestMix(80_040_000, { '50000': 1, '20000': 4_000 })).toBeNull();
  });
});
