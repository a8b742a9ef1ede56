import type { Hold, HoldRequest, HoldResponse } from '../../domain/central-api';
import { REFUSAL_MESSAGES, applyPosting, bogotaDay, debitRefusal, disposable, getAccount, settleRetention } from '../accounts/ledger';
import { settleDue } from '../cheques/clearing';
import { chequeGerenciaNumberUsed, chequeGerenciaUsedMessage } from '../cheques/gerencia';
import { fail, ok, type HandlerResult } from '../http/result';
import { iso } from '../runtime';
import type { Sql } from '../store/db';
import { mandateRefusal } from './mandate';
import { recordHoldPayees, takenToday } from './payees';

/** Online authorization of withdrawals: a hold moves funds from available to on-hold until used or expired. */
interface Row {
  id: string;
  account: string;
  amount: number;
  state: Hold['state'];
  created_ms: number;
  expires_ms: number;
}
const view = (r: Row): Hold => ({
  holdId: r.id,
  account: r.account,
  amount: r.amount,
  state: r.state,
  createdAt: iso(r.created_ms),
  expiresAt: iso(r.expires_ms),
});

export const DEFAULT_HOLD_TTL_MS = 15 * 60_000;

/** Call inside a transaction (through `once`). */
export const authorizeHold = (sql: Sql, req: HoldRequest, holdId: string, workstation: string, nowMs: number, ttlMs: number): HoldResponse => {
  settleDue(sql, nowMs);
  const account = getAccount(sql, req.account);
  if (!account) return { status: 'refused', reason: 'ACCOUNT_NOT_FOUND', message: REFUSAL_MESSAGES.ACCOUNT_NOT_FOUND ?? '' };
  // Before the funds: a duplicate form is refused whatever the balance, and nothing is held for it.
  if (req.chequeGerencia && chequeGerenciaNumberUsed(sql, req.chequeGerencia.number)) {
    return { status: 'refused', reason: 'CHEQUE_GERENCIA_NUMBER_USED', message: chequeGerenciaUsedMessage(sql, req.chequeGerencia.number, REFUSAL_MESSAGES.CHEQUE_GERENCIA_NUMBER_USED ?? '') };
  }
  const on = bogotaDay(nowMs);
  // Who is paid, when the branch says: a mandate narrowed or revoked since the branch read the account pays no one,
  // and an authorized person's day maximum counts what every workstation already paid her today.
  const mandate = req.payee ? mandateRefusal(account, req.payee, on, takenToday(sql, req.account, on, req.payee, nowMs)) : null;
  if (mandate) return mandate;
  const refusal = debitRefusal(sql, account, req.amount, on, { reactivating: req.reactivation !== undefined });
  if (refusal) {
    // Short of funds, the branch says how much there is: what it asks next depends on it (a reversal, another amount).
    const short = refusal === 'INSUFFICIENT_FUNDS' || refusal === 'EMBARGOED_FUNDS' ? { available: disposable(sql, account, on) } : {};
    return { status: 'refused', reason: refusal, message: REFUSAL_MESSAGES[refusal] ?? '', ...short };
  }
  sql.run(
    "INSERT INTO holds (id, account, amount, state, workstation, created_ms, expires_ms, cheque_gerencia_number) VALUES (?, ?, ?, 'active', ?, ?, ?, ?)",
    holdId,
    req.account,
    req.amount,
    workstation,
    nowMs,
    nowMs + ttlMs,
    req.chequeGerencia?.number ?? null,
  );
  if (req.payee) recordHoldPayees(sql, holdId, req.account, on, req.payee);
  applyPosting(sql, null, { account: req.account, dAvailable: -req.amount, dCanje: 0, dHold: req.amount });
  const row = sql.get<Row>('SELECT * FROM holds WHERE id = ?', holdId);
  if (!row) throw new Error('hold row missing after insert');
  return { status: 'authorized', hold: view(row), availableAfter: account.balances.available - req.amount };
};

/**
 * A retry under the key of an authorization that central placed, with another body: the same authorization when it
 * asks what was held (account, amount and, if both name one, the cheque de gerencia's number). A workstation upgraded
 * while the withdrawal was pending sends fields its older version did not (`payee`): that is no other withdrawal. A
 * refusal is never taken for it: it says nothing of the amount it refused.
 */
