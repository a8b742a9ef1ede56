import type { Operation, RejectionCode, TillTransfer } from '../../domain/central-api';
import { TillTransferSchema } from '../../domain/central-api';
import { DENOMINATIONS, countOf, totalOfCount, type DenominationCount } from '../../domain/money/denominations';
import type { Sql } from '../store/db';
import { returnToVault } from '../vault/vault';

/**
 * Till-to-till transfers of a branch, relayed between workstations. Written only by applied outbox operations
 * (exactly once by their key, `operations/apply.ts`); read by the two workstations involved.
 */
interface Row {
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

const view = (r: Row): TillTransfer =>
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

const sameCount = (a: DenominationCount, b: DenominationCount) => DENOMINATIONS.every((d) => countOf(a, d) === countOf(b, d));

type Effect = { ok: true; after: () => void } | { ok: false; reason: RejectionCode };

/** The effect of `till_transfer_send`: checked now, recorded by `after` once the operation row exists. */
export const sendEffect = (sql: Sql, op: Operation & { type: 'till_transfer_send' }, nowMs: number): Effect => {
  const p = op.payload;
  if (!p.toWorkstation.startsWith(`${op.branch}-`) || p.toWorkstation === op.workstation || totalOfCount(p.count) !== p.amount) {
    return { ok: false, reason: 'TRANSFER_INVALID' };
  }
  if (sql.get('SELECT 1 AS x FROM till_transfers WHERE id = ?', p.transferId)) return { ok: false, reason: 'TRANSFER_INVALID' };
  return {
    ok: true,
    after: () =>
      sql.run(
        `INSERT INTO till_transfers (id, branch, from_ws, to_ws, count, amount, state, sent_by, sent_by_name, sent_at, send_key, received_ms)
         VALUES (?, ?, ?, ?, ?, ?, 'en_transito', ?, ?, ?, ?, ?)`,
        p.transferId,
        op.branch,
        op.workstation,
        p.toWorkstation,
        JSON.stringify(p.count),
        p.amount,
        p.sentBy,
        p.sentByName,
        op.occurredAt,
        op.key,
        nowMs,
      ),
  };
};

/**
 * The effect of `till_transfer_settle`: only the receiving workstation settles, once, with a matching count to
 * accept, and never the one who sent it (maker ≠ checker). A rejected provision puts its pieces back in the vault.
 */
export const settleEffect = (sql: Sql, op: Operation & { type: 'till_transfer_settle' }, nowMs: number): Effect => {
  const p = op.payload;
  const row = sql.get<Row>('SELECT * FROM till_transfers WHERE id = ?', p.transferId);
  if (!row || row.branch !== op.branch || row.to_ws !== op.workstation) return { ok: false, reason: 'TRANSFER_NOT_FOUND' };
  if (row.state !== 'en_transito') return { ok: false, reason: 'TRANSFER_SETTLED' };
  if (row.sent_by === p.receivedBy) return { ok: false, reason: 'MAKER_IS_CHECKER' };
  const count = JSON.parse(row.count) as DenominationCount;
  if (p.decision === 'accept' && !sameCount(count, p.count)) return { ok: false, reason: 'COUNT_DIFFERS' };
  if (p.decision === 'reject' && p.note === null) return { ok: false, reason: 'TRANSFER_INVALID' };
  const back = p.decision === 'reject' ? returnToVault(sql, op.branch, row.from_ws, count, nowMs) : null;
  return {
    ok: true,
    after: () => {
      back?.();
      sql.run(
        `UPDATE till_transfers SET state = ?, received_by = ?, received_by_name = ?, received_at = ?, note = ?, settle_key = ?, settled_ms = ?
         WHERE id = ? AND state = 'en_transito'`,
        p.decision === 'accept' ? 'aceptado' : 'rechazado',
        p.receivedBy,
        p.receivedByName,
        op.occurredAt,
        p.note,
        op.key,
        nowMs,
        p.transferId,
      );
    },
  };
};

/** How long a settled transfer keeps being listed, so a sender offline for a while still learns the outcome. */
export const SETTLED_VISIBLE_MS = 7 * 24 * 3_600_000;

/** Transfers the workstation sent or must receive: every one still in transit, and those settled recently. */
export const listTillTransfers = (sql: Sql, workstation: string, nowMs: number): { transfers: TillTransfer[] } => ({
  transfers: sql
    .all<Row>(
      `SELECT * FROM till_transfers WHERE (from_ws = ? OR to_ws = ?) AND (state = 'en_transito' OR settled_ms >= ?)
       ORDER BY received_ms, id`,
      workstation,
      workstation,
      nowMs - SETTLED_VISIBLE_MS,
    )
    .map(view),
});
