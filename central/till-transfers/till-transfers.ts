import type { Operation, RejectionCode, TillTransfer } from '../../domain/central-api';
import { totalOfCount, type DenominationCount } from '../../domain/money/denominations';
import type { Sql } from '../store/db';
import { returnToVault } from '../vault/vault';
import { insertSent, markSettled, sameCount, transferView, type TransferRow } from './rows';

/**
 * Till-to-till transfers of a branch, relayed between workstations. Written only by applied outbox operations
 * (exactly once by their key, `operations/apply.ts`); read by the two workstations involved.
 */
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
    after: () => insertSent(sql, op, { ...p, from: op.workstation, to: p.toWorkstation }, nowMs),
  };
};

/**
 * The effect of `till_transfer_settle`: only the receiving workstation settles, once, with a matching count to
 * accept, and never the one who sent it (maker ≠ checker). A rejected provision puts its pieces back in the vault.
 */
export const settleEffect = (sql: Sql, op: Operation & { type: 'till_transfer_settle' }, nowMs: number): Effect => {
  const p = op.payload;
  const row = sql.get<TransferRow>('SELECT * FROM till_transfers WHERE id = ?', p.transferId);
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
      markSettled(sql, op, p, nowMs);
    },
  };
};

/** How long a settled transfer keeps being listed, so a sender offline for a while still learns the outcome. */
export const SETTLED_VISIBLE_MS = 7 * 24 * 3_600_000;

/** Transfers the workstation sent or must receive: every one still in transit, and those settled recently. */
export const listTillTransfers = (sql: Sql, workstation: string, nowMs: number): { transfers: TillTransfer[] } => ({
  transfers: sql
    .all<TransferRow>(
      `SELECT * FROM till_transfers WHERE (from_ws = ? OR to_ws = ?) AND (state = 'en_transito' OR settled_ms >= ?)
       ORDER BY received_ms, id`,
      workstation,
      workstation,
      nowMs - SETTLED_VISIBLE_MS,
    )
    .map(transferView),
});
