import fc from 'fast-check';
import { expect, it } from 'vitest';
import { formatLeft, msLeft, secondsLeft } from './approval-countdown';

const read = { expiresAt: '2025-03-03T14:15:00.000Z', readAt: '2025-03-03T14:00:00.000Z' };

it('counts from the core’s clock at the read, whatever the browser’s clock says', () => {
  expect(formatLeft(secondsLeft(msLeft(read, 0)))).toBe('15:00');
  expect(formatLeft(secondsLeft(msLeft(read, 1)))).toBe('15:00');
  expect(formatLeft(secondsLeft(msLeft(read, 1_000)))).toBe('14:59');
  expect(formatLeft(secondsLeft(msLeft(read, 15 * 60_000 - 1)))).toBe('00:01');
  expect(secondsLeft(msLeft(read, 15 * 60_000))).toBe(0);
  expect(formatLeft(secondsLeft(msLeft(read, 20 * 60_000)))).toBe('00:00');
  expect(formatLeft(secondsLeft(msLeft({ expiresAt: '2025-03-03T18:00:00.000Z', readAt: read.readAt }, 0)))).toBe('240:00');
});

it('reaches zero exactly when the deadline has passed, and never goes up as time passes', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 4 * 3_600_000 }), fc.integer({ min: 0, max: 5 * 3_600_000 }), fc.integer({ min: 0, max: 10_000 }), (ttl, elapsed, more) => {
      const r = { readAt: read.readAt, expiresAt: new Date(Date.parse(read.readAt) + ttl).toISOString() };
      expect(secondsLeft(msLeft(r, elapsed)) === 0).toBe(elapsed >= ttl);
      expect(secondsLeft(msLeft(r, elapsed + more))).toBeLessThanOrEqual(secondsLeft(msLeft(r, elapsed)));
    }),
  );
});
