import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CashReportResponseSchema, type CashMovement, type Operation } from '../../domain/central-api';
import { seedDemo } from '../demo/seed';
import { applyBatch } from '../operations/apply';
import { openCentralDb, type Sql } from '../store/db';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { batch, cashDeposit, newKey, reversal } from '../testing/ops';
import { cashReport, customerCashElsewhere, nearThresholdDeposits } from './cash-report';

/**
 * Issue 3 "UIAF": cash flagged at the branch reaches central, where the monthly Reporte de Transacciones en
 * Efectivo is built bank-wide (domain-co §2: multiple ≥ $50.000.000 in the month first, then individual
 * ≥ $10.000.000). Demo accounts: 240000000029 Juan; 240000000045 conjunta, Juan first; 240000000086 Rosa;
 * 240000000011 María.
 */
const NOW = Date.parse('2025-03-20T15:00:00Z');
const juan = { type: 'CC' as const, number: '900000002', name: 'JUAN CARLOS RODRÍGUEZ CASTAÑO' };
const declared: CashMovement = {
  transactor: { type: 'CC', number: '900000005', name: 'ROSA MARTÍNEZ' },
  declaration: { originOrDestination: 'Venta de un vehículo particular', economicActivity: 'Comerciante', pep: false },
};
const at = (branch: string, day: string) => ({ branch, workstation: `${branch}-01`, occurredAt: `${day}T10:00:00-05:00` });
const deposit = (account: string, amount: number, branch = '001', day = '2025-03-10', cash: CashMovement = { transactor: juan, declaration: null }): Operation => ({
  ...at(branch, day), key: newKey(), type: 'cash_deposit', account, payload: { amount, cash },
});
const withdrawal = (account: string, amount: number, cash: CashMovement | null): Operation => ({
  ...at('001', '2025-03-12'), key: newKey(), type: 'withdrawal', account, payload: { amount, gmf: 0, ...(cash ? { cash } : {}) },
});

