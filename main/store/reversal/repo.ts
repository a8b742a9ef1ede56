import type { Db } from '../db';

export interface ReversalRecord {
  id: string;
  originalSequence: string;
  reasonCode: string;
  reasonText: string;
  approvalId: string;
  tellerId: string;
  tillSessionId: string | null;
  businessDate: string;
  postedAt: string;
  amount: number;
  centralKeys: string[];
  journalSequence: number;
  receipt: string;
}

export const reversalRepo = (db: Db) => {
  const insert = db.prepare(`INSERT INTO reversals (id, original_sequence, reason_code, reason_text, approval_id, teller_id, till_session_id, business_date,
    posted_at, amount, central_keys, journal_sequence, receipt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const byOriginal = db.prepare<[string], { id: string; receipt: string; postedAt: string; journalSequence: number }>(
    'SELECT id, receipt, posted_at AS postedAt, journal_sequence AS journalSequence FROM reversals WHERE original_sequence = ?',
  );
  return {
    insert: (r: ReversalRecord) => {
      insert.run(r.id, r.originalSequence, r.reasonCode, r.reasonText, r.approvalId, r.tellerId, r.tillSessionId, r.businessDate, r.postedAt, r.amount, JSON.stringify(r.centralKeys), r.journalSequence, r.receipt);
    },
    ofOriginal: (sequence: string) => byOriginal.get(sequence),
  };
};
export type ReversalRepo = ReturnType<typeof reversalRepo>;
