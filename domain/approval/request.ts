import { z } from 'zod';
import { type Result, fail, ok } from '../rules-config/result';
import { ApprovalReasonSchema } from './reasons';

/**
 * An approval request and its decision: `pendiente → aprobada | rechazada | vencida`. The three outcomes are
 * final; a new request is needed to try again. Times are ISO date-times passed in by the caller (no clock here).
 */
export const ApprovalStatusSchema = z.enum(['pendiente', 'aprobada', 'rechazada', 'vencida']);
export type ApprovalStatus = z.infer<typeof ApprovalStatusSchema>;

const DateTime = z.iso.datetime({ offset: true, message: 'Fecha y hora inválidas' });

export const ApprovalRequestSchema = z.object({
  id: z.string().min(1),
  /** What the approval is for: the operation's id (comprobante sequence or draft id). */
  subject: z.string().min(1),
  reasons: z.array(ApprovalReasonSchema).min(1),
  makerId: z.string().min(1),
  requestedAt: DateTime,
  expiresAt: DateTime,
  status: ApprovalStatusSchema,
  checkerId: z.string().min(1).optional(),
  decidedAt: DateTime.optional(),
  note: z.string().optional(),
});
export type ApprovalRequest = z.infer<typeof ApprovalRequestSchema>;

/**
 * How long a till's request to a supervisor (a till difference, a reopening, a reversal, a reactivation, a blocked
 * till-to-till transfer) waits for a decision before it lapses, in minutes (workstation config
 * `supervisor.requestDeadlineMinutes`; central lapses the relayed copy with it). At least 5: a supervisor called from
 * the vault must be able to reach the desk; at most 4 hours: a morning's request is not decided on the afternoon's facts.
 */
export const SUPERVISOR_REQUEST_DEADLINE_MINUTES = { default: 30, min: 5, max: 240 } as const;

export class MakerCheckerError extends Error {
  readonly code = 'MAKER_IS_CHECKER';
  constructor(readonly userId: string) {
    super('Quien registra la operación no puede aprobarla. Solicite la aprobación a otro supervisor.');
    this.name = 'MakerCheckerError';
  }
}

/** Dual control: the user who prepared an operation never approves it. Throws the typed error when they match. */
export const assertMakerIsNotChecker = (makerId: string, checkerId: string): void => {
  if (makerId.trim() === '' || checkerId.trim() === '' || makerId.trim() === checkerId.trim()) throw new MakerCheckerError(checkerId);
};

export const checkMakerIsNotChecker = (makerId: string, checkerId: string): Result<true> => {
  try {
    assertMakerIsNotChecker(makerId, checkerId);
    return ok(true);
  } catch (e) {
    if (e instanceof MakerCheckerError) return fail(e.code, e.message, { userId: e.userId });
    throw e;
  }
};

export const openApprovalRequest = (input: {
  id: string;
  subject: string;
  reasons: ApprovalRequest['reasons'];
  makerId: string;
  requestedAt: string;
  ttlSeconds: number;
}): Result<ApprovalRequest> => {
  if (input.reasons.length === 0) return fail('APPROVAL_NO_REASONS', 'No hay nada que aprobar: la operación no requiere supervisor.');
  const requested = Date.parse(input.requestedAt);
  if (Number.isNaN(requested)) return fail('APPROVAL_INVALID_TIME', 'Fecha y hora de la solicitud inválidas.');
  if (!Number.isInteger(input.ttlSeconds) || input.ttlSeconds <= 0) return fail('APPROVAL_INVALID_TTL', 'La vigencia de la solicitud debe ser un número positivo de segundos.');
  const expiresAt = new Date(requested + input.ttlSeconds * 1000).toISOString();
  return ok({ id: input.id, subject: input.subject, reasons: input.reasons, makerId: input.makerId, requestedAt: input.requestedAt, expiresAt, status: 'pendiente' });
};

const isExpired = (req: ApprovalRequest, at: string): boolean => Date.parse(at) >= Date.parse(req.expiresAt);

export type ApprovalEvent =
  | { readonly type: 'aprobar'; readonly checkerId: string; readonly at: string; readonly note?: string }
  | { readonly type: 'rechazar'; readonly checkerId: string; readonly at: string; readonly note: string }
  | { readonly type: 'vencer'; readonly at: string };

/**
 * Applies a decision. A decision arriving after `expiresAt` is refused with APPROVAL_EXPIRED (the caller then
 * records `vencer`). Rejections need a note so the teller can tell the customer why.
 */
export const decideApproval = (req: ApprovalRequest, event: ApprovalEvent): Result<ApprovalRequest> => {
  if (req.status !== 'pendiente') {
    return fail('APPROVAL_ALREADY_DECIDED', `La solicitud ya está ${req.status}; no se puede cambiar. Si hace falta, abra una nueva solicitud.`, { status: req.status });
  }
  if (Number.isNaN(Date.parse(event.at))) return fail('APPROVAL_INVALID_TIME', 'Fecha y hora de la decisión inválidas.');
  if (event.type === 'vencer') {
    if (!isExpired(req, event.at)) return fail('APPROVAL_NOT_EXPIRED', 'La solicitud todavía está vigente.');
    return ok({ ...req, status: 'vencida', decidedAt: event.at });
  }
  if (isExpired(req, event.at)) return fail('APPROVAL_EXPIRED', 'La solicitud de aprobación venció. Solicite de nuevo la aprobación del supervisor.');
  const maker = checkMakerIsNotChecker(req.makerId, event.checkerId);
  if (!maker.ok) return maker;
  if (event.type === 'rechazar') {
    if (event.note.trim() === '') return fail('APPROVAL_NOTE_REQUIRED', 'Escriba el motivo del rechazo para informar al cajero.');
    return ok({ ...req, status: 'rechazada', checkerId: event.checkerId, decidedAt: event.at, note: event.note });
  }
  const note = event.note;
  return ok({ ...req, status: 'aprobada', checkerId: event.checkerId, decidedAt: event.at, ...(note === undefined ? {} : { note }) });
};

/** Whether an approved request covers every reason code of an evaluation (codes, not messages). */
export const approvalCovers = (req: ApprovalRequest, required: readonly { code: string }[]): boolean =>
  req.status === 'aprobada' && required.every((r) => req.reasons.some((x) => x.code === r.code));

/**
 * An approval as paper and screens name it: its id's first 8 characters, upper case (the full UUID does not fit
 * a receipt line). The journal shows the same short form beside the entries that carry the full id.
 */
export const shortApprovalId = (id: string): string => id.replace(/-/g, '').slice(0, 8).toUpperCase();

/**
 * A counter debit (withdrawal or transfer) whose only reason is the visación may be decided at any supervisor's desk
 * of the branch, through central: the other reasons (an inactive account, a jurídica's certificate, the day's
 * limits, a blocked destination) need the supervisor at the counter, with the customer.
 */
export const decidableAtDesks = (kind: string, reasons: readonly { code: string }[]): boolean =>
  (kind === 'withdrawal' || kind === 'transfer') && reasons.length > 0 && reasons.every((r) => r.code === 'VISACION');
