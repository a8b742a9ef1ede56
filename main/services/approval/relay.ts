import type { ApprovalRequest } from '../../../domain/approval/request';
import type { Operation } from '../../../domain/central-api';
import { fitRelayed, type ApprovalCreate, type ApprovalOutcome } from '../../../domain/central-api/approvals';
import type { Clock } from '../../core/runtime';
import type { CentralClient } from '../../sync/central-client';

/** A withdrawal's or a transfer's visación as central relays it to the other desks of the branch. */
export interface VisacionNotice {
  request: ApprovalRequest;
  /** The desks tell a withdrawal from a transfer by central's kind, not by the summary's wording. */
  operation: 'withdrawal' | 'transfer';
  summary: string;
  /** Null: asked before the amount was stored with the request; central then shows none rather than a guess. */
  amount: number | null;
  makerUsername: string;
  makerName: string;
}

/** Central's word on a relayed visación: decided at a desk (who, where, why), still open, or not there at all. */
export type VisacionAtCentral =
  | { state: 'approved' | 'rejected'; supervisorUsername: string; workstation: string; note: string }
  | { state: 'pending' | 'expired' }
  | { state: 'missing' };

/** Central's answer to a decision put to it first: see `centralDecisions`. */
export type FirstDecision = 'ours' | 'taken' | 'alone' | { refused: string };

/**
 * Whole seconds since the request opened, rounded up (central lapses it a fraction early rather than late), at most
 * its time to live (no more is meaningful); never below zero if this clock was set back meanwhile.
 */
export const ageAtSend = (opened: Pick<ApprovalRequest, 'requestedAt' | 'expiresAt'>, now: Date): number => {
  const requested = Date.parse(opened.requestedAt);
  const ttlSeconds = Math.round((Date.parse(opened.expiresAt) - requested) / 1000);
  return Math.min(ttlSeconds, Math.max(0, Math.ceil((now.getTime() - requested) / 1000)));
};

// Central wants a reason of three characters or more, also for an approval given without a note.
const reasonFor = (note: string) => (note.trim().length >= 3 ? note.slice(0, 200) : 'Decidido en la estación');

/** A request closed here (decided, or withdrawn as `vencida`), as central words it. */
export const outcomeOf = (decided: ApprovalRequest, supervisorUsername: string): ApprovalOutcome =>
  decided.status === 'vencida'
    ? { state: 'withdrawn', at: decided.decidedAt ?? decided.requestedAt }
    : {
        state: decided.status === 'aprobada' ? 'approved' : 'rejected',
        supervisorId: supervisorUsername,
        reason: reasonFor(decided.note ?? 'Aprobado por el supervisor'),
        decidedAt: decided.decidedAt ?? decided.requestedAt,
      };

/**
 * A decision taken at this workstation, put to central's approval relay (`decideApproval`), for the visaciones and
 * the till's own requests alike, and the relay of the request itself (`requestApproval`). People are named by user
 * name, the identity every workstation shares.
 *
 * A request decided or withdrawn here while central may not hold it (it did not answer, or the relay was still on
 * its way) must never show as pending at another desk: the counter's decision waits for a relay still in flight, so
 * central has it (or surely not) before it is asked; what central did not take goes to it as an `approval_outcome`
 * through the outbox, in the transaction that saved the decision, so it arrives already closed, once, across restarts.
 */
