import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DENOMINATIONS, totalOfCount, type DenominationCount } from '../money/denominations';
import { openingAgainstClose, openingSubject, type LastClose } from './opening';

const countArb = fc.record(Object.fromEntries(DENOMINATIONS.map((d) => [`${d}`, fc.integer({ min: 0, max: 500 })]))) as fc.Arbitrary<DenominationCount>;
const closeWith = (count: DenominationCount): LastClose => ({ closedTillId: 't1', businessDate: '2026-12-07', closedAt: null, count, total: totalOfCount(count) });

describe('the next opening against the last close (QA M1)', () => {
  it('the first opening of a till has nothing to compare with', () => {
    expect(openingAgainstClose(null, { '50000': 3 })).toBeNull();
  });

  it('is a difference exactly when some denomination differs, and its amount is counted − closed', () => {
    fc.assert(
      fc.property(countArb, countArb, (closed, counted) => {
        const cmp = openingAgainstClose(closeWith(closed), counted);
        const same = DENOMINATIONS.every((d) => (closed[`${d}`] ?? 0) === (counted[`${d}`] ?? 0));
        expect(cmp === null).toBe(same);
        if (cmp) expect(cmp.difference).toBe(totalOfCount(counted) - totalOfCount(closed));
      }),
    );
  });

  it('an approval names the close and the exact count: zero pieces written or left out are the same count', () => {
    expect(openingSubject('t1', { '50000': 3, '1000': 0 })).toBe(openingSubject('t1', { '50000': 3 }));
    expect(openingSubject('t1', { '50000': 3 })).not.toBe(openingSubject('t1', { '50000': 2, '100000': 0, '20000': 5 }));
    expect(openingSubject('t1', { '50000': 3 })).not.toBe(openingSubject('t2', { '50000': 3 }));
  });
});
