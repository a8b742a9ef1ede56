import type { ApprovalReason } from '../../../domain/approval/reasons';
import type { Operation } from '../../../domain/central-api';
import { decideApproval, openApprovalRequest, type ApprovalRequest } from '../../../domain/approval/request';
import type { User } from '../../../domain/contract/session';
import { AppError } from '../../core/errors';
import type { Clock, Ids } from '../../core/runtime';
import type { Db } from '../../store/db';
import type { SupervisedKind, SupervisedRecord, TillLifecycleRepo } from '../../store/till/lifecycle';
import type { UsersRepo } from '../../store/users/repo';
import type { Journal } from '../journal/writer';
import { LAPSED_NOTE, applyDecision, decidedAtAnotherDesk, lapsedRefusal, lapsedUnanswered, lapseNewsSince, lapseRequest, withdrawPending } from '../approval/decide';
import type { FirstDecision } from '../approval/relay';
import { checkSupervisor } from '../session/check-supervisor';

/**
 * Relays requests through central so supervisors at other workstations of the branch see and decide them (best
 * effort). People are named by user name, the identity all workstations share.
 */
export interface ApprovalRelay {
  publish(rec: SupervisedRecord, makerName: string): Promise<void>;
  /** A decision taken here, put to central before it is saved: central's first decision is the one that stands. */
  decideFirst(id: string, supervisorUsername: string, decision: 'aprobar' | 'rechazar', note: string): Promise<FirstDecision>;
  /**
   * What central learns, through the outbox, of a request closed here (`closed`: decided, or withdrawn as `vencida`)
   * without its word: enqueued in the transaction that closed it, so it reaches central already closed, once.
   */
  outcome(rec: SupervisedRecord, makerName: string, closed: ApprovalRequest, supervisorUsername: string, key: string, at: string): Operation;
  /**
   * Central's decision on a request, if another workstation's supervisor took it; `missing` when central does not hold
   * it (its relay failed); null without an answer.
   */
  decisionOf(id: string): Promise<{ state: 'pending' | 'approved' | 'rejected' | 'expired' | 'withdrawn' | 'missing'; supervisorUsername: string | null; note: string | null } | null>;
  /** The maker took a pending request back: the other desks drop it. */
  withdrawn(id: string): Promise<void>;
}

export interface SupervisedDeps {
  db: Db;
  users: UsersRepo;
  journal: Journal;
  clock: Clock;
  ids: Ids;
  lifecycle: TillLifecycleRepo;
  maxFailedAttempts: number;
  /** Minutes a request waits for a decision before it lapses (config `supervisor.requestDeadlineMinutes`). */
  deadlineMinutes: number;
  relay?: ApprovalRelay | undefined;
  /** Where a request closed here without central's word goes to central (with `relay`). */
  outbox?: { enqueue(op: Operation): unknown } | undefined;
  /** A request arrived or was decided: the desk's notification and the status bar refresh. */
  onChange: () => void;
}


/**
 * Requests of the till features put to a supervisor (TILL_DIFFERENCE, reopening, REVERSAL), on the domain
 * approval state machine (`domain/approval`). Kept apart from the comprobante approvals table, whose kinds are
 * comprobante operations; the desk lists both.
 */
