import { describe, expect, it } from 'vitest';
import type { Cellphone } from '../identity/cellphone';
import { advance, initialSecurityCodeState, replay, type SecurityCodeEvent, type SecurityCodeState } from './flow';
import { SecurityCodeEventSchema } from './events';
import { CONTACT_MISMATCH_TITLE, describeSecurityCodeState } from './messages';

const REGISTERED = '3001234890' as Cellphone;
const NEW = '3157654321' as Cellphone;
const doc = { type: 'CC', number: '1020304050' } as const;
const found: SecurityCodeEvent = { type: 'customer_found', document: doc, hasProducts: true, registeredCellphone: REGISTERED };
const consent: SecurityCodeEvent = { type: 'consent_given', at: '2026-03-02T10:00:00-05:00', teller: 'cajero01', textVersion: 'bio-v1' };
const noMatch: SecurityCodeEvent = { type: 'capture_result', outcome: 'no_match', operatorTransactionId: 'op-1' };
const poor: SecurityCodeEvent = { type: 'capture_result', outcome: 'poor_quality', operatorTransactionId: null };
const match: SecurityCodeEvent = {
  type: 'capture_result',
  outcome: 'match',
  operatorTransactionId: 'op-9',
  radicado: 'RAD-2026-000123',
  now: '2026-03-02T10:05:00-05:00',
};
const toBiometric: SecurityCodeEvent[] = [
  found,
  { type: 'phone_stated', phone: NEW },
  { type: 'previous_phone_stated', phone: '3009999999' },
];

const run = (events: SecurityCodeEvent[]): SecurityCodeState => {
  const { state, errors } = replay(events);
  expect(errors).toEqual([]);
  return state;
};

describe('identification (seed 000: "GENERACIÓN DE CODIGO DE SEGURIDAD" at the punto de atención)', () => {
  it('customer without products is refused', () => {
    const s = run([{ ...found, hasProducts: false }]);
    expect(s).toMatchObject({ step: 'refused', reason: 'NO_PRODUCTS' });
    expect(describeSecurityCodeState(s).message).toContain('no tiene productos');
  });
  it('a company (NIT) whose number is not confirmed is not sent to the fingerprint: it has none', () => {
    const company: SecurityCodeEvent = { ...found, document: { type: 'NIT', number: '9001234568' } };
    for (const last of [{ type: 'previous_phone_unknown' } as const, { type: 'previous_phone_stated', phone: '3009999999' } as SecurityCodeEvent]) {
      const s = run([company, { type: 'phone_stated', phone: NEW }, last]);
      expect(s).toMatchObject({ step: 'refused', reason: 'NO_BIOMETRIC_FOR_COMPANY' });
      expect(describeSecurityCodeState(s).message).toContain('representante legal');
    }
    // The registered number stated, or the previous one confirmed, still works for a company.
    expect(run([company, { type: 'phone_stated', phone: REGISTERED }]).step).toBe('send_now');
    expect(run([company, { type: 'phone_stated', phone: NEW }, { type: 'previous_phone_stated', phone: REGISTERED }]).step).toBe('send_now');
  });
  it('unknown customer is refused', () => {
    expect(run([{ type: 'customer_not_found' }])).toMatchObject({ step: 'refused', reason: 'CUSTOMER_NOT_FOUND' });
  });
  it('central down while identifying is refused', () => {
    expect(run([{ type: 'central_unavailable' }])).toMatchObject({ step: 'refused', reason: 'CENTRAL_UNAVAILABLE' });
  });
});

