import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccountSchema } from '../accounts/account';
import { buildDepositReceipt } from '../receipt/build-deposit';
import { DEFAULT_RULES } from '../rules-config/config';
import { evaluateDeposit } from './evaluate';
import { availableToday, centralPaidCharges, chargesDifference, destinationChargesNotice, payPendingCharges, paymentJournal, pendingChargesNotice } from './pending-charges';
import { DepositSlipSchema } from './slip';

const ana = { id: { type: 'CC', number: '1020304050' }, name: 'Ana Pérez' } as const;
const account = AccountSchema.parse({
  number: '998877661234', kind: 'individual', owner: 'natural', holders: [ana], state: 'activa',
  balances: { available: 0, inCanje: 0, onHold: 0, pendingCharges: 815_000 }, lastCustomerMovementOn: '2025-05-01', openedOn: '2020-03-01', city: 'Barranquilla',
});
const header = { sequence: '001-03-000123', branch: { code: '001', name: 'Barranquilla Centro' }, till: '03', teller: 'cajero1', postedAt: '2025-06-27T10:15:00-05:00', verificationCode: 'K7Q2-9XPA' };
const charge = (number: string, amount: number) => ({ cheques: [{ number }], amount });

/** A deposit of `cash` in $ 50.000 bills (cheques optional), evaluated against the rules. */
const deposit = (bills: number, cheques: { number: string; amount: number }[] = []) => {
  const slip = DepositSlipSchema.parse({
    accountNumber: account.number, depositor: { id: ana.id }, cash: bills > 0 ? { '50000': bills } : {},
    cheques: cheques.map((c, i) => ({ bank: '7', number: c.number, drawerAccount: String(99887766 + i), amount: c.amount, city: 'Barranquilla' })),
    declaredTotal: bills * 50_000 + cheques.reduce((s, c) => s + c.amount, 0),
  });
  const e = evaluateDeposit(slip, { account, officeCity: 'Barranquilla', on: '2025-06-27', cashDepositedTodayToAccount: 0, customerMonthCashBefore: 0, recentCashDeposits: [] }, DEFAULT_RULES);
  if (!e.ok) throw new Error(e.errors[0]?.message);
  return { slip, plan: e.plan };
};

