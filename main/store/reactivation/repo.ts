import type { Db } from '../db';

export interface ReactivationConstancia {
  tillCode: string;
  n: number;
  document: string;
  account: string;
  approvalId: string;
  journalSequence: number;
  postedAt: string;
}

export const reactivationRepo = (db: Db) => {
  const nextN = db.prepare<[string], number>('SELECT COALESCE(MAX(n), 0) + 1 FROM reactivation_constancias WHERE till_code = ?').pluck();
  const insert = db.prepare(`INSERT INTO reactivation_constancias (till_code, n, document, account, approval_id, journal_sequence, posted_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  return {
    /** Call inside the posting's transaction: the number and its row commit together, so a rollback leaves no hole. */
    nextNumber: (tillCode: string): number => nextN.get(tillCode) ?? 1,
    insert: (c: ReactivationConstancia) => {
      insert.run(c.tillCode, c.n, c.document, c.account, c.approvalId, c.journalSequence, c.postedAt);
    },
  };
};
export type ReactivationRepo = ReturnType<typeof reactivationRepo>;
