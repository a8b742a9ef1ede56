import type { LimitUsage } from '../../../domain/central-api/withdrawal-limits';
import { approvedDay } from '../../../domain/withdrawal/approved-limits';
import { AppError } from '../../core/errors';
import type { ComprobanteDeps } from '../comprobante/deps';

/**
 * The account's daily withdrawal limits (seed 003 cl. 3.12) reserved at central before the funds are held and the
 * cash handed over (domain/central-api/withdrawal-limits.ts), under the comprobante's key: a retry asks the same
 * reservation again. `unreachable`: no answer, and `sent` says whether central may hold one under the key.
 */
export type DayLimits =
  | { status: 'reserved' }
  | { status: 'refused'; elsewhere: LimitUsage; used: LimitUsage; message: string }
  | { status: 'unreachable'; sent: boolean };

const LIMIT_CODES = new Set(['LIMIT_EXCEEDED_WITHDRAWAL_COUNT', 'LIMIT_EXCEEDED_WITHDRAWAL_AMOUNT']);

/**
 * The approval, when the supervisor approved this withdrawal above the day's limits, with the day it showed him:
 * central reserves it within that day only (domain/withdrawal/approved-limits.ts), not whatever the day has become.
 */
export const limitException = (
  deps: Pick<ComprobanteDeps, 'approvals' | 'rules'>,
  approvalId: string | null,
): { approvalId: string; approved?: LimitUsage } | Record<string, never> => {
  if (approvalId === null) return {};
  const reasons = deps.approvals.findById(approvalId)?.request.reasons ?? [];
  if (!reasons.some((r) => LIMIT_CODES.has(r.code))) return {};
  const approved = approvedDay(reasons, deps.rules.withdrawalLimits);
  // A reason without its figures (never made by evaluate.ts) cannot bound anything: central judges it as before.
  return approved === null ? { approvalId } : { approvalId, approved };
};

/** Central counts the other workstations; this one's withdrawals of the day go with the request, as it counts them. */
export const reserveDayLimits = async (
  deps: Pick<ComprobanteDeps, 'central' | 'rules' | 'comprobantes'>,
  req: { key: string; account: string; day: string; amount: number; approvalId?: string },
  consequence: string,
): Promise<DayLimits> => {
  if (deps.central === null) return { status: 'unreachable', sent: false };
  const { dailyCount, dailyAmount } = deps.rules.withdrawalLimits;
  const own = deps.comprobantes.accountDay(req.account, req.day, 'retiro');
  const here = { count: own.count, amount: own.total };
  const r = await deps.central.call('reserveWithdrawalLimit', { ...req, limits: { count: dailyCount, amount: dailyAmount }, here });
  if (!r.ok) {
    if (r.kind !== 'rejected') return { status: 'unreachable', sent: true };
    throw new AppError('CENTRAL_REFUSED', `Central no reservó el tope diario del retiro: ${r.error.message} ${consequence}`, { code: r.error.code });
  }
  if (r.data.status === 'refused') return { status: 'refused', elsewhere: r.data.elsewhere, used: r.data.used, message: r.data.message };
  return { status: 'reserved' };
};

/** Nothing will be paid under the key (abandoned, refused, failed): its reservation stops counting now, not when it lapses. */
export const releaseDayLimits = async (deps: Pick<ComprobanteDeps, 'central'>, key: string): Promise<void> => {
  await deps.central?.call('releaseWithdrawalLimit', { key }).catch(() => undefined);
};
