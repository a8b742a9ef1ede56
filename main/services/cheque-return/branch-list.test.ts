import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newestFirst } from './branch-list';

const day = fc.integer({ min: 1, max: 28 }).map((d) => `2025-03-${String(d).padStart(2, '0')}`);
const sequence = fc.integer({ min: 1, max: 999 }).map((n) => `001-03-${String(n).padStart(6, '0')}`);
const rows = fc.array(fc.record({ receivedOn: day, sequence }), { maxLength: 30 });

describe('newestFirst, the order of the canje and remesa lists', () => {
  it('puts the newest day first and, within a day, the higher sequence first', () => {
    fc.assert(
      fc.property(rows, (xs) => {
        const sorted = [...xs].sort(newestFirst);
        sorted.slice(1).forEach((b, i) => {
          const a = sorted[i] ?? b;
          expect(a.receivedOn >= b.receivedOn).toBe(true);
          if (a.receivedOn === b.receivedOn) expect(a.sequence >= b.sequence).toBe(true);
        });
      }),
    );
  });

  it('is antisymmetric and says 0 only for the same day and sequence', () => {
    fc.assert(
      fc.property(fc.record({ receivedOn: day, sequence }), fc.record({ receivedOn: day, sequence }), (a, b) => {
        // === and not toBe: for the same day and sequence the two signs are 0 and -0, which Object.is tells apart.
        expect(Math.sign(newestFirst(a, b)) === -Math.sign(newestFirst(b, a))).toBe(true);
        expect(newestFirst(a, b) === 0).toBe(a.receivedOn === b.receivedOn && a.sequence === b.sequence);
      }),
      // The pair the full run drew once (1 chance in ~28.000 per draw): the same row on both sides.
      { examples: [[{ receivedOn: '2025-03-01', sequence: '001-03-000003' }, { receivedOn: '2025-03-01', sequence: '001-03-000003' }]] },
    );
  });
});
