import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planReturnedCheque } from '../cheque/returned';
import { DEFAULT_RULES } from '../rules-config/config';
import { DEBITED_LABEL, buildChequeReturnReceipt, returnTakenOf, takenFromAvailable, type ChequeReturnReceiptInput } from './build-cheque-return';
import type { ReceiptDocument } from './document';

const header = { sequence: '001-03-000123-DEV', branch: { code: '001', name: 'Bogotá Centro' }, till: '03', teller: 'cajero1', postedAt: '2026-12-06T10:15:00-05:00', verificationCode: 'K7Q2-9XPA' };

const receipt = (over: Partial<ChequeReturnReceiptInput> & { chargeFee?: boolean }): ReceiptDocument => {
  const { chargeFee = true, ...rest } = over;
  const plan = planReturnedCheque({ amount: 1_500_000, heldIn: 'inCanje', causalId: 'fondos-insuficientes', chargeFee }, DEFAULT_RULES);
  if (!plan.ok) throw new Error(plan.error.message);
  return buildChequeReturnReceipt({
    route: 'canje', header, accountNumber: '240000000029', holderName: 'ANA', bank: '51', chequeNumber: '1234567', city: 'Bogotá', amount: 1_500_000,
    depositSequence: '001-03-000123', plan: plan.value, credit: 'canje', charge: { debited: 1_500_000, pending: 15_000 }, ...rest,
  });
};
const amountLine = (doc: ReceiptDocument, label: string) => doc.lines.find((l) => l.kind === 'amount' && l.label === label);

describe('cheque return receipt: what the return took (seed 003 cl. 3.9, 4.2 d and h)', () => {
  it('a cheque still in canje was never available: only the canje figure falls, the fee is all that is owed or paid', () => {
    // QA: the cheque in canje, available spent; central took 1.500.000 from canje and left the 15.000 fee owed.
    const doc = receipt({});
    // Before: "Crédito reversado" and "Debitado de la cuenta -$ 1.500.000", as if it had been taken twice.
    expect(amountLine(doc, 'Crédito reversado')).toBeUndefined();
    expect(amountLine(doc, 'Valor en canje reversado')).toEqual({ kind: 'amount', label: 'Valor en canje reversado', amount: 1_500_000, negative: true });
    expect(amountLine(doc, DEBITED_LABEL)).toEqual({ kind: 'amount', label: DEBITED_LABEL, amount: 0, negative: true });
    expect(returnTakenOf(doc)).toBe(
      'El cheque seguía en canje: nunca estuvo disponible y no se debitó del saldo disponible; el valor en canje baja $ 1.500.000. La comisión de $ 15.000 no se pudo debitar: quedó como cargo pendiente.',
    );
  });

  it('a cheque that had cleared is taken back from the available balance, and the receipt says how much', () => {
    const doc = receipt({ credit: 'available', charge: { debited: 100_000, pending: 1_415_000 } });
    expect(amountLine(doc, 'Crédito reversado')).toMatchObject({ amount: 1_500_000 });
    expect(amountLine(doc, DEBITED_LABEL)).toMatchObject({ amount: 100_000 });
    expect(returnTakenOf(doc)).toBe('El cheque ya estaba disponible: debitado del saldo disponible $ 100.000 (cheque y comisión).');
  });

  it('a waived fee names the supervisor who authorized it', () => {
    const doc = receipt({ chargeFee: false, feeWaivedBy: 'Sandra Supervisora', charge: { debited: 1_500_000, pending: 0 } });
    expect(amountLine(doc, 'Comisión cheque devuelto')).toBeUndefined();
    expect(returnTakenOf(doc)).toContain('Comisión no cobrada, autorizó Sandra Supervisora.');
  });

  it('what the available balance lost, what stays owed and what left canje add up to the cheque and the fee', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000_000 }), fc.integer({ min: 0, max: 100_000 }), fc.boolean(), fc.integer({ min: 0, max: 60_000_000 }), (amount, fee, inCanje, available) => {
        // Central's rule: the cheque leaves the bucket it sits in; available pays what it can of the rest.
        const fromAvailableOwed = inCanje ? fee : amount + fee;
        const pending = Math.max(0, fromAvailableOwed - available);
        const charge = { debited: amount + fee - pending, pending };
        const taken = takenFromAvailable({ amount, credit: inCanje ? 'canje' : 'available', charge });
        expect(taken + pending + (inCanje ? amount : 0)).toBe(amount + fee);
        expect(taken).toBeLessThanOrEqual(available);
      }),
    );
  });
});
