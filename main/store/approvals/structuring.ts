import type { StructuringAlert } from '../../../domain/uiaf/thresholds';
import type { Db } from '../db';
import { requestOfRow, type RequestColumns } from './request-row';
import type { ApprovalRequest } from '../../../domain/approval/request';

/** One structuring alert as the supervisor decided it (or not yet): the alert's facts and its approval. */
export interface StructuringAlertRecord {
  approvalId: string;
  alertOn: string;
  account: string;
  /** `TYPE:NUMBER` of who handed over the cash. */
  depositor: string;
  depositorName: string | null;
  alert: StructuringAlert;
  request: ApprovalRequest;
  usedBy: string | null;
  reconsidered: { by: string; at: string; note: string } | null;
}

interface Row extends RequestColumns {
  approval_id: string;
  alert_on: string;
  account: string;
  depositor: string;
  depositor_name: string | null;
  matched_by: StructuringAlert['by'];
  total: number;
  window_from: string;
  window_to: string;
  deposits: string;
  used_by: string | null;
  reconsidered_by: string | null;
  reconsidered_at: string | null;
  reconsidered_note: string | null;
}

const toRecord = (r: Row): StructuringAlertRecord => {
  const deposits = JSON.parse(r.deposits) as StructuringAlert['deposits'];
  return {
    approvalId: r.approval_id,
    alertOn: r.alert_on,
    account: r.account,
    depositor: r.depositor,
    depositorName: r.depositor_name,
    alert: { by: r.matched_by, count: deposits.length, total: r.total, windowFrom: r.window_from, windowTo: r.window_to, deposits },
    request: requestOfRow(r),
    usedBy: r.used_by,
    reconsidered: r.reconsidered_by !== null && r.reconsidered_at !== null ? { by: r.reconsidered_by, at: r.reconsidered_at, note: r.reconsidered_note ?? '' } : null,
  };
};

const SELECT = `SELECT s.*, a.id, a.subject, a.reasons, a.maker_id, a.requested_at, a.expires_at, a.status, a.checker_id, a.decided_at, a.note, a.used_by
  FROM structuring_alerts s JOIN approvals a ON a.id = s.approval_id`;

/** The structuring alerts of this workstation's deposits, beside the approvals that carried them to a supervisor. */
export const structuringAlertsRepo = (db: Db) => {
  const insert = db.prepare(`INSERT INTO structuring_alerts (approval_id, alert_on, account, depositor, depositor_name, matched_by, total, window_from, window_to, deposits)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const inMonth = db.prepare<[string], Row>(`${SELECT} WHERE s.alert_on LIKE ? ORDER BY a.requested_at`);
  const byId = db.prepare<[string], Row>(`${SELECT} WHERE s.approval_id = ?`);
  const standing = db.prepare<[string, string, string], Row>(
    `${SELECT} WHERE a.status = 'rechazada' AND s.reconsidered_at IS NULL AND s.alert_on >= ? AND (s.account = ? OR s.depositor = ?) ORDER BY a.decided_at DESC LIMIT 1`,
  );
  const reconsider = db.prepare('UPDATE structuring_alerts SET reconsidered_by = ?, reconsidered_at = ?, reconsidered_note = ? WHERE approval_id = ? AND reconsidered_at IS NULL');
  return {
    insert: (r: { approvalId: string; alertOn: string; account: string; depositor: string; depositorName: string | null; alert: StructuringAlert }) => {
      const a = r.alert;
      insert.run(r.approvalId, r.alertOn, r.account, r.depositor, r.depositorName, a.by, a.total, a.windowFrom, a.windowTo, JSON.stringify(a.deposits));
    },
    /** `month` as AAAA-MM (Bogotá business dates). */
    month: (month: string): StructuringAlertRecord[] => inMonth.all(`${month}-%`).map(toRecord),
    find: (approvalId: string): StructuringAlertRecord | undefined => {
      const r = byId.get(approvalId);
      return r ? toRecord(r) : undefined;
    },
    /** The latest rejection still standing for this account or this depositor: alerts from `since` on. */
    rejectionStanding: (since: string, account: string, depositor: string): StructuringAlertRecord | undefined => {
      const r = standing.get(since, account, depositor);
      return r ? toRecord(r) : undefined;
    },
    /** False when it was already reconsidered. */
    reconsider: (approvalId: string, by: string, at: string, note: string): boolean => reconsider.run(by, at, note, approvalId).changes === 1,
  };
};
export type StructuringAlertsRepo = ReturnType<typeof structuringAlertsRepo>;
