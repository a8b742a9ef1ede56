import type { Operation } from '../../domain/central-api';
import type { Sql } from '../store/db';

/**
 * Is this cheque de gerencia number another debit's? The bank numbers its forms once, so a number already recorded
 * with an applied withdrawal (reversed or not: that form was issued), or held by an active authorization other
 * than `ownHold`, is a mistyped number or a duplicate form. Leading zeros are the printing, not the number.
 */
export const chequeGerenciaNumberUsed = (sql: Sql, number: string, ownHold?: string): boolean => {
  const value = number.replace(/^0+/, '');
  const recorded = sql.get<{ n: number }>("SELECT 1 AS n FROM cheques_gerencia WHERE ltrim(number, '0') = ? LIMIT 1", value);
  if (recorded) return true;
  const held = sql.get<{ n: number }>(
    `SELECT 1 AS n FROM holds WHERE cheque_gerencia_number IS NOT NULL AND ltrim(cheque_gerencia_number, '0') = ?
       AND state = 'active' AND id != ? LIMIT 1`,
    value,
    ownHold ?? '',
  );
  return held !== undefined;
};

/**
 * Records the cheque de gerencia that paid an applied withdrawal (migration 15), under the withdrawal's key: a
 * replay of the key is answered before this runs, so each cheque is recorded once. Call inside the transaction
 * that applies `op`.
 */
export const recordChequeGerencia = (sql: Sql, op: Operation, businessDate: string): void => {
  if (op.type !== 'withdrawal' || !op.payload.chequeGerencia) return;
  sql.run(
    `INSERT INTO cheques_gerencia (op_key, number, branch, workstation, account, amount, business_date)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    op.key,
    op.payload.chequeGerencia.number,
    op.branch,
    op.workstation,
    op.account,
    op.payload.amount,
    businessDate,
  );
};
