import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Account, AccountSchema } from '../accounts/account';
import { isBusinessDay } from '../calendar/business-days';
import { addDays } from '../calendar/iso-date';
import { DENOMINATIONS } from '../money/denominations';
import { formatPesos } from '../money/pesos';
import { DEFAULT_RULES, RulesConfigSchema } from '../rules-config/config';
import { withdrawableBalance } from '../withdrawal/embargo';
import { type DepositContext, type DepositEvaluation, type DepositPlan, evaluateDeposit } from './evaluate';
import { chargeableAfterCredit } from './pending-charges';
import { type DepositSlipInput, DepositSlipSchema, normalizeCity } from './slip';
import { CashDeclarationSchema } from '../uiaf/declaration';

const rules = DEFAULT_RULES;
const account: Account = AccountSchema.parse({
  number: '123456781234',
  kind: 'individual',
  owner: 'natural',
  holders: [{ id: { type: 'CC', number: '1020304050' }, name: 'Ana Pérez' }],
  state: 'activa',
  balances: { available: 100_000, inCanje: 0, onHold: 0 },
  lastCustomerMovementOn: '2025-05-01',
  openedOn: '2020-03-01',
  city: 'Barranquilla',
});
const ctx = (over: Partial<DepositContext> = {}): DepositContext => ({
  account,
  officeCity: 'Barranquilla',
  on: '2025-06-27',
  cashDepositedTodayToAccount: 0,
  customerMonthCashBefore: 0,
  recentCashDeposits: [],
  ...over,
});
const slip = (over: Partial<DepositSlipInput> = {}) =>
  DepositSlipSchema.parse({ accountNumber: '123456781234', depositor: { id: { type: 'CC', number: '1020304050' } }, cash: { '50000': 4 }, declaredTotal: 200_000, ...over });
const cheque = (amount: number, city = 'Barranquilla', number = '100200') => ({ bank: '07', number, drawerAccount: '99887766', amount, city });
const plan = (e: DepositEvaluation): DepositPlan => {
  if (!e.ok) throw new Error(e.errors.map((x) => x.message).join('\n'));
  return e.plan;
};
const codes = (e: DepositEvaluation): string[] => (e.ok ? [] : e.errors.map((x) => x.code));

