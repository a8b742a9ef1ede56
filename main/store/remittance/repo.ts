import type { Remesa, RemesaStatus } from '../../../domain/cheque/remesa';
import { chequeFields, DEPOSIT_REVERSED_COLUMN, type ChequeFields, type ChequeRow } from '../cheque-columns';
import type { Db } from '../db';

export interface RemittanceRecord extends ChequeFields {
  remesa: Remesa;
  expectedOn: string;
}

interface Row extends ChequeRow {
  id: string;
  account_number: string;
  amount: number;
  status: RemesaStatus;
  received_on: string;
  expected_on: string;
  sent_on: string | null;
  paid_on: string | null;
  returned_on: string | null;
  causal_id: string | null;
}

const toRecord = (r: Row): RemittanceRecord => ({
  ...chequeFields(r),
  remesa: {
    id: r.id,
    accountNumber: r.account_number,
    amount: r.amount,
    status: r.status,
    receivedOn: r.received_on,
    ...(r.sent_on === null ? {} : { sentOn: r.sent_on }),
    ...(r.paid_on === null ? {} : { paidOn: r.paid_on }),
    ...(r.returned_on === null ? {} : { returnedOn: r.returned_on }),
    ...(r.causal_id === null ? {} : { causalId: r.causal_id }),
  },
  expectedOn: r.expected_on,
});

export const remittanceRepo = (db: Db) => {
  const insert = db.prepare(`INSERT INTO remittances (id, comprobante_sequence, account_number, holder_name, bank, cheque_number,
    drawer_account, city, amount, status, received_on, expected_on, central_key, updated_at, taken_at, sent_on, paid_on, returned_on, causal_id, return_fee)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (central_key) DO NOTHING`);
  const byCentralKey = db.prepare<[string], Row>(`SELECT *, ${DEPOSIT_REVERSED_COLUMN} FROM remittances WHERE central_key = ?`);
  const byId = db.prepare<[string], Row>(`SELECT *, ${DEPOSIT_REVERSED_COLUMN} FROM remittances WHERE id = ?`);
  const all = db.prepare<[], Row>(`SELECT *, ${DEPOSIT_REVERSED_COLUMN} FROM remittances ORDER BY received_on DESC, comprobante_sequence DESC, id`);
  const byStatus = db.prepare<[string], Row>(`SELECT *, ${DEPOSIT_REVERSED_COLUMN} FROM remittances WHERE status = ? ORDER BY received_on DESC, comprobante_sequence DESC, id`);
  // A cheque still being collected or already paid (its deposit not reversed): the same paper cannot come in twice.
  const standing = db.prepare<[string, string, string], Row>(
    `SELECT *, ${DEPOSIT_REVERSED_COLUMN} FROM remittances WHERE bank = ? AND cheque_number = ? AND drawer_account = ? AND status IN ('recibida', 'enviada', 'pagada')
     AND NOT EXISTS (SELECT 1 FROM reversals v WHERE v.original_sequence = comprobante_sequence) LIMIT 1`,
  );
  const ofDeposit = db.prepare<[string], Row>(`SELECT *, ${DEPOSIT_REVERSED_COLUMN} FROM remittances WHERE comprobante_sequence = ? ORDER BY id`);
  const update = db.prepare(`UPDATE remittances SET status = ?, sent_on = ?, paid_on = ?, returned_on = ?, causal_id = ?, return_fee = ?,
    return_pending = ?, return_receipt = ?, updated_at = ? WHERE id = ? AND status = ?`);
  return {
    /** A remesa taken here (recibida), or one another workstation took, copied in the state central has (`takenAt`). */
    insert: (r: Omit<RemittanceRecord, 'returnFee' | 'returnPending' | 'returnReceipt' | 'depositReversed' | 'takenAt'> & { takenAt?: string; returnFee?: number }, at: string) => {
      const q = r.remesa;
      insert.run(q.id, r.sequence, q.accountNumber, r.holderName, r.bank, r.chequeNumber, r.drawerAccount, r.city, q.amount, q.status, q.receivedOn, r.expectedOn, r.centralKey, at, r.takenAt ?? null, q.sentOn ?? null, q.paidOn ?? null, q.returnedOn ?? null, q.causalId ?? null, r.returnFee ?? 0);
    },
    findByCentralKey: (key: string) => {
      const r = byCentralKey.get(key);
      return r ? toRecord(r) : undefined;
    },
    findById: (id: string) => {
      const r = byId.get(id);
      return r ? toRecord(r) : undefined;
    },
    list: (status?: RemesaStatus) => (status ? byStatus.all(status) : all.all()).map(toRecord),
    /** The remesas one comprobante received. */
    ofDeposit: (sequence: string) => ofDeposit.all(sequence).map(toRecord),
    /** The deposit that holds this cheque, unless it was returned or its deposit reversed. */
    standing: (bank: string, chequeNumber: string, drawerAccount: string) => {
      const r = standing.get(bank, chequeNumber, drawerAccount);
      return r ? toRecord(r) : undefined;
    },
    /** Compare-and-set on the previous status so two tellers cannot both advance the same remesa. */
    save: (next: Remesa, previous: RemesaStatus, returnFee: number, at: string, returnReceipt: string | null = null, returnPending = 0): boolean =>
      update.run(next.status, next.sentOn ?? null, next.paidOn ?? null, next.returnedOn ?? null, next.causalId ?? null, returnFee, returnPending, returnReceipt, at, next.id, previous)
        .changes === 1,
  };
};
export type RemittanceRepo = ReturnType<typeof remittanceRepo>;
