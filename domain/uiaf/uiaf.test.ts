import { formatPesos } from '../money/pesos';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../rules-config/config';
import { CashDeclarationSchema, declarationNotice } from './declaration';
import type { PersonId } from '../accounts/person';
import { type CashDepositRecord, detectStructuring, evaluateCashUiaf, rejectionHoldsUntil, rejectionsStandingSince } from './thresholds';

const rules = DEFAULT_RULES;
const ana = { type: 'CC', number: '1020304050' } as const;
const luis = { type: 'CC', number: '79123456' } as const;

describe('UIAF cash thresholds (domain-co §2, RTE instructivo)', () => {
  it('individual: ≥ $10.000.000 in one transaction', () => {
    expect(evaluateCashUiaf({ cash: 9_999_999, customerMonthCashBefore: 0 }, rules).declarationRequired).toBe(false);
    expect(evaluateCashUiaf({ cash: 10_000_000, customerMonthCashBefore: 0 }, rules)).toMatchObject({ individual: true, declarationRequired: true, reportable: true });
  });
  it('multiple: ≥ $50.000.000 cash in the month for the customer', () => {
    const r = evaluateCashUiaf({ cash: 5_000_000, customerMonthCashBefore: 45_000_000 }, rules);
    expect(r).toMatchObject({ individual: false, multiple: true, crossesMonthly: true, declarationRequired: true, monthTotal: 50_000_000 });
    expect(evaluateCashUiaf({ cash: 5_000_000, customerMonthCashBefore: 60_000_000 }, rules).crossesMonthly).toBe(false);
    expect(evaluateCashUiaf({ cash: 0, customerMonthCashBefore: 60_000_000 }, rules).reportable).toBe(false);
  });
  // QA 2026-12-06: María's 5th cash deposit of the month, $ 6.000.000, was asked for the declaration without the
  // month's $ 50.100.000 that made it needed.
  it('says why the declaration is asked: the month total it reaches, or the operation itself', () => {
    expect(evaluateCashUiaf({ cash: 6_000_000, customerMonthCashBefore: 44_100_000 }, rules).why).toBe(
      'El efectivo del cliente este mes (consignaciones y retiros) llega a $ 50.100.000 con esta operación (desde $ 50.000.000 en el mes la UIAF exige la declaración).',
    );
    expect(evaluateCashUiaf({ cash: 12_000_000, customerMonthCashBefore: 0 }, rules).why).toBe(
      'Esta operación en efectivo es de $ 12.000.000 (desde $ 10.000.000 en una sola operación la UIAF exige la declaración).',
    );
    expect(evaluateCashUiaf({ cash: 1_000_000, customerMonthCashBefore: 0 }, rules).why).toBeNull();
  });
  it('property: a reason is given exactly when the declaration is asked, naming the month total when that is why', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80_000_000 }), fc.integer({ min: 0, max: 80_000_000 }), (cash, before) => {
        const r = evaluateCashUiaf({ cash, customerMonthCashBefore: before }, rules);
        expect(r.why !== null).toBe(r.declarationRequired);
        if (r.multiple && !r.individual) expect(r.why).toContain(formatPesos(cash + before));
      }),
    );
  });
  it('property: the declaration is required iff one of the thresholds is reached', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80_000_000 }), fc.integer({ min: 0, max: 80_000_000 }), (cash, before) => {
        const r = evaluateCashUiaf({ cash, customerMonthCashBefore: before }, rules);
        expect(r.declarationRequired).toBe(cash >= 10_000_000 || (cash > 0 && cash + before >= 50_000_000));
      }),
    );
  });
});

