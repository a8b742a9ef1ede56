import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../rules-config/config';
import { RETURN_CAUSALES } from './causales';
import { type Remesa, type RemesaEvent, applyRemesaEvent, receiveRemesa } from './remesa';
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
