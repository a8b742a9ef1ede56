import type { ApprovalReason } from '../approval/reasons';
import type { Pesos } from '../money/pesos';

/**
 * Seed 003 cl. 3.12: a supervisor's exception to the day's withdrawal limits approves the figures it showed
 * ("Retiros hoy con este: 6; máximo 5."), not any figure the day may reach. Two desks that each approved "the 6th"
 * would otherwise post a 6th and a 7th under approvals that never saw a 7th. The ceiling an approval covers is, per
 * figure, what its reason showed (count with this withdrawal, day's total with it), or the limit itself when that
 * figure was not excepted.
 */
export interface ApprovedDay {
  readonly count: number;
  readonly amount: Pesos;
}

const figure = (reasons: readonly ApprovalReason[], code: string, key: 'count' | 'dayTotal'): number | null => {
  const v = reasons.find((r) => r.code === code)?.details?.[key];
  return typeof v === 'number' ? v : null;
};

/** The day's usage, this withdrawal included, that an approval's reasons cover; null when it excepted no limit. */
export const approvedDay = (reasons: readonly ApprovalReason[], limits: { dailyCount: number; dailyAmount: Pesos }): ApprovedDay | null => {
  const count = figure(reasons, 'LIMIT_EXCEEDED_WITHDRAWAL_COUNT', 'count');
  const amount = figure(reasons, 'LIMIT_EXCEEDED_WITHDRAWAL_AMOUNT', 'dayTotal');
  if (count === null && amount === null) return null;
  return { count: Math.max(count ?? 0, limits.dailyCount), amount: Math.max(amount ?? 0, limits.dailyAmount) };
};

/**
 * The limit reasons the operation has now whose figures go beyond what the approval showed: the approval does not
 * cover them, and the supervisor must see the real ones.
 */
export const limitsBeyondApproval = (approved: readonly ApprovalReason[], now: readonly ApprovalReason[]): ApprovalReason[] =>
  now.filter((r) => {
    if (r.code === 'LIMIT_EXCEEDED_WITHDRAWAL_COUNT') {
      const shown = figure(approved, r.code, 'count');
      const real = figure([r], r.code, 'count');
      return shown !== null && real !== null && real > shown;
    }
    if (r.code === 'LIMIT_EXCEEDED_WITHDRAWAL_AMOUNT') {
      const shown = figure(approved, r.code, 'dayTotal');
      const real = figure([r], r.code, 'dayTotal');
      return shown !== null && real !== null && real > shown;
    }
    return false;
  });