export const sameAuthorization = (sql: Sql, answer: HoldResponse, req: HoldRequest): boolean => {
  if (answer.status !== 'authorized' || answer.hold.account !== req.account || answer.hold.amount !== req.amount) return false;
  const held = sql.get<{ number: string | null }>('SELECT cheque_gerencia_number AS number FROM holds WHERE id = ?', answer.hold.holdId)?.number ?? null;
  return held === null || req.chequeGerencia === undefined || held === req.chequeGerencia.number;
};

/** What the teller is told when the retry is not the authorization central holds under the key. */
export const HOLD_KEY_REUSED =
  'Central ya recibió esta operación con otra cuenta o con otro valor (por ejemplo, quedó pendiente antes de una actualización de la estación y se cambió después) y no puede tomarla como la misma. Lo que central haya retenido con ella se libera solo en 15 minutos como máximo. Registre la operación de nuevo con el cliente.';

/** The hold an authorization request placed, found by the request's idempotency key (see `holdKey`). */
export const holdIdForKey = (sql: Sql, key: string | undefined): string | undefined => {
  if (key === undefined) return undefined;
  const row = sql.get<{ response: string }>("SELECT response FROM requests WHERE key = ? AND route = 'holds'", key);
  if (!row) return undefined;
  const answer = JSON.parse(row.response) as { status?: string; hold?: { holdId?: string } };
  return answer.status === 'authorized' ? answer.hold?.holdId : undefined;
};

/**
 * An authorization answered again (same key): the hold as it stands now, not as it was placed, so a branch that
 * retries after the hold was released or expired learns the funds are no longer reserved.
 */
export const currentAuthorization = (sql: Sql, answer: HoldResponse, nowMs: number): HoldResponse => {
  if (answer.status !== 'authorized') return answer;
  return sql.tx(() => {
    settleDue(sql, nowMs);
    const row = sql.get<Row>('SELECT * FROM holds WHERE id = ?', answer.hold.holdId);
    return row ? { ...answer, hold: view(row) } : answer;
  });
};

export const getHold = (sql: Sql, holdId: string, nowMs: number): HandlerResult<{ hold: Hold }> =>
  sql.tx(() => {
    settleDue(sql, nowMs);
    const row = sql.get<Row>('SELECT * FROM holds WHERE id = ?', holdId);
    return row ? ok({ hold: view(row) }) : fail(404, 'NOT_FOUND', 'La autorización no existe en central.');
  });

/** The teller cancelled the withdrawal: the funds go back to available at once. Releasing twice is a no-op. */
export const releaseHold = (sql: Sql, holdId: string, nowMs: number): HandlerResult<{ hold: Hold }> =>
  sql.tx(() => {
    settleDue(sql, nowMs);
    const row = sql.get<Row>('SELECT * FROM holds WHERE id = ?', holdId);
    if (!row) return fail(404, 'NOT_FOUND', 'La autorización no existe en central.');
    if (row.state === 'released') return ok({ hold: view(row) });
    if (row.state !== 'active') return fail(409, 'HOLD_NOT_ACTIVE', `La autorización ya está ${row.state === 'consumed' ? 'usada' : 'vencida'}.`);
    sql.run("UPDATE holds SET state = 'released' WHERE id = ?", holdId);
    applyPosting(sql, null, { account: row.account, dAvailable: row.amount, dCanje: 0, dHold: -row.amount });
    settleRetention(sql, row.account, bogotaDay(nowMs));
    return ok({ hold: view({ ...row, state: 'released' }) });
  });

/**
 * The teller abandoned a withdrawal whose authorization answer never arrived: the branch knows only the request's
 * key. Releases the hold placed under it, if any, and only for the workstation that asked; null when central never
 * authorized under that key (nothing is held).
 */
export const releaseHoldByKey = (sql: Sql, key: string, workstation: string, nowMs: number): HandlerResult<{ hold: Hold | null }> =>
  sql.tx(() => {
    const holdId = holdIdForKey(sql, key);
    const row = holdId === undefined ? undefined : sql.get<Row & { workstation: string }>('SELECT * FROM holds WHERE id = ?', holdId);
    if (!row || row.workstation !== workstation) return ok({ hold: null });
    const released = releaseHold(sql, row.id, nowMs);
    return released.ok ? ok({ hold: released.value.hold }) : released;
  });
