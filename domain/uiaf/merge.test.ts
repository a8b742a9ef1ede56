import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cashTotal, mergeCashOperations } from './merge';

/** Keys from a small alphabet, so central's and this workstation's lists share many (delivered operations). */
const key = fc.constantFrom('k1', 'k2', 'k3', 'k4', 'k5', 'k6');
const op = fc.record({ key, amount: fc.integer({ min: 1, max: 20_000_000 }) });

describe('merging central’s cash operations with this workstation’s (domain-co §2 monthly accumulator)', () => {
  it('an operation central has and this workstation still lists counts once, with central’s figure', () => {
    const merged = mergeCashOperations([{ key: 'a', amount: 8_000_000 }], [{ key: 'a', amount: 8_000_000 }, { key: 'b', amount: 5_000_000 }]);
    expect(merged).toEqual([{ key: 'a', amount: 8_000_000 }, { key: 'b', amount: 5_000_000 }]);
    expect(cashTotal(merged)).toBe(13_000_000);
  });

  it('one reversed here counts nothing, though central has not heard of the reversal yet', () => {
    expect(mergeCashOperations([{ key: 'a', amount: 9_000_000 }], [], new Set(['a']))).toEqual([]);
  });

  it('property: every key counts exactly once, none reversed here, each with central’s amount when central has it', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), fc.array(op, { maxLength: 12 }), fc.uniqueArray(key, { maxLength: 3 }), (central, local, reversed) => {
        const merged = mergeCashOperations(central, local, new Set(reversed));
        const keys = merged.map((o) => o.key);
        expect(new Set(keys).size).toBe(keys.length);
        const expected = new Set([...central, ...local].map((o) => o.key).filter((k) => !reversed.includes(k)));
        expect(new Set(keys)).toEqual(expected);
        for (const o of merged) {
          const atCentral = central.find((c) => c.key === o.key);
          expect(o.amount).toBe((atCentral ?? local.find((l) => l.key === o.key))?.amount);
        }
        // Counting this workstation's list again (a second merge) adds nothing.
        expect(cashTotal(mergeCashOperations(merged, local, new Set(reversed)))).toBe(cashTotal(merged));
      }),
    );
  });
});
