import type { Pesos } from '../money/pesos';
import type { FeeBracket, FeeRule } from './config';
import { mulDivRound } from './rounding';

/** A percentage fee rounds half-up to the peso; tariffs are published in whole pesos. */
export const applyFeeRule = (amount: Pesos, rule: FeeRule): Pesos =>
  Math.max(rule.minimum, rule.fixed + mulDivRound(amount, rule.basisPoints, 10_000, 'half-up'));

/** Fee of the first bracket whose `upTo` covers the amount; the schema guarantees an open last row. */
export const feeFromBrackets = (amount: Pesos, table: readonly FeeBracket[]): Pesos => {
  for (const row of table) if (row.upTo === null || amount <= row.upTo) return row.fee;
  return table[table.length - 1]?.fee ?? 0;
};
