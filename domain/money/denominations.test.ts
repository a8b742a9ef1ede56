import fc from 'fast-check';
import { expect, it } from 'vitest';
import { cashPayable, SMALLEST_COIN } from './denominations';

it('cashPayable: the largest multiple of the $ 50 coin not above the amount', () => {
  expect(cashPayable(1_195_219)).toBe(1_195_200);
  expect(cashPayable(1_195_250)).toBe(1_195_250);
  fc.assert(
    fc.property(fc.nat({ max: 1_000_000_000 }), (amount) => {
      const c = cashPayable(amount);
      expect(c % SMALLEST_COIN).toBe(0);
      expect(c).toBeLessThanOrEqual(amount);
      expect(amount - c).toBeLessThan(SMALLEST_COIN);
    }),
  );
});
