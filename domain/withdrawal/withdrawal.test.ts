import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Account, AccountSchema } from '../accounts/account';
import { totalOfCount } from '../money/denominations';
import { DEFAULT_RULES } from '../rules-config/config';
import { embargoNotice, protectionUsedElsewhere, withdrawableBalance } from './embargo';
import { type WithdrawalContext, type WithdrawalEvaluation, type WithdrawalPlan, evaluateWithdrawal } from './evaluate';
import { type WithdrawalRequestInput, WithdrawalRequestSchema } from './request';

const rules = DEFAULT_RULES;
const ana = { id: { type: 'CC', number: '1020304050' }, name: 'Ana Pérez' } as const;
const luis = { id: { type: 'CC', number: '79123456' }, name: 'Luis Gómez' } as const;
const marta = { id: { type: 'CC', number: '52111222' }, name: 'Marta Ruiz' } as const;
const acc = (over: Record<string, unknown> = {}): Account =>
  AccountSchema.parse({
    number: '123456781234', kind: 'individual', owner: 'natural', holders: [ana], authorized: [marta], state: 'activa',
    balances: { available: 10_000_000, inCanje: 2_000_000, onHold: 0 }, lastCustomerMovementOn: '2025-05-01', openedOn: '2020-03-01', city: 'Barranquilla',
    ...over,
  });
const cheque = { kind: 'cheque-gerencia', number: '4455667' } as const;
const till = { '100000': 100, '50000': 100, '20000': 100, '10000': 100, '5000': 50, '2000': 50, '1000': 50, '500': 50, '200': 50, '100': 50, '50': 50 };
const ctx = (account: Account, over: Partial<WithdrawalContext> = {}): WithdrawalContext => ({
  account, on: '2025-06-10', tillStock: till, withdrawalsToday: { count: 0, amount: 0 }, gmfExemptUsedThisMonth: 0, customerMonthCashBefore: 0, ...over,
});
const req = (over: Partial<WithdrawalRequestInput> = {}) =>
  WithdrawalRequestSchema.parse({ accountNumber: '123456781234', amount: 1_000_000, presenters: [ana.id], payout: { kind: 'efectivo' }, ...over });
const plan = (e: WithdrawalEvaluation): WithdrawalPlan => {
  if (!e.ok) throw new Error(e.errors.map((x) => x.message).join('\n'));
  return e.plan;
};
const codes = (e: WithdrawalEvaluation): string[] => (e.ok ? [] : e.errors.map((x) => x.code));
const reasons = (e: WithdrawalEvaluation): string[] => plan(e).approvalReasons.map((r) => r.code);

