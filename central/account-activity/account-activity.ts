import type { AccountActivity, Operation } from '../../domain/central-api';
import type { Sql } from '../store/db';
import { reservedElsewhere } from '../withdrawal-limits/reservations';

/**
 * The register behind per-account limits across workstations (domain/central-api/account-activity.ts): one row
 * per applied withdrawal, transfer debit and cash deposit, with its business date at the branch.
 */
const rowOf = (op: Operation): { kind: 'retiro' | 'traslado' | 'deposito'; amount: number; cashIn: number; gmfCapUsed: number } | null => {
  switch (op.type) {
    case 'withdrawal':
      return { kind: 'retiro', amount: op.payload.amount, cashIn: 0, gmfCapUsed: op.payload.gmfCapUsed ?? 0 };
    case 'transfer':
      return { kind: 'traslado', amount: op.payload.amount, cashIn: 0, gmfCapUsed: op.payload.gmfCapUsed ?? 0 };
    case 'cash_deposit':
      return { kind: 'deposito', amount: op.payload.amount, cashIn: op.payload.amount, gmfCapUsed: 0 };
    default:
      return null;
  }
};

/** Call inside the transaction that applies `op`. */
export const recordAccountActivity = (sql: Sql, op: Operation, businessDate: string): void => {
  const r = rowOf(op);
  if (!r || op.account === undefined) return;
  sql.run(
    `INSERT INTO account_activity (op_key, account, workstation, kind, amount, cash_in, gmf_cap_used, business_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    op.key,
    op.account,
    op.workstation,
    r.kind,
    r.amount,
    r.cashIn,
    r.gmfCapUsed,
    businessDate,
  );
};

/**
 * The account's activity at every workstation but `workstation`, which counts its own. Their withdrawals include
 * the ones reserved there and not arrived yet (withdrawal-limits/): being paid now, or just paid.
 */
export const accountActivityElsewhere = (sql: Sql, account: string, day: string, workstation: string, nowMs: number): AccountActivity => {
  const live = 'workstation <> ? AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.reversed_key = a.op_key)';
  const today = sql.get<{ count: number; amount: number; cashIn: number }>(
    `SELECT COALESCE(SUM(kind = 'retiro'), 0) AS count, COALESCE(SUM(CASE WHEN kind = 'retiro' THEN amount END), 0) AS amount,
            COALESCE(SUM(cash_in), 0) AS cashIn
     FROM account_activity a WHERE account = ? AND business_date = ? AND ${live}`,
    account,
    day,
    workstation,
  );
  const month = sql.get<{ used: number }>(
    `SELECT COALESCE(SUM(gmf_cap_used), 0) AS used FROM account_activity a
     WHERE account = ? AND business_date >= ? AND business_date <= ? AND ${live}`,
    account,
    `${day.slice(0, 7)}-01`,
    day,
    workstation,
  );
  const reserved = reservedElsewhere(sql, account, day, workstation, nowMs);
  return {
    withdrawals: { count: (today?.count ?? 0) + reserved.count, amount: (today?.amount ?? 0) + reserved.amount },
    cashIn: today?.cashIn ?? 0,
    gmfCapUsedInMonth: month?.used ?? 0,
  };
};
