import { z } from 'zod';

/**
 * How a fraction of a peso is resolved. GMF and percentage commissions are exact rationals (amount × rate /
 * divisor); the bank's policy decides what happens to the remainder (domain-co.md §1: "decide a policy" [U]).
 */
export const RoundingSchema = z.enum(['half-up', 'down', 'up', 'half-even']);
export type Rounding = z.infer<typeof RoundingSchema>;

/**
 * `amount × numerator / denominator` rounded to the peso with integer arithmetic only. BigInt keeps the product
 * exact even for amounts near 2^53, so no float ever touches money.
 */
export const mulDivRound = (amount: number, numerator: number, denominator: number, rounding: Rounding): number => {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError('mulDivRound: amount must be a non-negative safe integer');
  if (!Number.isSafeInteger(numerator) || numerator < 0) throw new RangeError('mulDivRound: numerator must be a non-negative integer');
  if (!Number.isSafeInteger(denominator) || denominator <= 0) throw new RangeError('mulDivRound: denominator must be positive');
  const product = BigInt(amount) * BigInt(numerator);
  const den = BigInt(denominator);
  const quotient = product / den;
  const remainder = product % den;
  let result = quotient;
  if (remainder !== 0n) {
    const twice = remainder * 2n;
    switch (rounding) {
      case 'down':
        break;
      case 'up':
        result = quotient + 1n;
        break;
      case 'half-up':
        if (twice >= den) result = quotient + 1n;
        break;
      case 'half-even':
        if (twice > den || (twice === den && quotient % 2n === 1n)) result = quotient + 1n;
        break;
    }
  }
  if (result > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('mulDivRound: result out of the safe-integer range');
  return Number(result);
};