describe('office withdrawal (seed 003, clause 4)', () => {
  it('clause 4: the holder withdraws cash; GMF on its own line, debit = amount + GMF; mix from the till', () => {
    const p = plan(evaluateWithdrawal(req(), ctx(acc()), rules));
    expect(p.debits).toEqual([{ kind: 'retiro', label: 'Retiro', amount: 1_000_000 }, { kind: 'gmf', label: 'GMF 4x1000', amount: 4_000 }]);
    expect(p.debitTotal).toBe(1_004_000);
    expect(p.payout.kind === 'efectivo' && totalOfCount(p.payout.mix)).toBe(1_000_000);
    expect(p.approvalReasons).toEqual([]);
  });
  it('clause 4 / 2.1: an authorized person may withdraw; a stranger may not', () => {
    expect(evaluateWithdrawal(req({ presenters: [marta.id] }), ctx(acc()), rules).ok).toBe(true);
    expect(codes(evaluateWithdrawal(req({ presenters: [luis.id] }), ctx(acc()), rules))).toEqual(['PERSON_NOT_AUTHORIZED']);
  });
  it('clause 2.4.3 / 4.4.3: conjunta needs every holder present', () => {
    const conjunta = acc({ kind: 'conjunta', holders: [ana, luis] });
    const e = evaluateWithdrawal(req({ presenters: [ana.id] }), ctx(conjunta), rules);
    expect(codes(e)).toEqual(['ALL_HOLDERS_REQUIRED']);
    expect(!e.ok && e.errors[0]?.message).toContain('Luis Gómez');
    expect(evaluateWithdrawal(req({ presenters: [ana.id, luis.id] }), ctx(conjunta), rules).ok).toBe(true);
    expect(evaluateWithdrawal(req({ presenters: [ana.id] }), ctx(acc({ kind: 'colectiva', holders: [ana, luis] })), rules).ok).toBe(true);
  });
  it('clause 4 literal c / 2.7: jurídica needs the legal rep and a certificate ≤ 30 days, as a supervisor exception', () => {
    const company = acc({ owner: 'juridica', holders: [{ id: { type: 'NIT', number: '800197268-4' }, name: 'Acme SAS' }], authorized: [], legalRepresentatives: [luis] });
    expect(codes(evaluateWithdrawal(req({ presenters: [ana.id] }), ctx(company), rules))).toEqual(['LEGAL_REPRESENTATIVE_REQUIRED', 'CERTIFICATE_REQUIRED']);
    expect(codes(evaluateWithdrawal(req({ presenters: [luis.id], juridicaCertificateIssuedOn: '2025-05-10' }), ctx(company), rules))).toEqual(['CERTIFICATE_TOO_OLD']);
    expect(reasons(evaluateWithdrawal(req({ presenters: [luis.id], juridicaCertificateIssuedOn: '2025-05-11' }), ctx(company), rules))).toEqual(['JURIDICA_WITHDRAWAL']);
  });
  it('clause 7.1: inactive accounts (by state or six months without customer movement) need a reactivation approval', () => {
    expect(reasons(evaluateWithdrawal(req(), ctx(acc({ state: 'inactiva' })), rules))).toEqual(['INACTIVE_REACTIVATION']);
    const p = plan(evaluateWithdrawal(req(), ctx(acc({ lastCustomerMovementOn: '2024-12-10' })), rules));
    expect(p.approvalReasons.map((r) => r.code)).toEqual(['INACTIVE_REACTIVATION']);
    expect(p.reactivates).toBe(true);
  });
  it('clause 7.2 / 7.3: blocked and cancelled accounts pay nothing', () => {
    expect(codes(evaluateWithdrawal(req(), ctx(acc({ state: 'bloqueada' })), rules))).toEqual(['ACCOUNT_BLOCKED']);
    expect(codes(evaluateWithdrawal(req(), ctx(acc({ state: 'cancelada' })), rules))).toEqual(['ACCOUNT_CANCELLED']);
  });
  it('clause 3.9: canje is not available; insufficient funds reports both amounts', () => {
    const e = evaluateWithdrawal(req({ amount: 10_000_000 }), ctx(acc()), rules);
    expect(codes(e)).toEqual(['INSUFFICIENT_FUNDS']);
    expect(!e.ok && e.errors[0]?.message).toContain('$ 10.040.000');
  });
  it('clause 3.12: daily count and amount limits, and visación above the threshold (clause 4 literal c)', () => {
    const e = evaluateWithdrawal(req({ amount: 6_000_000 }), ctx(acc({ balances: { available: 90_000_000, inCanje: 0, onHold: 0 } }), { withdrawalsToday: { count: 5, amount: 25_000_000 } }), rules);
    expect(reasons(e)).toEqual(['LIMIT_EXCEEDED_WITHDRAWAL_COUNT', 'LIMIT_EXCEEDED_WITHDRAWAL_AMOUNT', 'VISACION']);
  });
  it('parágrafo of clause 4: cheque de gerencia to a third party pays GMF and needs no cash', () => {
    const p = plan(evaluateWithdrawal(req({ payout: { ...cheque, beneficiary: luis } }), ctx(acc(), { tillStock: {} }), rules));
    expect(p.payout).toMatchObject({ kind: 'cheque-gerencia', toHolder: false, firstBeneficiaryOnly: true });
    expect(p.gmf.gmf).toBe(4_000);
    expect(p.notices).toContain('El cheque de gerencia se gira a un tercero (Luis Gómez) a solicitud del titular (cláusula 4, parágrafo).');
    // Ordered by the authorized person while the holder is away: the confirmation names her and her role.
    const byAuthorized = plan(evaluateWithdrawal(req({ presenters: [marta.id], payout: { ...cheque, beneficiary: luis } }), ctx(acc(), { tillStock: {} }), rules));
    expect(byAuthorized.notices).toContain('El cheque de gerencia se gira a un tercero (Luis Gómez) a solicitud de Marta Ruiz (autorizado) (cláusula 4, parágrafo).');
  });
  it('clause 2.4.3 / 4 parágrafo: a conjunta\'s cheque to the holder names every holder; one of them alone is refused', () => {
    const conjunta = acc({ kind: 'conjunta', holders: [ana, luis] });
    const both = { presenters: [luis.id, ana.id] };
    const p = plan(evaluateWithdrawal(req({ ...both, payout: { ...cheque } }), ctx(conjunta, { tillStock: {} }), rules));
    expect(p.payout).toMatchObject({ kind: 'cheque-gerencia', beneficiaries: [ana, luis], toHolder: true });
    expect(codes(evaluateWithdrawal(req({ ...both, payout: { ...cheque, beneficiary: ana } }), ctx(conjunta), rules))).toEqual(['CHEQUE_ALL_HOLDERS_REQUIRED']);
    // A third party at the holders' request stays one beneficiary.
    expect(plan(evaluateWithdrawal(req({ ...both, payout: { ...cheque, beneficiary: marta } }), ctx(conjunta), rules)).payout).toMatchObject({ beneficiaries: [marta], toHolder: false });
  });
  it('property: a cheque to the holder names every holder of a conjunta and exactly the holder present of a colectiva, as the account records them', () => {
    const people = [ana, luis, marta, { id: { type: 'CC', number: '41222333' }, name: 'Rosa Díaz' }] as const;
    fc.assert(
      fc.property(fc.subarray([...people], { minLength: 2 }), fc.nat(), fc.boolean(), (holders, pick, conjunta) => {
        const present = holders[pick % holders.length] ?? ana;
        const account = acc({ kind: conjunta ? 'conjunta' : 'colectiva', holders, authorized: [] });
        const presenters = conjunta ? holders.map((h) => h.id) : [present.id];
        // What a screen might send as the holder's name is not what the cheque carries.
        const named = conjunta ? undefined : { id: present.id, name: 'OTRO NOMBRE' };
        const p = plan(evaluateWithdrawal(req({ presenters, payout: { ...cheque, ...(named ? { beneficiary: named } : {}) } }), ctx(account, { tillStock: {} }), rules));
        expect(p.payout).toMatchObject({ kind: 'cheque-gerencia', toHolder: true, beneficiaries: conjunta ? holders : [present] });
        const unnamed = plan(evaluateWithdrawal(req({ presenters, payout: { ...cheque } }), ctx(account, { tillStock: {} }), rules));
        expect(unnamed.payout).toEqual(p.payout);
      }),
    );
  });
  it('parágrafo of clause 4: the cheque de gerencia is paid only with its number, which the plan carries to the receipt and the journal', () => {
    expect(plan(evaluateWithdrawal(req({ payout: { ...cheque, number: ' 0012345 ' } }), ctx(acc(), { tillStock: {} }), rules)).payout).toMatchObject({ kind: 'cheque-gerencia', number: '0012345' });
    for (const number of [undefined, '', '12A45', '12-345', '1234567890123']) {
      const r = WithdrawalRequestSchema.safeParse({ accountNumber: '123456781234', amount: 1_000_000, presenters: [ana.id], payout: { kind: 'cheque-gerencia', ...(number === undefined ? {} : { number }) } });
      expect(r.success).toBe(false);
      if (!r.success) expect(r.error.issues.map((i) => i.message)).toEqual(['Escriba el número del cheque de gerencia: solo dígitos, hasta 12']);
    }
  });
  it('cash that the till cannot pay exactly is reported', () => {
    expect(codes(evaluateWithdrawal(req({ amount: 70_000 }), ctx(acc(), { tillStock: { '50000': 2 } }), rules))).toEqual(['CASH_MIX_UNAVAILABLE']);
    expect(codes(evaluateWithdrawal(req({ amount: 70_025 }), ctx(acc()), rules))).toEqual(['AMOUNT_NOT_PAYABLE_IN_CASH']);
  });
  it('domain-co §2: cash ≥ $10.000.000 requires the declaración before posting', () => {
    const p = plan(evaluateWithdrawal(req({ amount: 10_000_000 }), ctx(acc({ balances: { available: 20_000_000, inCanje: 0, onHold: 0 } })), rules));
    expect(p.pending).toEqual(['UIAF_DECLARATION']);
  });
});

