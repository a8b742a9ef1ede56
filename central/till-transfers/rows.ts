import type { Operation, TillTransfer } from '../../domain/central-api';
import { TillTransferSchema } from '../../domain/central-api';
import { DENOMINATIONS, countOf, type DenominationCount } from '../../domain/money/denominations';
import type { Sql } from '../store/db';

/**
 * The `till_transfers` rows shared by till-to-till transfers and the branch vault's (whose vault end is the
 * pseudo-workstation `<branch>-00`): one way to write a sending and a settlement, one way to read a row.
 */
export interface TransferRow {
  id: string;
  branch: string;
  from_ws: string;
  to_ws: string;
  count: string;
  amount: number;
  state: TillTransfer['state'];
  sent_by: string;
  sent_by_name: string;
  sent_at: string;
  received_by: string | null;
  received_by_name: string | null;
  received_at: string | null;
  note: string | null;
  settled_ms: number | null;
}

export const transferView = (r: TransferRow): TillTransfer =>
  TillTransferSchema.parse({
    id: r.id,
    branch: r.branch,
    fromWorkstation: r.from_ws,
    toWorkstation: r.to_ws,
    count: JSON.parse(r.count) as DenominationCount,
    amount: r.amount,
    state: r.state,
    sentBy: r.sent_by,
    sentByName: r.sent_by_name,
    sentAt: r.sent_at,
    receivedBy: r.received_by,
    receivedByName: r.received_by_name,
    receivedAt: r.received_at,
    note: r.note,
  });

export const sameCount = (a: DenominationCount, b: DenominationCount) => DENOMINATIONS.every((d) => countOf(a, d) === countOf(b, d));

/** A transfer starts travelling, written by the operation that sent it. */
export const insertSent = (
  sql: Sql,
  op: Operation,
  t: { transferId: string; from: string; to: string; count: DenominationCount; amount: number; sentBy: string; sentByName: string },
  nowMs: number,
): void => {
  sql.run(
    `INSERT INTO till_transfers (id, branch, from_ws, to_ws, count, amount, state, sent_by, sent_by_name, sent_at, send_key, received_ms)
     VALUES (?, ?, ?, ?, ?, ?, 'en_transito', ?, ?, ?, ?, ?)`,
    t.transferId,
    op.branch,
    t.from,
    t.to,
    JSON.stringify(t.count),
    t.amount,
    t.sentBy,
    t.sentByName,
    op.occurredAt,
    op.key,
    nowMs,
  );
};

/** A transfer still travelling is settled by the operation that received or rejected it. */
export const markSettled = (
  sql: Sql,
  op: Operation,
  s: { transferId: string; decision: 'accept' | 'reject'; receivedBy: string; receivedByName: string; note: string | null },
  nowMs: number,
): void => {
  sql.run(
    `UPDATE till_transfers SET state = ?, received_by = ?, received_by_name = ?, received_at = ?, note = ?, settle_key = ?, settled_ms = ?
     WHERE id = ? AND state = 'en_transito'`,
    s.decision === 'accept' ? 'aceptado' : 'rechazado',
    s.receivedBy,
    s.receivedByName,
    op.occurredAt,
    s.note,
    op.key,
    nowMs,
    s.transferId,
  );
};