export const createSupervisedRequests = (deps: SupervisedDeps) => {
  /** Requests this workstation's supervisor has put to central and not yet saved here (see `decide`). */
  const deciding = new Set<string>();
  /** Inside the transaction that closed `rec` here without central's word: central gets it closed, through the outbox. */
  const tellOutbox = (rec: SupervisedRecord, closed: ApprovalRequest, username: string) => {
    if (!deps.relay || !deps.outbox) return;
    const makerName = deps.users.findById(rec.request.makerId)?.displayName ?? rec.request.makerId;
    deps.outbox.enqueue(deps.relay.outcome(rec, makerName, closed, username, deps.ids.uuid(), deps.clock.now().toISOString()));
  };
  /** Closes `rec` as lapsed, journaled once (lapseRequest); never told to central, which lapses its copy itself. */
  const lapse = (rec: SupervisedRecord): boolean =>
    lapseRequest(deps, { request: rec.request, save: deps.lifecycle.saveDecision, journal: { kind: rec.kind, amount: rec.amount } });
  /** The caller words the reason (`approvalReason` for most kinds): a reversal leads with the teller's own words. */
  const open = (
    user: User,
    r: { kind: SupervisedKind; reason: ApprovalReason; subject: string; summary: string; amount: number | null; context: Record<string, string | number | null> },
  ) => {
    const at = deps.clock.now().toISOString();
    const opened = openApprovalRequest({
      id: deps.ids.uuid(),
      subject: r.subject,
      reasons: [r.reason],
      makerId: user.id,
      requestedAt: at,
      ttlSeconds: deps.deadlineMinutes * 60,
    });
    if (!opened.ok) throw new AppError(opened.error.code, opened.error.message);
    const rec: SupervisedRecord = { request: opened.value, kind: r.kind, summary: r.summary, context: r.context, amount: r.amount, used: false };
    deps.lifecycle.insertRequest(rec);
    deps.journal.record('approval', user.id, { action: 'solicitada', approvalId: rec.request.id, kind: r.kind, subject: r.subject, reasons: [r.reason.code], amount: r.amount });
    return rec;
  };

  /**
   * Takes in the decisions supervisors at other workstations took through central on this workstation's pending
   * requests, so that the teller's screen and every desk agree. Without central, nothing changes. True when central
   * answered for every request asked (or none was pending): false says a decision taken elsewhere may be missing.
   */
  const reconcile = async (only?: string): Promise<boolean> => {
    if (!deps.relay) return true;
    const now = deps.clock.now().toISOString();
    // One this workstation's supervisor is deciding: central may already hold that decision, which is not a desk's.
    const pending = deps.lifecycle.pendingRequests().filter((r) => r.request.expiresAt > now && (only === undefined || r.request.id === only) && !deciding.has(r.request.id));
    // Asked together: without central each answer waits for the client's timeout, once, not once per request.
    const relay = deps.relay;
    const answers = await Promise.all(pending.map((rec) => relay.decisionOf(rec.request.id).catch(() => null)));
    let taken = 0;
    for (const [i, rec] of pending.entries()) {
      const d = answers[i];
      if (d?.state === 'missing') {
        // Asked while central was down, and still open here: the other desks get it now (as visaciones are relayed
        // again). Decided or withdrawn meanwhile, it must not reach them as pending: the outbox takes it closed.
        const now = deps.lifecycle.request(rec.request.id);
        if (now?.request.status === 'pendiente' && !deciding.has(rec.request.id)) {
          void relay.publish(now, deps.users.findById(now.request.makerId)?.displayName ?? now.request.makerId).catch(() => undefined);
        }
        continue;
      }
      if (!d || (d.state !== 'approved' && d.state !== 'rejected') || d.supervisorUsername === null) continue;
      const checker = deps.users.findByUsername(d.supervisorUsername);
      try {
        applyDecision(deps, {
          request: rec.request,
          checkerId: checker?.id ?? d.supervisorUsername,
          decision: d.state === 'approved' ? 'aprobar' : 'rechazar',
          note: d.note ?? undefined,
          save: deps.lifecycle.saveDecision,
          lapse: () => lapse(rec),
          journal: { kind: rec.kind, amount: rec.amount, via: 'central' },
        });
        taken++;
      } catch {
        // Decided here meanwhile, or lapsed: the local state stands.
      }
    }
    // Only a change is announced: the desk polls this every few seconds.
    if (taken > 0) deps.onChange();
    return answers.every((a) => a !== null);
  };

  /**
   * Pending requests past their deadline are closed as lapsed the first time the core looks (QA s35 A4-3), once
   * each: saved `vencida` and journaled, so the journal says the request ended and its maker can be told. Before,
   * the lapse was only computed on read and the journal kept "Solicitada" for ever. One being decided here is left.
   */
  const lapseDue = (): number => {
    const now = deps.clock.now().toISOString();
    let lapsed = 0;
    for (const rec of deps.lifecycle.pendingRequests()) {
      if (rec.request.expiresAt > now || deciding.has(rec.request.id)) continue;
      if (lapse(rec)) lapsed++;
    }
    if (lapsed > 0) deps.onChange();
    return lapsed;
  };

  return {
    reconcile,
    lapseDue,
    /** The maker's requests (every kind) that lapsed unanswered lately and they were not told of yet (see told). */
    lapsedFor: (makerId: string) => deps.lifecycle.lapsedUntold(makerId, LAPSED_NOTE, lapseNewsSince(deps.clock)),
    /** Inside the caller's transaction. */
    open,
    /** After the caller's commit: tell the desk and the branch. */
    announce: (rec: SupervisedRecord, makerName: string) => {
      deps.onChange();
      void deps.relay?.publish(rec, makerName).catch(() => undefined);
    },
    /**
     * Inside the caller's transaction: a pending request that the maker's own next step made moot (a recount with
     * another result) lapses now instead of waiting on the desk for a decision nobody needs. Journaled as
     * withdrawn; a request already decided stays as it is. True when it was withdrawn.
     */
    withdraw: (user: User, id: string, note: string): boolean => {
      const rec = deps.lifecycle.request(id);
      if (!rec) return false;
      const save = (closed: ApprovalRequest): boolean => {
        if (!deps.lifecycle.saveDecision(closed)) return false;
        // Central may not hold it yet (its relay failed, or is on its way): it must get it withdrawn, never pending.
        tellOutbox(rec, closed, user.username);
        return true;
      };
      return withdrawPending(deps, { request: rec.request, makerId: user.id, note, save, journal: { kind: rec.kind, note } });
    },
    /** After the caller's commit: the desk here and, through central, the other desks drop it. */
    announceWithdrawn: (id: string) => {
      deps.onChange();
      void deps.relay?.withdrawn(id).catch(() => undefined);
    },
    listPending: (now: string) => deps.lifecycle.pendingRequests().filter((r) => r.request.expiresAt > now),
    /** The maker's request for this subject still pending or approved and unused, if any: asked again, it is reused. */
    live: (subject: string, makerId: string) => deps.lifecycle.liveRequest(subject, makerId, deps.clock.now().toISOString()) ?? null,
    /** The maker's approved requests of this kind still to be used (what `live` would find), oldest decision first. */
    approvedFor: (kind: SupervisedKind, makerId: string) => deps.lifecycle.approvedUnused(kind, makerId, deps.clock.now().toISOString()),
    /** The maker's rejected requests of this kind they were not told of yet (see told). */
    rejectedFor: (kind: SupervisedKind, makerId: string) => deps.lifecycle.rejectedUntold(kind, makerId),
    /** The maker was told of this rejection; true only the first time. */
    told: (id: string): boolean => deps.lifecycle.markTold(id),
    /** The request, if this workstation has it. */
    find: (id: string) => deps.lifecycle.request(id),
    get: (id: string) => {
      const rec = deps.lifecycle.request(id);
      if (!rec) throw new AppError('APPROVAL_NOT_FOUND', 'No existe esa solicitud de aprobación. Solicítela de nuevo.');
      return rec;
    },
    decide: async (signedIn: User | null, req: { id: string; decision: 'aprobar' | 'rechazar'; username: string; password: string; note?: string | undefined }) => {
      // Another workstation's supervisor may have decided it already through central.
      await reconcile(req.id);
      const rec = deps.lifecycle.request(req.id);
      if (!rec) throw new AppError('APPROVAL_NOT_FOUND', 'No existe esa solicitud de aprobación. Solicítela de nuevo.');
      // Taken back by whoever asked (withdraw): said as such, before any password is checked for nothing.
      if (rec.request.status === 'vencida' && rec.request.note?.startsWith('Retirada')) {
        throw new AppError('APPROVAL_WITHDRAWN', `${deps.users.findById(rec.request.makerId)?.displayName ?? 'Quien la pidió'} retiró esta solicitud antes de su decisión: ya no se puede aprobar ni rechazar.`);
      }
      // Lapsed, noticed now or before: journaled once and refused, also before any password is checked for nothing.
      if (lapsedUnanswered(rec.request) || (rec.request.status === 'pendiente' && rec.request.expiresAt <= deps.clock.now().toISOString())) {
        lapse(rec);
        // Typed over the maker's shoulder: they read it here, so Inicio does not say it again.
        if (signedIn?.id === rec.request.makerId) deps.lifecycle.markTold(rec.request.id);
        throw lapsedRefusal(rec.request);
      }
      const makers = [rec.request.makerId, ...(signedIn && signedIn.role !== 'supervisor' ? [signedIn.id] : [])];
      const sup = await checkSupervisor(deps, { username: req.username, password: req.password, makers, context: `aprobacion ${rec.kind}` });
      // A desk elsewhere may decide it while the password is checked or the decision travels: central takes the first
      // decision only, so this one is put to it first and saved here once central took it. Refused by the state machine
      // (lapsed, a rejection without its reason), it never reaches central: applyDecision says why below.
      const at = deps.clock.now().toISOString();
      const valid = decideApproval(
        rec.request,
        req.decision === 'aprobar' ? { type: 'aprobar', checkerId: sup.id, at, ...(req.note ? { note: req.note } : {}) } : { type: 'rechazar', checkerId: sup.id, at, note: req.note ?? '' },
      );
      let toldCentral = false;
      let decided: ApprovalRequest;
      try {
        if (deps.relay && valid.ok) {
          deciding.add(req.id);
          const first = await deps.relay.decideFirst(req.id, sup.username, req.decision, valid.value.note ?? 'Aprobado por el supervisor');
          if (typeof first === 'object') throw new AppError('MAKER_IS_CHECKER', first.refused);
          if (first === 'taken') {
            // The desk's decision is taken in now, so this one must no longer count as this workstation's own.
            deciding.delete(req.id);
            await reconcile(req.id);
            const now = deps.lifecycle.request(req.id)?.request ?? rec.request;
            // The maker reads the desk's rejection in this answer: Inicio does not tell it again.
            if (now.status === 'rechazada' && signedIn?.id === now.makerId) deps.lifecycle.markTold(now.id);
            throw decidedAtAnotherDesk(now.checkerId === undefined ? null : (deps.users.findById(now.checkerId)?.displayName ?? now.checkerId), now);
          }
          toldCentral = first === 'ours';
        }
        const save = (closed: ApprovalRequest): boolean => {
          if (!deps.lifecycle.saveDecision(closed)) return false;
          // Central did not take this decision (it did not answer, or did not hold the request yet).
          if (!toldCentral) tellOutbox(rec, closed, sup.username);
          return true;
        };
        decided = applyDecision(deps, {
          request: rec.request, checkerId: sup.id, decision: req.decision, note: req.note, save, lapse: () => lapse(rec), journal: { kind: rec.kind, amount: rec.amount }, at,
        });
      } finally {
        deciding.delete(req.id);
      }
      // Rejected in the maker's own session (the supervisor typed over their shoulder): they read it on the spot.
      if (decided.status === 'rechazada' && signedIn?.id === rec.request.makerId) deps.lifecycle.markTold(rec.request.id);
      // Also sends what the outbox holds for central (compose kicks the sync loop).
      deps.onChange();
      return decided.status;
    },
    /**
     * At the effect, inside its transaction: the request must be this one, approved by someone else, unused.
     */
    consume: (id: string, expect: { kind: SupervisedKind; subject: string; makerId: string }) => {
      const rec = deps.lifecycle.request(id);
      if (!rec) throw new AppError('APPROVAL_NOT_FOUND', 'No existe esa solicitud de aprobación. Solicítela de nuevo.');
      if (rec.kind !== expect.kind || rec.request.subject !== expect.subject || rec.request.makerId !== expect.makerId) {
        throw new AppError('APPROVAL_MISMATCH', 'La aprobación corresponde a otra operación o a otro cajero. Solicite una nueva.');
      }
      if (rec.request.status !== 'aprobada') {
        const why = rec.request.status === 'pendiente' ? 'todavía está pendiente de decisión del supervisor' : `está ${rec.request.status}`;
        throw new AppError('APPROVAL_NOT_APPROVED', `La solicitud de aprobación ${why}.`, { status: rec.request.status });
      }
      if (rec.request.checkerId === undefined || rec.request.checkerId === rec.request.makerId) {
        throw new AppError('MAKER_IS_CHECKER', 'Quien registra la operación no puede aprobarla.');
      }
      if (!deps.lifecycle.markUsed(id)) throw new AppError('APPROVAL_ALREADY_USED', 'Esa aprobación ya se usó. Solicite una nueva.');
      return rec;
    },
  };
};
export type SupervisedRequests = ReturnType<typeof createSupervisedRequests>;
