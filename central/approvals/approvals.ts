import { z } from 'zod';
import type { Approval, ApprovalCreate, Operation } from '../../domain/central-api';
import { ApprovalSchema, ApprovalDecisionSchema, relayedRequest } from '../../domain/central-api';
import { fail, ok, type Caller, type HandlerResult } from '../http/result';
import { hashCanonical, iso } from '../runtime';
import type { Sql } from '../store/db';

/**
 * Supervisor approval relay. Requests live for the asking workstation's `ttlSeconds`, else for `ttlMs`; a pending
 * one past its expiry reads as `expired`.
 * Maker and checker must be different people; a decision is final (re-sending the same decision is a replay).
 */
interface Row {
  id: string;
  branch: string;
  hash: string;
  request: string;
  state: Approval['state'];
  created_ms: number;
  expires_ms: number;
  decision: string | null;
  withdrawn_ms: number | null;
}

export const DEFAULT_APPROVAL_TTL_MS = 15 * 60_000;

const view = (r: Row, nowMs: number): Approval =>
  ApprovalSchema.parse({
    ...(JSON.parse(r.request) as ApprovalCreate),
    state: r.state !== 'pending' ? r.state : r.withdrawn_ms !== null ? 'withdrawn' : nowMs >= r.expires_ms ? 'expired' : 'pending',
    createdAt: iso(r.created_ms),
    expiresAt: iso(r.expires_ms),
    decision: r.decision === null ? null : (JSON.parse(r.decision) as unknown),
  });

/**
 * A request is open for its time to live less what it had already waited at its workstation when this send left
 * (`ageSeconds`, by that workstation's clock): relayed late, it lapses here when it lapses there. One that arrives
 * with no time left is recorded already expired rather than refused: its id is then known here, so a later send of
 * it is a replay that reads `expired` (a refusal would read as missing, and be relayed again) and its outcome from
 * the outbox finds it; no desk ever lists it. The age is left out of the replay hash and of what is stored: each send
 * measures it anew, and a replay keeps the expiry the first arrival set (never extended).
 */
export const createApproval = (sql: Sql, sent: ApprovalCreate, nowMs: number, ttlMs: number): HandlerResult<{ approval: Approval }> =>
  sql.tx(() => {
    const req = relayedRequest(sent);
    const hash = hashCanonical(req);
    const seen = sql.get<Row>('SELECT * FROM approvals WHERE id = ?', req.id);
    if (seen) {
      return seen.hash === hash
        ? ok({ approval: view(seen, nowMs) })
        : fail(409, 'ID_REUSED', 'Ese identificador de solicitud ya se usó con otros datos. Cree la solicitud de nuevo.');
    }
    sql.run(
      "INSERT INTO approvals (id, branch, hash, request, state, created_ms, expires_ms) VALUES (?, ?, ?, ?, 'pending', ?, ?)",
      req.id,
      req.branch,
      hash,
      JSON.stringify(req),
      nowMs,
      nowMs + Math.max(0, (req.ttlSeconds === undefined ? ttlMs : req.ttlSeconds * 1000) - (sent.ageSeconds ?? 0) * 1000),
    );
    const row = sql.get<Row>('SELECT * FROM approvals WHERE id = ?', req.id);
    return row ? ok({ approval: view(row, nowMs) }) : fail(500, 'INTERNAL', 'Error interno de central.');
  });

export const pendingApprovals = (sql: Sql, branch: string, nowMs: number): { approvals: Approval[] } => ({
  approvals: sql
    .all<Row>("SELECT * FROM approvals WHERE branch = ? AND state = 'pending' AND expires_ms > ? ORDER BY created_ms, id", branch, nowMs)
    .map((r) => view(r, nowMs)),
});

/** Requests of another branch read as not found: a workstation sees only its own branch. */
export const getApproval = (sql: Sql, id: string, caller: Caller, nowMs: number): HandlerResult<{ approval: Approval }> => {
  const row = sql.get<Row>('SELECT * FROM approvals WHERE id = ?', id);
  if (!row || row.branch !== caller.branch) return fail(404, 'NOT_FOUND', 'La solicitud de aprobación no existe.');
  return ok({ approval: view(row, nowMs) });
};

export const decideApproval = (
  sql: Sql,
  req: z.infer<typeof ApprovalDecisionSchema>,
  caller: Caller,
  nowMs: number,
): HandlerResult<{ approval: Approval }> =>
  sql.tx(() => {
    const row = sql.get<Row>('SELECT * FROM approvals WHERE id = ?', req.id);
    if (!row || row.branch !== caller.branch) return fail(404, 'NOT_FOUND', 'La solicitud de aprobación no existe.');
    const current = view(row, nowMs);
    if (req.supervisorId === current.makerId) {
      return fail(403, 'MAKER_IS_CHECKER', 'Quien solicitó la operación no puede aprobarla. Debe decidir otro supervisor.');
    }
    const state = req.decision === 'approve' ? 'approved' : 'rejected';
    if (current.state === 'expired') return fail(409, 'APPROVAL_EXPIRED', 'La solicitud venció. El cajero debe solicitarla de nuevo.');
    if (current.state === 'withdrawn') {
      return fail(409, 'APPROVAL_WITHDRAWN', 'El cajero desistió de la solicitud antes de su decisión: ya no se puede aprobar ni rechazar.');
    }
    if (current.state !== 'pending') {
      const d = current.decision;
      // A replay is the same decision sent again by the workstation that took it; the same one typed at another desk
      // lost the race, and that desk must hear who decided where rather than record it as its own.
      const replay =
        d !== null && d.supervisorId === req.supervisorId && d.workstation === caller.workstation && current.state === state && d.reason === req.reason;
      return replay
        ? ok({ approval: current })
        : fail(409, 'ALREADY_DECIDED', 'La solicitud ya fue decidida por un supervisor.', { state: current.state });
    }
    const decision = { supervisorId: req.supervisorId, workstation: caller.workstation, reason: req.reason, decidedAt: iso(nowMs) };
    sql.run('UPDATE approvals SET state = ?, decision = ? WHERE id = ?', state, JSON.stringify(decision), req.id);
    return ok({ approval: { ...current, state, decision } });
  });