describe('embargo (seed 003 clause 8.5, domain-co §3)', () => {
  const embargada = (available: number, amount: number, owner: 'natural' | 'juridica' = 'natural', alimentos = false) =>
    acc({ state: 'embargada', embargo: { amount, alimentos }, balances: { available, inCanje: 0, onHold: 0 }, ...(owner === 'juridica' ? { owner, holders: [{ id: { type: 'NIT', number: '800197268-4' }, name: 'Acme SAS' }], legalRepresentatives: [luis] } : {}) });
  const w = (a: Account, on = '2025-10-15') => {
    const r = withdrawableBalance(a, on, rules);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  it('natural person keeps the inembargable amount of the period (1-Oct-2025 → 30-Sep-2026: $55.099.308)', () => {
    expect(w(embargada(100_000_000, 30_000_000)).withdrawable).toBe(70_000_000);
    expect(w(embargada(100_000_000, 60_000_000)).withdrawable).toBe(55_099_308);
    expect(w(embargada(40_000_000, 60_000_000)).withdrawable).toBe(40_000_000);
    expect(w(embargada(100_000_000, 60_000_000), '2025-09-30').withdrawable).toBe(52_385_725);
  });
  it('jurídica and alimentos have no protected amount', () => {
    expect(w(embargada(100_000_000, 60_000_000, 'juridica')).withdrawable).toBe(40_000_000);
    expect(w(embargada(100_000_000, 60_000_000, 'natural', true)).withdrawable).toBe(40_000_000);
  });
  it('the QA case: $ 1.200.000 typed on $ 3.000.000 with $ 1.800.000 retained for alimentos is refused with the most that can go out, in cash', () => {
    const e = evaluateWithdrawal(req({ amount: 1_200_000 }), ctx(embargada(3_000_000, 1_800_000, 'natural', true)), rules);
    expect(!e.ok && e.errors.map((x) => x.message)).toEqual([
      'Saldo insuficiente: el retiro con sus cargos suma $ 1.204.800 y se puede disponer de $ 1.200.000 (saldo $ 3.000.000 menos $ 1.800.000 retenidos por embargo). Puede retirar hasta $ 1.195.219 ($ 1.195.200 en efectivo).',
    ]);
    // A cheque de gerencia pays no coins, but its fee is a debit too.
    const cheque = evaluateWithdrawal(req({ amount: 1_200_000, payout: { kind: 'cheque-gerencia', number: '1001', beneficiary: ana, firstBeneficiaryOnly: true } }), ctx(embargada(3_000_000, 1_800_000, 'natural', true)), { ...rules, chequeGerenciaFee: 10_000 });
    expect(!cheque.ok && cheque.errors[0]?.message).toMatch(/Puede retirar hasta \$ 1\.185\.259\.$/);
  });
  it('property: the most offered in the refusal is accepted, and a peso more is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100_000, max: 50_000_000 }), fc.integer({ min: 0, max: 40_000_000 }), fc.boolean(), (available, amount, alimentos) => {
        const account = embargada(available, amount, 'natural', alimentos);
        const refused = evaluateWithdrawal(req({ amount: 60_000_000 }), ctx(account, { on: '2025-10-15' }), rules);
        const most = refused.ok ? null : Number(refused.errors.find((x) => x.code === 'INSUFFICIENT_FUNDS')?.details?.most);
        if (most === null || !Number.isFinite(most)) throw new Error('a withdrawal above the balance must be refused with the most');
        const cheque = { kind: 'cheque-gerencia', number: '1001', beneficiary: ana, firstBeneficiaryOnly: false } as const;
        const fits = (n: number) => !codes(evaluateWithdrawal(req({ amount: n, payout: cheque }), ctx(account, { on: '2025-10-15' }), { ...rules, chequeGerenciaFee: 0 })).includes('INSUFFICIENT_FUNDS');
        if (most > 0) expect(fits(most)).toBe(true);
        expect(fits(most + 1)).toBe(false);
      }),
      { numRuns: 50 },
    );
  });
  it('the account panel names the order and, for alimentos, why the inembargable amount does not apply', () => {
    const order = { authority: 'Juzgado 12 de Familia de Bogotá', reference: 'OFICIO 2024-0456' };
    expect(embargoNotice(acc({ state: 'embargada', embargo: { amount: 1_800_000, alimentos: true, ...order } }))).toBe(
      'Cuenta embargada (Juzgado 12 de Familia de Bogotá, OFICIO 2024-0456): embargo por alimentos, al que no se aplica el monto inembargable (CGP art. 594 num. 2); se retienen hasta $ 1.800.000 del saldo (cláusulas 7.2 y 8.5).',
    );
    expect(embargoNotice(acc({ state: 'embargada', embargo: { amount: 1_800_000, alimentos: false, authority: 'Juzgado 3 Civil Municipal de Cali' } }))).toBe(
      'Cuenta embargada (Juzgado 3 Civil Municipal de Cali): parte del saldo está retenida por orden de autoridad (cláusulas 7.2 y 8.5).',
    );
    expect(embargoNotice(acc({ state: 'embargada', embargo: { amount: 1, alimentos: false } }))).toBe('Cuenta embargada: parte del saldo está retenida por orden de autoridad (cláusulas 7.2 y 8.5).');
    expect(embargoNotice(acc())).toBeNull();
  });
  it('a period without a configured amount is a typed error', () => {
    const r = withdrawableBalance(embargada(1, 1), '2023-01-10', rules);
    expect(!r.ok && r.error.code).toBe('INEMBARGABLE_NOT_CONFIGURED');
  });
  it('property: withdrawable = max(available − embargo, min(available, protected)) for natural persons', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000_000 }), fc.integer({ min: 0, max: 200_000_000 }), (available, amount) => {
        const r = w(embargada(available, amount));
        expect(r.withdrawable).toBe(Math.max(available - amount, Math.min(available, 55_099_308)));
        expect(r.retained + r.withdrawable).toBe(available);
        expect(r.retained).toBeLessThanOrEqual(amount);
      }),
    );
  });
});

