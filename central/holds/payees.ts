import type { HoldPayee } from '../../domain/central-api';
import type { AuthorizedTaken } from '../../domain/withdrawal/authorized-conditions';
import type { Sql } from '../store/db';

/**
 * What each person a hold pays took from the account on a Bogotá day, at every workstation: an authorized person's
 * maximum per day (seed 003 cl. 3.5) is judged on it, so the amount split across tills is added here. A hold counts
 * while it is live or once its debit consumed it, unless that debit was reversed (nothing was taken in the end); a
 * released or expired one paid nothing.
 */
const TAKEN = `SELECT COALESCE(SUM(p.amount), 0) AS amount FROM hold_payees p JOIN holds h ON h.id = p.hold_id
  WHERE p.account = ? AND p.business_date = ? AND p.document_type = ? AND p.document_number = ?
    AND ((h.state = 'active' AND h.expires_ms > ?)
      OR (h.state = 'consumed' AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.reversed_key = h.consumed_by)))`;

export const takenToday = (sql: Sql, account: string, day: string, payee: HoldPayee, nowMs: number): AuthorizedTaken[] =>
  payee.presenters.map((p) => ({
    person: { type: p.documentType, number: p.documentNumber },
    amount: sql.get<{ amount: number }>(TAKEN, account, day, p.documentType, p.documentNumber, nowMs)?.amount ?? 0,
  }));

/** Call in the transaction that places the hold: from now on it counts as taken by each person it pays. */
export const recordHoldPayees = (sql: Sql, holdId: string, account: string, day: string, payee: HoldPayee): void => {
  for (const p of payee.presenters) {
    sql.run(
      'INSERT OR IGNORE INTO hold_payees (hold_id, account, business_date, document_type, document_number, amount) VALUES (?, ?, ?, ?, ?, ?)',
      holdId,
      account,
      day,
      p.documentType,
      p.documentNumber,
      payee.amount,
    );
  }
};
