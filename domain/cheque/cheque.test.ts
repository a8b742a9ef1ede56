import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../rules-config/config';
import { RETURN_CAUSALES } from './causales';
import { ALLOWED, type Remesa, type RemesaEvent, applyRemesaEvent, receiveRemesa, remesaRefusal } from './remesa';
import { planReturnedCheque } from './returned';

const start = (): Remesa => receiveRemesa({ id: 'r1', accountNumber: '123456781234', amount: 800_000, on: '2025-06-27' });

describe('causales de devolución (domain-co §5)', () => {
  it('codes 1–7 follow the Asobancaria numbering and ids are unique', () => {
    expect(RETURN_CAUSALES.filter((c) => c.code !== null).map((c) => [c.code, c.text])).toEqual([
      [1, '(código inhabilitado)'], [2, 'Fondos insuficientes'], [3, 'Pagado parcialmente'], [4, 'Librado en chequera ajena'],
      [5, 'Cuenta cancelada'], [6, 'Cuenta saldada'], [7, 'Saldo embargado'],
    ]);
    expect(new Set(RETURN_CAUSALES.map((c) => c.id)).size).toBe(RETURN_CAUSALES.length);
  });
});

describe('remesa al cobro (seed 003, clause 3.9)', () => {
  it('recibida → enviada → pagada', () => {
    const sent = applyRemesaEvent(start(), { type: 'enviar', on: '2025-06-27' });
    expect(sent.ok && sent.value.status).toBe('enviada');
    if (!sent.ok) return;
    const paid = applyRemesaEvent(sent.value, { type: 'pagar', on: '2025-07-04' });
    expect(paid.ok && paid.value).toMatchObject({ status: 'pagada', paidOn: '2025-07-04' });
  });
  it('cannot be returned before it is sent, nor with an unknown or disabled causal', () => {
    expect(applyRemesaEvent(start(), { type: 'devolver', on: '2025-06-28', causalId: 'fondos-insuficientes' }).ok).toBe(false);
    const sent = applyRemesaEvent(start(), { type: 'enviar', on: '2025-06-27' });
    if (!sent.ok) throw new Error('unexpected');
    const bad = applyRemesaEvent(sent.value, { type: 'devolver', on: '2025-07-01', causalId: 'codigo-inhabilitado' });
    expect(!bad.ok && bad.error.code).toBe('RETURN_CAUSAL_UNKNOWN');
  });
  it('P refused says what to do: send it first (E) when received; nothing left, and since when, once paid', () => {
    const early = applyRemesaEvent(start(), { type: 'pagar', on: '2025-06-28' });
    expect(!early.ok && early.error).toMatchObject({
      code: 'REMESA_INVALID_TRANSITION',
      message: 'La remesa aún no se ha enviado al banco girado: márquela enviada (E) cuando la despache, y pagada (P) cuando el banco girado la pague.',
    });
    const sent = applyRemesaEvent(start(), { type: 'enviar', on: '2025-06-27' });
    const paid = sent.ok ? applyRemesaEvent(sent.value, { type: 'pagar', on: '2025-07-04' }) : sent;
    if (!paid.ok) throw new Error('unexpected');
    const again = applyRemesaEvent(paid.value, { type: 'pagar', on: '2025-07-05' });
    expect(!again.ok && again.error.message).toBe('El banco girado ya pagó esta remesa el 04/07/2025: no queda nada por hacer con ella.');
    // D reads from the same place (the screen refuses it before asking for a causal).
    expect(remesaRefusal(paid.value, 'devolver')).toBe('El banco girado ya pagó esta remesa el 04/07/2025: no se puede registrar como devuelta.');
    expect(remesaRefusal(start(), 'devolver')).toContain('márquela enviada (E)');
  });
  it('property: every refused move says what to do, never the bare state and event', () => {
    const statuses = ['recibida', 'enviada', 'pagada', 'devuelta'] as const;
    const events = ['enviar', 'pagar', 'devolver'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...statuses), fc.constantFrom(...events), (status, type) => {
        const r: Remesa = { ...start(), status, sentOn: '2025-06-27', paidOn: '2025-07-04', returnedOn: '2025-07-04' };
        const event: RemesaEvent = type === 'devolver' ? { type, on: '2025-07-10', causalId: 'fondos-insuficientes' } : { type, on: '2025-07-10' };
        const next = applyRemesaEvent(r, event);
        expect(next.ok).toBe(ALLOWED[status].includes(type));
        if (!next.ok) {
          expect(next.error.message).toBe(remesaRefusal(r, type));
          expect(next.error.message).not.toMatch(/no se puede (enviar|pagar|devolver)\b/);
          expect(next.error.message).toMatch(/\((E|P|D)\)|no queda nada por hacer|no se puede registrar como devuelta/);
        }
      }),
    );
  });
  it('a date before the last change is refused, in DD/MM/AAAA, with what to do', () => {
    const r = applyRemesaEvent(start(), { type: 'enviar', on: '2025-06-26' });
    expect(!r.ok && r.error).toMatchObject({
      code: 'REMESA_DATE_BEFORE_PREVIOUS',
      message: expect.stringContaining('La fecha 26/06/2025 es anterior al último cambio de la remesa (27/06/2025). Verifique la fecha y hora del equipo'),
    });
  });
  it('property: only recibida→enviada→(pagada|devuelta) is reachable, finals never change, dates never go back', () => {
    const event: fc.Arbitrary<RemesaEvent> = fc.oneof(
      fc.record({ type: fc.constant('enviar' as const), on: fc.constantFrom('2025-06-26', '2025-06-27', '2025-07-01', '2025-07-08') }),
      fc.record({ type: fc.constant('pagar' as const), on: fc.constantFrom('2025-06-26', '2025-07-02', '2025-07-09') }),
      fc.record({ type: fc.constant('devolver' as const), on: fc.constantFrom('2025-07-02', '2025-07-10'), causalId: fc.constantFrom('fondos-insuficientes', 'no-existe', 'falta-endoso') }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 10 }), (events) => {
        let r = start();
        const path: string[] = [r.status];
        for (const e of events) {
          const next = applyRemesaEvent(r, e);
          if (r.status === 'pagada' || r.status === 'devuelta') expect(next.ok).toBe(false);
          if (next.ok) {
            expect(next.value.amount).toBe(r.amount);
            r = next.value;
            path.push(r.status);
          }
        }
        expect(['recibida', 'recibida>enviada', 'recibida>enviada>pagada', 'recibida>enviada>devuelta']).toContain(path.join('>'));
        const dates = [r.receivedOn, r.sentOn, r.paidOn ?? r.returnedOn].filter((d): d is string => d !== undefined);
        expect([...dates].sort()).toEqual(dates);
        expect(r.paidOn !== undefined && r.returnedOn !== undefined).toBe(false);
      }),
    );
  });
});

describe('returned cheque (seed 003, clauses 3.9 and 4.2 d/h)', () => {
  it('reverses the credit from where it was held, keeps the cheque for the customer, optional fee', () => {
    const r = planReturnedCheque({ amount: 500_000, heldIn: 'inCanje', causalId: 'fondos-insuficientes', chargeFee: true }, DEFAULT_RULES);
    expect(r.ok && r.value).toMatchObject({ reverse: { from: 'inCanje', amount: 500_000 }, fee: 15_000, custody: 'oficina-de-la-cuenta', sanctionArt731: 100_000 });
    const free = planReturnedCheque({ amount: 500_000, heldIn: 'onHold', causalId: 'falta-endoso', chargeFee: false }, DEFAULT_RULES);
    expect(free.ok && free.value).toMatchObject({ fee: 0, sanctionArt731: 0 });
  });
});
