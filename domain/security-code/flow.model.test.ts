import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Cellphone } from '../identity/cellphone';
import { advance, initialSecurityCodeState, isTerminal, MAX_FAILED_CAPTURES, type SecurityCodeEvent, type SecurityCodeState } from './flow';
import { describeSecurityCodeState } from './messages';

// Weighted so that deep paths (consent, captures) are common; rare events end a run early.
// A small pool so that stated, previous and registered numbers collide often.
const phones = ['3001234890', '3157654321', '3200000000'] as const;
const phone = fc.constantFrom<string>(...phones, '12345', '+57 300 123 4890');

const event: fc.Arbitrary<SecurityCodeEvent> = fc.oneof(
  { weight: 6, arbitrary: fc.record({
    type: fc.constant('customer_found' as const),
    document: fc.constant({ type: 'CC' as const, number: '1020304050' }),
    hasProducts: fc.boolean(),
    registeredCellphone: fc.option(fc.constantFrom(...phones).map((p) => p as Cellphone), { nil: null }),
    // Sometimes the customer has an open radicado: nothing goes on until the teller replaces it.
    existing: fc.constantFrom(
      [],
      [{ kind: 'radicado' as const, radicado: 'RAD-0', createdAt: '2026-03-02T09:00:00-05:00', state: 'radicado' as const, workstation: '001-02' }],
    ),
  }) },
  { weight: 2, arbitrary: fc.constantFrom('Perdió el celular', ' ').map((reason) => ({ type: 'existing_replaced' as const, reason })) },
  { weight: 1, arbitrary: fc.constant({ type: 'customer_not_found' as const }) },
  { weight: 6, arbitrary: phone.map((p) => ({ type: 'phone_stated' as const, phone: p })) },
  { weight: 6, arbitrary: phone.map((p) => ({ type: 'previous_phone_stated' as const, phone: p })) },
  { weight: 2, arbitrary: fc.constant({ type: 'previous_phone_unknown' as const }) },
  { weight: 6, arbitrary: fc.constant({ type: 'consent_given' as const, at: '2026-03-02T10:00:00-05:00', teller: 'cajero01', textVersion: 'bio-v1' }) },
  { weight: 1, arbitrary: fc.constant({ type: 'consent_refused' as const }) },
  { weight: 8, arbitrary: fc.record({
    type: fc.constant('capture_result' as const),
    outcome: fc.constantFrom('no_match' as const, 'poor_quality' as const),
    operatorTransactionId: fc.option(fc.constant('op'), { nil: null }),
  }) },
  { weight: 3, arbitrary: fc.constant({
    type: 'capture_result' as const,
    outcome: 'match' as const,
    operatorTransactionId: 'op-m',
    radicado: 'RAD-1',
    now: '2026-03-02T10:05:00Z',
  }) },
  { weight: 1, arbitrary: fc.constant({ type: 'central_unavailable' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'cancel' as const }) },
  // Events that do not exist: a bypass attempt and garbage.
  { weight: 2, arbitrary: fc.constantFrom({ type: 'supervisor_override' }, { type: 'force_radicate' }).map((e) => e as unknown as SecurityCodeEvent) },
);

describe('security-code flow, model test over random event sequences', () => {
  it('never radicates without a match, never more than 3 captures, terminal states absorb', () => {
    fc.assert(
      fc.property(fc.array(event, { minLength: 5, maxLength: 40, size: 'max' }), (events) => {
        let state: SecurityCodeState = initialSecurityCodeState();
        let captures = 0;
        let consented = false;
        for (const e of events) {
          const before = state;
          const r = advance(state, e);
          if (isTerminal(before)) {
            // Absorbing: refused, and the caller keeps exactly the same state.
            expect(r.ok).toBe(false);
            if (!r.ok) expect(r.error.code).toBe('FLOW_FINISHED');
            continue;
          }
          if (!r.ok) continue;
          state = r.value;
          if (e.type === 'consent_given') consented = true;
          if (e.type === 'capture_result') {
            captures += 1;
            expect(consented).toBe(true);
            expect(before.step).toBe('awaiting_capture');
          }
          expect(captures).toBeLessThanOrEqual(MAX_FAILED_CAPTURES);
          if (state.step === 'radicated') {
            expect(e.type === 'capture_result' && e.outcome === 'match').toBe(true);
            expect(consented).toBe(true);
          }
          // An open request of the customer is replaced (with a reason) before anything is sent or radicated.
          if ((state.step === 'send_now' || state.step === 'radicated') && (state.customer.existing?.length ?? 0) > 0) {
            expect(state.customer.replacing?.trim().length ?? 0).toBeGreaterThanOrEqual(3);
          }
          if (state.step === 'send_now') {
            const registered = state.customer.registeredCellphone;
            expect(registered).not.toBeNull();
            // Sent either to the registered number or to the new one after the previous number was confirmed.
            if (state.contactUpdate === null) expect(state.target).toBe(registered);
            else expect(state.contactUpdate.previous).toBe(registered);
          }
          if (state.step === 'stopped') expect(state.failedCaptures).toHaveLength(MAX_FAILED_CAPTURES);
          expect(describeSecurityCodeState(state).message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('the random events do reach every terminal step (the model test is not vacuous)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(event, { minLength: 5, maxLength: 40, size: 'max' }), (events) => {
        let state: SecurityCodeState = initialSecurityCodeState();
        for (const e of events) {
          const r = advance(state, e);
          if (r.ok) state = r.value;
        }
        seen.add(state.step === 'refused' ? `refused:${state.reason}` : state.step);
      }),
      { numRuns: 3000, seed: 42 },
    );
    for (const s of ['send_now', 'radicated', 'stopped', 'cancelled', 'refused:NO_PRODUCTS', 'refused:CONSENT_REFUSED', 'refused:CENTRAL_UNAVAILABLE']) {
      expect(seen).toContain(s);
    }
  });
});
