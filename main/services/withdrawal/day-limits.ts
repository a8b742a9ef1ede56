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

/** How many owed releases one reservation carries (the contract's bound). */
const CARRIED = 50;

/**
 * The day's limits of this workstation's withdrawals at central: reserved before paying, released when nothing will
 * be paid. A release is owed on disk until central answers it (a lost one held this workstation's next withdrawal of
 * the account, and the others' day, until it lapsed): the next reservation carries what is owed, and `retryOwed` (each
 * sync round) sends it. A key reserved again is owed nothing, and waits for a release of it still in flight, so an
 * old release never undoes a newer reservation.
 */
export const createDayLimits = (deps: Pick<ComprobanteDeps, 'central' | 'rules' | 'comprobantes' | 'limitReleases' | 'clock'>) => {
  const inFlight = new Map<string, Promise<unknown>>();
  const track = (keys: readonly string[], call: Promise<unknown>): void => {
    const done = call.catch(() => undefined);
    for (const k of keys) inFlight.set(k, done);
    void done.then(() => {
      for (const k of keys) if (inFlight.get(k) === done) inFlight.delete(k);
    });
  };
  /** Central answered (a refusal too: it holds nothing more to release under the keys); a 5xx may not have done it. */
  const answered = (r: { ok: boolean; kind?: string; status?: number }): boolean => r.ok || (r.kind === 'rejected' && (r.status ?? 500) < 500);

  const sendRelease = async (key: string): Promise<void> => {
    // Reserved again meanwhile (`reserve` settles it first): releasing now would undo that reservation.
    if (deps.central === null || !deps.limitReleases.isOwed(key)) return;
    const call = deps.central.call('releaseWithdrawalLimit', { key }).catch(() => null);
    track([key], call);
    const r = await call;
    if (r !== null && answered(r)) deps.limitReleases.settle(key);
  };

  return {
    /** Central counts the other workstations; this one's withdrawals of the day go with the request, as it counts them. */
    reserve: async (req: { key: string; account: string; day: string; amount: number; approvalId?: string }, consequence: string): Promise<DayLimits> => {
      if (deps.central === null) return { status: 'unreachable', sent: false };
      deps.limitReleases.settle(req.key);
      await inFlight.get(req.key);
      const released = deps.limitReleases.owed(CARRIED).filter((k) => k !== req.key);
      const { dailyCount, dailyAmount } = deps.rules.withdrawalLimits;
      const own = deps.comprobantes.accountDay(req.account, req.day, 'retiro');
      const here = { count: own.count, amount: own.total };
      const call = deps.central.call('reserveWithdrawalLimit', {
        ...req,
        limits: { count: dailyCount, amount: dailyAmount },
        here,
        ...(released.length > 0 ? { released } : {}),
      });
      track(released, call);
      const r = await call;
      // Central released them in the reservation's transaction (refused or not) before counting.
      if (r.ok) for (const k of released) deps.limitReleases.settle(k);
      if (!r.ok) {
        if (r.kind !== 'rejected') return { status: 'unreachable', sent: true };
        throw new AppError('CENTRAL_REFUSED', `Central no reservó el tope diario del retiro: ${r.error.message} ${consequence}`, { code: r.error.code });
      }
      if (r.data.status === 'refused') return { status: 'refused', elsewhere: r.data.elsewhere, used: r.data.used, message: r.data.message };
      return { status: 'reserved' };
    },
    /** Nothing will be paid under the key (abandoned, refused, failed): its reservation stops counting now, not when it lapses. */
    release: async (key: string): Promise<void> => {
      deps.limitReleases.owe(key, deps.clock.now().toISOString());
      await sendRelease(key);
    },
    /** Sends again what central has not answered (a sync round that reached central calls it). */
    retryOwed: async (): Promise<void> => {
      for (const key of deps.limitReleases.owed(CARRIED)) {
        if (inFlight.has(key)) continue;
        await sendRelease(key);
      }
    },
  };
};