describe('stated phone', () => {
  it('equal to the registered number → send_now to it, no update (seed 000: "lo envía al número de celular registrado")', () => {
    const s = run([found, { type: 'phone_stated', phone: '+57 300 123 4890' }]);
    expect(s).toEqual({ step: 'send_now', customer: { document: doc, registeredCellphone: REGISTERED }, target: REGISTERED, contactUpdate: null });
    expect(describeSecurityCodeState(s).message).toContain('*******890');
  });

  it('different → asks for the previous number with the "Error de seguridad en datos" message (seed 002)', () => {
    const s = run([found, { type: 'phone_stated', phone: NEW }]);
    expect(s).toMatchObject({ step: 'awaiting_previous_phone', statedPhone: NEW });
    const m = describeSecurityCodeState(s);
    expect(m.title).toBe(CONTACT_MISMATCH_TITLE);
    expect(m.message).toContain('número celular anterior');
    expect(m.message).not.toContain(REGISTERED);
  });

  it('an invalid number is refused and the step stays', () => {
    const s = run([found]);
    const r = advance(s, { type: 'phone_stated', phone: '12345' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('CELLPHONE_INVALID');
  });

  it('no registered cellphone → never send_now without biometrics', () => {
    const s = run([{ ...found, registeredCellphone: null }, { type: 'phone_stated', phone: NEW }, { type: 'previous_phone_stated', phone: NEW }]);
    expect(s.step).toBe('awaiting_consent');
  });
});

describe('previous phone (seed 000: "si el número coincide … se procede a la actualización del nuevo dato")', () => {
  it('matches the registered → contact update then send_now to the new number', () => {
    const s = run([found, { type: 'phone_stated', phone: NEW }, { type: 'previous_phone_stated', phone: REGISTERED }]);
    expect(s).toMatchObject({
      step: 'send_now',
      target: NEW,
      contactUpdate: { previous: REGISTERED, next: NEW, basis: 'previous_number_confirmed' },
    });
    expect(describeSecurityCodeState(s).title).toBe('Celular actualizado y código enviado');
  });

  it('does not match → biometric path, consent first', () => {
    const s = run(toBiometric);
    expect(s.step).toBe('awaiting_consent');
    expect(describeSecurityCodeState(s).message).toContain('Ley 1581 de 2012');
  });

  it('customer does not remember → biometric path', () => {
    expect(run([found, { type: 'phone_stated', phone: NEW }, { type: 'previous_phone_unknown' }]).step).toBe('awaiting_consent');
  });
});

describe('biometric path (seed 000: "documento de identidad y la huella"; domain-co.md §7)', () => {
  it('capture before consent is refused with CONSENT_REQUIRED', () => {
    const r = advance(run(toBiometric), match);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('CONSENT_REQUIRED');
      expect(r.error.message).toContain('Ley 1581');
    }
  });

  it('consent refused → refused, no biometric path, clear message', () => {
    const s = run([...toBiometric, { type: 'consent_refused' }]);
    expect(s).toMatchObject({ step: 'refused', reason: 'CONSENT_REFUSED' });
    expect(describeSecurityCodeState(s).message).toContain('no autorizó');
    expect(advance(s, consent).ok).toBe(false);
  });

  it('consent without time, teller or text version is not a consent', () => {
    const r = advance(run(toBiometric), { ...consent, teller: ' ' });
    expect(r.ok).toBe(false);
  });

  it('match → cellphone updated and radicated with a 24 h deadline from the injected now', () => {
    const s = run([...toBiometric, consent, match]);
    expect(s).toMatchObject({
      step: 'radicated',
      contactUpdate: { previous: REGISTERED, next: NEW, basis: 'biometric_match' },
      matchTransactionId: 'op-9',
      consent: { teller: 'cajero01', textVersion: 'bio-v1' },
      radication: {
        radicado: 'RAD-2026-000123',
        radicatedAt: '2026-03-02T10:05:00-05:00',
        deadline: '2026-03-03T15:05:00.000Z',
        sentAt: null,
        deliveredAt: null,
      },
    });
    const m = describeSecurityCodeState(s);
    expect(m.message).toContain('RAD-2026-000123');
    expect(m.message).toContain('a más tardar');
  });

  it('a match without a radicado is refused, not half-applied', () => {
    const before = run([...toBiometric, consent]);
    const r = advance(before, { ...match, radicado: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('RADICATION_INVALID');
  });

  it('no_match is recorded, no radication; poor_quality asks to retry', () => {
    const s1 = run([...toBiometric, consent, noMatch]);
    expect(s1).toMatchObject({ step: 'awaiting_capture', failedCaptures: [{ outcome: 'no_match', operatorTransactionId: 'op-1' }] });
    expect(describeSecurityCodeState(s1).message).toContain('Quedan 2 intentos');
    const s2 = run([...toBiometric, consent, poor]);
    expect(describeSecurityCodeState(s2).title).toBe('Huella de baja calidad');
  });

  it('a match on the third capture still radicates', () => {
    expect(run([...toBiometric, consent, poor, noMatch, match]).step).toBe('radicated');
  });

  it('after 3 failed captures the flow stops and a later match is refused', () => {
    const s = run([...toBiometric, consent, poor, noMatch, noMatch]);
    expect(s).toMatchObject({ step: 'stopped' });
    if (s.step === 'stopped') expect(s.failedCaptures).toHaveLength(3);
    const r = advance(s, match);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('FLOW_FINISHED');
    expect(describeSecurityCodeState(s).message).toContain('no se radicó');
  });

  it('central unreachable during capture → refused, nothing done', () => {
    const s = run([...toBiometric, consent, poor, { type: 'central_unavailable' }]);
    expect(s).toEqual({ step: 'refused', reason: 'CENTRAL_UNAVAILABLE', from: 'awaiting_capture' });
    expect(describeSecurityCodeState(s).message).toContain('no se cambió el celular, no se radicó nada');
  });

  it('there is no bypass: an override event is rejected at the boundary and by the machine', () => {
    const bogus = { type: 'supervisor_override', reason: 'cliente conocido' };
    expect(SecurityCodeEventSchema.safeParse(bogus).success).toBe(false);
    const r = advance(run([...toBiometric, consent, noMatch]), bogus as unknown as SecurityCodeEvent);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('EVENT_NOT_ALLOWED');
  });
});

describe('cancel and terminal states', () => {
  it('cancel from any open step', () => {
    expect(run([found, { type: 'cancel' }])).toEqual({ step: 'cancelled', from: 'awaiting_stated_phone' });
  });

  it('events out of step are refused without changing the state', () => {
    const s = initialSecurityCodeState();
    const r = advance(s, { type: 'phone_stated', phone: REGISTERED });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'EVENT_NOT_ALLOWED', step: 'identifying', event: 'phone_stated' });
  });

  it('every step has a Spanish message', () => {
    const states = [
      initialSecurityCodeState(),
      run([found]),
      run([found, { type: 'phone_stated', phone: NEW }]),
      run(toBiometric),
      run([...toBiometric, consent]),
      run([...toBiometric, consent, match]),
      run([{ type: 'cancel' }]),
    ];
    for (const s of states) expect(describeSecurityCodeState(s).message.length).toBeGreaterThan(20);
  });
});

describe('SecurityCodeEventSchema', () => {
  it('normalises documents and phones from central', () => {
    const e = SecurityCodeEventSchema.parse({
      type: 'customer_found',
      document: { type: 'CC', number: '1.020.304.050' },
      hasProducts: true,
      registeredCellphone: '+57 300 123 4890',
    });
    expect(e).toEqual(found);
  });
  it('refuses a match without radicado', () => {
    expect(SecurityCodeEventSchema.safeParse({ ...match, radicado: undefined }).success).toBe(false);
  });
});

describe('a customer with an open request (QA: a second radicación got no warning)', () => {
  const open: SecurityCodeEvent = {
    ...found,
    existing: [{ kind: 'radicado', radicado: 'RAD-20260302-000001', createdAt: '2026-03-02T14:00:00Z', state: 'radicado', workstation: '001-02' }],
  };
  it('stops at the stated phone until the teller replaces it with a reason; the message names the radicado', () => {
    const { state, errors } = replay([open, { type: 'phone_stated', phone: REGISTERED }]);
    expect(state.step).toBe('awaiting_stated_phone');
    expect(errors.map((e) => e.code)).toEqual(['EXISTING_REQUEST_OPEN']);
    expect(describeSecurityCodeState(state)).toMatchObject({ tone: 'warning', title: 'El cliente ya tiene una solicitud abierta' });
    expect(describeSecurityCodeState(state).message).toContain('Radicado RAD-20260302-000001 del ');
    const sent = run([open, { type: 'existing_replaced', reason: 'Perdió el celular' }, { type: 'phone_stated', phone: REGISTERED }]);
    expect(sent).toMatchObject({ step: 'send_now', customer: { replacing: 'Perdió el celular' } });
  });
  it('refuses an empty reason, a second decision, and a decision when nothing is open', () => {
    expect(replay([open, { type: 'existing_replaced', reason: '  ' }]).errors.map((e) => e.code)).toEqual(['EXISTING_REQUEST_OPEN']);
    expect(replay([open, { type: 'existing_replaced', reason: 'uno' }, { type: 'existing_replaced', reason: 'dos' }]).errors.map((e) => e.code)).toEqual(['EVENT_NOT_ALLOWED']);
    expect(replay([found, { type: 'existing_replaced', reason: 'nada' }]).errors.map((e) => e.code)).toEqual(['EVENT_NOT_ALLOWED']);
  });
  it('the boundary schema accepts the decision and the open requests', () => {
    expect(SecurityCodeEventSchema.safeParse(open).success).toBe(true);
    expect(SecurityCodeEventSchema.safeParse({ type: 'existing_replaced', reason: 'x' }).success).toBe(true);
  });
});

describe('wording of the biometric step (QA: "tampoco coincide" when nothing was typed)', () => {
  it('says the customer does not remember after "No lo recuerda", and "tampoco coincide" only after a wrong number', () => {
    const unknown = run([found, { type: 'phone_stated', phone: NEW }, { type: 'previous_phone_unknown' }]);
    expect(describeSecurityCodeState(unknown).message).toMatch(/^El cliente no recuerda el número anterior\. /);
    expect(describeSecurityCodeState(unknown).message).not.toContain('tampoco');
    const wrong = run(toBiometric);
    expect(describeSecurityCodeState(wrong).message).toMatch(/^El número anterior tampoco coincide con el registrado\. /);
  });
  it('asks for the cellphone without repeating the document in a masked form the panel beside it shows in full', () => {
    const s = run([found]);
    expect(describeSecurityCodeState(s).message).toBe('Pregunte al cliente su número celular y digítelo. No le lea ni le muestre el número registrado.');
  });
});
