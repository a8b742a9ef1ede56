import type { PersonId } from '../../../domain/accounts/person';
import { limitsBeyondApproval } from '../../../domain/withdrawal/approved-limits';
import type { ApprovalReason } from '../../../domain/approval/reasons';
import { approvalCovers, decidableAtDesks, decideApproval, openApprovalRequest } from '../../../domain/approval/request';
import type { ApprovalOperation, ApprovalView } from '../../../domain/contract/approval';
import type { User } from '../../../domain/contract/session';
import type { StructuringAlert } from '../../../domain/uiaf/thresholds';
import { AppError } from '../../core/errors';
import { bogotaDate } from '../../../domain/calendar/bogota-time';
import { inTransaction, type Db } from '../../store/db';
import type { ApprovalKind, ApprovalRecord } from '../../store/approvals/repo';
import { docKey, parseDocKey } from '../comprobante/errors';
import { prefetchNearThreshold, rejectionsElsewhere } from '../comprobante/context';
import { createStructuringAlerts } from './structuring';
import type { ComprobanteDeps } from '../comprobante/deps';
import { checkSupervisor } from '../session/check-supervisor';
import { LAPSED_NOTE, applyDecision, decidedAtAnotherDesk, lapsedRefusal, lapsedUnanswered, lapseNewsSince, lapseRequest, withdrawPending } from './decide';
import { outcomeOf, visacionRelay } from './relay';
import { approvalSubject } from './subject';

/** What a feature tells the approval service about an operation: its reasons, subject, a summary line and its amount. */
export interface ApprovalAssessment {
  reasons: readonly ApprovalReason[];
  subject: string;
  summary: string;
  /** Integer pesos the desks show and central relays; the summary is wording for people, never parsed back. */
  amount: number | null;
  /** A cash deposit that raises a structuring alert: kept as a record beside the request (UIAF). */
  structuring?: { accountNumber: string; depositor: PersonId; depositorName: string | null; alert: StructuringAlert };
}
export type Assessors = { [K in ApprovalKind]: (op: Extract<ApprovalOperation, { kind: K }>, user: User) => ApprovalAssessment };

/** How long the request waits for central to take its relay before it answers the dialog (see `request`). */
const RELAY_WAIT_MS = 1500;

/** Minutes a pending request waits for a supervisor before it lapses. */
const TTL_SECONDS = 15 * 60;


