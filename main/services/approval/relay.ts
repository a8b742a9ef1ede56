import type { ApprovalRequest } from '../../../domain/approval/request';
import { fitRelayed } from '../../../domain/central-api/approvals';
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
 * A decision taken at this workstation, put to central's approval relay (`decideApproval`), for the visaciones and
 * the till's own requests alike. People are named by user name, the identity every workstation shares.
 */
export const centralDecisions = (central: Pick<CentralClient, 'call'>) => {
  // Central wants a reason of three characters or more, also for an approval given without a note.
  const decide = (id: string, supervisorUsername: string, decision: 'aprobar' | 'rechazar', note: string) =>
    central.call('decideApproval', { id, supervisorId: supervisorUsername, decision: decision === 'aprobar' ? 'approve' : 'reject', reason: note.length >= 3 ? note : 'Decidido en la estación' });
  return {
    /**
     * The counter's decision put to central before it is taken here, so that central's first decision is the only one:
     * `taken` when a desk elsewhere decided it first (its decision stands), `refused` with central's reason (the maker
     * as checker) and `alone` when central did not answer or holds no open request to decide (not relayed yet, lapsed
     * there): then the counter decides by itself, as without central.
     */
    decideFirst: async (id: string, supervisorUsername: string, decision: 'aprobar' | 'rechazar', note: string): Promise<FirstDecision> => {
      const r = await decide(id, supervisorUsername, decision, note).catch(() => null);
      if (r?.ok) return 'ours';
      if (r?.kind !== 'rejected') return 'alone';
      if (r.error.code === 'ALREADY_DECIDED') return 'taken';
      return r.error.code === 'MAKER_IS_CHECKER' ? { refused: r.error.message } : 'alone';
    },
    /** Decided at this workstation without central's answer: the other desks drop it once central hears of it. */
    decided: async (id: string, supervisorUsername: string, decision: 'aprobar' | 'rechazar', note: string): Promise<void> => {
      await decide(id, supervisorUsername, decision, note);
    },
  };
};

/**
 * Visaciones of counter debits through central's approval relay (`requestApproval`), as the till's requests go
 * (supervisor/service `centralRelay`): a supervisor signed in at another workstation of the branch lists and
 * decides them at their desk, as `withdrawal_visacion` or `transfer_visacion`. People are named by user name, the
 * identity every workstation shares. Every call but `decideFirst` is best effort: the caller never waits on
 * it to open a request here.
 */
export const visacionRelay = (central: Pick<CentralClient, 'call'>, ws: { id: string; branchCode: string }) => ({
  ...centralDecisions(central),
  publish: async (n: VisacionNotice): Promise<void> => {
    await central.call('requestApproval', {
      id: n.request.id,
      branch: ws.branchCode,
      workstation: ws.id,
      makerId: n.makerUsername,
      kind: n.operation === 'transfer' ? 'transfer_visacion' : 'withdrawal_visacion',
      summary: `${n.summary} · ${n.makerName}`.slice(0, 200),
      ...(n.amount === null ? {} : { amount: n.amount }),
      // The other desks read the reason as this workstation worded it (the threshold it crossed), not the kind's.
      ...fitRelayed(n.request.reasons, {}),
    });
  },
  /** Null: central did not answer. */
  status: async (id: string): Promise<VisacionAtCentral | null> => {
    const r = await central.call('getApproval', { id });
    if (!r.ok) return r.kind === 'rejected' && r.error.code === 'NOT_FOUND' ? { state: 'missing' } : null;
    const a = r.data.approval;
    if ((a.state === 'approved' || a.state === 'rejected') && a.decision) {
      return { state: a.state, supervisorUsername: a.decision.supervisorId, workstation: a.decision.workstation, note: a.decision.reason };
    }
    return { state: a.state === 'expired' ? 'expired' : 'pending' };
  },
  /** The teller left the approval step: the other desks drop it. */
  withdrawn: async (id: string): Promise<void> => {
    await central.call('withdrawApproval', { id });
  },
});
export type VisacionRelay = ReturnType<typeof visacionRelay>;
