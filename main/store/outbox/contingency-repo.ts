import type { BranchMode } from '../../../domain/contingency';
import type { Db } from '../db';

export interface BranchModeRecord {
  mode: BranchMode;
  changedBy: string | null;
  changedAt: string | null;
  reason: string | null;
}

/** The branch's contingency switch and the withdrawals paid under it (caps are counted from these rows). */
export const contingencyRepo = (db: Db) => {
  const get = db.prepare<[], { mode: BranchMode; changed_by: string | null; changed_at: string | null; reason: string | null }>(
    'SELECT mode, changed_by, changed_at, reason FROM branch_mode WHERE id = 1',
  );
  const set = db.prepare('UPDATE branch_mode SET mode = ?, changed_by = ?, changed_at = ?, reason = ? WHERE id = 1');
  const insert = db.prepare(
    `INSERT INTO contingency_withdrawals (key, business_date, document_type, document_number, account, till_code, amount)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING`,
  );
  const customerSum = db.prepare<[string, string, string], { n: number | null }>(
    'SELECT SUM(amount) AS n FROM contingency_withdrawals WHERE business_date = ? AND document_type = ? AND document_number = ?',
  );
  const tillSum = db.prepare<[string, string], { n: number | null }>(
    'SELECT SUM(amount) AS n FROM contingency_withdrawals WHERE business_date = ? AND till_code = ?',
  );
  return {
    mode: (): BranchModeRecord => {
      const r = get.get();
      return { mode: r?.mode ?? 'normal', changedBy: r?.changed_by ?? null, changedAt: r?.changed_at ?? null, reason: r?.reason ?? null };
    },
    setMode: (mode: BranchMode, by: string, at: string, reason: string): void => void set.run(mode, by, at, reason),
    /** Call inside the posting transaction, after the outbox row of `key`. */
    recordWithdrawal: (w: { key: string; businessDate: string; documentType: string; documentNumber: string; account: string; tillCode: string; amount: number }): void =>
      void insert.run(w.key, w.businessDate, w.documentType, w.documentNumber, w.account, w.tillCode, w.amount),
    customerToday: (businessDate: string, documentType: string, documentNumber: string): number =>
      customerSum.get(businessDate, documentType, documentNumber)?.n ?? 0,
    tillToday: (businessDate: string, tillCode: string): number => tillSum.get(businessDate, tillCode)?.n ?? 0,
  };
};
export type ContingencyRepo = ReturnType<typeof contingencyRepo>;