describe('deposit comprobante (seed 003, clause 3)', () => {
  it('cash deposit by the holder credits the available balance; deposits pay no GMF and no commission', () => {
    const p = plan(evaluateDeposit(slip(), ctx(), rules));
    expect(p).toMatchObject({ cash: 200_000, chequesTotal: 0, total: 200_000, credits: { available: 200_000, inCanje: 0, onHold: 0 }, approvalReasons: [], pending: [] });
    expect(p.commission.total).toBe(0);
  });
  it('clause 7.1: an inactive account receives; the confirmation says so, whether the state or six months without a movement make it inactive', () => {
    const notice = 'La cuenta está inactiva: la consignación se recibe; la inactividad solo restringe débitos (cláusula 7.1).';
    const notices = (over: Partial<Account>) => plan(evaluateDeposit(slip(), ctx({ account: { ...account, ...over } }), rules)).notices;
    expect(notices({ state: 'inactiva' })).toEqual([notice]);
    expect(notices({ lastCustomerMovementOn: '2024-11-01' })).toEqual([notice]);
    expect(notices({})).toEqual([]);
  });
  it('clause 3.7: anyone may deposit, but a non-holder must give document and name (clause 3.1)', () => {
    const third = { id: { type: 'CC', number: '79123456' } } as const;
    expect(codes(evaluateDeposit(slip({ depositor: third }), ctx(), rules))).toEqual(['DEPOSITOR_NAME_REQUIRED']);
    expect(plan(evaluateDeposit(slip({ depositor: { ...third, name: 'Luis Gómez' } }), ctx(), rules)).depositorIsKnown).toBe(false);
  });
  it('domain-co §2: a company does not deposit at the counter in person; its legal representative does, as a known person', () => {
    const company = AccountSchema.parse({
      ...account,
      owner: 'juridica',
      holders: [{ id: { type: 'NIT', number: '9001234568' }, name: 'FERRETERÍA EL TORNILLO S.A.S.' }],
      legalRepresentatives: [{ id: { type: 'CC', number: '52111222' }, name: 'Laura Méndez' }],
    });
    const byCompany = evaluateDeposit(slip({ depositor: { id: { type: 'NIT', number: '9001234568' } } }), ctx({ account: company }), rules);
    expect(codes(byCompany)).toEqual(['DEPOSITOR_NOT_A_PERSON']);
    expect(byCompany.ok ? '' : byCompany.errors[0]?.message).toMatch(/^FERRETERÍA EL TORNILLO S\.A\.S es una persona jurídica: identifique/);
    expect(plan(evaluateDeposit(slip({ depositor: { id: { type: 'CC', number: '52111222' } } }), ctx({ account: company }), rules)).depositorIsKnown).toBe(true);
  });
  it('clause 7.3: a cancelled account receives nothing; clause 3.7 + 7.2: a blocked one does, with a notice', () => {
    const cancelled = { ...account, state: 'cancelada' as const };
    expect(codes(evaluateDeposit(slip(), ctx({ account: cancelled }), rules))).toEqual(['ACCOUNT_CANCELLED']);
    const blocked = { ...account, state: 'bloqueada' as const };
    const p = plan(evaluateDeposit(slip(), ctx({ account: blocked }), rules));
    expect(p.notices.join(' ')).toMatch(/bloqueada/);
    const strict = RulesConfigSchema.parse({ depositToBlockedAccount: 'approval' });
    expect(plan(evaluateDeposit(slip(), ctx({ account: blocked }), strict)).approvalReasons.map((r) => r.code)).toEqual(['BLOCKED_ACCOUNT_DEPOSIT']);
    expect(codes(evaluateDeposit(slip(), ctx({ account: blocked }), RulesConfigSchema.parse({ depositToBlockedAccount: 'refuse' })))).toEqual(['ACCOUNT_BLOCKED']);
  });
  it('clause 3.9 / 3.11: the written total must equal cash + cheques, with both amounts in the message', () => {
    const e = evaluateDeposit(slip({ declaredTotal: 250_000, cheques: [cheque(30_000)] }), ctx(), rules);
    expect(e.ok).toBe(false);
    if (!e.ok) {
      expect(e.errors[0]?.code).toBe('DECLARED_TOTAL_MISMATCH');
      expect(e.errors[0]?.message).toContain('$ 250.000');
      expect(e.errors[0]?.message).toContain('$ 230.000');
    }
  });
  it('domain-co §2: a structuring alert goes to the supervisor with its facts; the deposits that formed it stay off the reason', () => {
    const other = { type: 'CC', number: '79123456' } as const;
    const recent = [
      { on: '2025-06-25', amount: 9_500_000, accountNumber: account.number, depositor: other },
      { on: '2025-06-26', amount: 9_600_000, accountNumber: account.number, depositor: other },
    ];
    const p = plan(evaluateDeposit(slip({ cash: { '50000': 190 }, declaredTotal: 9_500_000 }), ctx({ recentCashDeposits: recent }), rules));
    const reason = p.approvalReasons.find((r) => r.code === 'STRUCTURING_ALERT');
    expect(reason?.details).toEqual({ by: 'account', count: 3, total: 28_600_000, windowFrom: '2025-06-21', windowTo: '2025-06-27' });
    expect(p.uiaf.structuring?.deposits).toHaveLength(3);
  });
  it('an amount of 13 digits or more is a mistake, refused with what to check (MAX_AMOUNT_FIELD)', () => {
    const cheque = { bank: '07', number: '100200', drawerAccount: '99887766', city: 'Barranquilla' };
    const slip = (amount: number, declaredTotal = amount) => DepositSlipSchema.safeParse({ accountNumber: account.number, depositor: { id: account.holders[0]?.id }, cheques: [{ ...cheque, amount }], declaredTotal });
    expect(slip(999_999_999_999).success).toBe(true);
    const refused = slip(1_000_000_000_000, 1);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toContain('más de 12 dígitos');
    expect(slip(1, 1_000_000_000_000).error?.issues[0]?.message).toContain('más de 12 dígitos');
  });
  it('clause 3.1: cheques only at offices; duplicated cheques are caught', () => {
    const e = evaluateDeposit(slip({ channel: 'corresponsal', cheques: [cheque(30_000), cheque(30_000)], declaredTotal: 260_000 }), ctx(), rules);
    expect(codes(e)).toEqual(['CHEQUES_ONLY_AT_OFFICE', 'CHEQUE_DUPLICATED']);
  });
  it('clause 3.9: same-city cheque goes to canje until the next business day (Friday → Tuesday over the 30-Jun holiday)', () => {
    const p = plan(evaluateDeposit(slip({ cheques: [cheque(500_000)], declaredTotal: 700_000 }), ctx(), rules));
    expect(p.credits).toEqual({ available: 200_000, inCanje: 500_000, onHold: 0 });
    expect(p.holds).toEqual([{ chequeIndex: 0, route: 'canje', amount: 500_000, releaseOn: '2025-07-01' }]);
  });
  it('clause 3.9: other-city cheque only as remesa al cobro, with commission and a longer hold; refused if the bank does not accept them', () => {
    const p = plan(evaluateDeposit(slip({ cheques: [cheque(800_000, 'Bogotá D.C.')], declaredTotal: 1_000_000 }), ctx(), rules));
    expect(p.holds[0]).toMatchObject({ route: 'remesa', releaseOn: '2025-07-07' });
    expect(p.credits.onHold).toBe(800_000);
    expect(p.commission.lines).toEqual([{ kind: 'remesa', amount: 15_000, chequeIndex: 0 }]);
    const noRemesa = RulesConfigSchema.parse({ remesa: { acceptOtherCityCheques: false } });
    expect(codes(evaluateDeposit(slip({ cheques: [cheque(800_000, 'Bogotá')], declaredTotal: 1_000_000 }), ctx(), noRemesa))).toEqual(['CHEQUE_OTHER_CITY_REFUSED']);
  });
  it('clause 3.8: deposit into an account of another city pays the table commission; city names compare without accents', () => {
    const p = plan(evaluateDeposit(slip(), ctx({ officeCity: 'Medellín' }), rules));
    expect(p.commission.lines).toEqual([{ kind: 'otra-ciudad', amount: 5_000 }]);
    expect(plan(evaluateDeposit(slip(), ctx({ officeCity: ' BARRANQUILLA ' }), rules)).commission.total).toBe(0);
  });
  it('clause 3.9: a same-city cheque goes to canje however the plaza is written (accents, case, dots, "D.C.")', () => {
    for (const city of ['Bogotá', 'BOGOTA', 'bogota d.c.', 'Bogotá, D.C.', 'Bogotá D. C.', 'Bogotá Distrito Capital']) {
      const p = plan(evaluateDeposit(slip({ cheques: [cheque(500_000, city)], declaredTotal: 700_000 }), ctx({ officeCity: 'Bogotá D.C.' }), rules));
      expect(p.holds[0]?.route, city).toBe('canje');
    }
    expect(normalizeCity('Cartagena de Indias D. T. y C.')).toBe(normalizeCity('CARTAGENA DE INDIAS'));
    // Written without the dots, or by the city's former name, it is still the same plaza (same-city canje, no remesa).
    for (const written of ['Bogotá DC', 'BOGOTA DC', 'Bogotá, D.C.', 'Santa Fe de Bogotá', 'Santafé de Bogotá D.C.', 'bogota']) {
      expect(normalizeCity(written)).toBe(normalizeCity('Bogotá D.C.'));
    }
    expect(normalizeCity('Cartagena DTYC')).toBe(normalizeCity('Cartagena'));
    expect(normalizeCity('Medellín')).not.toBe(normalizeCity('Bogotá D.C.'));
    // A name that only starts like the office's city is no plaza of the list: refused, never charged as remesa.
    expect(codes(evaluateDeposit(slip({ cheques: [cheque(500_000, 'Bogotá Norte')], declaredTotal: 700_000 }), ctx({ officeCity: 'Bogotá D.C.' }), rules))).toEqual(['CHEQUE_PLAZA_UNKNOWN']);
  });
  it('clause 3.6 / 3.7: cash above the topes asks for a supervisor instead of refusing', () => {
    const big = slip({ cash: { '100000': 600 }, declaredTotal: 60_000_000 });
    const p = plan(evaluateDeposit(big, ctx({ cashDepositedTodayToAccount: 45_000_000 }), rules));
    expect(p.approvalReasons.map((r) => r.code)).toEqual(['LIMIT_EXCEEDED_DEPOSIT_TRANSACTION', 'LIMIT_EXCEEDED_DEPOSIT_DAY']);
    expect(p.uiaf.declarationRequired).toBe(true);
    expect(p.pending).toEqual(['UIAF_DECLARATION']);
  });
  it('domain-co §2: deposits just under the UIAF threshold in the window ask the supervisor, dates as the teller reads them', () => {
    const under = { amount: 9_500_000, accountNumber: '123456781234', depositor: { type: 'CC', number: '1020304050' } } as const;
    const recent = [{ ...under, on: '2025-06-23' }, { ...under, on: '2025-06-25' }];
    const p = plan(evaluateDeposit(slip({ cash: { '100000': 95 }, declaredTotal: 9_500_000 }), ctx({ recentCashDeposits: recent }), rules));
    const alert = p.approvalReasons.find((r) => r.code === 'STRUCTURING_ALERT');
    expect(alert?.message).toMatch(/3 consignaciones entre el \d{2}\/06\/2025 y el 27\/06\/2025\./);
  });
  it('cheques do not count for UIAF (domain-co §2: cash only)', () => {
    const p = plan(evaluateDeposit(slip({ cash: {}, cheques: [cheque(20_000_000)], declaredTotal: 20_000_000 }), ctx(), rules));
    expect(p.uiaf.declarationRequired).toBe(false);
  });
  it('a declaration for another amount is refused', () => {
    const declaration = {
      direction: 'deposito' as const, transactor: { id: { type: 'CC' as const, number: '1020304050' }, name: 'Ana Pérez', address: 'Calle 72 # 54-10', phone: '3001234567' },
      accountNumber: '123456781234', office: { code: '001', city: 'Barranquilla' }, date: '2025-06-27', time: '10:15:00',
      amount: 11_000_000, originOrDestination: 'Venta de un vehículo particular', economicActivity: 'Empleada', pep: false, signed: true as const,
    };
    const s = slip({ cash: { '100000': 120 }, declaredTotal: 12_000_000, declaration });
    expect(codes(evaluateDeposit(s, ctx(), rules))).toEqual(['UIAF_DECLARATION_MISMATCH']);
    const ok = plan(evaluateDeposit(slip({ cash: { '100000': 120 }, declaredTotal: 12_000_000, declaration: { ...declaration, amount: 12_000_000 } }), ctx(), rules));
    expect(ok.pending).toEqual([]);
  });
});