describe('cash report (unit, bank-wide register)', () => {
  let sql: Sql;
  beforeEach(() => {
    sql = openCentralDb(':memory:');
    seedDemo(sql, NOW);
  });

  it('multiple first with the customer’s bank-wide total, then individual; reversed, cheque-paid, other months and branches left out', () => {
    const maria = deposit('240000000011', 15_000_000);
    const ops: Operation[] = [
      deposit('240000000086', 12_000_000, '001', '2025-03-10', declared),
      deposit('240000000029', 9_000_000),
      deposit('240000000045', 20_000_000, '002'),
      deposit('240000000045', 25_000_000, '002'),
      withdrawal('240000000029', 11_000_000, { transactor: juan, declaration: declared.declaration }),
      withdrawal('240000000029', 2_000_000, null), // cheque de gerencia: no cash moved
      maria,
      { ...reversal(maria.key), ...at('001', '2025-03-10') },
      deposit('240000000086', 30_000_000, '001', '2025-04-01', declared),
      { ...cashDeposit('240000000086', 10_500_000), ...at('001', '2025-03-11') }, // an older branch: no cash block
    ];
    expect(applyBatch(sql, ops, NOW, '001-01').map((r) => r.status)).toEqual(ops.map(() => 'applied'));
    const r = CashReportResponseSchema.parse(cashReport(sql, '001', '2025-03'));
    expect(r.thresholds).toEqual({ individual: 10_000_000, monthly: 50_000_000 });
    expect(r.multiple.map((m) => [m.customer, m.monthTotal, m.transactions.map((t) => [t.direction, t.amount])])).toEqual([
      ['CC:900000002', 65_000_000, [['deposito', 9_000_000], ['retiro', 11_000_000]]],
    ]);
    expect(r.individual).toHaveLength(1);
    expect(r.individual[0]).toMatchObject({ account: '240000000086', amount: 12_000_000, customer: 'CC:900000005', transactor: declared.transactor, declaration: declared.declaration, reversed: false, businessDate: '2025-03-10' });
    // Branch 002 sees Juan as multiple too, with its own two deposits.
    expect(cashReport(sql, '002', '2025-03').multiple[0]?.transactions.map((t) => t.amount)).toEqual([20_000_000, 25_000_000]);
  });

  it('a reversed deposit of a multiple customer is listed as reversed and not counted', () => {
    const big = deposit('240000000029', 40_000_000);
    applyBatch(sql, [big, deposit('240000000029', 15_000_000), { ...reversal(big.key), ...at('001', '2025-03-10') }], NOW, '001-01');
    const r = cashReport(sql, '001', '2025-03');
    expect(r.multiple).toEqual([]);
    expect(r.individual.map((t) => t.amount)).toEqual([15_000_000]);
  });

  it('a customer’s cash elsewhere: every other workstation of any branch, reversed cash left out, the asking one excluded', () => {
    const reversed = deposit('240000000045', 7_000_000, '002');
    applyBatch(sql, [deposit('240000000029', 9_000_000), deposit('240000000045', 20_000_000, '002'), reversed, { ...reversal(reversed.key), ...at('002', '2025-03-10') }], NOW, '001-01');
    expect(customerCashElsewhere(sql, 'CC:900000002', '2025-03', '001-03')).toBe(29_000_000);
    expect(customerCashElsewhere(sql, 'CC:900000002', '2025-03', '001-01')).toBe(20_000_000);
    expect(customerCashElsewhere(sql, 'CC:900000002', '2025-04', '001-03')).toBe(0);
  });

  it('near-threshold deposits: to the account or by the depositor, in the window and band, every workstation\'s (the asker merges by key), never reversed', () => {
    const rosa: CashMovement = { transactor: { type: 'CC', number: '900000005' }, declaration: null };
    const reversed = deposit('240000000011', 9_600_000, '001', '2025-03-09', rosa);
    const toAccount = deposit('240000000029', 9_500_000, '001', '2025-03-08'); // to the account, by Juan
    const byDepositor = deposit('240000000086', 9_700_000, '001', '2025-03-09', rosa); // another account, by the depositor
    const ops: Operation[] = [
      toAccount,
      byDepositor,
      deposit('240000000029', 5_000_000, '001', '2025-03-09'), // below the band
      deposit('240000000029', 9_900_000, '001', '2025-02-20'), // before the window
      reversed,
      { ...reversal(reversed.key), ...at('001', '2025-03-09') },
    ];
    applyBatch(sql, ops, NOW, '001-01');
    const req = { account: '240000000029', depositorType: 'CC' as const, depositorNumber: '900000005', from: '2025-03-04', to: '2025-03-10', min: 9_000_000, max: 10_000_000 };
    expect(nearThresholdDeposits(sql, req).deposits).toEqual([
      { key: toAccount.key, on: '2025-03-08', at: '2025-03-08T15:00:00.000Z', amount: 9_500_000, account: '240000000029', depositor: { type: 'CC', number: '900000002' } },
      { key: byDepositor.key, on: '2025-03-09', at: '2025-03-09T15:00:00.000Z', amount: 9_700_000, account: '240000000086', depositor: { type: 'CC', number: '900000005' } },
    ]);
  });

  it('the register is append-only', () => {
    applyBatch(sql, [deposit('240000000029', 1_000)], NOW, '001-01');
    expect(() => sql.run('UPDATE cash_transactions SET amount = 1')).toThrow(/append-only/);
  });
});

describe('GET /v1/cash-report', () => {
  let t: TestCentral;
  beforeEach(async () => {
    t = await startTestCentral();
  });
  afterEach(async () => {
    await t.stop();
  });

  it('answers the caller’s branch for a month, and refuses another branch or a bad month', async () => {
    expect((await batch(t, [deposit('240000000086', 12_000_000, '001', '2025-03-10', declared)])).status).toBe(200);
    const r = await t.call('cashReport', { branch: '001', month: '2025-03' });
    expect(r.status).toBe(200);
    expect(CashReportResponseSchema.parse(r.body).individual.map((x) => x.declaration?.originOrDestination)).toEqual(['Venta de un vehículo particular']);
    expect((await t.call('cashReport', { branch: '002', month: '2025-03' })).status).toBe(403);
    expect((await t.call('cashReport', { branch: '001', month: '2025-13' })).status).toBe(400);
  });
});
