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
 * When this number's form was issued by a withdrawal since reversed: the reversal's paper at the branch (`R-…`, or
 * '' when the branch did not send it). The number stays used (the form was printed); the refusal says it was voided.
 */
export const chequeGerenciaVoidedBy = (sql: Sql, number: string): string | null => {
  const row = sql.get<{ body: string }>(
    `SELECT o.body FROM cheques_gerencia g JOIN reversals r ON r.reversed_key = g.op_key JOIN operations o ON o.key = r.reversal_key
     WHERE ltrim(g.number, '0') = ? LIMIT 1`,
    number.replace(/^0+/, ''),
  );
  if (!row) return null;
  const document = (JSON.parse(row.body) as { payload?: { document?: unknown } }).payload?.document;
  return typeof document === 'string' ? document : '';
};

/** The refusal of a used number, saying when the form was voided by a reversal instead of calling it a duplicate. */
export const chequeGerenciaUsedMessage = (sql: Sql, number: string, usual: string): string => {
  const voided = chequeGerenciaVoidedBy(sql, number);
  if (voided === null) return usual;
  return `El cheque de gerencia No. ${number} ya se usó y quedó anulado con el reverso ${voided === '' ? 'del retiro que lo expidió' : `${voided} del retiro que lo expidió`}: un formato anulado no se vuelve a numerar ni a entregar. Use otro formato y entregue el anulado al supervisor.`;
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
