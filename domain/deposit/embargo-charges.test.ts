import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Account, AccountSchema } from '../accounts/account';
import { buildDepositReceipt } from '../receipt/build-deposit';
import { DEFAULT_RULES } from '../rules-config/config';
import { withdrawableBalance } from '../withdrawal/embargo';
import { evaluateDeposit } from './evaluate';
import { type PendingChargeItem, creditPaysCharges, destinationChargesNotice, pendingChargesNotice, stillOwedText } from './pending-charges';
import { DepositSlipSchema } from './slip';

// 2025-03-10 falls in the period whose inembargable amount is $ 52.385.725.
const ON = '2025-03-10';
const rules = DEFAULT_RULES;
const luz = { id: { type: 'CC', number: '52123456' }, name: 'Luz Díaz' } as const;
const base: Account = AccountSchema.parse({
  number: '240000000060', kind: 'individual', owner: 'natural', holders: [luz], state: 'activa',
  balances: { available: 0, inCanje: 0, onHold: 0 }, lastCustomerMovementOn: '2025-03-01', openedOn: '2020-03-01', city: 'Bogotá D.C.',
});
const embargoed = (amount: number, alimentos: boolean, available: number, owner: Account['owner'] = 'natural'): Account => ({
  ...base,
  owner,
  state: 'embargada',
  embargo: { amount, alimentos },
  balances: { ...base.balances, available },
});
const withAvailable = (a: Account, available: number): Account => ({ ...a, balances: { ...a.balances, available } });
const retained = (a: Account, available: number): number => {
  const w = withdrawableBalance(withAvailable(a, available), ON, rules);
  if (!w.ok) throw new Error(w.error.message);
  return w.value.retained;
};
const withdrawable = (a: Account, available: number): number => {
  const w = withdrawableBalance(withAvailable(a, available), ON, rules);
  if (!w.ok) throw new Error(w.error.message);
  return w.value.withdrawable;
};

/**
 * A model of central's rule (central/accounts/ledger.ts), from its statement rather than its formula: the charges
 * take the most, up to what is owed, that the customer could dispose of and that leaves what the embargo retains as
 * it was. Retention only grows with the balance, so the amounts that keep it form a range, found by bisection.
 */
const centralPays = (a: Account, available: number, owed: number): number => {
  const keeps = (p: number) => p <= withdrawable(a, available) && retained(a, available - p) >= retained(a, available);
  let low = 0;
  let high = Math.min(owed, available);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (keeps(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
};

/** The owed charges after `paid` went to the oldest first. */
const afterPaying = (owed: readonly PendingChargeItem[], paid: number): PendingChargeItem[] => {
  let left = paid;
  return owed.flatMap((c) => {
    const take = Math.min(left, c.amount);
    left -= take;
    return c.amount - take > 0 ? [{ ...c, amount: c.amount - take }] : [];
  });
};

const accountArb = fc
  .record({
    embargo: fc.option(fc.record({ amount: fc.integer({ min: 1, max: 20_000_000 }), alimentos: fc.boolean() }), { nil: null }),
    owner: fc.constantFrom<Account['owner']>('natural', 'juridica'),
    // Around the inembargable amount and above it with the embargo: where a charge could un-retain the court's money.
    available: fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 45_000_000, max: 80_000_000 })),
  })
  .map(({ embargo, owner, available }) => (embargo ? embargoed(embargo.amount, embargo.alimentos, available, owner) : withAvailable({ ...base, owner }, available)));
const owedArb = fc.array(fc.record({ cheques: fc.constant([{ number: '123456' }]), amount: fc.integer({ min: 1, max: 30_000_000 }) }), { minLength: 1, maxLength: 3 });
const creditArb = fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 80_000_000 }));