export const createApprovalService = (deps: ComprobanteDeps & { db: Db; assessors: Assessors }) => {
  const name = (id: string | undefined) => (id === undefined ? undefined : (deps.users.findById(id)?.displayName ?? id));
  /** Requests central said it holds (relayed, or found there): the dialog says other desks can decide only these. */
  const atCentral = new Set<string>();
  const view = (r: ApprovalRecord): ApprovalView => {
    const q = r.request;
    const checkerName = name(q.checkerId);
    return {
      id: q.id,
      kind: r.kind,
      summary: r.summary,
      reasons: q.reasons,
      status: q.status,
      makerId: q.makerId,
      makerName: name(q.makerId) ?? q.makerId,
      requestedAt: q.requestedAt,
      expiresAt: q.expiresAt,
      ...(q.checkerId === undefined ? {} : { checkerId: q.checkerId }),
      ...(checkerName === undefined ? {} : { checkerName }),
      ...(q.decidedAt === undefined ? {} : { decidedAt: q.decidedAt }),
      ...(q.note === undefined ? {} : { note: q.note }),
      usedBy: r.usedBy,
      relayed: atCentral.has(q.id),
      readAt: deps.clock.now().toISOString(),
    };
  };
  const structuring = createStructuringAlerts({
    ...deps,
    name,
    rejectedElsewhere: (account, depositor, on) => rejectionsElsewhere(deps, account, parseDocKey(depositor) as PersonId, on),
  });
  const find = (id: string): ApprovalRecord => {
    const r = deps.approvals.findById(id);
    if (!r) throw new AppError('APPROVAL_NOT_FOUND', 'No existe esa solicitud de aprobación. Solicítela de nuevo desde la operación.');
    return r;
  };

  const usernameOf = (id: string) => deps.users.findById(id)?.username ?? id;
  const relay = deps.central ? visacionRelay(deps.central, deps.workstation, deps.clock) : null;
  const relayed = (r: ApprovalRecord): boolean => relay !== null && decidableAtDesks(r.kind, r.request.reasons);
  const notice = (r: ApprovalRecord) =>
    // Already refused by `relayed`; said again so that the kind narrows to the two operations central relays.
    r.kind === 'deposit'
      ? null
      : { request: r.request, operation: r.kind, summary: r.summary, amount: r.amount, makerUsername: usernameOf(r.request.makerId), makerName: name(r.request.makerId) ?? r.request.makerId };
  /** Settles once central answered the relay (or it failed); `atCentral` learns which. */
  const publish = (r: ApprovalRecord): Promise<void> => {
    const n = relayed(r) ? notice(r) : null;
    if (!relay || !n) return Promise.resolve();
    return relay.publish(n).then(
      (held) => {
        if (held) atCentral.add(r.request.id);
      },
      () => undefined,
    );
  };
  /**
   * Inside the transaction that closed a relayed request here without central's word (decided alone, or withdrawn):
   * central gets it through the outbox, already closed, whenever it answers again.
   */
  const tellOutbox = (r: ApprovalRecord, closed: ApprovalRecord['request'], supervisorUsername: string) => {
    const n = relayed(r) ? notice(r) : null;
    if (relay && n) deps.outbox.enqueue(relay.outcome(relay.body(n), outcomeOf(closed, supervisorUsername), deps.ids.uuid(), deps.clock.now().toISOString()));
  };
  /** Requests the counter has put to central and not yet saved here (see `decide`). */
  const deciding = new Set<string>();
  /** Closes `r` as lapsed, journaled once (lapseRequest); central lapses its relayed copy at the same deadline. */
  const lapse = (r: ApprovalRecord): boolean =>
    lapseRequest(deps, { request: r.request, save: deps.approvals.saveDecision, journal: { kind: r.kind, ...accountOf(r), amount: r.amount } });
  const expired = (r: ApprovalRecord): boolean => r.request.status === 'pendiente' && r.request.expiresAt <= deps.clock.now().toISOString();
  const decidedElsewhere = (byDesk: string | null, id: string): AppError => decidedAtAnotherDesk(byDesk, find(id).request);
  /**
   * Takes in a decision a supervisor took at another workstation's desk on this workstation's pending visación, so
   * that the teller's screen follows it and a second decision here is refused. Without central's
   * answer nothing changes: the request stays decidable here. Central not holding it (it was down when the request
   * opened) gets it again. Returns who decided it, when it was taken in now.
   */
  const takeDeskDecision = async (rec: ApprovalRecord): Promise<string | null> => {
    // The counter's own decision, accepted by central and not yet saved here, is not a desk's.
    if (deciding.has(rec.request.id)) return null;
    if (!relay || !relayed(rec) || rec.request.status !== 'pendiente' || rec.request.expiresAt <= deps.clock.now().toISOString()) return null;
    const d = await relay.status(rec.request.id).catch(() => null);
    if (d && d.state !== 'missing') atCentral.add(rec.request.id);
    if (d?.state === 'missing') atCentral.delete(rec.request.id);
    // Relayed again only if still open here: decided or withdrawn meanwhile (while central was asked), it would reach
    // the other desks as pending; the outbox takes it to central closed.
    if (d?.state === 'missing') {
      const now = find(rec.request.id);
      if (now.request.status === 'pendiente' && !deciding.has(rec.request.id)) void publish(now);
    }
    if (d?.state !== 'approved' && d?.state !== 'rejected') return null;
    // The checker as this workstation knows them: the maker's own user name resolves to the maker's id, which the
    // state machine refuses (maker ≠ checker here too, not on central's word); a teller here is no checker.
    const checker = deps.users.findByUsername(d.supervisorUsername);
    if (checker !== undefined && checker.role !== 'supervisor') return null;
    try {
      applyDecision(deps, {
        request: rec.request,
        checkerId: checker?.id ?? d.supervisorUsername,
        decision: d.state === 'approved' ? 'aprobar' : 'rechazar',
        note: d.note,
        save: deps.approvals.saveDecision,
        lapse: () => lapse(rec),
        journal: { kind: rec.kind, ...accountOf(rec), via: 'central', workstation: d.workstation, supervisor: d.supervisorUsername },
      });
    } catch {
      // Decided here meanwhile, or lapsed: the local state stands.
      return null;
    }
    deps.onChange();
    return checker?.displayName ?? d.supervisorUsername;
  };

  const assess = (op: ApprovalOperation, user: User): ApprovalAssessment => {
    switch (op.kind) {
      case 'deposit':
        return deps.assessors.deposit(op, user);
      case 'withdrawal':
        return deps.assessors.withdrawal(op, user);
      case 'transfer':
        return deps.assessors.transfer(op, user);
    }
  };

  return {
    /** The teller asks; the core evaluates the operation itself and stores the reasons it found. */
    request: async (user: User, req: { idempotencyKey: string; operation: ApprovalOperation }): Promise<ApprovalView> => {
      // A structuring rejection decided at another workstation must be known here before the request opens.
      if (req.operation.kind === 'deposit') await prefetchNearThreshold(deps, req.operation.slip.accountNumber, req.operation.slip.depositor.id);
      const a = assess(req.operation, user);
      if (a.reasons.length === 0) throw new AppError('APPROVAL_NOT_NEEDED', 'Esta operación no requiere aprobación del supervisor. Continúe con la confirmación.');
      const s = a.structuring;
      const opened = deps.idempotent('approval.request', req.idempotencyKey, req, () => {
        if (s) structuring.refuseIfRejected(s.accountNumber, docKey(s.depositor), bogotaDate(deps.clock.now()));
        const opened = openApprovalRequest({
          id: deps.ids.uuid(),
          subject: a.subject,
          reasons: [...a.reasons],
          makerId: user.id,
          requestedAt: deps.clock.now().toISOString(),
          ttlSeconds: TTL_SECONDS,
        });
        if (!opened.ok) throw new AppError(opened.error.code, opened.error.message);
        deps.approvals.insert({ request: opened.value, kind: req.operation.kind, summary: a.summary, amount: a.amount, account: operationFacts(req.operation).account, idempotencyKey: req.idempotencyKey });
        if (s) {
          deps.approvals.structuring.insert({ approvalId: opened.value.id, alertOn: s.alert.windowTo, account: s.accountNumber, depositor: docKey(s.depositor), depositorName: s.depositorName, alert: s.alert });
        }
        deps.journal.record('approval', user.id, {
          action: 'solicitada',
          approvalId: opened.value.id,
          kind: req.operation.kind,
          subject: a.subject,
          reasons: a.reasons.map((r) => r.code),
          // What was asked for, so that the journal (search by account and amount) says what was approved.
          ...operationFacts(req.operation),
          // A structuring alert's facts in the hash-chained journal too: a table row can be altered unseen, the journal cannot.
          ...(s ? { structuring: { depositor: docKey(s.depositor), total: s.alert.total, windowFrom: s.alert.windowFrom, windowTo: s.alert.windowTo, deposits: s.alert.deposits.map((d) => ({ on: d.on, amount: d.amount, account: d.accountNumber, depositor: docKey(d.depositor) })) } } : {}),
        });
        return view(find(opened.value.id));
      });
      // After the commit, waited for a moment only, so that the dialog says at once whether other desks can decide
      // it: without central the request is decided here, as always (a later answer shows at the dialog's next poll).
      const pause = new Promise<void>((r) => setTimeout(r, RELAY_WAIT_MS).unref?.());
      const relaying = publish(find(opened.id));
      // The desk's count and the status bar take the new request in now.
      deps.onChange();
      await Promise.race([relaying, pause]);
      // A replayed request (same key) answers its stored view: the clock's reading is this answer's, for the countdown.
      return { ...opened, relayed: atCentral.has(opened.id), readAt: deps.clock.now().toISOString() };
    },

    /**
     * The supervisor decides at the teller's workstation with their own user and password. The core checks the
     * password (scrypt), the role and maker ≠ checker; the decision and who took it go to the journal.
     */
    decide: async (user: User, req: { approvalId: string; decision: 'aprobar' | 'rechazar'; username: string; password: string; note?: string | undefined }): Promise<ApprovalView> => {
      // A supervisor at another workstation's desk may have decided it already: that decision stands.
      const byDesk = await takeDeskDecision(find(req.approvalId));
      const rec = find(req.approvalId);
      if (byDesk !== null) throw decidedElsewhere(byDesk, req.approvalId);
      // Lapsed, noticed now or before: journaled once and refused, before any password is checked for nothing.
      if (lapsedUnanswered(rec.request) || expired(rec)) {
        lapse(rec);
        // Typed in the maker's own session: they read it in the dialog, so Inicio does not say it again.
        if (user.id === rec.request.makerId) deps.approvals.markLapseTold(rec.request.id);
        throw lapsedRefusal(rec.request);
      }
      // Both the one who asked and the one signed in here are makers: neither approves their own operation.
      const sup = await checkSupervisor(deps, {
        username: req.username,
        password: req.password,
        makers: [rec.request.makerId, user.id],
        context: 'aprobacion',
        details: { approvalId: rec.request.id },
        makersFirst: true,
      });
      // A structuring alert's decision goes to central in the same transaction (UIAF list of the whole branch).
      const save = (decided: ApprovalRecord['request']): boolean => {
        if (!deps.approvals.saveDecision(decided)) return false;
        structuring.tellCentral(decided.id, 'decided');
        // Central did not take the counter's decision (it did not answer, or did not hold the request yet).
        if (!toldCentral) tellOutbox(rec, decided, sup.username);
        return true;
      };
      // A desk elsewhere may decide it while the password is checked or the decision travels: central takes the first
      // decision only, so the counter's is put to it first and saved here once central took it. Refused by the state
      // machine (lapsed, a rejection without its reason), it never reaches central: applyDecision says why below.
      const now = find(req.approvalId).request;
      const at = deps.clock.now().toISOString();
      const valid = decideApproval(now, req.decision === 'aprobar' ? { type: 'aprobar', checkerId: sup.id, at, ...(req.note ? { note: req.note } : {}) } : { type: 'rechazar', checkerId: sup.id, at, note: req.note ?? '' });
      let toldCentral = false;
      try {
        if (relay && relayed(rec) && valid.ok) {
          deciding.add(req.approvalId);
          const first = await relay.decideFirst(req.approvalId, sup.username, req.decision, valid.value.note ?? 'Aprobado por el supervisor');
          if (typeof first === 'object') throw new AppError('MAKER_IS_CHECKER', first.refused);
          if (first === 'taken') {
            // The desk's decision is taken in now, so this one must no longer count as the counter's own.
            deciding.delete(req.approvalId);
            throw decidedElsewhere(await takeDeskDecision(find(req.approvalId)), req.approvalId);
          }
          toldCentral = first === 'ours';
        }
        applyDecision(deps, { request: now, checkerId: sup.id, decision: req.decision, note: req.note, save, lapse: () => lapse(find(req.approvalId)), journal: accountOf(rec), at });
        // The outbox sends what central did not take now.
        if (!toldCentral) deps.onChange();
      } finally {
        deciding.delete(req.approvalId);
      }
      return view(find(req.approvalId));
    },

    /**
     * The desk here asks before listing: visaciones decided at another workstation's desk leave it even when the
     * teller's screen is not waiting on them. Asked together, so a cut link costs one timeout.
     */
    reconcile: async (): Promise<void> => {
      await Promise.all(deps.approvals.pendingDebits(deps.clock.now().toISOString()).map((r) => takeDeskDecision(r)));
    },

    /**
     * Closes every request past its deadline as lapsed, journaled once each (see main/services/approval/lapses.ts for
     * when). One the counter is deciding is left to that decision.
     */
    lapseDue: (): number => {
      let lapsed = 0;
      for (const r of deps.approvals.pendingExpired(deps.clock.now().toISOString())) {
        if (!deciding.has(r.request.id) && lapse(r)) lapsed++;
      }
      if (lapsed > 0) deps.onChange();
      return lapsed;
    },

    /** The maker's requests that lapsed undecided lately and they were not told of yet (Inicio, see lapseTold). */
    lapsedFor: (makerId: string) => deps.approvals.lapsedUntold(makerId, LAPSED_NOTE, lapseNewsSince(deps.clock)),
    /** Inicio told the maker this request lapsed: true only the first time, and only for the maker's own. */
    lapseTold: (id: string, makerId: string): boolean => {
      const r = deps.approvals.findById(id);
      return r !== undefined && r.request.makerId === makerId && lapsedUnanswered(r.request) && deps.approvals.markLapseTold(id);
    },

    /** The teller's approval step asks this while it waits: a decision taken at another desk comes in here. */
    get: async (approvalId: string): Promise<ApprovalView> => {
      await takeDeskDecision(find(approvalId));
      return view(find(approvalId));
    },

    /** Inside the posting's transaction: an approved structuring alert tells central the comprobante it became. */
    approvalUsed: (approvalId: string): void => structuring.tellCentral(approvalId, 'used'),

    structuringAlerts: structuring.list,
    reconsiderStructuring: structuring.reconsider,

    /**
     * The teller leaves the approval step (Cancelar, Esc) before a decision: the request leaves the desk at once
     * instead of waiting there to lapse, closed as `vencida` and journaled as withdrawn. Decided requests stay.
     */
    withdraw: (user: User, approvalId: string): ApprovalView => {
      const rec = find(approvalId);
      if (rec.request.makerId !== user.id) throw new AppError('NOT_THE_MAKER', 'Solo quien pidió la aprobación puede retirarla.');
      if (rec.request.status !== 'pendiente') return view(rec);
      const save = (closed: ApprovalRecord['request']): boolean => {
        if (!deps.approvals.saveDecision(closed)) return false;
        // Central may not hold it yet (its relay failed, or is on its way): it must get it withdrawn, never pending.
        tellOutbox(rec, closed, usernameOf(user.id));
        return true;
      };
      inTransaction(deps.db, () => withdrawPending(deps, { request: rec.request, makerId: user.id, note: 'Retirada por quien la solicitó', save, journal: { kind: rec.kind, ...accountOf(rec) } }));
      if (relay && relayed(rec)) void relay.withdrawn(approvalId).catch(() => undefined);
      deps.onChange();
      return view(find(approvalId));
    },
  };
};
export type ApprovalService = ReturnType<typeof createApprovalService>;