describe('deposit properties', () => {
  const counts = fc.dictionary(fc.constantFrom(...DENOMINATIONS.map(String)), fc.integer({ min: 0, max: 300 }));
  const chequeArb = fc.record({
    amount: fc.integer({ min: 1, max: 50_000_000 }),
    city: fc.constantFrom('Barranquilla', 'Bogotá', 'Cali'),
    number: fc.integer({ min: 1, max: 999_999 }).map(String),
  });
  const day = fc.integer({ min: 0, max: 3650 }).map((d) => addDays('2024-01-01', d));
  it('credits add up to the total; holds release on a business day after the deposit date; commission never negative', () => {
    fc.assert(
      fc.property(counts, fc.uniqueArray(chequeArb, { maxLength: 6, selector: (c) => c.number }), day, (cash, cheques, on) => {
        const lines = cheques.map((c) => cheque(c.amount, c.city, c.number));
        const cashTotal = DENOMINATIONS.reduce((s, d) => s + d * (cash[String(d)] ?? 0), 0);
        const total = cashTotal + cheques.reduce((s, c) => s + c.amount, 0);
        const e = evaluateDeposit(slip({ cash, cheques: lines, declaredTotal: total }), ctx({ on }), rules);
        if (total === 0) {
          expect(codes(e)).toEqual(['DEPOSIT_EMPTY']);
          return;
        }
        const p = plan(e);
        expect(p.total).toBe(total);
        expect(p.credits.available + p.credits.inCanje + p.credits.onHold).toBe(total);
        expect(p.holds.length).toBe(cheques.length);
        for (const h of p.holds) {
          expect(isBusinessDay(h.releaseOn)).toBe(true);
          expect(h.releaseOn > on).toBe(true);
        }
        expect(p.commission.total).toBeGreaterThanOrEqual(0);
        // A wrong written total is always caught.
        expect(codes(evaluateDeposit(slip({ cash, cheques: lines, declaredTotal: total + 1 }), ctx({ on }), rules))).toContain('DECLARED_TOTAL_MISMATCH');
      }),
    );
  });
  it('cl. 7.2 / 8.5: a deposit\'s commission never reduces what the embargo retains; one that does not fit in what is free is refused, saying so', () => {
    const on = '2025-10-15';
    const retainedWith = (a: Account, available: number, elsewhere: number) => {
      const w = withdrawableBalance({ ...a, balances: { ...a.balances, available } }, on, rules, elsewhere);
      if (!w.ok) throw new Error(w.error.message);
      return w.value.retained;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 80_000_000 }),
        fc.integer({ min: 1, max: 80_000_000 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 60_000_000 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 50_000_000 }),
        (available, embargo, alimentos, elsewhere, bills, chequeAmount) => {
          const embargoed: Account = { ...account, state: 'embargada', embargo: { amount: embargo, alimentos }, balances: { available, inCanje: 0, onHold: 0 } };
          const cash = bills * 50_000;
          const s = slip({ cash: bills > 0 ? { '50000': bills } : {}, cheques: [cheque(chequeAmount, 'Cali')], declaredTotal: cash + chequeAmount });
          const e = evaluateDeposit(s, ctx({ account: embargoed, on, protectedUsedElsewhere: elsewhere }), rules);
          const before = retainedWith(embargoed, available + cash, elsewhere);
          if (!e.ok) {
            expect(codes(e)).toEqual(['COMMISSION_NOT_COVERED']);
            // Refused only when the fee would have eaten into the retained money (or the account has not got it at all).
            const fee = Number(e.errors[0]?.details?.commission);
            expect(available + cash - fee).toBeLessThan(before);
            if (before > 0) expect(e.errors[0]?.message).toContain('no se puede debitar de lo retenido por embargo');
            return;
          }
          expect(e.plan.commission.total).toBeGreaterThan(0);
          // Every peso the order retained is still in the account after the fee.
          expect(available + cash - e.plan.commission.total).toBeGreaterThanOrEqual(before);
          // Without an inembargable amount (alimentos) the retention is a plain figure: it does not move at all.
          if (alimentos) expect(retainedWith(embargoed, available + cash - e.plan.commission.total, elsewhere)).toBe(before);
        },
      ),
    );
  });
  it('cl. 7.2 / 8.5: the QA case — $ 19 free of a child-support embargo, a remesa of $ 15.000 commission: refused, with what more cash would cover it', () => {
    const embargoed: Account = { ...account, state: 'embargada', embargo: { amount: 1_800_000, alimentos: true }, balances: { available: 1_800_019, inCanje: 0, onHold: 0 } };
    const e = evaluateDeposit(slip({ cash: {}, cheques: [cheque(500_000, 'Cali')], declaredTotal: 500_000 }), ctx({ account: embargoed, on: '2025-10-15' }), rules);
    expect(e.ok ? [] : e.errors.map((x) => x.message)).toEqual([
      'La comisión ($ 15.000) no se puede debitar de lo retenido por embargo ($ 1.800.000, cláusulas 7.2 y 8.5): con el efectivo de esta consignación la cuenta tiene libres $ 19. Para registrarla, el cliente debe consignar además al menos $ 14.981 en efectivo.',
    ]);
    const withCash = evaluateDeposit(slip({ cash: { '50000': 1 }, cheques: [cheque(500_000, 'Cali')], declaredTotal: 550_000 }), ctx({ account: embargoed, on: '2025-10-15' }), rules);
    expect(withCash.ok).toBe(true);
  });
  it('central pays the pending charges out of the deposited cash before the commission: the fee check counts them the same way, and the refusal says what is owed and the least cash that covers it', () => {
    const on = '2025-10-15';
    /**
     * Central's apply (central/operations/apply.ts): cash credited, charges paid with what an embargo leaves them
     * (`chargeableAfterCredit`, checked against central's rule in embargo-charges.test.ts), then the fee out of what an embargo leaves.
     */
    const centralCovers = (a: Account, cash: number, owed: number, fee: number): boolean => {
      const available = a.balances.available + cash - Math.min(owed, chargeableAfterCredit(a, cash, on, rules));
      const w = withdrawableBalance({ ...a, balances: { ...a.balances, available } }, on, rules);
      if (!w.ok) throw new Error(w.error.message);
      return fee <= w.value.withdrawable;
    };
    const chargeArb = fc.record({ cheques: fc.constant([{ number: '4711' }]), amount: fc.integer({ min: 1, max: 3_000_000 }) });
    fc.assert(
      fc.property(
        // Small balances too: an account near zero is where a fee does not fit without any embargo or charge.
        fc.oneof(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 0, max: 5_000_000 })),
        fc.option(fc.record({ amount: fc.integer({ min: 1, max: 5_000_000 }), alimentos: fc.boolean() }), { nil: null }),
        fc.array(chargeArb, { maxLength: 3 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 50_000_000 }),
        (available, embargo, owed, asked, bills, chequeAmount) => {
          const owedTotal = owed.reduce((s, c) => s + c.amount, 0);
          const a: Account = {
            ...account,
            ...(embargo ? { state: 'embargada', embargo } : {}),
            balances: { available, inCanje: 0, onHold: 0, ...(owedTotal > 0 ? { pendingCharges: owedTotal } : {}) },
          };
          const cash = bills * 50_000;
          const s = slip({ cash: bills > 0 ? { '50000': bills } : {}, cheques: [cheque(chequeAmount, 'Cali')], declaredTotal: cash + chequeAmount });
          // What central said now, or (not asked) the figure it last published with the account.
          const e = evaluateDeposit(s, ctx({ account: a, on, ...(asked ? { pendingCharges: owed } : {}) }), rules);
          if (e.ok) {
            expect(centralCovers(a, cash, owedTotal, e.plan.commission.total)).toBe(true);
            return;
          }
          expect(codes(e)).toEqual(['COMMISSION_NOT_COVERED']);
          const details = e.errors[0]?.details ?? {};
          const fee = Number(details.commission);
          const more = Number(details.moreCash);
          expect(centralCovers(a, cash, owedTotal, fee)).toBe(false);
          // The least cash that covers it: with it central takes the fee, with a peso less it cannot.
          expect(more).toBeGreaterThan(0);
          expect(centralCovers(a, cash + more, owedTotal, fee)).toBe(true);
          expect(centralCovers(a, cash + more - 1, owedTotal, fee)).toBe(false);
          const message = e.errors[0]?.message ?? '';
          expect(message).toContain(`al menos ${formatPesos(more)} en efectivo`);
          if (owedTotal > 0) expect(message).toContain(`cargos pendientes por ${formatPesos(owedTotal)}`);
          if (owedTotal > 0 && asked) expect(message).toContain('cheque devuelto N° 4711');
        },
      ),
    );
  });
  it('the case at the counter: $ 415.000 owed for a returned cheque, $ 420.000 in cash and a remesa of $ 15.000 commission: refused, $ 10.000 more covers it', () => {
    const owing: Account = { ...account, balances: { available: 0, inCanje: 0, onHold: 0, pendingCharges: 415_000 } };
    const s = (bills: number) => slip({ cash: { '10000': bills }, cheques: [cheque(500_000, 'Cali')], declaredTotal: bills * 10_000 + 500_000 });
    const e = evaluateDeposit(s(42), ctx({ account: owing, pendingCharges: [{ cheques: [{ number: '5550001' }], amount: 415_000 }] }), rules);
    expect(e.ok ? [] : e.errors.map((x) => x.message)).toEqual([
      'La comisión ($ 15.000) no alcanza: la cuenta tiene cargos pendientes por $ 415.000 (cheque devuelto N° 5550001) que esta consignación paga primero, y con lo que queda la cuenta tiene libres $ 5.000. Para registrarla, el cliente debe consignar además al menos $ 10.000 en efectivo.',
    ]);
    // Central not asked: its last published figure counts, said as such.
    const offline = evaluateDeposit(s(42), ctx({ account: owing }), rules);
    expect(offline.ok ? '' : offline.errors[0]?.message).toContain('la cuenta tiene, según los últimos datos de central, cargos pendientes por $ 415.000 que esta consignación paga primero');
    expect(evaluateDeposit(s(43), ctx({ account: owing }), rules).ok).toBe(true);
  });
  it('remesa holds are never shorter than canje holds', () => {
    fc.assert(
      fc.property(day, (on) => {
        const p = plan(evaluateDeposit(slip({ cash: {}, cheques: [cheque(1_000, 'Barranquilla', '1'), cheque(1_000, 'Cali', '2')], declaredTotal: 2_000 }), ctx({ on }), rules));
        expect((p.holds[1]?.releaseOn ?? "") > (p.holds[0]?.releaseOn ?? "")).toBe(true);
      }),
    );
  });
});

