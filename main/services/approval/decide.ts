import { decideApproval, type ApprovalRequest } from '../../../domain/approval/request';
import { bogotaDate, formatBogotaTime, formatReceiptDate } from '../../../domain/calendar/bogota-time';
import type { JsonObject } from '../../../domain/journal/canonical';
import { AppError } from '../../core/errors';
import type { Clock } from '../../core/runtime';
import { inTransaction, type Db } from '../../store/db';
import type { Journal } from '../journal/writer';

/** The note a request closes with when it lapsed unanswered, apart from one its maker withdrew ("Retirada…"). */
export const LAPSED_NOTE = 'Venció sin decisión del supervisor.';

/** A lapse older than this is no longer news when it is first noticed (e.g. a workstation off for weeks). */
const LAPSE_NEWS_MS = 7 * 86_400_000;
/** The earliest deadline whose lapse is still news for its maker (Inicio). */
export const lapseNewsSince = (clock: Clock): string => new Date(clock.now().getTime() - LAPSE_NEWS_MS).toISOString();

/** Whether a closed request lapsed unanswered (and was not withdrawn by its maker, which is also `vencida`). */
export const lapsedUnanswered = (request: ApprovalRequest): boolean => request.status === 'vencida' && request.note === LAPSED_NOTE;

/** The supervisor's refusal of a decision on a lapsed request: when it lapsed, and that only a new request is decided. */
export const lapsedRefusal = (request: ApprovalRequest): AppError => {
  const at = `el ${formatReceiptDate(bogotaDate(request.expiresAt))} a las ${formatBogotaTime(request.expiresAt)}`;
  return new AppError(
    'APPROVAL_EXPIRED',
    `Esta solicitud venció ${at} sin decisión: ya no se puede aprobar ni rechazar. Quien la pidió debe solicitar de nuevo la autorización.`,
    { expiresAt: request.expiresAt },
  );
};

/**
 * Closes a pending request past its deadline as lapsed, for every kind of request: saved `vencida` with LAPSED_NOTE
 * and journaled under its maker in one transaction, only by the first to save it (`save` refuses a request no longer
 * pending), so two desks, a retry or a start-up that notice the same lapse journal it once. `save` is the store's own
 * write: central lapses its relayed copy at the same deadline and must not hear of it as withdrawn. True when this
 * call closed it.
 */
export const lapseRequest = (
  deps: { db: Db; journal: Journal; clock: Clock },
  input: { request: ApprovalRequest; save: (closed: ApprovalRequest) => boolean; journal: JsonObject },
): boolean => {
  const closed = decideApproval(input.request, { type: 'vencer', at: deps.clock.now().toISOString() });
  if (!closed.ok) return false;
  const { request } = input;
  return inTransaction(deps.db, () => {
    if (!input.save({ ...closed.value, note: LAPSED_NOTE })) return false;
    deps.journal.record('approval', request.makerId, { action: 'vencida', approvalId: request.id, subject: request.subject, expiresAt: request.expiresAt, ...input.journal });
    return true;
  });
};

/**
 * A checked supervisor's decision on a request, for every kind of request (comprobante approvals, till
 * requests): a lapsed request is closed by `lapse` (lapseRequest, journaled once) and refused in words the supervisor
 * can act on; otherwise the decision is saved once — a concurrent decision by another supervisor loses — and
 * journaled under the supervisor with `journal`'s extras. `at`: when the decision was taken, if it was put to central
 * first (central took it then; the wait for its answer must not lapse it here).
 */
export const applyDecision = (
  deps: { db: Db; journal: Journal; clock: Clock },
  input: {
    request: ApprovalRequest;
    checkerId: string;
    decision: 'aprobar' | 'rechazar';
    note?: string | undefined;
    save: (decided: ApprovalRequest) => boolean;
    /** Closes the request as lapsed (lapseRequest with the store's own write and the kind's journal extras). */
    lapse: () => void;
    journal: JsonObject;
    at?: string | undefined;
  },
): ApprovalRequest => {
  const at = input.at ?? deps.clock.now().toISOString();
  const { request, checkerId, note } = input;
  // Lapsed before (noticed at start, by a desk, by the teller's screen): said as lapsed, not as "already decided".
  if (lapsedUnanswered(request)) throw lapsedRefusal(request);
  const decided = decideApproval(
    request,
    input.decision === 'aprobar' ? { type: 'aprobar', checkerId, at, ...(note ? { note } : {}) } : { type: 'rechazar', checkerId, at, note: note ?? '' },
  );
  if (!decided.ok) {
    if (decided.error.code === 'APPROVAL_EXPIRED') {
      input.lapse();
      throw lapsedRefusal(request);
    }
    throw new AppError(decided.error.code, decided.error.message, decided.error.details);
  }
  inTransaction(deps.db, () => {
    if (!input.save(decided.value)) throw new AppError('APPROVAL_ALREADY_DECIDED', 'Otro supervisor ya decidió esta solicitud. Consulte su estado.');
    deps.journal.record('approval', checkerId, {
      action: decided.value.status,
      approvalId: request.id,
      makerId: request.makerId,
      checkerId,
      reasons: request.reasons.map((r) => r.code),
      note: decided.value.note ?? null,
      ...input.journal,
    });
  });
  return decided.value;
};

/**
 * The counter's supervisor lost to a desk elsewhere (central took that desk's decision first, for every kind of
 * request): who decided, and how, is what they need to hear. `byDesk` null, or `request` still pending here: the
 * desk's decision has not come in yet.
 */
export const decidedAtAnotherDesk = (byDesk: string | null, request: ApprovalRequest): AppError => {
  if (byDesk === null || request.status === 'pendiente') {
    return new AppError('APPROVAL_ALREADY_DECIDED', 'Un supervisor ya la decidió desde el escritorio de otra estación; esa decisión es la que vale. En unos segundos se ve aquí quién la decidió.');
  }
  const what = request.status === 'aprobada' ? 'aprobó' : 'rechazó';
  return new AppError('APPROVAL_ALREADY_DECIDED', `${byDesk} ya la ${what} desde el escritorio de otra estación${request.note ? `: ${request.note}` : ''}. No se decide de nuevo.`);
};

/**
 * The maker takes back a request still pending (every kind of request: comprobante approvals, till requests):
 * closed as `vencida` before its deadline — the state machine's `vencer` waits for it, a withdrawal does not —
 * with `note` saying why, and journaled as withdrawn under the maker with `journal`'s extras. Runs inside the
 * caller's transaction. False when the request was not this maker's pending one or was decided meanwhile.
 */
export const withdrawPending = (
  deps: { journal: Journal; clock: Clock },
  input: { request: ApprovalRequest; makerId: string; note: string; save: (closed: ApprovalRequest) => boolean; journal: JsonObject },
): boolean => {
  const { request } = input;
  if (request.status !== 'pendiente' || request.makerId !== input.makerId) return false;
  if (!input.save({ ...request, status: 'vencida', decidedAt: deps.clock.now().toISOString(), note: input.note })) return false;
  deps.journal.record('approval', input.makerId, { action: 'retirada', approvalId: request.id, ...input.journal });
  return true;
};