describe('a deposit to an account owing returned cheques (cargo pendiente)', () => {
  it('pays the charges oldest first with what becomes available: never more than owed or than the credit, and the rest stays owed', () => {
    const owedArb = fc.array(fc.record({ cheques: fc.constant([{ number: '1' }]), amount: fc.integer({ min: 1, max: 5_000_000 }) }), { maxLength: 5 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000_000 }), owedArb, (credit, owed) => {
        const total = owed.reduce((s, c) => s + c.amount, 0);
        const p = payPendingCharges(credit, owed);
        expect(p.paid).toBe(Math.min(credit, total));
        expect(p.paid + p.stillOwed).toBe(total);
        expect(p.charges.reduce((s, c) => s + c.amount, 0)).toBe(p.paid);
        // Oldest first: every charge before the last one paid is paid in full.
        p.charges.forEach((c, i) => {
          expect(c.amount).toBeGreaterThan(0);
          if (i < p.charges.length - 1) expect(c.amount).toBe(owed[i]?.amount);
          else expect(c.amount).toBeLessThanOrEqual(owed[i]?.amount ?? 0);
        });
      }),
    );
  });

  it('the receipt names each returned cheque it paid and what reached the account; its lines add up to the total consignado', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 3_000_000 }), fc.integer({ min: 1, max: 3_000_000 }), (bills, older, newer) => {
        const { slip, plan } = deposit(bills);
        const owed = [charge('123456', older), charge('777', newer)].filter((c) => c.amount > 0);
        const pc = payPendingCharges(plan.credits.available, owed);
        const doc = buildDepositReceipt({ header, account, slip, plan, approvalIds: [], pendingCharges: pc });
        const paidLines = doc.lines.filter((l) => l.kind === 'amount' && l.label.startsWith('Pago cargo pendiente'));
        const credited = doc.lines.find((l) => l.kind === 'amount' && l.label === 'Abonado a la cuenta');
        const sum = (ls: typeof doc.lines) => ls.reduce((s, l) => s + (l.kind === 'amount' ? l.amount : 0), 0);
        expect(sum(paidLines)).toBe(pc.paid);
        expect(pc.paid + (credited?.kind === 'amount' ? credited.amount : 0)).toBe(plan.total);
        const owing = doc.lines.some((l) => l.kind === 'text' && l.text.startsWith('Queda un cargo pendiente'));
        expect(owing).toBe(pc.stillOwed > 0);
      }),
    );
  });

  it('prints the lines a teller reads to the customer', () => {
    const { slip, plan } = deposit(10);
    const doc = buildDepositReceipt({ header, account, slip, plan, approvalIds: [], pendingCharges: payPendingCharges(plan.credits.available, [charge('123456', 815_000)]) });
    expect(doc.lines).toContainEqual({ kind: 'amount', label: 'Pago cargo pendiente (cheque devuelto N° 123456)', amount: 500_000, negative: true });
    expect(doc.lines).toContainEqual({ kind: 'amount', label: 'Abonado a la cuenta', amount: 0 });
    expect(doc.lines).toContainEqual({ kind: 'text', text: 'Queda un cargo pendiente de $ 315.000: los próximos abonos a la cuenta lo pagan primero.' });
    expect(doc.amountInWords).toBe('SON: QUINIENTOS MIL PESOS M/CTE');
    // Without charges the receipt is as before.
    const plain = buildDepositReceipt({ header, account, slip, plan, approvalIds: [], pendingCharges: payPendingCharges(plan.credits.available, []) });
    expect(JSON.stringify(plain)).not.toContain('cargo pendiente');
    expect(plain).toEqual(buildDepositReceipt({ header, account, slip, plan, approvalIds: [] }));
  });

  it('without central at posting, the receipt says what central last showed owed, and nothing when it showed nothing', () => {
    const { slip, plan } = deposit(10);
    const doc = buildDepositReceipt({ header, account, slip, plan, approvalIds: [], pendingChargesLastKnown: 815_000 });
    expect(doc.lines).toContainEqual({ kind: 'text', text: expect.stringContaining('según sus últimos datos la cuenta tenía cargos pendientes por cheques devueltos de $ 815.000') });
    expect(doc.lines).not.toContainEqual(expect.objectContaining({ label: 'Abonado a la cuenta' }));
    expect(buildDepositReceipt({ header, account, slip, plan, approvalIds: [], pendingChargesLastKnown: 0 })).toEqual(buildDepositReceipt({ header, account, slip, plan, approvalIds: [] }));
  });

  it('cheques alone pay nothing today: the receipt says the charge stands and the cheques pay it when they clear', () => {
    const { slip, plan } = deposit(0, [{ number: '4455', amount: 300_000 }]);
    const doc = buildDepositReceipt({ header, account, slip, plan, approvalIds: [], pendingCharges: payPendingCharges(plan.credits.available, [charge('123456', 815_000)]) });
    expect(doc.lines).not.toContainEqual(expect.objectContaining({ label: 'Abonado a la cuenta' }));
    expect(doc.lines).toContainEqual({ kind: 'text', text: 'La cuenta tiene cargos pendientes de $ 815.000: los cheques, al pagarse, y los próximos abonos lo pagan primero.' });
  });

  it('the review says what is owed and for which cheques, or that central could not be asked', () => {
    expect(pendingChargesNotice([charge('123456', 315_000), { cheques: [{ number: '12' }, { number: '34' }], amount: 100_000 }])).toBe(
      'Esta cuenta tiene cargos pendientes por $ 415.000 (cheque devuelto N° 123456; cheques devueltos N° 12, 34); esta consignación los paga primero.',
    );
    expect(pendingChargesNotice([])).toBeNull();
    expect(pendingChargesNotice(null)).toContain('No se pudo consultar en central si la cuenta tiene cargos pendientes');
    expect(pendingChargesNotice(null, 315_000)).toContain('Central no respondió: según sus últimos datos la cuenta tenía cargos pendientes por cheques devueltos de $ 315.000');
  });

  it("a transfer's review says the destination's last known charge the same way when central did not answer", () => {
    expect(destinationChargesNotice(null, 315_000)).toBe(
      'Central no respondió: según sus últimos datos la cuenta de destino tenía cargos pendientes por cheques devueltos de $ 315.000; si siguen pendientes, este traslado los paga primero y se abona a la cuenta de destino menos de lo trasladado. Infórmelo al cliente.',
    );
    expect(destinationChargesNotice(null)).toContain('No se pudo consultar en central si la cuenta de destino tiene cargos pendientes');
    expect(destinationChargesNotice(payPendingCharges(50_000, []))).toBeNull();
  });

  it("what central paid, compared with what the receipt printed: equal when central paid as predicted, the difference otherwise", () => {
    const owedArb = fc.array(fc.record({ cheques: fc.array(fc.record({ number: fc.stringMatching(/^\d{1,8}$/) }), { minLength: 1, maxLength: 2 }), amount: fc.integer({ min: 1, max: 5_000_000 }) }), { maxLength: 4 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000_000 }), owedArb, owedArb, (credit, predicted, atCentral) => {
        const printed = paymentJournal(payPendingCharges(credit, predicted));
        const paid = payPendingCharges(credit, atCentral);
        const central = centralPaidCharges(paid.paid > 0 ? { amount: paid.paid, charges: paid.charges } : undefined);
        const d = chargesDifference(printed, central);
        // Same charges owed at both moments: never a difference. Otherwise one exactly when the payments differ.
        if (JSON.stringify(predicted) === JSON.stringify(atCentral)) expect(d).toBeNull();
        expect(d === null).toBe(JSON.stringify({ paid: printed.paid, charges: printed.charges }) === JSON.stringify(central));
      }),
    );
    // A receipt that claimed nothing (central was not asked) differs from a charge central paid.
    expect(chargesDifference(null, centralPaidCharges({ amount: 5_000, charges: [charge('1', 5_000)] }))).toEqual({ printed: { paid: 0, charges: [] }, central: { paid: 5_000, charges: [{ cheques: ['1'], amount: 5_000 }] } });
    expect(chargesDifference(null, centralPaidCharges(undefined))).toBeNull();
  });
});

