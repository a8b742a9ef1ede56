import { computeGmf, type GmfInput } from '../gmf/gmf';
import type { Pesos } from '../money/pesos';
import type { RulesConfig } from '../rules-config/config';
import { type Result, ok } from '../rules-config/result';

/**
 * The largest withdrawal whose debits (the amount and its GMF, ET art. 871) fit in what the customer may
 * dispose of: the figure the teller can offer before the core refuses for the 4x1000. Amount plus GMF grows with
 * the amount, so a binary search over whole pesos finds it exactly, whatever the rounding or the exempt cap left.
 */
export const maxWithdrawal = (withdrawable: Pesos, gmf: Omit<GmfInput, 'amount'>, rules: RulesConfig): Result<Pesos> => {
  const cost = (amount: Pesos): Result<Pesos> => {
    const g = computeGmf({ ...gmf, amount }, rules);
    return g.ok ? ok(amount + g.value.gmf) : g;
  };
  const top = cost(withdrawable);
  if (!top.ok) return top;
  if (top.value <= withdrawable) return ok(withdrawable);
  let lo = 0;
  let hi = withdrawable;
  // Invariant: cost(lo) <= withdrawable < cost(hi).
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const c = cost(mid);
    if (!c.ok) return c;
    if (c.value <= withdrawable) lo = mid;
    else hi = mid;
  }
  return ok(lo);
};
