import { CHEQUE_GERENCIA_NUMBER_LABEL } from '../../../domain/receipt/build-withdrawal';
import type { ApprovalRequest } from '../../../domain/approval/request';
import type { DenominationCount } from '../../../domain/money/denominations';
import type { Db } from '../db';
import { requestOfRow, type RequestColumns } from '../approvals/request-row';

/** A cheque a till session's deposit took to canje or remesa: bank code, the account it credited, the plaza it came from. */
export interface ReceivedCheque {
  route: 'canje' | 'remesa';
  bank: string;
  number: string;
  accountNumber: string;
  city: string;
  amount: number;
  reversal: string | null;
}

export type ClosingState = 'recontar' | 'diferencia' | 'cuadrada' | 'cerrada';
/** One count of an arqueo as it was answered; `approvalId` is the request that covered its difference, if any. */
export interface ArqueoCount {
  n: number;
  countedTotal: number;
  expectedTotal: number;
  difference: number;
  answer: 'cerrar' | 'recontar' | 'aprobar';
  approvalId: string | null;
  at: string;
}
export interface ClosingRecord {
  id: string;
  tillSessionId: string;
  state: ClosingState;
  expected: DenominationCount;
  count1: DenominationCount;
  count2: DenominationCount | null;
  difference: number;
  reasonCode: string | null;
  reasonText: string | null;
  approvalId: string | null;
  /** The `till_close` journal entry's hash, once closed (null for closes recorded before it was kept). */
  journalHash: string | null;
  /** Every count of this arqueo, oldest first (empty for arqueos recorded before they were kept). */
  counts: ArqueoCount[];
  createdAt: string;
  updatedAt: string;
}
interface ClosingRow {
  id: string;
  till_session_id: string;
  state: ClosingState;
  expected: string;
  count1: string;
  count2: string | null;
  difference: number;
  reason_code: string | null;
  reason_text: string | null;
  approval_id: string | null;
  journal_hash: string | null;
  counts: string;
  created_at: string;
  updated_at: string;
}
const toClosing = (r: ClosingRow): ClosingRecord => ({
  id: r.id,
  tillSessionId: r.till_session_id,
  state: r.state,
  expected: JSON.parse(r.expected) as DenominationCount,
  count1: JSON.parse(r.count1) as DenominationCount,
  count2: r.count2 === null ? null : (JSON.parse(r.count2) as DenominationCount),
  difference: r.difference,
  reasonCode: r.reason_code,
  reasonText: r.reason_text,
  approvalId: r.approval_id,
  journalHash: r.journal_hash,
  counts: JSON.parse(r.counts) as ArqueoCount[],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export type SupervisedKind = 'till_difference' | 'till_reopen' | 'reversal' | 'reactivation' | 'till_transfer_block';
export interface SupervisedRecord {
  request: ApprovalRequest;
  kind: SupervisedKind;
  summary: string;
  /** What the supervisor reads besides the reasons: amounts, teller, till, customer… */
  context: Record<string, string | number | null>;
  amount: number | null;
  used: boolean;
}
interface SupervisedRow extends RequestColumns {
  kind: SupervisedKind;
  summary: string;
  context: string;
  amount: number | null;
  used: number;
}
const toSupervised = (r: SupervisedRow): SupervisedRecord => ({
  request: requestOfRow(r),
  kind: r.kind,
  summary: r.summary,
  context: JSON.parse(r.context) as Record<string, string | number | null>,
  amount: r.amount,
  used: r.used === 1,
});

/** Close attempts (blind arqueo) and the supervised requests of the till features. */
export const tillLifecycleRepo = (db: Db) => {
  const insertClosing = db.prepare(`INSERT INTO till_closings (id, till_session_id, state, expected, count1, difference, counts, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const openClosing = db.prepare<[string], ClosingRow>("SELECT * FROM till_closings WHERE till_session_id = ? AND state <> 'cerrada'");
  const closingById = db.prepare<[string], ClosingRow>('SELECT * FROM till_closings WHERE id = ?');
  const closingOfSession = db.prepare<[string], ClosingRow>("SELECT * FROM till_closings WHERE till_session_id = ? AND state = 'cerrada'");
  const updateClosing = db.prepare(`UPDATE till_closings SET state = ?, expected = ?, count1 = ?, count2 = ?, difference = ?, reason_code = ?, reason_text = ?,
    approval_id = ?, counts = ?, updated_at = ? WHERE id = ? AND state <> 'cerrada'`);
  const journaled = db.prepare("UPDATE till_closings SET journal_hash = ? WHERE id = ? AND state = 'cerrada'");
  const insertReq = db.prepare(`INSERT INTO supervised_requests (id, kind, subject, summary, reasons, context, amount, maker_id, requested_at, expires_at, status)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const reqById = db.prepare<[string], SupervisedRow>('SELECT * FROM supervised_requests WHERE id = ?');
  const pendingReqs = db.prepare<[], SupervisedRow>("SELECT * FROM supervised_requests WHERE status = 'pendiente' ORDER BY requested_at");
  const liveReq = db.prepare<[string, string, string], SupervisedRow>(
    "SELECT * FROM supervised_requests WHERE subject = ? AND maker_id = ? AND used = 0 AND status IN ('pendiente', 'aprobada') AND expires_at > ? ORDER BY requested_at DESC LIMIT 1",
  );
  const approvedUnused = db.prepare<[SupervisedKind, string, string], SupervisedRow>(
    "SELECT * FROM supervised_requests WHERE kind = ? AND maker_id = ? AND status = 'aprobada' AND used = 0 AND expires_at > ? ORDER BY decided_at",
  );
  // A rejection is spent (used) once its maker was told of it: it can no longer be used for anything else.
  const rejectedUntold = db.prepare<[SupervisedKind, string], SupervisedRow>(
    "SELECT * FROM supervised_requests WHERE kind = ? AND maker_id = ? AND status = 'rechazada' AND used = 0 ORDER BY decided_at",
  );
  // A request that lapsed unanswered (closed with `note`, apart from one its maker withdrew) is news for its maker too.
  const lapsedUntold = db.prepare<[string, string, string], SupervisedRow>(
    "SELECT * FROM supervised_requests WHERE maker_id = ? AND status = 'vencida' AND used = 0 AND note = ? AND expires_at >= ? ORDER BY expires_at",
  );
  const told = db.prepare("UPDATE supervised_requests SET used = 1 WHERE id = ? AND status IN ('rechazada', 'vencida') AND used = 0");
  const decide = db.prepare("UPDATE supervised_requests SET status = ?, checker_id = ?, decided_at = ?, note = ? WHERE id = ? AND status = 'pendiente'");
  const use = db.prepare("UPDATE supervised_requests SET used = 1 WHERE id = ? AND status = 'aprobada' AND used = 0");
  const spent = db.prepare<[string], SupervisedRow>(
    "SELECT * FROM supervised_requests WHERE subject = ? AND status = 'aprobada' AND used = 1 ORDER BY decided_at DESC LIMIT 1",
  );
  return {
    insertClosing: (c: { id: string; tillSessionId: string; state: ClosingState; expected: DenominationCount; count1: DenominationCount; difference: number; counts: ArqueoCount[]; at: string }) => {
      insertClosing.run(c.id, c.tillSessionId, c.state, JSON.stringify(c.expected), JSON.stringify(c.count1), c.difference, JSON.stringify(c.counts), c.at, c.at);
    },
    openClosing: (tillSessionId: string) => {
      const r = openClosing.get(tillSessionId);
      return r ? toClosing(r) : undefined;
    },
    closedClosing: (tillSessionId: string) => {
      const r = closingOfSession.get(tillSessionId);
      return r ? toClosing(r) : undefined;
    },
    closing: (id: string) => {
      const r = closingById.get(id);
      return r ? toClosing(r) : undefined;
    },
    /** Keeps the close's journal entry hash with the closed arqueo: the report's verification code. */
    closingJournaled: (closingId: string, hash: string): boolean => journaled.run(hash, closingId).changes === 1,
    saveClosing: (c: ClosingRecord, at: string): boolean =>
      updateClosing.run(
        c.state, JSON.stringify(c.expected), JSON.stringify(c.count1), c.count2 === null ? null : JSON.stringify(c.count2), c.difference, c.reasonCode, c.reasonText,
        c.approvalId, JSON.stringify(c.counts), at, c.id,
      ).changes === 1,
    insertRequest: (r: { request: ApprovalRequest; kind: SupervisedKind; summary: string; context: Record<string, string | number | null>; amount: number | null }) => {
      const q = r.request;
      insertReq.run(q.id, r.kind, q.subject, r.summary, JSON.stringify(q.reasons), JSON.stringify(r.context), r.amount, q.makerId, q.requestedAt, q.expiresAt, q.status);
    },
    request: (id: string) => {
      const r = reqById.get(id);
      return r ? toSupervised(r) : undefined;
    },
    pendingRequests: () => pendingReqs.all().map(toSupervised),
    /** The maker's latest request on this subject still to be used: pending, or approved and not yet spent. */
    liveRequest: (subject: string, makerId: string, now: string) => {
      const r = liveReq.get(subject, makerId, now);
      return r ? toSupervised(r) : undefined;
    },
    /** The maker's approved requests of a kind not yet used, as liveRequest finds them, oldest decision first. */
    approvedUnused: (kind: SupervisedKind, makerId: string, now: string) => approvedUnused.all(kind, makerId, now).map(toSupervised),
    /** The maker's rejected requests of a kind they were not told of yet, oldest decision first. */
    rejectedUntold: (kind: SupervisedKind, makerId: string) => rejectedUntold.all(kind, makerId).map(toSupervised),
    /** The maker's requests of every kind that lapsed unanswered (closed with `note`) since `since`, not told yet. */
    lapsedUntold: (makerId: string, note: string, since: string) => lapsedUntold.all(makerId, note, since).map(toSupervised),
    /** The maker was told of this rejection or lapse: false when they already were. */
    markTold: (id: string): boolean => told.run(id).changes === 1,
    saveDecision: (q: ApprovalRequest): boolean => decide.run(q.status, q.checkerId ?? null, q.decidedAt ?? null, q.note ?? null, q.id).changes === 1,
    markUsed: (id: string): boolean => use.run(id).changes === 1,
    /** The approved request on this subject that was used (a reopening's), for the papers that must name it. */
    spentRequest: (subject: string) => {
      const r = spent.get(subject);
      return r ? toSupervised(r) : undefined;
    },
  };
};
export type TillLifecycleRepo = ReturnType<typeof tillLifecycleRepo>;

/**
 * Facts for the pre-close gate read from other features' tables (approvals, outbox, print jobs, remittances,
 * transfers). Read-only SQL; a table a build does not have yet counts as nothing open.
 */
/** A comprobante as Inicio lists it. */
type PostedRow = { sequence: string; kind: string; account: string; total: number; postedAt: string };
const POSTED = 'c.sequence, c.kind, c.account_number AS account, c.total, c.posted_at AS postedAt';

export const gateFactsRepo = (db: Db) => {
  const has = (table: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  const count = (table: string, sql: string, ...args: (string | number)[]): number =>
    has(table) ? (db.prepare(sql).pluck().get(...args) as number) : 0;
  return {
    pendingApprovals: (makerId: string, now: string) =>
      count('approvals', "SELECT COUNT(*) FROM approvals WHERE maker_id = ? AND status = 'pendiente' AND expires_at > ?", makerId, now),
    /** What those pending requests are about, oldest first (the gate names them). */
    pendingApprovalSummaries: (makerId: string, now: string): string[] =>
      has('approvals')
        ? (db.prepare("SELECT summary FROM approvals WHERE maker_id = ? AND status = 'pendiente' AND expires_at > ? ORDER BY requested_at").pluck().all(makerId, now) as string[])
        : [],
    // A supervisor's request closed here on its way to central (approval_outcome) moves no money: it does not hold
    // the close, which the counter's decision alone, without central, has always allowed.
    // The till's own opening and close records move no money: they reach central in the outbox's order and hold no close.
    unsynced: () => count('outbox', "SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sent') AND type NOT IN ('approval_outcome', 'till_open', 'till_close')"),
    unknown: () => count('outbox', "SELECT COUNT(*) FROM outbox WHERE state = 'unknown' AND type NOT IN ('approval_outcome', 'till_open', 'till_close')"),
    /**
     * The comprobantes `unprinted` counts, one row each: shown on Inicio, since after a crash right after a
     * withdrawal no receipt tells the teller it was posted.
     */
    unprintedList: (tillSessionId: string): PostedRow[] => {
      if (!has('comprobantes')) return [];
      // A job of the same sequence that is not a receipt (the slip's validation) says nothing of the receipt.
      const pending = (table: string, kind: (alias: string) => string) =>
        has(table)
          ? `EXISTS (SELECT 1 FROM ${table} p WHERE p.sequence = c.sequence ${kind('p')} AND p.state <> 'printed')
             AND NOT EXISTS (SELECT 1 FROM ${table} q WHERE q.sequence = c.sequence ${kind('q')} AND q.state = 'printed')`
          : '0';
      return db
        .prepare<[string], PostedRow>(
          `SELECT ${POSTED} FROM comprobantes c
           WHERE c.till_session_id = ? AND ((${pending('print_jobs', () => '')}) OR (${pending('device_print_jobs', (t) => `AND ${t}.kind = 'receipt'`)}))
           ORDER BY c.n`,
        )
        .all(tillSessionId);
    },
    /**
     * The till session's last comprobante, printed or not: after a crash the teller asks first whether the
     * operation in hand was registered. Read backwards on the (till_code, n) index.
     */
    lastPosted: (tillCode: string, tillSessionId: string): PostedRow | null =>
      has('comprobantes')
        ? (db
            .prepare<[string, string], PostedRow>(
              `SELECT ${POSTED} FROM comprobantes c
               WHERE c.till_code = ? AND c.till_session_id = ? ORDER BY c.n DESC LIMIT 1`,
            )
            .get(tillCode, tillSessionId) ?? null)
        : null,
    /** Receipts of this till's comprobantes with no printed copy: failed or still waiting at the printer. */
    unprinted: (tillSessionId: string) =>
      has('comprobantes')
        ? count(
            'print_jobs',
            `SELECT COUNT(*) FROM print_jobs p JOIN comprobantes c ON c.sequence = p.sequence
             WHERE c.till_session_id = ? AND p.state IN ('queued', 'failed')
               AND NOT EXISTS (SELECT 1 FROM print_jobs q WHERE q.sequence = p.sequence AND q.state = 'printed')`,
            tillSessionId,
          ) +
          count(
            'device_print_jobs',
            `SELECT COUNT(DISTINCT c.sequence) FROM device_print_jobs p JOIN comprobantes c ON c.sequence = p.sequence
             WHERE c.till_session_id = ? AND p.kind = 'receipt' AND p.state <> 'printed'
               AND NOT EXISTS (SELECT 1 FROM device_print_jobs q WHERE q.sequence = p.sequence AND q.kind = 'receipt' AND q.state = 'printed')`,
            tillSessionId,
          )
        : 0,
    /**
     * The cheque de gerencia forms the till session's withdrawals issued, from their receipts' number line, each with
     * the reversal that voided it (`R-<sequence>`, reversals are append-only) so the report lists both states.
     */
    chequesIssued: (tillSessionId: string): { sequence: string; number: string; amount: number; reversal: string | null }[] =>
      has('comprobantes')
        ? db
            .prepare<[string, string], { sequence: string; number: string; amount: number; reversed: number }>(
              `SELECT c.sequence, json_extract(l.value, '$.value') AS number, c.total AS amount,
                      ${has('reversals') ? 'EXISTS (SELECT 1 FROM reversals v WHERE v.original_sequence = c.sequence)' : '0'} AS reversed
               FROM comprobantes c, json_each(c.receipt, '$.lines') l
               WHERE c.till_session_id = ? AND c.kind = 'retiro' AND json_extract(l.value, '$.label') = ?
               ORDER BY c.n`,
            )
            .all(tillSessionId, CHEQUE_GERENCIA_NUMBER_LABEL)
            .map((r) => ({ sequence: r.sequence, number: r.number, amount: r.amount, reversal: r.reversed ? `R-${r.sequence}` : null }))
        : [],
    /**
     * The cheques the till session's deposits took (canje and remesa al cobro): paper in the till until it goes to
     * clearing or collection, so the close report lists them for the supervisor to reconcile (QA s36 F7). A deposit
     * reversed handed its cheques back (`reversal`). Taken here only: a row copied from another workstation is theirs.
     */
    chequesReceived: (tillSessionId: string): ReceivedCheque[] => {
      if (!has('comprobantes')) return [];
      const reversed = has('reversals') ? 'EXISTS (SELECT 1 FROM reversals v WHERE v.original_sequence = c.sequence)' : '0';
      const from = (table: string, route: string, takenHere: string) =>
        has(table)
          ? `SELECT '${route}' AS route, x.bank, x.cheque_number AS number, x.account_number AS accountNumber, x.city, x.amount, c.sequence, c.n, ${reversed} AS reversed
             FROM ${table} x JOIN comprobantes c ON c.sequence = x.comprobante_sequence
             WHERE c.till_session_id = @session ${takenHere}`
          : null;
      const parts = [from('canje_cheques', 'canje', 'AND x.taken_at IS NULL'), from('remittances', 'remesa', '')].filter((q): q is string => q !== null);
      if (parts.length === 0) return [];
      return db
        .prepare<{ session: string }, Omit<ReceivedCheque, 'reversal'> & { sequence: string; reversed: number }>(`${parts.join(' UNION ALL ')} ORDER BY n, number`)
        .all({ session: tillSessionId })
        .map((r) => ({ route: r.route, bank: r.bank, number: r.number, accountNumber: r.accountNumber, city: r.city, amount: r.amount, reversal: r.reversed ? `R-${r.sequence}` : null }));
    },
    /** The till session's comprobantes posted without central's answer: their receipt came out marked CONTINGENCIA. */
    postedInContingency: (tillSessionId: string): string[] =>
      has('comprobantes')
        ? (db
            .prepare<[string], string>(
              `SELECT c.sequence FROM comprobantes c
               WHERE c.till_session_id = ? AND EXISTS (SELECT 1 FROM json_each(c.receipt, '$.marks') m WHERE m.value = 'CONTINGENCIA')
               ORDER BY c.n`,
            )
            .pluck()
            .all(tillSessionId))
        : [],
    unconfirmedDebits: (tillCode: string) => count('unconfirmed_debits', 'SELECT COUNT(*) FROM unconfirmed_debits WHERE till_code = ?', tillCode),
    openRemittances: () => count('remittances', "SELECT COUNT(*) FROM remittances WHERE status = 'recibida'"),
    transfersInTransit: (tillCode: string) =>
      count(
        'cash_transfers',
        "SELECT COUNT(*) FROM cash_transfers WHERE state = 'en_transito' AND ((from_kind = 'till' AND from_ref = ?) OR (to_kind = 'till' AND to_ref = ?))",
        tillCode,
        tillCode,
      ) +
      // Till-to-till through central: every row is this workstation's own till, sent or to be received.
      count('till_transfers', "SELECT COUNT(*) FROM till_transfers WHERE state = 'en_transito'"),
  };
};
export type GateFactsRepo = ReturnType<typeof gateFactsRepo>;

/** What the supervisor desk reads from other features' tables (read-only; absent tables read as empty). */
export const deskSourcesRepo = (db: Db) => {
  const has = (table: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  return {
    pendingComprobanteApprovals: (now: string) =>
      has('approvals')
        ? db
            .prepare<[string], { id: string; kind: string; summary: string; amount: number | null; reasons: string; maker_id: string; requested_at: string; expires_at: string }>(
              "SELECT id, kind, summary, amount, reasons, maker_id, requested_at, expires_at FROM approvals WHERE status = 'pendiente' AND expires_at > ? ORDER BY requested_at",
            )
            .all(now)
        : [],
    /**
     * Moves each time a request is made or closed at this workstation, and only then: a request counts once when
     * made and once more when it leaves 'pendiente', which it does once (both tables' decide only update a pending
     * row, and no row is deleted). Its lapse by the clock alone does not move it.
     */
    approvalQueueVersion: (): number =>
      (['approvals', 'supervised_requests'] as const).reduce(
        (sum, table) => sum + (has(table) ? (db.prepare(`SELECT COUNT(*) + COALESCE(SUM(status <> 'pendiente'), 0) FROM ${table}`).pluck().get() as number) : 0),
        0,
      ),
    overdueRadications: (now: string) =>
      has('sc_requests') ? (db.prepare("SELECT COUNT(*) FROM sc_requests WHERE superseded_by IS NULL AND (state = 'vencido' OR (state IN ('radicado', 'enviado') AND deadline < ?))").pluck().get(now) as number) : 0,
    syncCounts: () =>
      has('outbox')
        ? (db
            .prepare(
              "SELECT SUM(state IN ('pending', 'sent')) AS queued, SUM(state = 'unknown') AS unknown, SUM(state IN ('rejected', 'conflict')) AS rejected FROM outbox",
            )
            .get() as { queued: number | null; unknown: number | null; rejected: number | null })
        : { queued: 0, unknown: 0, rejected: 0 },
  };
};
export type DeskSourcesRepo = ReturnType<typeof deskSourcesRepo>;
