import type { BranchStatusResponse, WorkstationStatus } from '../../domain/central-api';
import { WorkstationStatusSchema } from '../../domain/central-api';
import { iso } from '../runtime';
import type { Sql } from '../store/db';

/**
 * Latest status snapshot per workstation, for the branch dashboard. Not an operation: nothing is applied, a
 * newer snapshot replaces the stored one. A report older (by its own `reportedAt`) than the stored one is a
 * late arrival and is ignored, unless the stored one is itself old by central's clock — a workstation whose
 * clock was set back must not be frozen out.
 */
interface Row {
  workstation: string;
  body: string;
  reported_ms: number;
  received_ms: number;
}

/** After this long without news a stored snapshot gives way to any report, whatever its `reportedAt`. */
export const OUT_OF_ORDER_WINDOW_MS = 2 * 60_000;
/** Snapshots not renewed for this long are no longer listed (a workstation switched off yesterday). */
export const LISTED_FOR_MS = 24 * 3_600_000;

export const reportStatus = (sql: Sql, branch: string, status: WorkstationStatus, nowMs: number): { receivedAt: string; stored: boolean } =>
  sql.tx(() => {
    const reportedMs = Date.parse(status.reportedAt);
    const seen = sql.get<Row>('SELECT * FROM workstation_status WHERE workstation = ?', status.workstation);
    if (seen && reportedMs < seen.reported_ms && nowMs - seen.received_ms < OUT_OF_ORDER_WINDOW_MS) return { receivedAt: iso(nowMs), stored: false };
    sql.run(
      `INSERT INTO workstation_status (workstation, branch, body, reported_ms, received_ms) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (workstation) DO UPDATE SET branch = excluded.branch, body = excluded.body, reported_ms = excluded.reported_ms, received_ms = excluded.received_ms`,
      status.workstation,
      branch,
      JSON.stringify(status),
      reportedMs,
      nowMs,
    );
    return { receivedAt: iso(nowMs), stored: true };
  });

export const branchStatus = (sql: Sql, branch: string, nowMs: number): BranchStatusResponse => {
  // Every transfer still travelling to a till of the branch, whoever sent it (the vault or another till): a send to
  // that till counts them with its position (domain/till/holding.ts sendOverLimit).
  const travelling = sql.all<{ id: string; to_ws: string; amount: number }>(
    "SELECT id, to_ws, amount FROM till_transfers WHERE branch = ? AND state = 'en_transito' ORDER BY received_ms, id",
    branch,
  );
  return {
    now: iso(nowMs),
    workstations: sql
      .all<Row>('SELECT * FROM workstation_status WHERE branch = ? AND received_ms >= ? ORDER BY workstation', branch, nowMs - LISTED_FOR_MS)
      .map((r) => ({
        ...WorkstationStatusSchema.parse(JSON.parse(r.body)),
        receivedAt: iso(r.received_ms),
        inTransit: travelling.filter((t) => t.to_ws === r.workstation).map((t) => ({ id: t.id, amount: t.amount })),
      })),
  };
};