export const centralDecisions = (central: Pick<CentralClient, 'call'>, ws: { id: string; branchCode: string }, clock: Clock) => {
  /** Relays of a request still on their way to central, by request id. */
  const inFlight = new Map<string, Promise<unknown>>();
  const settled = async (id: string) => {
    await inFlight.get(id)?.catch(() => undefined);
  };
  const decide = (id: string, supervisorUsername: string, decision: 'aprobar' | 'rechazar', note: string) =>
    central.call('decideApproval', { id, supervisorId: supervisorUsername, decision: decision === 'aprobar' ? 'approve' : 'reject', reason: reasonFor(note) });
  return {
    /**
     * The request to central, once per call; the counter's decision on it waits until central answered it. True when
     * central took it (the other desks list it), false when it did not (refused, or no answer). Each send says how long
     * the request has been open here, by this clock, so that one sent late (central was down) lapses there when it does
     * here, whatever the skew between the two clocks: central leaves the age out of what makes a resend a replay.
     */
    relay: async (body: ApprovalCreate, opened: Pick<ApprovalRequest, 'requestedAt' | 'expiresAt'>): Promise<boolean> => {
      const sent = central.call('requestApproval', { ...body, ageSeconds: ageAtSend(opened, clock.now()) });
      const tracked = sent.finally(() => {
        if (inFlight.get(body.id) === tracked) inFlight.delete(body.id);
      });
      inFlight.set(body.id, tracked);
      return (await tracked).ok;
    },
    /**
     * The counter's decision put to central before it is taken here, so that central's first decision is the only one:
     * `taken` when a desk elsewhere decided it first (its decision stands), `refused` with central's reason (the maker
     * as checker) and `alone` when central did not answer or holds no open request to decide (not relayed, lapsed
     * there): then the counter decides by itself, as without central, and tells central with `outcome`.
     */
    decideFirst: async (id: string, supervisorUsername: string, decision: 'aprobar' | 'rechazar', note: string): Promise<FirstDecision> => {
      await settled(id);
      const r = await decide(id, supervisorUsername, decision, note).catch(() => null);
      if (r?.ok) return 'ours';
      if (r?.kind !== 'rejected') return 'alone';
      if (r.error.code === 'ALREADY_DECIDED') return 'taken';
      return r.error.code === 'MAKER_IS_CHECKER' ? { refused: r.error.message } : 'alone';
    },
    /**
     * What central learns of a request decided or withdrawn here without its answer: enqueue it in the transaction
     * that saved the decision. `key` and `at` come from the caller's ids and clock.
     */
    outcome: (body: ApprovalCreate, outcome: ApprovalOutcome, key: string, at: string): Operation => {
      const { branch: _branch, workstation: _workstation, ...request } = body;
      return { key, branch: ws.branchCode, workstation: ws.id, occurredAt: at, type: 'approval_outcome', payload: { request, outcome } };
    },
    /** The maker took a pending request back: the other desks drop it now (the outbox's outcome makes it sure). */
    withdrawn: async (id: string): Promise<void> => {
      await settled(id);
      await central.call('withdrawApproval', { id });
    },
  };
};

/**
 * Visaciones of counter debits through central's approval relay (`requestApproval`), as the till's requests go
 * (supervisor/service `centralRelay`): a supervisor signed in at another workstation of the branch lists and
 * decides them at their desk, as `withdrawal_visacion` or `transfer_visacion`. People are named by user name, the
 * identity every workstation shares. The relay is best effort: the caller never waits on it to open a request here.
 */
export const visacionRelay = (central: Pick<CentralClient, 'call'>, ws: { id: string; branchCode: string }, clock: Clock) => {
  const decisions = centralDecisions(central, ws, clock);
  /** The relayed request, the same every time it is built: central takes a second one as a replay. */
  const body = (n: VisacionNotice): ApprovalCreate => ({
    id: n.request.id,
    branch: ws.branchCode,
    workstation: ws.id,
    makerId: n.makerUsername,
    kind: n.operation === 'transfer' ? 'transfer_visacion' : 'withdrawal_visacion',
    summary: `${n.summary} · ${n.makerName}`.slice(0, 200),
    ...(n.amount === null ? {} : { amount: n.amount }),
    // Central lapses it when this workstation does, not on its own default (the age sent with it counts against this).
    ttlSeconds: Math.round((Date.parse(n.request.expiresAt) - Date.parse(n.request.requestedAt)) / 1000),
    // The other desks read the reason as this workstation worded it (the threshold it crossed), not the kind's.
    ...fitRelayed(n.request.reasons, {}),
  });
  return {
    ...decisions,
    body,
    publish: (n: VisacionNotice): Promise<boolean> => decisions.relay(body(n), n.request),
    /** Null: central did not answer. */
    status: async (id: string): Promise<VisacionAtCentral | null> => {
      const r = await central.call('getApproval', { id });
      if (!r.ok) return r.kind === 'rejected' && r.error.code === 'NOT_FOUND' ? { state: 'missing' } : null;
      const a = r.data.approval;
      if ((a.state === 'approved' || a.state === 'rejected') && a.decision) {
        return { state: a.state, supervisorUsername: a.decision.supervisorId, workstation: a.decision.workstation, note: a.decision.reason };
      }
      // Withdrawn by its teller: closed undecided, as a lapsed one is.
      return { state: a.state === 'expired' || a.state === 'withdrawn' ? 'expired' : 'pending' };
    },
  };
};
export type VisacionRelay = ReturnType<typeof visacionRelay>;
