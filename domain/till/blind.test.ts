import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPesos } from '../money/pesos';
import { preCloseGate } from './gate';
import { BLIND_STEP, checkHolding } from './holding';
import { checkIncomingCash } from './incoming-cash';
import { DEFAULT_TILL_POLICY } from './policy';

/** Blind close (teller-anchors §2 row 18, §4 item 12): no wording meant for the teller names the till's cash. */
describe('blind close wording', () => {
  const policy = DEFAULT_TILL_POLICY;
  const noFacts = { pendingApprovals: 0, unsyncedOperations: 0, unknownOutcomeOperations: 0, unprintedReceipts: 0, openRemittances: 0, unconfirmedDebits: 0, transfersInTransit: 0 };
  // Another figure of the message (the limit, the surplus) may happen to equal the cash: those draws say nothing.
  // A whole amount: "$ 6" is not named by "$ 60.000.000" (the next character is no digit, nor a dot and a digit).
  const names = (text: string | null | undefined, amount: number) =>
    new RegExp(`${formatPesos(amount).replace(/[$.]/g, '\\$&')}(?!\\.?\\d)`).test(text ?? '');

  it('is on by default', () => expect(policy.blindClose).toBe(true));

  it("the holding prompt and the close gate say the limit and what to send, never the till's cash", () => {
    fc.assert(
      fc.property(fc.integer({ min: 54_000_000, max: 200_000_000 }), (position) => {
        const h = checkHolding(position, policy, true);
        fc.pre(position !== h.limit && position !== h.surplus);
        expect(h.prompt).toContain(formatPesos(h.surplus));
        expect(names(h.prompt, position)).toBe(false);
        expect(names(checkHolding(position, policy).prompt, position)).toBe(true);
        const gate = preCloseGate({ ...noFacts, positionTotal: position, holding: h, blind: true });
        for (const i of gate.items) expect(names(`${i.message} ${i.resolveAt}`, position)).toBe(false);
      }),
    );
  });

  it('nor anything finer than its million: two tills in the same million are told the same, in whole millions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 199 }), fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 1, max: 999_999 }), (million, a, b) => {
        const one = checkHolding(million * BLIND_STEP + a, policy, true);
        const other = checkHolding(million * BLIND_STEP + b, policy, true);
        expect(one.surplus % BLIND_STEP).toBe(0);
        expect(one.prompt).toBe(other.prompt);
        const gate = (h: typeof one, p: number) => preCloseGate({ ...noFacts, positionTotal: p, holding: h, blind: true }).items.map((i) => `${i.message} ${i.resolveAt}`);
        expect(gate(one, million * BLIND_STEP + a)).toEqual(gate(other, million * BLIND_STEP + b));
      }),
    );
  });

  it('the warning before cash comes in does not say what the till would hold', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 1, max: 100_000_000 }), (position, incoming) => {
        const h = checkHolding(position, policy);
        const c = checkIncomingCash(position, incoming, h, true);
        fc.pre(c.prompt !== null && ![h.limit, c.surplus].includes(c.after) && ![h.limit, c.surplus].includes(position));
        expect(names(c.prompt, c.after)).toBe(false);
        expect(names(c.prompt, position)).toBe(false);
        expect(c.state).toBe(checkIncomingCash(position, incoming, h).state);
        expect(c.surplus % BLIND_STEP).toBe(0);
        expect(c.surplus).toBeLessThanOrEqual(position);
      }),
    );
  });
});