// QA 2026-12-06: central stopped, $ 100.000 deposited to an account whose panel showed "Cargo pendiente $ 15.000":
// the summary said "Disponible hoy $ 100.000" beside the notice that the charge is paid first.
describe('what a deposit leaves available today', () => {
  it('with central silent, the last known charge is taken as paid first', () => {
    expect(availableToday({ cash: 100_000, commission: 0, paid: 0, lastKnownUnconfirmed: 15_000 })).toEqual({ net: 85_000, assumedPaid: 15_000 });
    expect(availableToday({ cash: 100_000, commission: 0, paid: 0 })).toEqual({ net: 100_000, assumedPaid: 0 });
  });
  it('property: never more than the cash less commission and charges, never below zero by an assumed charge, and central\'s own figure wins', () => {
    fc.assert(
      fc.property(fc.nat(50_000_000), fc.nat(100_000), fc.nat(1_000_000), fc.nat(1_000_000), (cash, commission, paid, last) => {
        const r = availableToday({ cash, commission, paid, lastKnownUnconfirmed: last });
        const before = cash - commission - paid;
        expect(r.net).toBe(before - r.assumedPaid);
        if (paid > 0) expect(r.assumedPaid).toBe(0);
        else expect(r.assumedPaid).toBe(Math.min(last, Math.max(0, before)));
        expect(r.net).toBeLessThanOrEqual(before);
        if (before >= 0) expect(r.net).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
