import { chequeFields, DEPOSIT_REVERSED_COLUMN, type ChequeFields, type ChequeRow } from '../cheque-columns';
import type { Db } from '../db';

export type CanjeStatus = 'en_canje' | 'devuelta';

export interface CanjeRecord extends ChequeFields {
  id: string;
  accountNumber: string;
  amount: number;
  status: CanjeStatus;
  receivedOn: string;
  releaseOn: string;
  returnedOn: string | null;
  causalId: string | null;
}

interface Row extends ChequeRow {
  id: string;
  account_number: string;
  amount: number;
  status: CanjeStatus;
  received_on: string;
  release_on: string;
  returned_on: string | null;
  causal_id: string | null;
}

const toRecord = (r: Row): CanjeRecord => ({
  ...chequeFields(r),
  id: r.id,
  accountNumber: r.account_number,
  amount: r.amount,
  status: r.status,
  receivedOn: r.received_on,
  releaseOn: r.release_on,
  returnedOn: r.returned_on,
  causalId: r.causal_id,
});

export const canjeRepo = (db: Db) => {
  const insert = db.prepare(`INSERT INTO canje_cheques (id, comprobante_sequence, account_number, holder_name, bank, cheque_number,
    drawer_account, city, amount, status, received_on, release_on, central_key, updated_at, taken_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'en_canje', ?, ?, ?, ?, ?) ON CONFLICT (central_key) DO NOTHING`);
  const byCentralKey = db.prepare<[string], Row>(`SELECT *, ${DEPOSIT_REVERSED_COLUMN} FROM canje_cheques WHERE central_key = ?`);
  const returnedElsewhere = db.prepare(`UPDATE canje_cheques SET status = 'devuelta', returned_on = ?, causal_id = ?, return_fee = ?, updated_at = ?
    WHERE central_key = ? AND status = 'en_canje'`);
  const byId = db.prepare<[string], Row>(`SELECT *, ${DEPOSIT_REVERSED_COLUMN} FROM canje_cheques WHERE id = ?`);
  const all = db.prepare<[], Row>(`SELECT *, ${DEPOSIT_REVERSED_COLUMN} FROM canje_cheques ORDER BY received_on DESC, comprobante_sequence DESC, id`);
  // A cheque still being collected or already paid (its deposit not reversed): the same paper cannot come in twice.
  const standing = db.prepare<[string, string, string], Row>(
    `SELECT *, ${DEPOSIT_REVERSED_COLUMN} FROM canje_cheques WHERE bank = ? AND cheque_number = ? AND drawer_account = ? AND status = 'en_canje'
     AND NOT EXISTS (SELECT 1 FROM reversals v WHERE v.original_sequence = comprobante_sequence) LIMIT 1`,
  );
  const ofDeposit = db.prepare<[string], Row>(`SELECT *, ${DEPOSIT_REVERSED_COLUMN} FROM canje_cheques WHERE comprobante_sequence = ? ORDER BY id`);
  const markReturned = db.prepare(`UPDATE canje_cheques SET status = 'devuelta', returned_on = ?, causal_id = ?, return_fee = ?, return_pending = ?,
    return_receipt = ?, updated_at = ? WHERE id = ? AND status = 'en_canje'`);
  return {
    insert: (r: Omit<CanjeRecord, 'status' | 'returnedOn' | 'causalId' | 'returnFee' | 'returnPending' | 'returnReceipt' | 'depositReversed' | 'takenAt'> & { takenAt?: string }, at: string) => {
      insert.run(r.id, r.sequence, r.accountNumber, r.holderName, r.bank, r.chequeNumber, r.drawerAccount, r.city, r.amount, r.receivedOn, r.releaseOn, r.centralKey, at, r.takenAt ?? null);
    },
    findByCentralKey: (key: string) => {
      const r = byCentralKey.get(key);
      return r ? toRecord(r) : undefined;
    },
    /**
     * Central says another workstation returned the cheque: this copy follows (no receipt here, it was printed there).
     * False when it was already returned here.
     */
    markReturnedElsewhere: (centralKey: string, r: { on: string; causalId: string | null; fee: number; at: string }): boolean =>
      returnedElsewhere.run(r.on, r.causalId, r.fee, r.at, centralKey).changes === 1,
    findById: (id: string) => {
      const r = byId.get(id);
      return r ? toRecord(r) : undefined;
    },
    list: () => all.all().map(toRecord),
    /** The canje cheques one comprobante received. */
    ofDeposit: (sequence: string) => ofDeposit.all(sequence).map(toRecord),
    /** The deposit that holds this cheque, unless it was returned or its deposit reversed. */
    standing: (bank: string, chequeNumber: string, drawerAccount: string) => {
      const r = standing.get(bank, chequeNumber, drawerAccount);
      return r ? toRecord(r) : undefined;
    },
    /** Compare-and-set on en_canje so two tellers cannot both return the same cheque. */
    markReturned: (id: string, r: { on: string; causalId: string; fee: number; pending: number; receipt: string; at: string }): boolean =>
      markReturned.run(r.on, r.causalId, r.fee, r.pending, r.receipt, r.at, id).changes === 1,
  };
};
export type CanjeRepo = ReturnType<typeof canjeRepo>;
