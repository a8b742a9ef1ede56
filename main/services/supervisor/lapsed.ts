import type { LapsedRequest } from '../../../domain/approval/lapsed';
import { lapsedUnanswered } from '../approval/decide';
import type { User } from '../../../domain/contract/session';
import type { ComprobanteApprovalPort } from './service';
import type { SupervisedRequests } from './requests';

/**
 * Inicio's news of the teller's own requests that lapsed with no supervisor's decision, of every kind (a visación, a
 * day's limit, a till difference, a reopening, a reversal, a reactivation, a blocked send), each told once: listed until
 * the screen says it showed them, so an answer lost before it was drawn is listed again. A lapse the teller already
 * read (their waiting panel, a refusal typed in their session) is not listed.
 */
export const createLapseNews = (deps: {
  requests: SupervisedRequests;
  comprobanteApprovals: ComprobanteApprovalPort | null;
  /** Writes down what lapsed by now (approval/lapses.ts): typically overnight, noticed at the first sign-in. */
  recordLapses: () => unknown;
}) => ({
  list: (user: User): { requests: LapsedRequest[] } => {
    deps.recordLapses();
    const till = deps.requests.lapsedFor(user.id).map((rec) => ({
      id: rec.request.id,
      kind: rec.kind,
      // A reversal names the comprobante it would have undone.
      reference: rec.kind === 'reversal' ? rec.request.subject.replace(/^reversal:/, '') : null,
      amount: rec.amount,
      expiresAt: rec.request.expiresAt,
    }));
    const counter = (deps.comprobanteApprovals?.lapsedFor?.(user.id) ?? []).map((r) => ({
      id: r.request.id, kind: r.kind, reference: null, amount: r.amount, expiresAt: r.request.expiresAt,
    }));
    return { requests: [...till, ...counter].sort((a, b) => a.expiresAt.localeCompare(b.expiresAt)) };
  },
  /** Inicio showed these: told. Only the signed-in user's own lapses; anything else (a rejection too) is ignored. */
  shown: (user: User, ids: readonly string[]): { told: number } => {
    let told = 0;
    for (const id of new Set(ids)) {
      const rec = deps.requests.find(id);
      const own = rec ? rec.request.makerId === user.id && lapsedUnanswered(rec.request) && deps.requests.told(id) : deps.comprobanteApprovals?.lapseTold?.(id, user.id);
      if (own) told++;
    }
    return { told };
  },
});
export type LapseNews = ReturnType<typeof createLapseNews>;
