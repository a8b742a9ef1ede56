import type { LimitReservation, LimitReservationRequest, LimitReservationResponse, LimitUsage, Operation } from '../../domain/central-api';
import { formatPesos } from '../../domain/money/pesos';
import { fail, ok, type HandlerResult } from '../http/result';
import { iso } from '../runtime';
import type { Sql } from '../store/db';

/**
 * The day's withdrawal limits reserved before the cash is handed over (domain/central-api/withdrawal-limits.ts).
 * Central counts, per account and business date, the applied withdrawals (account_activity, less reversed ones) and
 * the live reservations whose withdrawal has not arrived yet: a reservation is consumed in the transaction that
 * applies its withdrawal, so each withdrawal counts once, as one or the other.
 */
export const DEFAULT_RESERVATION_TTL_MS = 15 * 60_000;

interface Row {
  workstation: string;
  key: string;
  account: string;
  business_date: string;
  amount: number;
  state: 'active' | 'consumed' | 'released';
  expires_ms: number;
}

const view = (r: Row, nowMs: number): LimitReservation => ({
  key: r.key,
  account: r.account,
  day: r.business_date,
  amount: r.amount,
  state: r.state === 'active' && r.expires_ms <= nowMs ? 'expired' : r.state,
  expiresAt: iso(r.expires_ms),
});

const live = (r: Row, nowMs: number): boolean => r.state === 'active' && r.expires_ms > nowMs;

const find = (sql: Sql, workstation: string, key: string): Row | undefined =>
  sql.get<Row>('SELECT * FROM withdrawal_reservations WHERE workstation = ? AND key = ?', workstation, key);

const release = (sql: Sql, workstation: string, key: string): void =>
  void sql.run("UPDATE withdrawal_reservations SET state = 'released' WHERE workstation = ? AND key = ? AND state = 'active'", workstation, key);

const APPLIED = "kind = 'retiro' AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.reversed_key = a.op_key)";

/** Applied withdrawals (reversed ones aside) and live reservations of the account's day at every workstation but `workstation`. */
const usedElsewhere = (sql: Sql, account: string, day: string, workstation: string, nowMs: number): LimitUsage => {
  const applied = sql.get<{ count: number; amount: number }>(
    `SELECT COUNT(*) AS count, COALESCE(SUM(amount), 0) AS amount FROM account_activity a
     WHERE account = ? AND business_date = ? AND workstation <> ? AND ${APPLIED}`,
    account,
    day,
    workstation,
  );
  const reserved = reservedElsewhere(sql, account, day, workstation, nowMs);
  return { count: (applied?.count ?? 0) + reserved.count, amount: (applied?.amount ?? 0) + reserved.amount };
};

/**
 * What central itself holds of `workstation`'s own day for the account: its withdrawals that arrived (reversed ones
 * aside) and its live reservations under any other key than `key` (the one being asked, which never counts itself).
 */
const knownOfAsker = (sql: Sql, account: string, day: string, workstation: string, key: string, nowMs: number): LimitUsage => {
  const applied = sql.get<{ count: number; amount: number }>(
    `SELECT COUNT(*) AS count, COALESCE(SUM(amount), 0) AS amount FROM account_activity a
     WHERE account = ? AND business_date = ? AND workstation = ? AND ${APPLIED}`,
    account,
    day,
    workstation,
  );
  const reserved = sql.get<{ count: number; amount: number }>(
    `SELECT COUNT(*) AS count, COALESCE(SUM(amount), 0) AS amount FROM withdrawal_reservations
     WHERE account = ? AND business_date = ? AND state = 'active' AND expires_ms > ? AND workstation = ? AND key <> ?`,
    account,
    day,
    nowMs,
    workstation,
    key,
  );
  return { count: (applied?.count ?? 0) + (reserved?.count ?? 0), amount: (applied?.amount ?? 0) + (reserved?.amount ?? 0) };
};

/** The live reservations of the account's day at every workstation but `workstation` (account activity adds them). */
export const reservedElsewhere = (sql: Sql, account: string, day: string, workstation: string, nowMs: number): LimitUsage => {
  const r = sql.get<{ count: number; amount: number }>(
    `SELECT COUNT(*) AS count, COALESCE(SUM(amount), 0) AS amount FROM withdrawal_reservations
     WHERE account = ? AND business_date = ? AND state = 'active' AND expires_ms > ? AND workstation <> ?`,
    account,
    day,
    nowMs,
    workstation,
  );
  return { count: r?.count ?? 0, amount: r?.amount ?? 0 };
};

/**
 * Reserves, in one transaction, the withdrawal under the account's day limits: what the other workstations used
 * (applied or reserved) plus the asker's own day plus this one must stay within them, unless a supervisor approved
 * the exception, and then only within the usage that approval showed (`approved`). The asker's own day is the larger of what it counts and what central has of it (`knownOfAsker`),
 * never their sum: its applied withdrawals are in its count too, so adding them would count them twice.
 * The same key again is the same reservation: answered as it stands while it is live with the same amount (or
 * consumed), otherwise checked again and renewed (never a second row).
 */
