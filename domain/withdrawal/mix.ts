import { DENOMINATIONS, type Denomination, type DenominationCount, countOf } from '../money/denominations';
import type { Pesos } from '../money/pesos';

/**
 * Suggests which bills and coins to pay `amount` with, from what the till holds. Largest denominations first
 * (the greedy mix tellers count), backtracking when greedy gets stuck: COP denominations are not canonical with a
 * limited stock (60.000 from one 50.000 and three 20.000 needs 3 × 20.000). Exact: returns a mix whenever one
 * exists. Each level only tries counts that leave a remainder the smaller denominations could still cover, and
 * failed (level, remainder) pairs are remembered, so the search is bounded by the distinct remainders.
 */
export const suggestMix = (amount: Pesos, stock: DenominationCount): DenominationCount | null => {
  if (!Number.isSafeInteger(amount) || amount < 0) return null;
  const denoms: readonly Denomination[] = DENOMINATIONS;
  // capacity[i] = value the denominations from i on can pay at most.
  const capacity: number[] = new Array<number>(denoms.length + 1).fill(0);
  for (let i = denoms.length - 1; i >= 0; i -= 1) {
    const d = denoms[i] as Denomination;
    capacity[i] = (capacity[i + 1] ?? 0) + d * countOf(stock, d);
  }
  const failed = new Set<string>();
  const chosen: number[] = new Array<number>(denoms.length).fill(0);

  const search = (i: number, rest: number): boolean => {
    if (rest === 0) return true;
    if (i >= denoms.length || rest > (capacity[i] ?? 0)) return false;
    const key = `${i}:${rest}`;
    if (failed.has(key)) return false;
    const d = denoms[i] as Denomination;
    const most = Math.min(countOf(stock, d), Math.floor(rest / d));
    const least = Math.max(0, Math.ceil((rest - (capacity[i + 1] ?? 0)) / d));
    for (let n = most; n >= least; n -= 1) {
      chosen[i] = n;
      if (search(i + 1, rest - n * d)) return true;
    }
    chosen[i] = 0;
    failed.add(key);
    return false;
  };

  if (!search(0, amount)) return null;
  const mix: DenominationCount = {};
  denoms.forEach((d, i) => {
    const n = chosen[i] ?? 0;
    if (n > 0) mix[`${d}`] = n;
  });
  return mix;
};
