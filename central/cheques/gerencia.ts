import type { Operation } from '../../domain/central-api';
import type { Sql } from '../store/db';

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