describe('a third party’s name as the core receives it', () => {
  // Typed in a hurry: any case, spaces around and between the words (tabs from a paste too).
  const word = fc.constantFrom('ana', 'MARÍA', 'suárez', 'Ñusta', 'peña', 'José', 'Ü', 'de', 'la');
  const gap = fc.constantFrom(' ', '  ', '\t', ' \t ');
  const typed = fc.tuple(fc.array(word, { minLength: 1, maxLength: 5 }), gap, gap).chain(([words, before, after]) =>
    fc.array(gap, { minLength: words.length - 1, maxLength: words.length - 1 }).map((gaps) => ({ words, text: `${before}${words.map((w, i) => `${w}${gaps[i] ?? ''}`).join('')}${after}` })),
  );
  it('is written as the bank writes names, on the slip and on its UIAF declaration alike: single spaces, capitals (es-CO)', () => {
    fc.assert(
      fc.property(typed, ({ words, text }) => {
        const expected = words.join(' ').toLocaleUpperCase('es-CO');
        const s = slip({ depositor: { id: { type: 'CC', number: '900000003' }, name: text } });
        expect(s.depositor.name).toBe(expected);
        const declared = CashDeclarationSchema.parse({
          direction: 'deposito',
          transactor: { id: { type: 'CC', number: '900000003' }, name: text, address: 'Calle 10 # 5-20', phone: '3001234501' },
          accountNumber: '123456781234',
          office: { code: '001', city: 'Bogotá D.C.' },
          date: '2026-03-03',
          time: '09:00:00',
          amount: 10_000_000,
          originOrDestination: 'Venta de un vehículo particular',
          economicActivity: 'Comerciante',
          pep: false,
          signed: true,
        });
        expect(declared.transactor.name).toBe(expected);
        // Parsing again (a relayed or stored request) changes nothing.
        expect(slip({ depositor: { id: { type: 'CC', number: '900000003' }, name: expected } }).depositor.name).toBe(expected);
      }),
    );
  });
});