describe('inembargable amount across the person’s accounts (domain-co §3: the cap is on the sum of balances)', () => {
  const CAP = 55_099_308;
  const account = (number: string, available: number, embargo: number | null, holder: typeof ana | typeof luis = ana) =>
    acc({ number, holders: [holder], balances: { available, inCanje: 0, onHold: 0 }, ...(embargo === null ? {} : { state: 'embargada', embargo: { amount: embargo, alimentos: false } }) });
  const protectedIn = (a: Account, all: Account[]) => {
    const r = withdrawableBalance(a, '2025-10-15', rules, protectionUsedElsewhere(a, all));
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  it('a balance in another account of the same holder takes the protection first; another holder’s does not', () => {
    const free = account('100000000001', 30_000_000, null);
    const embargoed = account('100000000002', 100_000_000, 200_000_000);
    const stranger = account('100000000003', 30_000_000, null, luis);
    expect(protectedIn(embargoed, [free, embargoed, stranger]).protectedAmount).toBe(CAP - 30_000_000);
    expect(protectedIn(embargoed, [embargoed, stranger]).protectedAmount).toBe(CAP);
  });
  it('property: the embargoed accounts together protect exactly what the free balances leave of the cap, never more', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ available: fc.integer({ min: 0, max: 80_000_000 }), embargo: fc.option(fc.integer({ min: 1, max: 300_000_000 }), { nil: null }) }), { minLength: 1, maxLength: 5 }),
        (specs) => {
          const all = specs.map((x, i) => account(`10000000000${i}`, x.available, x.embargo));
          const embargoed = all.filter((a) => a.state === 'embargada');
          const sum = (xs: Account[]) => xs.reduce((s, a) => s + a.balances.available, 0);
          const free = sum(all.filter((a) => a.state !== 'embargada'));
          const protectedSum = embargoed.reduce((s, a) => s + protectedIn(a, all).protectedAmount, 0);
          expect(protectedSum).toBe(Math.min(sum(embargoed), Math.max(0, CAP - free)));
        },
      ),
    );
  });
});

