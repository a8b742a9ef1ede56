import type { Operation, RejectionCode, TillTransfer } from '../../domain/central-api';
import { isVaultWorkstation, vaultWorkstation, type BranchVault } from '../../domain/central-api';
import { applyCount, totalOfCount, type DenominationCount } from '../../domain/money/denominations';
import { bogotaDayStartMs } from '../../domain/calendar/bogota-time';
import { insertSent, markSettled, sameCount, transferView, type TransferRow } from '../till-transfers/rows';
import { iso } from '../runtime';
import type { Sql } from '../store/db';

/**
 * The branch vault (bóveda), one per branch at central. Cash travels between it and the tills as till transfers
 * (till-transfers/) whose vault end is the pseudo-workstation `<branch>-00`; every move of the vault is the
 * effect of an applied operation, so it happens exactly once by the operation's key (operations/apply.ts):
 * - `vault_provision` takes the pieces out (refused whole when the vault lacks one) and the transfer travels to
 *   the till, whose `till_transfer_settle` accepts it or rejects it (`returnToVault`);
 * - a till's `till_transfer_send` to `<branch>-00` travels to the vault; a supervisor's `vault_receive` accepts it
 *   (the vault is credited) or rejects it (the sender's workstation gives the cash back to its till).
 * Whoever sent a transfer never receives it (maker ≠ checker, by user name, the identity all workstations share).
 */
type Effect = { ok: true; after: () => void } | { ok: false; reason: RejectionCode };

interface VaultRow {
  branch: string;
  position: string;
  total: number;
  updated_ms: number | null;
}

export const vaultOf = (sql: Sql, branch: string): BranchVault => {
  const r = sql.get<VaultRow>('SELECT * FROM branch_vaults WHERE branch = ?', branch);
  return r
    ? { branch, position: JSON.parse(r.position) as DenominationCount, total: r.total, updatedAt: r.updated_ms === null ? null : iso(r.updated_ms) }
    : { branch, position: {}, total: 0, updatedAt: null };
};

const setVault = (sql: Sql, branch: string, position: DenominationCount, nowMs: number): void => {
  sql.run(
    `INSERT INTO branch_vaults (branch, position, total, updated_ms) VALUES (?, ?, ?, ?)
     ON CONFLICT (branch) DO UPDATE SET position = excluded.position, total = excluded.total, updated_ms = excluded.updated_ms`,
    branch,
    JSON.stringify(position),
    totalOfCount(position),
    nowMs,
  );
};

/** Puts `count` into (sign 1) or takes it out of (sign -1) the branch's vault; null when it lacks a piece. */
const moveVault = (sql: Sql, branch: string, count: DenominationCount, sign: 1 | -1, nowMs: number): (() => void) | null => {
  let next: DenominationCount;
  try {
    next = applyCount(vaultOf(sql, branch).position, count, sign);
  } catch {
    return null;
  }
  return () => setVault(sql, branch, next, nowMs);
};

/** Seeds a branch's vault only when it has none (demo data). */
export const seedVault = (sql: Sql, branch: string, position: DenominationCount, nowMs: number): boolean => {
  if (sql.get('SELECT 1 AS x FROM branch_vaults WHERE branch = ?', branch)) return false;
  setVault(sql, branch, position, nowMs);
  return true;
};

/** The effect of `vault_provision`: pieces out of the vault now, the transfer in transit to the till. */
export const provisionEffect = (sql: Sql, op: Operation & { type: 'vault_provision' }, nowMs: number): Effect => {
  const p = op.payload;
  if (!p.toWorkstation.startsWith(`${op.branch}-`) || isVaultWorkstation(p.toWorkstation) || totalOfCount(p.count) !== p.amount) {
    return { ok: false, reason: 'TRANSFER_INVALID' };
  }
  if (sql.get('SELECT 1 AS x FROM till_transfers WHERE id = ?', p.transferId)) return { ok: false, reason: 'TRANSFER_INVALID' };
  const take = moveVault(sql, op.branch, p.count, -1, nowMs);
  if (!take) return { ok: false, reason: 'VAULT_SHORT' };
  return {
    ok: true,
    after: () => {
      take();
      insertSent(sql, op, { ...p, from: vaultWorkstation(op.branch), to: p.toWorkstation }, nowMs);
    },
  };
};

/** The effect of `vault_receive`: a supervisor of the branch settles cash sent to its vault, once. */
export const receiveEffect = (sql: Sql, op: Operation & { type: 'vault_receive' }, nowMs: number): Effect => {
  const p = op.payload;
  const row = sql.get<TransferRow>('SELECT * FROM till_transfers WHERE id = ?', p.transferId);
  if (!row || row.branch !== op.branch || row.to_ws !== vaultWorkstation(op.branch)) return { ok: false, reason: 'TRANSFER_NOT_FOUND' };
  if (row.state !== 'en_transito') return { ok: false, reason: 'TRANSFER_SETTLED' };
  if (row.sent_by === p.receivedBy) return { ok: false, reason: 'MAKER_IS_CHECKER' };
  const count = JSON.parse(row.count) as DenominationCount;
  if (p.decision === 'accept' && !sameCount(count, p.count)) return { ok: false, reason: 'COUNT_DIFFERS' };
  if (p.decision === 'reject' && p.note === null) return { ok: false, reason: 'TRANSFER_INVALID' };
  const credit = p.decision === 'accept' ? moveVault(sql, op.branch, count, 1, nowMs) : () => undefined;
  if (!credit) return { ok: false, reason: 'TRANSFER_INVALID' };
  return {
    ok: true,
    after: () => {
      credit();
      markSettled(sql, op, p, nowMs);
    },
  };
};

/** A till rejected a provision: its pieces go back into the vault they came from (inside the settle's effect). */
export const returnToVault = (sql: Sql, branch: string, fromWorkstation: string, count: DenominationCount, nowMs: number): (() => void) | null =>
  isVaultWorkstation(fromWorkstation) ? moveVault(sql, branch, count, 1, nowMs) : null;

/** The branch's vault and its transfers: every one in transit, those settled today (Bogotá), and `include`. */
export const branchVault = (sql: Sql, branch: string, nowMs: number, include: string[] = []): { vault: BranchVault; transfers: TillTransfer[] } => {
  const ws = vaultWorkstation(branch);
  const rows = sql.all<TransferRow>(
    `SELECT * FROM till_transfers WHERE branch = ? AND (from_ws = ? OR to_ws = ?)
       AND (state = 'en_transito' OR settled_ms >= ? OR id IN (SELECT value FROM json_each(?)))
     ORDER BY id IN (SELECT value FROM json_each(?)) DESC, received_ms DESC, id LIMIT 200`,
    branch,
    ws,
    ws,
    bogotaDayStartMs(nowMs),
    JSON.stringify(include),
    JSON.stringify(include),
  );
  return {
    vault: vaultOf(sql, branch),
    transfers: rows.map(transferView),
  };
};
