import type { LastTillClose, Operation, TillLeftOpen } from '../../domain/central-api';
import { LastTillCloseSchema, TillLeftOpenSchema } from '../../domain/central-api';
import type { Sql } from '../store/db';

/**
 * The tills' openings and closes as the branches post them (`till_open`, `till_close`). No balance moves; the
 * close's count is what a workstation reinstalled under the same id compares its next opening with.
 */
type TillOp = Extract<Operation, { type: 'till_open' | 'till_close' }>;

/** Records the opening or close; called once per key, inside the operation's transaction (operations/apply.ts). */
export const recordTillOperation = (sql: Sql, op: TillOp): void => {
  const p = op.payload;
  const table = op.type === 'till_open' ? 'till_openings (op_key, branch, workstation, till_code, till_session_id, teller_id, business_date, opened_ms, body)' : 'till_closes (op_key, branch, workstation, till_code, till_session_id, teller_id, business_date, closed_ms, body)';
  sql.run(
    `INSERT INTO ${table} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    op.key,
    op.branch,
    op.workstation,
    p.tillCode,
    p.tillSessionId,
    p.tellerId,
    p.businessDate,
    Date.parse(op.occurredAt),
    JSON.stringify({ ...p, occurredAt: op.occurredAt }),
  );
};

/** Whose session and which business day: what an opening and a close say alike. */
const sessionOf = (b: { tillSessionId: string; tellerId: string; tellerUsername?: string; businessDate: string }) => ({
  tillSessionId: b.tillSessionId,
  tellerId: b.tellerId,
  ...(b.tellerUsername ? { tellerUsername: b.tellerUsername } : {}),
  businessDate: b.businessDate,
});

/**
 * The latest close of the till by the branch's own time of the close; the order central received them in breaks
 * a tie. Null when central never received one.
 */
export const lastTillClose = (sql: Sql, workstation: string, tillCode: string): LastTillClose | null => {
  const row = sql.get<{ body: string }>(
    'SELECT body FROM till_closes WHERE workstation = ? AND till_code = ? ORDER BY closed_ms DESC, rowid DESC LIMIT 1',
    workstation,
    tillCode,
  );
  if (!row) return null;
  const b = JSON.parse(row.body) as Extract<TillOp, { type: 'till_close' }>['payload'] & { occurredAt: string };
  return LastTillCloseSchema.parse({
    ...sessionOf(b),
    closedAt: b.occurredAt,
    count: b.count,
    counted: b.counted,
    expected: b.expected,
    difference: b.difference,
    approvalId: b.approvalId,
  });
};

/**
 * The till's latest opening when no close of its session was received and it came after the last close: the till
 * was left open (the machine died or was replaced with it open). An unclosed opening older than the last close
 * was superseded by a later session and is history. Null when the till is not left open.
 */
export const tillLeftOpen = (sql: Sql, workstation: string, tillCode: string): TillLeftOpen | null => {
  const row = sql.get<{ body: string }>(
    `SELECT o.body FROM till_openings o
      WHERE o.workstation = ? AND o.till_code = ?
        AND NOT EXISTS (SELECT 1 FROM till_closes c WHERE c.workstation = o.workstation AND c.till_code = o.till_code AND c.till_session_id = o.till_session_id)
        AND o.opened_ms >= COALESCE((SELECT MAX(c.closed_ms) FROM till_closes c WHERE c.workstation = o.workstation AND c.till_code = o.till_code), 0)
      ORDER BY o.opened_ms DESC, o.rowid DESC LIMIT 1`,
    workstation,
    tillCode,
  );
  if (!row) return null;
  const b = JSON.parse(row.body) as Extract<TillOp, { type: 'till_open' }>['payload'] & { occurredAt: string };
  return TillLeftOpenSchema.parse({
    ...sessionOf(b),
    openedAt: b.occurredAt,
    amount: b.amount,
  });
};