describe('structuring', () => {
  const dep = (on: string, amount: number, accountNumber = '111111', depositor: PersonId = ana): CashDepositRecord => ({ on, amount, accountNumber, depositor });
  it('three deposits just under $10.000.000 to the same account within 7 days raise an alert', () => {
    const recent = [dep('2025-06-02', 9_500_000, '111111', luis), dep('2025-06-05', 9_900_000, '111111', luis)];
    const alert = detectStructuring(dep('2025-06-08', 9_800_000), recent, rules);
    expect(alert).toMatchObject({ by: 'account', count: 3, total: 29_200_000, windowFrom: '2025-06-02', windowTo: '2025-06-08' });
  });
  it('lists the deposits in posting order: same-day deposits by the instant they were posted, whatever order they came in', () => {
    const at = (t: string) => `2025-06-08T${t}:00.000Z`;
    const recent = [{ ...dep('2025-06-08', 9_500_000), at: at('15:10') }, { ...dep('2025-06-08', 9_900_000), at: at('14:05') }];
    const alert = detectStructuring(dep('2025-06-08', 9_200_000), recent, rules);
    expect(alert?.deposits.map((d) => d.amount)).toEqual([9_900_000, 9_500_000, 9_200_000]);
  });
  it('by depositor across accounts; nothing outside the window or below the margin', () => {
    const recent = [dep('2025-06-02', 9_500_000, '222222'), dep('2025-06-03', 9_000_000, '333333')];
    expect(detectStructuring(dep('2025-06-04', 9_999_999, '444444'), recent, rules)?.by).toBe('depositor');
    expect(detectStructuring(dep('2025-06-09', 9_999_999, '444444'), recent, rules)).toBeNull();
    expect(detectStructuring(dep('2025-06-04', 8_999_999, '444444'), recent, rules)).toBeNull();
    expect(detectStructuring(dep('2025-06-04', 10_000_000, '444444'), recent, rules)).toBeNull();
  });
  it('keeps the deposits that formed the alert, oldest first and the current one last, for the compliance record', () => {
    const recent = [dep('2025-06-05', 9_900_000, '111111', luis), dep('2025-06-02', 9_500_000, '111111', luis), dep('2025-06-03', 5_000_000)];
    const alert = detectStructuring(dep('2025-06-08', 9_800_000), recent, rules);
    expect(alert?.deposits.map((d) => [d.on, d.amount])).toEqual([
      ['2025-06-02', 9_500_000],
      ['2025-06-05', 9_900_000],
      ['2025-06-08', 9_800_000],
    ]);
  });
  it('property: count and total are those of the deposits listed', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ day: fc.integer({ min: 1, max: 9 }), amount: fc.integer({ min: 8_500_000, max: 9_999_999 }), acc: fc.boolean() }), { maxLength: 8 }), (rows) => {
        const recent = rows.map((r) => dep(`2025-06-0${r.day}`, r.amount, r.acc ? '111111' : '222222', luis));
        const alert = detectStructuring(dep('2025-06-09', 9_700_000), recent, rules);
        if (alert) {
          expect(alert.count).toBe(alert.deposits.length);
          expect(alert.total).toBe(alert.deposits.reduce((s, d) => s + d.amount, 0));
        }
      }),
    );
  });
  it('a rejection stands for one window from the day of the alert', () => {
    expect(rejectionHoldsUntil('2025-06-08', rules)).toBe('2025-06-14');
    expect(rejectionsStandingSince('2025-06-14', rules)).toBe('2025-06-08');
  });
});

describe('declaración de origen de fondos', () => {
  const valid = {
    direction: 'deposito', transactor: { id: ana, name: 'Ana Pérez', address: 'Calle 72 # 54-10', phone: '3001234567' },
    accountNumber: '123456781234', office: { code: '001', city: 'Barranquilla' }, date: '2025-06-10', time: '10:15:00',
    amount: 12_000_000, originOrDestination: 'Venta de un vehículo particular', economicActivity: 'Empleada', pep: false, signed: true,
  };
  it('accepts a complete signed form and refuses an unsigned one', () => {
    expect(CashDeclarationSchema.safeParse(valid).success).toBe(true);
    expect(CashDeclarationSchema.safeParse({ ...valid, signed: false }).success).toBe(false);
    expect(CashDeclarationSchema.safeParse({ ...valid, originOrDestination: 'ahorros' }).success).toBe(false);
  });
  it('the confirmation asks for it while it is missing and, once taken, says it was taken instead of asking again', () => {
    expect(declarationNotice('deposito', true, false)).toBe('Efectivo sujeto a reporte UIAF: requiere declaración de origen de fondos firmada.');
    expect(declarationNotice('deposito', true, true)).toBe('Efectivo sujeto a reporte UIAF: declaración de origen de fondos tomada y firmada por el cliente.');
    expect(declarationNotice('retiro', true, true)).toBe('Efectivo sujeto a reporte UIAF: declaración de destino de fondos tomada y firmada por el cliente.');
    expect(declarationNotice('deposito', false, false)).toBeNull();
  });
});