describe('a credit to an embargoed account owing returned cheques (seed 003 cl. 8.5, domain-co §3)', () => {
  it('the branch predicts what central pays: never what the embargo retains, every peso accounted, and central settling again takes nothing more', () => {
    fc.assert(
      fc.property(accountArb, owedArb, creditArb, (start, owedBefore, credit) => {
        // Central settles an owing account whenever money arrives: the branch sees the account after that.
        const settled = centralPays(start, start.balances.available, owedBefore.reduce((s, c) => s + c.amount, 0));
        const account = withAvailable(start, start.balances.available - settled);
        const owed = afterPaying(owedBefore, settled);
        const total = owed.reduce((s, c) => s + c.amount, 0);
        const credited = account.balances.available + credit;

        const branch = creditPaysCharges(account, credit, owed, ON, rules);
        expect(branch.paid).toBe(centralPays(account, credited, total));
        expect(branch.paid + branch.stillOwed).toBe(total);
        expect(branch.paid).toBeLessThanOrEqual(credit);
        // The embargo's retained money is never reduced by the charge…
        expect(retained(account, credited - branch.paid)).toBeGreaterThanOrEqual(retained(account, credited));
        // …and what the credit could not pay because of it is said, not silently dropped.
        expect(branch.keptByEmbargo ?? 0).toBe(Math.min(credit, total) - branch.paid);
        if (account.state !== 'embargada') expect(branch.keptByEmbargo).toBe(undefined);
        // Stable: the next settle at central finds nothing more to pay with.
        expect(centralPays(account, credited - branch.paid, branch.stillOwed)).toBe(0);
      }),
    );
  });

  it('the deposit review and receipt say what the cash pays and that the retained money pays no bank charge', () => {
    // Child-support order of $ 1.800.000, nothing available, $ 1.215.000 owed for a returned cheque.
    const account = embargoed(1_800_000, true, 0);
    const owed = [{ cheques: [{ number: '123456' }], amount: 1_215_000 }];
    const none = creditPaysCharges(account, 500_000, owed, ON, rules);
    expect(none).toMatchObject({ paid: 0, stillOwed: 1_215_000, keptByEmbargo: 500_000 });
    expect(pendingChargesNotice(owed, 0, none)).toBe(
      'Esta cuenta tiene cargos pendientes por $ 1.215.000 (cheque devuelto N° 123456); esta consignación no los paga: lo retenido por embargo no paga cargos del banco.',
    );
    const some = creditPaysCharges(account, 2_500_000, owed, ON, rules);
    expect(some).toMatchObject({ paid: 700_000, stillOwed: 515_000, keptByEmbargo: 515_000 });
    expect(pendingChargesNotice(owed, 0, some)).toBe(
      'Esta cuenta tiene cargos pendientes por $ 1.215.000 (cheque devuelto N° 123456); esta consignación paga $ 700.000, lo que el embargo deja libre: lo retenido por embargo no paga cargos del banco.',
    );
    expect(stillOwedText(some, false)).toBe(
      'Queda un cargo pendiente de $ 515.000: lo retenido por embargo no paga cargos del banco; los próximos abonos a la cuenta lo pagan con lo que el embargo deje libre.',
    );
    // A transfer into the account says the same of its credit.
    expect(destinationChargesNotice(none)).toBe(
      'La cuenta de destino tiene cargos pendientes por $ 1.215.000; este traslado no los paga (lo retenido por embargo no paga cargos del banco) y se abona completo.',
    );
    expect(destinationChargesNotice(some)).toBe(
      'La cuenta de destino tiene cargos pendientes por $ 1.215.000 (cheque devuelto N° 123456); este traslado paga primero $ 700.000, lo que el embargo deja libre (lo retenido por embargo no paga cargos del banco), y se abona a la cuenta el resto.',
    );
    // The receipt prints what central will take: $ 700.000 paid, $ 1.800.000 credited and retained.
    const slip = DepositSlipSchema.parse({ accountNumber: account.number, depositor: { id: luz.id }, cash: { '50000': 50 }, declaredTotal: 2_500_000 });
    const e = evaluateDeposit(slip, { account, officeCity: 'Bogotá D.C.', on: ON, cashDepositedTodayToAccount: 0, customerMonthCashBefore: 0, recentCashDeposits: [], pendingCharges: owed }, rules);
    if (!e.ok) throw new Error(e.errors[0]?.message);
    const header = { sequence: '001-03-000123', branch: { code: '001', name: 'Bogotá Centro' }, till: '03', teller: 'cajero1', postedAt: '2025-03-10T10:15:00-05:00', verificationCode: 'K7Q2-9XPA' };
    const doc = buildDepositReceipt({ header, account, slip, plan: e.plan, approvalIds: [], pendingCharges: some });
    expect(doc.lines).toContainEqual({ kind: 'amount', label: 'Pago cargo pendiente (cheque devuelto N° 123456)', amount: 700_000, negative: true });
    expect(doc.lines).toContainEqual({ kind: 'amount', label: 'Abonado a la cuenta', amount: 1_800_000 });
  });

  it("the commission check counts the charges as central pays them: what the embargo retains stays and the fee comes out of what it leaves free", () => {
    // Ordinary embargo of $ 10.000.000 on $ 62.385.725: the inembargable $ 52.385.725 and the whole order; $ 70.000.000 owed.
    const account = embargoed(10_000_000, false, 62_385_725);
    const owed = [{ cheques: [{ number: '123456' }], amount: 70_000_000 }];
    const slip = DepositSlipSchema.parse({
      accountNumber: account.number, depositor: { id: luz.id }, cash: { '50000': 2 },
      cheques: [{ bank: '07', number: '100200', drawerAccount: '99887766', amount: 500_000, city: 'Cali' }], declaredTotal: 600_000,
    });
    const e = evaluateDeposit(slip, { account, officeCity: 'Bogotá D.C.', on: ON, cashDepositedTodayToAccount: 0, customerMonthCashBefore: 0, recentCashDeposits: [], pendingCharges: owed }, rules);
    // The $ 100.000 pay the charge; the rest stays, and the fee fits in the inembargable amount the order leaves free.
    expect(e.ok ? e.plan.commission.total : e.errors.map((x) => x.message)).toBeGreaterThan(0);
    expect(creditPaysCharges(account, 100_000, owed, ON, rules)).toMatchObject({ paid: 100_000, stillOwed: 69_900_000 });
  });

  it('a non-embargoed account pays with the whole credit, as before', () => {
    const owed = [{ cheques: [{ number: '123456' }], amount: 815_000 }];
    const p = creditPaysCharges(base, 500_000, owed, ON, rules);
    expect(p).toEqual({ paid: 500_000, stillOwed: 315_000, charges: [{ ...owed[0], amount: 500_000 }] });
    expect(pendingChargesNotice(owed, 0, p)).toBe('Esta cuenta tiene cargos pendientes por $ 815.000 (cheque devuelto N° 123456); esta consignación los paga primero.');
  });
});