/**
 * At posting, inside the transaction: the operation's reasons (recomputed now) must be covered by an approved
 * request of this same operation, asked by this teller and decided by someone else. Returns the approval id to
 * consume, or null when nothing needs approval.
 */
export const requireApproval = (
  deps: Pick<ComprobanteDeps, 'approvals'>,
  /** `subject` may be a thunk: hashing the operation is only needed when an approval is checked. */
  input: { reasons: readonly ApprovalReason[]; approvalId: string | undefined; subject: string | (() => string); user: User },
): string | null => {
  if (input.reasons.length === 0) return null;
  if (input.approvalId === undefined) {
    throw new AppError('APPROVAL_REQUIRED', `Esta operación requiere aprobación del supervisor: ${input.reasons.map((r) => r.message).join(' ')} Pida al supervisor que apruebe con su propio usuario y contraseña en esta estación.`, {
      reasons: input.reasons,
    });
  }
  const rec = deps.approvals.findById(input.approvalId);
  if (!rec) throw new AppError('APPROVAL_NOT_FOUND', 'No existe esa solicitud de aprobación. Solicítela de nuevo.');
  const q = rec.request;
  const subject = typeof input.subject === 'function' ? input.subject() : input.subject;
  if (q.makerId !== input.user.id || q.subject !== subject) {
    throw new AppError('APPROVAL_MISMATCH', 'La aprobación corresponde a otra operación o a otro cajero. Si cambió algún dato, solicite una nueva aprobación.');
  }
  if (q.status !== 'aprobada') {
    const why = q.status === 'pendiente' ? 'todavía está pendiente de decisión' : `está ${q.status}`;
    throw new AppError('APPROVAL_NOT_APPROVED', `La solicitud de aprobación ${why}. No registre la operación sin la aprobación del supervisor.`, { status: q.status });
  }
  if (q.checkerId === undefined || q.checkerId === input.user.id) {
    throw new AppError('MAKER_IS_CHECKER', 'Quien registra la operación no puede aprobarla. Solicite la aprobación a otro supervisor.');
  }
  // An exception to the day's withdrawal limits covers the figures it showed the supervisor, no more: a withdrawal
  // that became the 7th (another desk paid meanwhile) is put to the supervisor again with the real figures.
  const beyond = limitsBeyondApproval(q.reasons, input.reasons);
  if (beyond.length > 0) {
    throw new AppError(
      'APPROVAL_REQUIRED',
      `La aprobación del supervisor cubría ${q.reasons.filter((r) => beyond.some((b) => b.code === r.code)).map((r) => r.message).join(' ')} Ahora: ${beyond.map((r) => r.message).join(' ')} Pida al supervisor una nueva aprobación con las cifras reales.`,
      { reasons: input.reasons },
    );
  }
  if (!approvalCovers(q, input.reasons)) {
    throw new AppError('APPROVAL_MISMATCH', 'La aprobación no cubre todos los motivos que tiene ahora la operación. Solicite una nueva aprobación.');
  }
  if (rec.usedBy !== null) throw new AppError('APPROVAL_ALREADY_USED', `Esa aprobación ya se usó en el comprobante ${rec.usedBy}. Solicite una nueva.`);
  return q.id;
};

export { approvalSubject };

/**
 * The request's account on each of its outcome entries (decided, lapsed, withdrawn), as on its asking: a journal
 * search by account finds what became of the request, not only that it was asked. None for a request asked before
 * the account was stored (approvals/005).
 */
const accountOf = (r: ApprovalRecord): { account: string } | Record<string, never> => (r.account === null ? {} : { account: r.account });

/** The account and amount of an operation put to a supervisor, for its journal entries. */
const operationFacts = (op: ApprovalOperation): { account: string; amount: number } => {
  switch (op.kind) {
    case 'deposit':
      return { account: op.slip.accountNumber, amount: op.slip.declaredTotal };
    case 'withdrawal':
      return { account: op.request.accountNumber, amount: op.request.amount };
    case 'transfer':
      return { account: op.request.fromAccountNumber, amount: op.request.amount };
  }
};
