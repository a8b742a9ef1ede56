import type { HoldRequest } from '../../../domain/central-api/holds';
import type { UnconfirmedKind, UnconfirmedPayout } from '../../store/comprobante/unconfirmed-repo';
import { authorizeDebit, postAuthorized, type Authorization } from './authorize';
import type { ComprobanteDeps } from './deps';

/**
 * A withdrawal's or transfer's authorization, traced. The row is written before the request leaves, since the
 * host may die while central holds funds under the key; with no row, that hold could only lapse and nobody would
 * know a customer was left waiting. A refusal, an answer that central never had the request, the posting
 * (posting.ts) and the abandonment (authorize.ts) settle it; "pendiente" keeps it, shown on Inicio and at the
 * close until the teller retries or abandons.
 */
type Deps = Parameters<typeof authorizeDebit>[0] & Pick<ComprobanteDeps, 'unconfirmed' | 'workstation'>;

/**
 * One step of a debit that may leave central holding something under the key (the day-limit reservation, the hold),
 * traced: the row is asked before the step, and settled when the step throws or `settles` says central holds nothing.
 */
export const traceDebit = async <R>(
  deps: Pick<ComprobanteDeps, 'unconfirmed' | 'workstation' | 'clock'>,
  debit: { kind: UnconfirmedKind; tellerId: string; payout?: UnconfirmedPayout; key: string; account: string; amount: number },
  step: () => Promise<R>,
  settles: (r: R) => boolean,
): Promise<R> => {
  deps.unconfirmed.ask({ key: debit.key, kind: debit.kind, account: debit.account, amount: debit.amount, tellerId: debit.tellerId, tillCode: deps.workstation.tillCode, askedAt: deps.clock.now().toISOString(), payout: debit.payout ?? null });
  try {
    const r = await step();
    if (settles(r)) deps.unconfirmed.settle(debit.key);
    return r;
  } catch (err) {
    deps.unconfirmed.settle(debit.key);
    throw err;
  }
};

export const authorizeTraced = (deps: Deps, debit: { kind: UnconfirmedKind; tellerId: string; payout?: UnconfirmedPayout }, req: HoldRequest, what: string, consequence: string): Promise<Authorization> =>
  traceDebit(deps, { ...debit, key: req.key, account: req.account, amount: req.amount }, () => authorizeDebit(deps, req, what, consequence), (auth) => auth.status === 'unreachable' && !auth.sent);

/** postAuthorized, and a failed local posting (its hold released) is no longer unconfirmed. */
export const postTraced = <T>(deps: Pick<ComprobanteDeps, 'central' | 'unconfirmed'>, key: string, holdId: string, post: () => T): T => {
  try {
    return postAuthorized(deps, holdId, post);
  } catch (err) {
    deps.unconfirmed.settle(key);
    throw err;
  }
};