/**
 * The asking workstation takes its request back (the teller's recount made it moot, or the teller desisted): a
 * pending one lapses now, so every desk drops it, and reads as withdrawn (not expired) wherever it is asked for. Only the workstation that asked; a decided request stays as decided (the answer says so).
 */
export const withdrawApproval = (sql: Sql, id: string, caller: Caller, nowMs: number): HandlerResult<{ approval: Approval }> =>
  sql.tx(() => {
    const row = sql.get<Row>('SELECT * FROM approvals WHERE id = ?', id);
    if (!row || row.branch !== caller.branch) return fail(404, 'NOT_FOUND', 'La solicitud de aprobación no existe.');
    if ((JSON.parse(row.request) as ApprovalCreate).workstation !== caller.workstation) {
      return fail(403, 'FORBIDDEN', 'Solo la estación que pidió la aprobación puede retirarla.');
    }
    if (row.state === 'pending' && row.expires_ms > nowMs) sql.run('UPDATE approvals SET expires_ms = ?, withdrawn_ms = ? WHERE id = ?', nowMs, nowMs, id);
    const after = sql.get<Row>('SELECT * FROM approvals WHERE id = ?', id);
    return after ? ok({ approval: view(after, nowMs) }) : fail(500, 'INTERNAL', 'Error interno de central.');
  });

/**
 * The effect of `approval_outcome` (inside the batch's transaction): a request decided or withdrawn at its own
 * workstation while central had not heard of it, or not of the decision. Unknown here: it is recorded already closed,
 * so no desk lists it; a late `requestApproval` of it (the same request) then reads it as closed. Still pending: it
 * closes now. Decided the same way: nothing to do. Decided the other way at a desk first: refused, so the
 * workstation's supervisor hears of it; a withdrawal leaves a desk's decision as it is (nothing was done with it).
 */
export const approvalOutcomeEffect = (
  sql: Sql,
  op: Operation & { type: 'approval_outcome' },
  nowMs: number,
): { ok: true; after: () => void } | { ok: false; reason: 'APPROVAL_DECIDED_ELSEWHERE' | 'APPROVAL_MISMATCH' } => {
  const { request, outcome } = op.payload;
  const decision =
    outcome.state === 'withdrawn' ? null : { supervisorId: outcome.supervisorId, workstation: op.workstation, reason: outcome.reason, decidedAt: outcome.decidedAt };
  const row = sql.get<Row>('SELECT * FROM approvals WHERE id = ?', request.id);
  if (!row) {
    // Hashed as `requestApproval` hashes it: the same request relayed late is a replay, not a reuse of its id.
    const create: ApprovalCreate = { ...request, branch: op.branch, workstation: op.workstation };
    return {
      ok: true,
      after: () =>
        sql.run(
          'INSERT INTO approvals (id, branch, hash, request, state, created_ms, expires_ms, decision, withdrawn_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          request.id,
          op.branch,
          hashCanonical(create),
          JSON.stringify(create),
          outcome.state === 'withdrawn' ? 'pending' : outcome.state,
          nowMs,
          outcome.state === 'withdrawn' ? nowMs : nowMs + DEFAULT_APPROVAL_TTL_MS,
          decision === null ? null : JSON.stringify(decision),
          outcome.state === 'withdrawn' ? nowMs : null,
        ),
    };
  }
  if (row.branch !== op.branch || (JSON.parse(row.request) as ApprovalCreate).workstation !== op.workstation) return { ok: false, reason: 'APPROVAL_MISMATCH' };
  if (row.state === 'pending') {
    return {
      ok: true,
      after: () => {
        // Withdrawn before it lapsed: said as withdrawn; one that had lapsed already stays expired. One withdrawn
        // already (the teller's direct withdrawApproval usually lands before this outbox copy) keeps its moment.
        if (decision === null) sql.run('UPDATE approvals SET withdrawn_ms = CASE WHEN expires_ms > ? THEN ? ELSE withdrawn_ms END, expires_ms = MIN(expires_ms, ?) WHERE id = ?', nowMs, nowMs, nowMs, request.id);
        else sql.run("UPDATE approvals SET state = ?, decision = ? WHERE id = ? AND state = 'pending'", outcome.state, JSON.stringify(decision), request.id);
      },
    };
  }
  const held = row.decision === null ? null : (JSON.parse(row.decision) as { supervisorId: string; workstation: string });
  if (decision === null || (row.state === outcome.state && held?.supervisorId === decision.supervisorId)) return { ok: true, after: () => undefined };
  return { ok: false, reason: 'APPROVAL_DECIDED_ELSEWHERE' };
};
