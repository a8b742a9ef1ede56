import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Account, AccountSchema } from '../accounts/account';
import { DEFAULT_RULES } from '../rules-config/config';
import { type TransferEvaluation, type TransferRequestInput, TransferRequestSchema, evaluateTransfer } from './evaluate';

const rules = DEFAULT_RULES;
const ana = { id: { type: 'CC', number: '1020304050' }, name: 'Ana Pérez' } as const;
const luis = { id: { type: 'CC', number: '79123456' }, name: 'Luis Gómez' } as const;
const acc = (number: string, over: Record<string, unknown> = {}): Account =>
  AccountSchema.parse({
    number, kind: 'individual', owner: 'natural', holders: [ana], state: 'activa', balances: { available: 5_000_000, inCanje: 0, onHold: 0 },
    lastCustomerMovementOn: '2025-05-01', openedOn: '2020-03-01', city: 'Barranquilla', ...over,
  });
const req = (over: Partial<TransferRequestInput> = {}) => TransferRequestSchema.parse({ fromAccountNumber: '111111', toAccountNumber: '222222', amount: 1_000_000, presenters: [ana.id], ...over });
const on = '2025-06-10';
const codes = (e: TransferEvaluation): string[] => (e.ok ? [] : e.errors.map((x) => x.code));

describe('transfer at the office (seed 003 clause 3.13)', () => {
  it('ET art. 879 num. 14: same sole holder, same bank → no GMF', () => {
    const e = evaluateTransfer(req(), { from: acc('111111'), to: acc('222222'), on, gmfExemptUsedThisMonth: 0 }, rules);
    expect(e.ok && e.plan).toMatchObject({ sameSoleHolder: true, debitTotal: 1_000_000, credit: 1_000_000 });
  });
  it('to a third party (or a colectiva) → GMF on the debit', () => {
    const third = evaluateTransfer(req(), { from: acc('111111'), to: acc('222222', { holders: [luis] }), on, gmfExemptUsedThisMonth: 0 }, rules);
    expect(third.ok && third.plan.debitTotal).toBe(1_004_000);
    const joint = evaluateTransfer(req(), { from: acc('111111'), to: acc('222222', { kind: 'colectiva', holders: [ana, luis] }), on, gmfExemptUsedThisMonth: 0 }, rules);
    expect(joint.ok && joint.plan.sameSoleHolder).toBe(false);
  });
  it('refuses the same account, a cancelled destination, a stranger, and insufficient funds', () => {
    expect(codes(evaluateTransfer(req({ toAccountNumber: '111111' }), { from: acc('111111'), to: acc('111111'), on, gmfExemptUsedThisMonth: 0 }, rules))).toEqual(['TRANSFER_SAME_ACCOUNT']);
    expect(codes(evaluateTransfer(req(), { from: acc('111111'), to: acc('222222', { state: 'cancelada' }), on, gmfExemptUsedThisMonth: 0 }, rules))).toEqual(['DESTINATION_CANCELLED']);
    expect(codes(evaluateTransfer(req({ presenters: [luis.id] }), { from: acc('111111'), to: acc('222222'), on, gmfExemptUsedThisMonth: 0 }, rules))).toEqual(['PERSON_NOT_AUTHORIZED']);
    expect(codes(evaluateTransfer(req({ amount: 5_000_000 }), { from: acc('111111'), to: acc('222222', { holders: [luis] }), on, gmfExemptUsedThisMonth: 0 }, rules))).toEqual(['INSUFFICIENT_FUNDS']);
  });
  it('an embargoed origin says what the embargo retains, as a withdrawal does', () => {
    const from = acc('111111', { state: 'embargada', embargo: { amount: 4_000_000, alimentos: true } });
    const e = evaluateTransfer(req({ amount: 2_000_000 }), { from, to: acc('222222', { holders: [luis] }), on, gmfExemptUsedThisMonth: 0 }, rules);
    expect(e.ok).toBe(false);
    if (!e.ok) expect(e.errors[0]?.message).toBe(
        'Saldo insuficiente: el traslado con el 4x1000 suma $ 2.008.000 y se puede disponer de $ 1.000.000 (saldo $ 5.000.000 menos $ 4.000.000 retenidos por embargo). Puede trasladar hasta $ 996.016.',
      );
  });
  it('cl. 4 literal c: a debit above the visación threshold needs the supervisor’s visación, as a withdrawal does', () => {
    const rich = acc('111111', { balances: { available: 90_000_000, inCanje: 0, onHold: 0 } });
    const visacion = (amount: number, threshold: number) => {
      const e = evaluateTransfer(req({ amount }), { from: rich, to: acc('222222'), on, gmfExemptUsedThisMonth: 0 }, { ...rules, visacionThreshold: threshold });
      if (!e.ok) throw new Error(e.errors[0]?.message);
      return e.plan.approvalReasons.filter((r) => r.code === 'VISACION');
    };
    expect(visacion(5_000_000, 5_000_000)).toEqual([]);
    expect(visacion(5_000_001, 5_000_000)).toEqual([
      { code: 'VISACION', message: 'Retiro o traslado por ventanilla que requiere visación del supervisor. Valor $ 5.000.001; se visa por encima de $ 5.000.000.' },
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80_000_000 }), fc.integer({ min: 0, max: 80_000_000 }), (amount, threshold) => {
        expect(visacion(amount, threshold).length).toBe(amount > threshold ? 1 : 0);
      }),
    );
  });
  it('an inactive destination receives: the confirmation says so, as a deposit’s does, and asks for nothing', () => {
    const notice = 'La cuenta de destino está inactiva: el traslado se abona; la inactividad solo restringe débitos (cláusula 7.1).';
    const plan = (to: Account) => {
      const e = evaluateTransfer(req(), { from: acc('111111'), to, on, gmfExemptUsedThisMonth: 0 }, rules);
      if (!e.ok) throw new Error(e.errors[0]?.message);
      return e.plan;
    };
    const byState = plan(acc('222222', { state: 'inactiva' }));
    expect(byState.notices).toEqual([notice]);
    expect(byState.approvalReasons).toEqual([]);
    // Six months without a customer movement is inactive too (cl. 7.1), whatever the state still says.
    expect(plan(acc('222222', { lastCustomerMovementOn: '2024-11-01' })).notices).toEqual([notice]);
    expect(plan(acc('222222')).notices).toEqual([]);
  });
  it('property: debit = amount + GMF, credit = amount, GMF is 0 exactly for the same sole holder', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4_900_000 }), fc.boolean(), (amount, same) => {
        const to = acc('222222', same ? {} : { holders: [luis] });
        const e = evaluateTransfer(req({ amount }), { from: acc('111111'), to, on, gmfExemptUsedThisMonth: 0 }, rules);
        if (!e.ok) throw new Error(e.errors[0]?.message);
        expect(e.plan.credit).toBe(amount);
        expect(e.plan.debitTotal).toBe(amount + e.plan.gmf.gmf);
        expect(e.plan.gmf.gmf === 0).toBe(same || Math.round((amount * 4) / 1000) === 0);
      }),
    );
  });
});
