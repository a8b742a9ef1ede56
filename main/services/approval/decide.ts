import { decideApproval, type ApprovalRequest } from '../../../domain/approval/request';
import type { JsonObject } from '../../../domain/journal/canonical';
import { AppError } from '../../core/errors';
import type { Clock } from '../../core/runtime';
import { inTransaction, type Db } from '../../store/db';
import type { Journal } from '../journal/writer';

/**
 * A checked supervisor's decision on a request, for every kind of request (comprobante approvals, till
 * requests): a lapsed request is saved as `vencida` and refused; otherwise the decision is saved once — a
 * concurrent decision by another supervisor loses — and journaled under the supervisor with `journal`'s extras.
 */
export const applyDecision = (
  deps: { db: Db; journal: Journal; clock: Clock },
  input: {
    request: ApprovalRequest;
    checkerId: string;
    decision: 'aprobar' | 'rechazar';
    note?: string | undefined;
    save: (decided: ApprovalRequest) => boolean;
    journal: JsonObject;
  },
): ApprovalRequest => {
  const at = deps.clock.now().toISOString();
  const { request, checkerId, note } = input;
  const decided = decideApproval(
    request,
    input.decision === 'aprobar' ? { type: 'aprobar', checkerId, at, ...(note ? { note } : {}) } : { type: 'rechazar', checkerId, at, note: note ?? '' },
  );
  if (!decided.ok) {
    if (decided.error.code === 'APPROVAL_EXPIRED') {
      const lapsed = decideApproval(request, { type: 'vencer', at });
      if (lapsed.ok) inTransaction(deps.db, () => input.save(lapsed.value));
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
