import type { BranchStructuringAlert, Operation, StructuringAlertsResponse } from '../../domain/central-api';
import type { Sql } from '../store/db';

/**
 * Central's copy of every workstation's structuring alerts (UIAF): one row per alert with its latest state,
 * keyed by the workstation that raised it (an approval id is that workstation's; no other can overwrite it). A
 * reconsideration replaces the decision's snapshot; nothing older ever replaces a reconsidered one, nor forgets the
 * comprobante an approval became, whatever order the events arrive in (the outbox keeps them in order, this keeps
 * it true if it did not).
 */
type AlertOp = Operation & { type: 'structuring_alert' };

/** Call inside the transaction that applies `op`. */
export const recordStructuringAlert = (sql: Sql, op: AlertOp): void => {
  const { event: _event, ...alert } = op.payload;
  const body: BranchStructuringAlert = { ...alert, workstation: op.workstation };
  sql.run(
    `INSERT INTO structuring_alerts (approval_id, branch, workstation, month, alert_on, account, depositor_type, depositor_number, status, reconsidered, requested_at, body, op_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (workstation, approval_id) DO UPDATE SET status = excluded.status, reconsidered = excluded.reconsidered, op_key = excluded.op_key,
       -- The comprobante an approval became is never taken back by an event that does not name it.
       body = CASE WHEN json_extract(excluded.body, '$.usedBy') IS NULL AND json_extract(structuring_alerts.body, '$.usedBy') IS NOT NULL
                   THEN json_set(excluded.body, '$.usedBy', json_extract(structuring_alerts.body, '$.usedBy')) ELSE excluded.body END
     WHERE structuring_alerts.reconsidered = 0`,
    alert.approvalId,
    op.branch,
    op.workstation,
    alert.alertOn.slice(0, 7),
    alert.alertOn,
    alert.account,
    alert.depositor.type,
    alert.depositor.number,
    alert.status,
    alert.reconsidered === null ? 0 : 1,
    alert.requestedAt,
    JSON.stringify(body),
    op.key,
  );
};

export const branchStructuringAlerts = (sql: Sql, branch: string, month: string): StructuringAlertsResponse => ({
  branch,
  month,
  alerts: sql
    .all<{ body: string }>('SELECT body FROM structuring_alerts WHERE branch = ? AND month = ? ORDER BY requested_at, approval_id', branch, month)
    .map((r) => ({ usedBy: null, ...(JSON.parse(r.body) as Partial<BranchStructuringAlert>) }) as BranchStructuringAlert),
});

/**
 * Rejections standing at any workstation but `workstation` for the account or the depositor: raised from `since`
 * on (the window a rejection holds) and not reconsidered. The asking workstation has its own.
 */
export const standingRejections = (sql: Sql, q: { account: string; depositorType: string; depositorNumber: string; since: string }, workstation: string): BranchStructuringAlert[] =>
  sql
    .all<{ body: string }>(
      `SELECT body FROM structuring_alerts
       WHERE status = 'rechazada' AND reconsidered = 0 AND alert_on >= ? AND workstation <> ?
         AND (account = ? OR (depositor_type = ? AND depositor_number = ?))
       ORDER BY requested_at DESC`,
      q.since,
      workstation,
      q.account,
      q.depositorType,
      q.depositorNumber,
    )
    .map((r) => JSON.parse(r.body) as BranchStructuringAlert);