describe('limits property', () => {
  it('a limit reason appears exactly when the day would exceed it; debit never exceeds what may be disposed of', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400_000 }).map((u) => u * 50), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 40_000_000 }), (amount, count, dayAmount) => {
        const a = acc({ balances: { available: 25_000_000, inCanje: 0, onHold: 0 } });
        const e = evaluateWithdrawal(req({ amount, payout: { ...cheque, beneficiary: ana } }), ctx(a, { withdrawalsToday: { count, amount: dayAmount } }), rules);
        if (!e.ok) {
          expect(e.errors.map((x) => x.code)).toEqual(['INSUFFICIENT_FUNDS']);
          return;
        }
        const codesFound = e.plan.approvalReasons.map((r) => r.code);
        expect(codesFound.includes('LIMIT_EXCEEDED_WITHDRAWAL_COUNT')).toBe(count + 1 > 5);
        expect(codesFound.includes('LIMIT_EXCEEDED_WITHDRAWAL_AMOUNT')).toBe(dayAmount + amount > 30_000_000);
        expect(codesFound.includes('VISACION')).toBe(amount > 5_000_000);
        expect(e.plan.debitTotal).toBeLessThanOrEqual(25_000_000);
        expect(e.plan.debitTotal).toBe(amount + e.plan.gmf.gmf);
      }),
    );
  });
});
