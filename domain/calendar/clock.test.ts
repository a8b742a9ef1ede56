import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockStartingAt, type Clock } from './clock';

const handClock = (ms: number): Clock & { advance(by: number): void } => {
  let t = ms;
  return { now: () => new Date(t), advance: (by) => { t += by; } };
};

describe('clockStartingAt', () => {
  it('reads the start first and then moves exactly as the real clock does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 0, max: 4e12 }), fc.array(fc.integer({ min: 0, max: 1e9 }), { maxLength: 5 }), (real, start, steps) => {
        const clock = handClock(real);
        const shifted = clockStartingAt(new Date(start), clock);
        expect(shifted.now().getTime()).toBe(start);
        let elapsed = 0;
        for (const step of steps) {
          clock.advance(step);
          elapsed += step;
          expect(shifted.now().getTime()).toBe(start + elapsed);
        }
      }),
    );
  });
});
