import type { HoldRequest } from '../../../domain/central-api/holds';
import { AppError } from '../../core/errors';
import { bogotaDate } from '../../core/runtime';
import type { ComprobanteDeps } from './deps';

export type Authorization = { status: 'authorized'; holdId: string } | { status: 'unreachable'; sent: boolean };

/**
 * Central's online authorization of a debit: a hold on the account for the whole debit, under the comprobante's
 * key (a retry with the same key gets the same hold). A refusal is an error the teller reads with what to do
 * (`consequence`: "No entregue el efectivo."); no answer is `unreachable` and the caller decides — `sent` says
 * whether the request may have reached central (it may hold funds under that key).
 */
export const authorizeDebit = async (deps: Pick<ComprobanteDeps, 'central' | 'accounts' | 'clock'>, req: HoldRequest, what: string, consequence: string): Promise<Authorization> => {
  if (deps.central === null) return { status: 'unreachable', sent: false };
  const hold = await deps.central.call('authorizeWithdrawal', withTodaysReactivation(deps, req));
  if (!hold.ok) {
    if (hold.kind !== 'rejected') return { status: 'unreachable', sent: true };
    throw new AppError('CENTRAL_REFUSED', `Central no autorizó ${what}: ${hold.error.message} ${consequence}`, { code: hold.error.code });
  }
  if (hold.data.status === 'refused') {
    throw new AppError('CENTRAL_REFUSED', `Central no autorizó ${what}: ${hold.data.message} ${consequence}`, { code: hold.data.reason });
  }
  return { status: 'authorized', holdId: hold.data.hold.holdId };
};

/**
 * An account reactivated here today counts as active here at once (accounts/source.ts), but central may not
 * have applied the reactivation yet when the customer asks for cash. The hold then carries that reactivation's
 * approval, as a debit that reactivates does. Keyed on the day, so a retry sends the same body.
 */
const withTodaysReactivation = (deps: Pick<ComprobanteDeps, 'accounts' | 'clock'>, req: HoldRequest): HoldRequest => {
  if (req.reactivation) return req;
  const local = deps.accounts.localReactivation(req.account);
  return local && local.on === bogotaDate(deps.clock.now()) ? { ...req, reactivation: { approvalId: local.approvalId } } : req;
};

/** Posts against an authorization; if the local posting fails, the held funds go back rather than wait to expire. */
export const postAuthorized = <T>(deps: Pick<ComprobanteDeps, 'central'>, holdId: string, post: () => T): T => {
  try {
    return post();
  } catch (err) {
    void deps.central?.call('releaseHold', { holdId }).catch(() => undefined);
    throw err;
  }
};
