import type { ApprovalRequest } from '../../../domain/approval/request';
import type { Db } from '../db';
import { requestOfRow, type RequestColumns } from './request-row';
import { structuringAlertsRepo } from './structuring';

export type ApprovalKind = 'deposit' | 'withdrawal' | 'transfer';

export interface ApprovalRecord {
  request: ApprovalRequest;
  kind: ApprovalKind;
  summary: string;
  /** Integer pesos; null when the request predates the column (approvals/003). */
  amount: number | null;
  /** The account of the operation; null when the request predates the column (approvals/005). */
  account: string | null;
  idempotencyKey: string;
  usedBy: string | null;
}

interface Row extends RequestColumns {
  idempotency_key: string;
  kind: ApprovalKind;
  summary: string;
  amount: number | null;
  account: string | null;
  used_by: string | null;
}

const toRecord = (r: Row): ApprovalRecord => ({
  request: requestOfRow(r),
  kind: r.kind,
  summary: r.summary,
  amount: r.amount,
  account: r.account,
  idempotencyKey: r.idempotency_key,
  usedBy: r.used_by,
});

export const approvalsRepo = (db: Db) => {
  const insert = db.prepare(`INSERT INTO approvals (id, idempotency_key, kind, subject, summary, amount, account, reasons, maker_id, requested_at, expires_at, status)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const byId = db.prepare<[string], Row>('SELECT * FROM approvals WHERE id = ?');
  const decide = db.prepare(
    "UPDATE approvals SET status = ?, checker_id = ?, decided_at = ?, note = ? WHERE id = ? AND status = 'pendiente'",
  );
  const pendingDebits = db.prepare<[string], Row>("SELECT * FROM approvals WHERE status = 'pendiente' AND kind IN ('withdrawal', 'transfer') AND expires_at > ? ORDER BY requested_at");
  const expired = db.prepare<[string], Row>("SELECT * FROM approvals WHERE status = 'pendiente' AND expires_at <= ? ORDER BY expires_at");
  const lapsedUntold = db.prepare<[string, string, string], Row>(
    "SELECT * FROM approvals WHERE maker_id = ? AND status = 'vencida' AND note = ? AND lapse_told = 0 AND expires_at >= ? ORDER BY expires_at",
  );
  const lapseTold = db.prepare("UPDATE approvals SET lapse_told = 1 WHERE id = ? AND status = 'vencida' AND lapse_told = 0");
  const use = db.prepare("UPDATE approvals SET used_by = ? WHERE id = ? AND status = 'aprobada' AND used_by IS NULL");
  return {
    insert: (rec: { request: ApprovalRequest; kind: ApprovalKind; summary: string; amount: number | null; account: string | null; idempotencyKey: string }) => {
      const q = rec.request;
      insert.run(q.id, rec.idempotencyKey, rec.kind, q.subject, rec.summary, rec.amount, rec.account, JSON.stringify(q.reasons), q.makerId, q.requestedAt, q.expiresAt, q.status);
    },
    findById: (id: string) => {
      const r = byId.get(id);
      return r ? toRecord(r) : undefined;
    },
    /** Withdrawals' and transfers' requests still waiting for a supervisor (a desk elsewhere may have decided them). */
    pendingDebits: (now: string): ApprovalRecord[] => pendingDebits.all(now).map(toRecord),
    /** Requests still pending past their deadline at `now`: lapsed, not yet closed as such. */
    pendingExpired: (now: string): ApprovalRecord[] => expired.all(now).map(toRecord),
    /** The maker's requests that lapsed undecided (closed with `note`) since `since`, not told yet, oldest first. */
    lapsedUntold: (makerId: string, note: string, since: string): ApprovalRecord[] => lapsedUntold.all(makerId, note, since).map(toRecord),
    /** The maker was told this request lapsed: false when they already were. */
    markLapseTold: (id: string): boolean => lapseTold.run(id).changes === 1,
    /** Stores a decision; false when someone else decided first (the row is no longer pendiente). */
    saveDecision: (q: ApprovalRequest): boolean =>
      decide.run(q.status, q.checkerId ?? null, q.decidedAt ?? null, q.note ?? null, q.id).changes === 1,
    /** Marks the approval as consumed by a comprobante; false when it was already used or is not approved. */
    markUsed: (id: string, sequence: string): boolean => use.run(sequence, id).changes === 1,
    /** Structuring alerts (UIAF) put to a supervisor through these approvals. */
    structuring: structuringAlertsRepo(db),
  };
};
export type ApprovalsRepo = ReturnType<typeof approvalsRepo>;
