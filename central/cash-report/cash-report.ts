import { customerKey, type CashMovement, type CashReportResponse, type CustomerCashOperationsResponse, type CashReportRow, type NearThresholdRequest, type NearThresholdResponse, type Operation } from '../../domain/central-api';
import { DEFAULT_RULES } from '../../domain/rules-config/config';
import { getAccount } from '../accounts/ledger';
import type { Sql } from '../store/db';

/**
 * The bank-wide register of cash at the counters, written by each applied cash operation, and the monthly
 * Reporte de Transacciones en Efectivo read from it (domain-co §2). The thresholds are the regulation's
 * (USD 5.000 / 50.000 in pesos), the same the branches apply before posting.
 */
const THRESHOLDS = { individual: DEFAULT_RULES.uiaf.individualCashThreshold, monthly: DEFAULT_RULES.uiaf.monthlyCashThreshold };

interface Row {
  op_key: string;
  branch: string;
  workstation: string;
  account: string;
  customer: string;
  direction: 'deposito' | 'retiro';
  amount: number;
  business_date: string;
  occurred_at: string;
  transactor: string;
  declaration: string | null;
  reversed: number;
}

/** The cash an applied operation moved at the counter, if any: a cash deposit, or a withdrawal paid in cash. */
const cashOf = (op: Operation): { direction: 'deposito' | 'retiro'; amount: number; cash: CashMovement } | null => {
  if (op.type === 'cash_deposit' && op.payload.cash) return { direction: 'deposito', amount: op.payload.amount, cash: op.payload.cash };
  if (op.type === 'withdrawal' && op.payload.cash) return { direction: 'retiro', amount: op.payload.amount, cash: op.payload.cash };
  return null;
};

/** Records an applied operation's cash; call inside the transaction that applies it. */
export const recordCash = (sql: Sql, op: Operation, businessDate: string): void => {
  const c = cashOf(op);
  if (!c || op.account === undefined) return;
  const holder = getAccount(sql, op.account)?.holders[0];
  const customer = customerKey(holder ? { type: holder.documentType, number: holder.documentNumber } : undefined, op.account);
  sql.run(
    `INSERT INTO cash_transactions (op_key, branch, workstation, account, customer, direction, amount, business_date, occurred_at, transactor, declaration)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    op.key,
    op.branch,
    op.workstation,
    op.account,
    customer,
    c.direction,
    c.amount,
    businessDate,
    op.occurredAt,
    JSON.stringify(c.cash.transactor),
    c.cash.declaration ? JSON.stringify(c.cash.declaration) : null,
  );
};

/** The customer's cash in the month at every workstation but `workstation` (whose own cash it counts itself). */
export const customerCashElsewhere = (sql: Sql, customer: string, month: string, workstation: string): number =>
  sql.get<{ total: number }>(
    `SELECT COALESCE(SUM(c.amount), 0) AS total FROM cash_transactions c
     WHERE c.month = ? AND c.customer = ? AND c.workstation <> ? AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.reversed_key = c.op_key)`,
    month,
    customer,
    workstation,
  )?.total ?? 0;

/** The customer's cash operations in the month at every workstation, the caller's included, by key (reversed ones left out). */
export const customerCashOperations = (sql: Sql, customer: string, month: string): CustomerCashOperationsResponse['operations'] =>
  sql.all<{ key: string; workstation: string; on: string; direction: 'deposito' | 'retiro'; amount: number }>(
    `SELECT c.op_key AS key, c.workstation, c.business_date AS "on", c.direction, c.amount FROM cash_transactions c
     WHERE c.month = ? AND c.customer = ? AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.reversed_key = c.op_key)
     ORDER BY c.occurred_at, c.op_key`,
    month,
    customer,
  );

/** Near-threshold cash deposits at every workstation to the account or by the depositor, with their keys (structuring window). */
export const nearThresholdDeposits = (sql: Sql, req: NearThresholdRequest): NearThresholdResponse => {
  const rows = sql.all<{ op_key: string; business_date: string; occurred_at: string; amount: number; account: string; transactor: string }>(
    `SELECT c.op_key, c.business_date, c.occurred_at, c.amount, c.account, c.transactor FROM cash_transactions c
     WHERE c.direction = 'deposito' AND c.business_date >= ? AND c.business_date <= ?
       AND c.amount >= ? AND c.amount < ?
       AND (c.account = ? OR (json_extract(c.transactor, '$.type') = ? AND json_extract(c.transactor, '$.number') = ?))
       AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.reversed_key = c.op_key)
     ORDER BY c.business_date, c.op_key`,
    req.from,
    req.to,
    req.min,
    req.max,
    req.account,
    req.depositorType,
    req.depositorNumber,
  );
  return {
    rejections: [],
    deposits: rows.map((r) => {
      const t = JSON.parse(r.transactor) as { type: NearThresholdRequest['depositorType']; number: string };
      return { key: r.op_key, on: r.business_date, at: new Date(r.occurred_at).toISOString(), amount: r.amount, account: r.account, depositor: { type: t.type, number: t.number } };
    }),
  };
};

const toRow = (r: Row): CashReportRow => ({
  key: r.op_key,
  workstation: r.workstation,
  account: r.account,
  direction: r.direction,
  amount: r.amount,
  businessDate: r.business_date,
  occurredAt: r.occurred_at,
  customer: r.customer,
  transactor: JSON.parse(r.transactor) as CashReportRow['transactor'],
  declaration: r.declaration === null ? null : (JSON.parse(r.declaration) as CashReportRow['declaration']),
  reversed: r.reversed === 1,
});

/**
 * The month's report for one branch: customers whose cash at any branch reached the multiple threshold, with
 * this branch's transactions of theirs; then this branch's individual transactions of the other customers. A
 * transaction reversed the same day is listed as such and counts for nothing.
 */
export const cashReport = (sql: Sql, branch: string, month: string): CashReportResponse => {
  const rows = sql.all<Row>(
    `SELECT c.*, EXISTS (SELECT 1 FROM reversals r WHERE r.reversed_key = c.op_key) AS reversed
     FROM cash_transactions c WHERE c.month = ? ORDER BY c.occurred_at, c.op_key`,
    month,
  );
  const totals = new Map<string, number>();
  for (const r of rows) if (!r.reversed) totals.set(r.customer, (totals.get(r.customer) ?? 0) + r.amount);
  const multiple = new Map<string, CashReportRow[]>();
  const individual: CashReportRow[] = [];
  for (const r of rows) {
    if (r.branch !== branch) continue;
    if ((totals.get(r.customer) ?? 0) >= THRESHOLDS.monthly) multiple.set(r.customer, [...(multiple.get(r.customer) ?? []), toRow(r)]);
    else if (!r.reversed && r.amount >= THRESHOLDS.individual) individual.push(toRow(r));
  }
  return {
    branch,
    month,
    thresholds: THRESHOLDS,
    multiple: [...multiple].map(([customer, transactions]) => ({ customer, monthTotal: totals.get(customer) ?? 0, transactions })),
    individual,
  };
};