export const reserveWithdrawalLimit = (sql: Sql, req: LimitReservationRequest, workstation: string, nowMs: number, ttlMs: number): HandlerResult<LimitReservationResponse> =>
  sql.tx(() => {
    // Before anything is counted: the asker says nothing will be paid under these (a release whose answer it lost).
    for (const k of req.released ?? []) if (k !== req.key) release(sql, workstation, k);
    const seen = find(sql, workstation, req.key);
    if (seen && (seen.account !== req.account || seen.business_date !== req.day)) {
      return fail(409, 'KEY_REUSED', 'La clave del retiro ya reservó el tope de otra cuenta o de otro día. Inicie el retiro de nuevo.');
    }
    if (seen && (seen.state === 'consumed' || (live(seen, nowMs) && seen.amount === req.amount))) {
      return ok({ status: 'reserved', reservation: view(seen, nowMs) });
    }
    const elsewhere = usedElsewhere(sql, req.account, req.day, workstation, nowMs);
    // The asker's own day as it counts it (its comprobantes, some perhaps not arrived yet), but never less than what
    // central already has of it: a workstation that under-reports, by a bug, a restored store or on purpose, gets no
    // more than its withdrawals here and its other live reservations leave. Each figure on its own, the larger.
    const known = knownOfAsker(sql, req.account, req.day, workstation, req.key, nowMs);
    const here = { count: Math.max(req.here.count, known.count), amount: Math.max(req.here.amount, known.amount) };
    const used = { count: elsewhere.count + here.count, amount: elsewhere.amount + here.amount };
    const undercounted = known.count > req.here.count || known.amount > req.here.amount;
    const overCount = used.count + 1 > req.limits.count;
    const overAmount = used.amount + req.amount > req.limits.amount;
    // The supervisor's exception covers the day it showed: beyond it (two desks each approving "the 6th"), refused
    // with the real figures, which the branch puts to the supervisor again.
    const ceiling = req.approvalId === undefined ? null : req.approved;
    const beyondApproval = ceiling !== undefined && ceiling !== null && (used.count + 1 > ceiling.count || used.amount + req.amount > ceiling.amount);
    if (beyondApproval) {
      const why = [
        ...(used.count + 1 > ceiling.count ? [`${used.count + 1} retiros hoy con este (la aprobación cubría ${ceiling.count}; máximo ${req.limits.count})`] : []),
        ...(used.amount + req.amount > ceiling.amount
          ? [`${formatPesos(used.amount + req.amount)} retirados hoy con este (la aprobación cubría ${formatPesos(ceiling.amount)}; máximo ${formatPesos(req.limits.amount)})`]
          : []),
      ].join(' y ');
      return ok({
        status: 'refused',
        reason: 'DAILY_WITHDRAWAL_LIMIT',
        message: `La aprobación del supervisor no cubre el día de la cuenta contando los retiros de otras cajas: ${why}. Se requiere una nueva autorización del supervisor con las cifras reales.`,
        elsewhere,
        used,
      });
    }
    if ((overCount || overAmount) && req.approvalId === undefined) {
      const why = [
        ...(overCount ? [`${used.count + 1} retiros hoy con este (máximo ${req.limits.count})`] : []),
        ...(overAmount ? [`${formatPesos(used.amount + req.amount)} retirados hoy con este (máximo ${formatPesos(req.limits.amount)})`] : []),
      ].join(' y ');
      return ok({
        status: 'refused',
        reason: 'DAILY_WITHDRAWAL_LIMIT',
        message: undercounted
          ? // Not the other tills' doing: the supervisor's exception, asked with this workstation's figures, would not see it.
            `La cuenta supera su tope diario de retiros: ${why}, contando retiros de esta misma estación que central ya recibió o tiene en curso y que la estación no contó. Revise en Inicio los retiros pendientes de confirmación e informe al supervisor.`
          : `La cuenta supera su tope diario de retiros contando los de otras cajas: ${why}. Se requiere la autorización del supervisor.`,
        elsewhere,
        used,
      });
    }
    sql.run(
      `INSERT INTO withdrawal_reservations (workstation, key, account, business_date, amount, state, approval_id, created_ms, expires_ms)
       VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?)
       ON CONFLICT (workstation, key) DO UPDATE SET amount = excluded.amount, state = 'active', approval_id = excluded.approval_id,
         created_ms = excluded.created_ms, expires_ms = excluded.expires_ms`,
      workstation,
      req.key,
      req.account,
      req.day,
      req.amount,
      req.approvalId ?? null,
      nowMs,
      nowMs + ttlMs,
    );
    const row = find(sql, workstation, req.key);
    if (!row) throw new Error('reservation row missing after insert');
    return ok({ status: 'reserved', reservation: view(row, nowMs) });
  });

/** The teller abandoned the comprobante: its reservation stops counting now. Releasing twice, or nothing, is no error. */
export const releaseWithdrawalLimit = (sql: Sql, key: string, workstation: string, nowMs: number): HandlerResult<{ reservation: LimitReservation | null }> =>
  sql.tx(() => {
    const row = find(sql, workstation, key);
    if (!row) return ok({ reservation: null });
    if (row.state === 'active') release(sql, workstation, key);
    return ok({ reservation: view(row.state === 'active' ? { ...row, state: 'released' } : row, nowMs) });
  });

/** Call inside the transaction that records `op`: its withdrawal now counts itself (applied) or not at all (rejected). */
export const consumeWithdrawalLimit = (sql: Sql, op: Operation): void => {
  if (op.type !== 'withdrawal' || op.payload.limitReservation === undefined) return;
  sql.run(
    "UPDATE withdrawal_reservations SET state = 'consumed', consumed_by = ? WHERE workstation = ? AND key = ? AND state <> 'consumed'",
    op.key,
    op.workstation,
    op.payload.limitReservation,
  );
};
