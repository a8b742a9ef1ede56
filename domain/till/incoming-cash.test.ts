import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIncomingCash } from './incoming-cash';

/** Issue 7 "Till": a maximum holding per till with a prompt to transfer the surplus before the limit is crossed. */
const H = { limit: 60_000_000, warnAt: 54_000_000 };

describe('cash coming into the till against its holding limit', () => {
  it.each([
    // position, incoming, state, surplus
    [10_000_000, 1_000_000, 'ok', 0],
    [53_000_000, 999_999, 'ok', 0],
    [53_000_000, 1_000_000, 'cerca', 100_000],
    [57_000_000, 4_000_000, 'excedido', 7_100_000],
    [60_000_000, 0, 'cerca', 6_100_000],
    // The till alone cannot make room: everything it holds in whole 100.000.
    [150_000, 80_000_000, 'excedido', 100_000],
    [50_000, 80_000_000, 'excedido', 0],
  ] as const)('position %i + incoming %i → %s, send %i', (position, incoming, state, surplus) => {
    const c = checkIncomingCash(position, incoming, H);
    expect(c).toMatchObject({ state, surplus, after: position + incoming });
    expect(c.prompt === null).toBe(state === 'ok');
  });

  it('says where the till would be and what to send, in pesos', () => {
    expect(checkIncomingCash(57_000_000, 4_000_000, H).prompt).toBe(
      'Con este efectivo la caja quedaría en $ 61.000.000, por encima de su límite de $ 60.000.000. Traslade $ 7.100.000 a la bóveda antes de confirmar.',
    );
  });

  it('sending the surplus first always brings the till below the warning level when it holds enough', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000_000 }), fc.integer({ min: 0, max: 100_000_000 }), (position, incoming) => {
        const c = checkIncomingCash(position, incoming, H);
        expect(c.surplus % 100_000).toBe(0);
        expect(c.surplus).toBeLessThanOrEqual(position);
        if (c.state === 'ok') return;
        if (c.surplus < position - (position % 100_000)) expect(position - c.surplus + incoming).toBeLessThan(H.warnAt);
        // Never more than needed by a whole step.
        expect(position - c.surplus + incoming).toBeGreaterThanOrEqual(H.warnAt - 100_000);
      }),
    );
  });
});
