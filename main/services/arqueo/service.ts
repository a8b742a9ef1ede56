import { approvalReason } from '../../../domain/approval/reasons';
import type { DevicePrintJob } from '../../../domain/contract/devices';
import type { CountResult } from '../../../domain/contract/till';
import type { User } from '../../../domain/contract/session';
import { applyCount, DENOMINATIONS, totalOfCount, type DenominationCount } from '../../../domain/money/denominations';
import { formatPesos } from '../../../domain/money/pesos';
import type { ReceiptDocument } from '../../../domain/receipt/document';
import type { PrintJobKind } from '../../../domain/receipt/paper';
import { compareCount, countJournalState, decideAfterCount, DIFFERENCE_REASONS, type DifferenceReasonCode } from '../../../domain/till/arqueo';
import { preCloseGate, type GateResult } from '../../../domain/till/gate';
import { sameCount } from '../../../domain/till/blind-count';
import { checkHolding } from '../../../domain/till/holding';
import type { TillPolicy } from '../../../domain/till/policy';
import { AppError } from '../../core/errors';
import { formatReceiptDate, formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import { openingAgainstClose, openingSubject, type LastClose } from '../../../domain/till/opening';
import { type Clock, type Ids } from '../../core/runtime';
import { bogotaDate } from '../../../domain/calendar/bogota-time';
import type { ArqueoCount, ClosingRecord, GateFactsRepo, TillLifecycleRepo } from '../../store/till/lifecycle';
import type { TillRepo, TillSessionRecord } from '../../store/till/repo';
import type { UsersRepo } from '../../store/users/repo';
import type { IdempotentRunner } from '../idempotent';
import type { JournalHealth } from '../journal/health';
import type { Journal } from '../journal/writer';
import type { SupervisedRequests } from '../supervisor/requests';
import { buildCloseReport, closeReportNumber, differenceWords, type ReopeningFacts } from './report';
import { verificationCodeOf } from '../comprobante/posting';
import { tillCloseOperation, tillOpenOperation, type TillOutbox } from '../till/central-records';
import { closedBy, type CentralClose } from '../till/central-close';
import type { UncomparedOpening } from '../till/service';

/** Where the end-of-day report goes; the devices service implements it. */
export interface ReportPrinter {
  /** Records the job unsent inside the caller's transaction; `printReceipt` with the same document sends it after the commit. */
  oweReceipt(doc: ReceiptDocument, o: { reference: string; kind: PrintJobKind }): { jobId: string };
  printReceipt(doc: ReceiptDocument, o: { reference: string; kind: PrintJobKind }): Promise<{ jobId: string }>;
  /** The original when it was never recorded, otherwise "COPIA No. n". */
  printAgain(doc: ReceiptDocument, o: { reference: string; actor: string; kind: PrintJobKind }): Pick<DevicePrintJob, 'jobId' | 'state' | 'copyNumber'>;
}

export interface ArqueoDeps {
  tills: TillRepo;
  lifecycle: TillLifecycleRepo;
  facts: GateFactsRepo;
  users: UsersRepo;
  journal: Journal;
  health: JournalHealth;
  idempotent: IdempotentRunner;
  requests: SupervisedRequests;
  clock: Clock;
  ids: Ids;
  policy: TillPolicy;
  workstation: { id: string; branchCode: string; branchName: string; tillCode: string };
  printer: ReportPrinter | null;
  /** The close and a reopening go to central through the outbox, in the transaction that saves them. */
  outbox: TillOutbox;
  /** Writes down the supervisor requests lapsed by now, before the close's journal entry (approval/lapses.ts). */
  recordLapses: () => unknown;
  /** Central answering now, as the status bar shows it: the gate then says the queue is being sent, not to reconnect. */
  online?: () => boolean;
  onChange: () => void;
}


/** Pieces to add (+) and to remove (−) to turn `from` into `to`, as two non-negative counts. */
const split = (from: DenominationCount, to: DenominationCount) => {
  const plus: DenominationCount = {};
  const minus: DenominationCount = {};
  for (const d of DENOMINATIONS) {
    const k = `${d}` as const;
    const delta = (to[k] ?? 0) - (from[k] ?? 0);
    if (delta > 0) plus[k] = delta;
    if (delta < 0) minus[k] = -delta;
  }
  return { plus, minus };
};

/**
 * The counts of an arqueo and whether one of them showed the teller a difference. An arqueo recorded before its
 * counts were kept reads from its columns: count2 (if any) was its second count, a 'diferencia' was shown.
 */
const countsSoFar = (open: ClosingRecord | undefined) => {
  if (!open) return { number: 0, differenceShown: false };
  const number = Math.max(open.counts.length, open.count2 ? 2 : 1);
  return { number, differenceShown: open.state === 'diferencia' || open.counts.some((c) => c.answer === 'aprobar') };
};

/**
 * Blind arqueo and close (teller-anchors §4 items 12–13): pre-close gate, a blind first count and a blind second one, difference
 * booked with a reason and a supervisor's approval, immutable closed till, end-of-day report, journal head
 * anchored at central; reopening only with a supervisor, as a new session.
 */
export const createArqueoService = (deps: ArqueoDeps) => {
  const ws = deps.workstation;
  const name = (id: string) => deps.users.findById(id)?.displayName ?? id;
  const ownTill = (user: User): TillSessionRecord => {
    const till = deps.tills.findOpen(ws.tillCode);
    if (!till) throw new AppError('TILL_NOT_OPEN', `La caja ${ws.tillCode} no está abierta.`);
    if (till.tellerId !== user.id) throw new AppError('TILL_NOT_YOURS', `La caja ${ws.tillCode} está abierta por otro cajero. Solo quien la abrió la cierra.`);
    return till;
  };
  const gateFor = (user: User, till: TillSessionRecord, exceptApproval: string | null): GateResult => {
    const now = deps.clock.now().toISOString();
    // A visa for sends blocked after refused sends does not hold the close: the arqueo is one way to lift the block.
    const mine = deps.lifecycle
      .pendingRequests()
      .filter((r) => r.request.makerId === user.id && r.request.id !== exceptApproval && r.request.expiresAt > now && r.kind !== 'till_transfer_block');
    return preCloseGate({
      pendingApprovals: deps.facts.pendingApprovals(user.id, now) + mine.length,
      pendingApprovalSummaries: [...deps.facts.pendingApprovalSummaries(user.id, now), ...mine.map((r) => r.summary)],
      unsyncedOperations: deps.facts.unsynced(),
      online: deps.online?.() ?? false,
      unknownOutcomeOperations: deps.facts.unknown(),
      unprintedReceipts: deps.facts.unprinted(till.id),
      unconfirmedDebits: deps.facts.unconfirmedDebits(ws.tillCode),
      openRemittances: deps.facts.openRemittances(),
      transfersInTransit: deps.facts.transfersInTransit(ws.tillCode),
      positionTotal: till.positionTotal,
      // Only the teller who opened the till reads its gate: under blind close it does not learn the cash here either.
      blind: deps.policy.blindClose,
      holding: checkHolding(till.positionTotal, deps.policy, deps.policy.blindClose),
    });
  };
  const blocked = (g: GateResult) =>
    new AppError('CLOSE_BLOCKED', `No se puede cerrar la caja todavía:\n${g.items.map((i) => `• ${i.message} ${i.resolveAt}`).join('\n')}`, { items: g.items });

  const approvalOf = (approvalId: string | null) => (approvalId ? deps.lifecycle.request(approvalId) : undefined);

  /**
   * A recount after the difference went to the supervisor (the teller left F6 and came back, or the supervisor
   * approved it on the desk meanwhile) keeps that request while it can still be used: through a second count,
   * and at the end if the difference is the same one it was asked for. Another result withdraws a request still
   * pending (`count`); one already approved stays unused, since it names the old difference.
   */
  const keptApproval = (open: { id: string; approvalId: string | null }, state: string, difference: number, at: string) => {
    const prior = approvalOf(open.approvalId);
    if (!prior || prior.used || prior.request.expiresAt <= at) return undefined;
    if (prior.request.status !== 'pendiente' && prior.request.status !== 'aprobada') return undefined;
    if (state === 'recontar' || (state === 'diferencia' && prior.request.subject === `till_difference:${open.id}:${difference}`)) return prior;
    return undefined;
  };

  /**
   * Who or what settled each count of the arqueo, for the report and the close's journal entry: the supervisor's
   * decision on its request, the request withdrawn by the next count, or the blind second count asked for.
   */
  const decidedCounts = (counts: readonly ArqueoCount[]) =>
    counts.map((c, i) => {
      const later = counts.slice(i + 1).find((x) => c.approvalId !== null && x.approvalId === c.approvalId);
      const rec = approvalOf(c.approvalId);
      const q = rec?.request;
      const decision = later
        ? `solicitud seguida en el conteo ${later.n}`
        : q?.status === 'aprobada'
          ? `aprobó ${name(q.checkerId ?? '')}`
          : q?.status === 'rechazada'
            ? `rechazó ${name(q.checkerId ?? '')}`
            : q?.status === 'vencida'
              ? q.note?.startsWith('Retirada') ? 'solicitud retirada al contar de nuevo' : 'solicitud vencida'
              : q
                ? 'solicitud pendiente'
                : c.answer === 'recontar'
                  ? 'segundo conteo ciego pedido'
                  : i < counts.length - 1
                    ? 'contó de nuevo'
                    : 'cierre del cajero';
      return { n: c.n, countedTotal: c.countedTotal, expectedTotal: c.expectedTotal, difference: c.difference, approvalId: c.approvalId, decision };
    });

  /** The reopening a session started with, as its report tells it: from which close, why and who approved it. */
  const reopeningOf = (session: TillSessionRecord): ReopeningFacts | null => {
    const local = deps.tills.reopenedFrom(session.id);
    const localClosed = local ? deps.tills.findById(local) : undefined;
    // A reopening from central's close (a reinstall the same day) kept that close's facts with the session.
    const closed = localClosed ? { id: localClosed.id, closedAt: localClosed.closedAt, total: localClosed.positionTotal } : deps.tills.reopenedFromCentral(session.id);
    if (!closed) return null;
    const from = closed.id;
    const approval = deps.lifecycle.spentRequest(`till_reopen:${from}`);
    const reason = approval?.context.Motivo;
    return {
      closedAt: closed.closedAt,
      closingBalance: closed.total,
      reason: typeof reason === 'string' ? reason : '—',
      approver: approval?.request.checkerId ? name(approval.request.checkerId) : '—',
    };
  };

  /** Which of the two reports a session's close prints: the one of a reopened till says so (buildCloseReport's title). */
  const reportKind = (session: TillSessionRecord): PrintJobKind => (reopeningOf(session) ? 'reopening_report' : 'close_report');

  const report = (session: TillSessionRecord, closingId: string): ReceiptDocument | null => {
    const closing = deps.lifecycle.closing(closingId) ?? deps.lifecycle.closedClosing(session.id);
    if (!closing) return null;
    const approval = approvalOf(closing.approvalId);
    // A close journaled before the hash was kept falls back to the journal's head, as it did then.
    const hash = closing.journalHash ?? deps.journal.head()?.hash ?? '0'.repeat(8);
    return buildCloseReport({
      session,
      closing,
      movements: deps.tills.movements(session.id),
      counts: decidedCounts(closing.counts),
      branch: { code: ws.branchCode, name: ws.branchName },
      teller: name(session.tellerId),
      approver: approval?.request.checkerId ? name(approval.request.checkerId) : null,
      closedAt: session.closedAt ?? closing.updatedAt,
      verificationCode: verificationCodeOf(hash),
      reopening: reopeningOf(session),
      contingency: deps.facts.postedInContingency(session.id),
      cheques: deps.facts.chequesIssued(session.id),
      chequesReceived: deps.facts.chequesReceived(session.id),
    });
  };

  /**
   * The reopened till starts from the closed one's count, uncounted: it goes back to the teller who counted and
   * signed it. Another teller starts their own till with their own count (teller-anchors §4: a hand-over counts).
   */
  const refuseAnotherTeller = (closed: ReopenableClose, user: User) => {
    if (closed.closedBy(user)) return;
    throw new AppError(
      'TILL_NOT_YOURS',
      `La caja ${ws.tillCode} la cerró ${closed.closer}: solo quien la cerró puede pedir reabrirla, porque recibe el efectivo sin contarlo de nuevo.`,
    );
  };

  /**
   * The close a reopening starts from: this store's last close, else central's (`central`: a workstation
   * reinstalled the same day, whose store lost the close), which reopens exactly as a local one would.
   */
  interface ReopenableClose {
    id: string;
    businessDate: string;
    closedAt: string | null;
    count: DenominationCount;
    total: number;
    closedBy: (user: User) => boolean;
    closer: string;
    reopened: boolean;
    local: boolean;
  }
  const lastClose = (central: CentralClose | null): ReopenableClose | null => {
    const closed = deps.tills.lastClosed(ws.tillCode);
    if (closed) {
      return {
        id: closed.id, businessDate: closed.businessDate, closedAt: closed.closedAt, count: closed.position, total: closed.positionTotal,
        closedBy: (u) => u.id === closed.tellerId, closer: name(closed.tellerId), reopened: deps.tills.wasReopened(closed.id), local: true,
      };
    }
    if (!central) return null;
    const username = central.closedBy.username;
    const closer = username ? (deps.users.findByUsername(username)?.displayName ?? username) : name(central.closedBy.id);
    // Reopened already is central's to say (a later opening left open); the caller passes no close then.
    return { id: central.closedTillId, businessDate: central.businessDate, closedAt: central.closedAt, count: central.count, total: central.total, closedBy: (u) => closedBy(central, u), closer, reopened: false, local: false };
  };

  /**
   * An arqueo stands only for the cash it counted: once the till moved after it (a deposit, a transfer), the
   * teller counts again instead of resuming an answer about other cash.
   */
  const lastCount = (till: TillSessionRecord, open: ClosingRecord): { count: DenominationCount; result: CountResult } | null => {
    if (!sameCount(open.expected, till.position)) return null;
    const count = open.count2 ?? open.count1;
    const countNumber = countsSoFar(open).number;
    const base = { closingId: open.id, countNumber, approvalId: null, approvalStatus: null };
    if (open.state === 'recontar') return { count, result: { ...base, next: 'recontar', difference: null, outcome: null, byDenomination: [] } };
    const cmp = compareCount(open.expected, count);
    const approval = approvalOf(open.approvalId);
    const live = approval && !approval.used && approval.request.expiresAt > deps.clock.now().toISOString() && ['pendiente', 'aprobada'].includes(approval.request.status);
    return {
      count,
      result: {
        ...base,
        next: open.state === 'cuadrada' ? 'cerrar' : 'aprobar',
        difference: cmp.difference,
        outcome: cmp.outcome,
        byDenomination: cmp.byDenomination,
        approvalId: live ? approval.request.id : null,
        approvalStatus: live ? approval.request.status : null,
      },
    };
  };

  /** The last close's report (none for central's: its paper was printed at the old machine) and whether it reopens. */
  const lastReport = (central: CentralClose | null = null) => {
    const closed = lastClose(central);
    if (!closed) return { report: null, closedTillId: null, reopenable: false };
    const session = closed.local ? deps.tills.findById(closed.id) : undefined;
    const closing = session ? deps.lifecycle.closedClosing(closed.id) : undefined;
    const doc = session && closing ? report(session, closing.id) : null;
    const reopenable = !deps.tills.findOpen(ws.tillCode) && !closed.reopened && closed.businessDate === bogotaDate(deps.clock.now());
    return { report: doc, closedTillId: closed.id, reopenable };
  };

  /**
   * An opening that cannot be compared with a last close (central silent with no close here, or the till left open
   * at central): the supervisor approves the count itself, and reads why.
   */
  const requestUncomparedOpening = (user: User, req: { count: DenominationCount; reasonText: string }, why: UncomparedOpening) => {
    const live = deps.lifecycle.liveRequest(why.subject, user.id, deps.clock.now().toISOString());
    if (live) return { approvalId: live.request.id, status: live.request.status };
    const counted = totalOfCount(req.count);
    const rec = deps.requests.open(user, {
      kind: 'till_difference',
      reason: approvalReason('TILL_DIFFERENCE', `${why.what}. Motivo: ${req.reasonText}`),
      subject: why.subject,
      summary: why.summary,
      amount: counted,
      context: { Caja: ws.tillCode, Cajero: name(user.id), 'Último cierre': why.lastCloseText, 'Contado al abrir': formatPesos(counted), Motivo: req.reasonText },
    });
    deps.requests.announce(rec, name(user.id));
    return { approvalId: rec.request.id, status: rec.request.status };
  };

  return {
    /** Inicio: the open till's comprobantes without a printed receipt, and its last comprobante. */
    unprinted: (user: User) => {
      const till = deps.tills.findOpen(ws.tillCode);
      // Another teller signing in here is refused the till, and is not shown its customers' accounts and amounts
      // either: the till's owner (and a supervisor) read its last and unprinted comprobantes.
      if (!till || (till.tellerId !== user.id && user.role !== 'supervisor')) return { receipts: [], last: null };
      const kindOf = <R extends { kind: string }>(r: R) => ({ ...r, kind: r.kind as 'deposito' | 'retiro' | 'traslado' });
      const last = deps.facts.lastPosted(ws.tillCode, till.id);
      return { receipts: deps.facts.unprintedList(till.id).map(kindOf), last: last ? kindOf(last) : null };
    },
    /**
     * The pre-close gate, and the count registered in this session's arqueo with the answer it got then, so F6
     * resumes where the teller left it. The answer is only what `count` already told them: a recount stays blind.
     */
    gate: (user: User): GateResult & { last: { count: DenominationCount; result: CountResult } | null } => {
      const till = ownTill(user);
      const open = deps.lifecycle.openClosing(till.id);
      return { ...gateFor(user, till, open?.approvalId ?? null), last: open ? lastCount(till, open) : null };
    },

    count: (user: User, req: { idempotencyKey: string; count: DenominationCount }): CountResult => {
      const till = ownTill(user);
      const existing = deps.lifecycle.openClosing(till.id);
      const g = gateFor(user, till, existing?.approvalId ?? null);
      if (!g.canClose) throw blocked(g);
      let withdrawn: string | null = null;
      const result = deps.idempotent('till.count', req.idempotencyKey, req, (): CountResult => {
        const at = deps.clock.now().toISOString();
        const open = deps.lifecycle.openClosing(till.id);
        // Counts go on from the arqueo's last one, never back to a "first" blind count: see decideAfterCount for
        // why a count after a shown difference goes to the supervisor even when it squares.
        const so = countsSoFar(open);
        const countNumber = so.number + 1;
        const cmp = compareCount(till.position, req.count);
        const decision = decideAfterCount(cmp, countNumber, deps.policy.secondCountThreshold, so.differenceShown);
        const state = decision.next === 'cerrar' ? 'cuadrada' : decision.next === 'recontar' ? 'recontar' : 'diferencia';
        let closingId: string;
        let kept: ReturnType<typeof keptApproval> = undefined;
        const entry = (approvalId: string | null): ArqueoCount => ({
          n: countNumber, countedTotal: cmp.countedTotal, expectedTotal: cmp.expectedTotal, difference: cmp.difference, answer: decision.next, approvalId, at,
        });
        if (!open) {
          closingId = deps.ids.uuid();
          deps.lifecycle.insertClosing({ id: closingId, tillSessionId: till.id, state, expected: till.position, count1: req.count, difference: cmp.difference, counts: [entry(null)], at });
        } else {
          closingId = open.id;
          // count1 stays the first count and count2 is the latest, the one the till closes on; every count is kept
          // in `counts` for the report, so a recount never hides the difference an earlier one showed.
          kept = keptApproval(open, state, cmp.difference, at);
          // Another result makes the difference asked for moot: its request leaves the desk now.
          if (!kept && open.approvalId && deps.requests.withdraw(user, open.approvalId, 'Retirada: el recuento dio otro resultado')) withdrawn = open.approvalId;
          const why = kept ? { approvalId: kept.request.id, reasonCode: open.reasonCode, reasonText: open.reasonText } : { approvalId: null, reasonCode: null, reasonText: null };
          const counts = [...open.counts, entry(kept?.request.id ?? null)];
          deps.lifecycle.saveClosing({ ...open, count2: req.count, state, difference: cmp.difference, ...why, expected: till.position, counts }, at);
        }
        deps.journal.record('cash_count', user.id, {
          tillSessionId: till.id,
          closingId,
          countNumber,
          count: req.count,
          countedTotal: cmp.countedTotal,
          expectedTotal: cmp.expectedTotal,
          difference: cmp.difference,
          state: countJournalState(decision),
        });
        const final = decision.next !== 'recontar';
        return {
          closingId,
          countNumber,
          next: decision.next,
          difference: final ? cmp.difference : null,
          outcome: final ? cmp.outcome : null,
          byDenomination: final ? cmp.byDenomination : [],
          approvalId: final && kept ? kept.request.id : null,
          approvalStatus: final && kept ? kept.request.status : null,
          withdrewApproval: withdrawn !== null,
        };
      });
      if (withdrawn) deps.requests.announceWithdrawn(withdrawn);
      deps.onChange();
      return result;
    },

    requestDifferenceApproval: (user: User, req: { closingId: string; reasonCode: string; reasonText: string }) => {
      const till = ownTill(user);
      const closing = deps.lifecycle.closing(req.closingId);
      if (!closing || closing.tillSessionId !== till.id || closing.state === 'cerrada') {
        throw new AppError('CLOSING_NOT_FOUND', 'No hay un arqueo en curso para esta caja. Cuente de nuevo.');
      }
      if (closing.state !== 'diferencia') throw new AppError('NO_DIFFERENCE', 'El arqueo no tiene una diferencia que aprobar.');
      const current = approvalOf(closing.approvalId);
      if (current && (current.request.status === 'pendiente' || current.request.status === 'aprobada')) {
        return { approvalId: current.request.id, status: current.request.status };
      }
      const d = closing.difference;
      const kind = d < 0 ? 'Faltante' : 'Sobrante';
      const reason = DIFFERENCE_REASONS[req.reasonCode as DifferenceReasonCode];
      const counted = closing.count2 ?? closing.count1;
      const n = countsSoFar(closing).number;
      // A count that squares after a shown difference comes here too (decideAfterCount): the supervisor reads every count.
      const what = d === 0 ? `Caja cuadrada en el conteo ${n}, después de mostrar una diferencia` : `${kind} de ${formatPesos(Math.abs(d))}`;
      const everyCount = Object.fromEntries(closing.counts.map((c) => [`Conteo ${c.n}`, `${formatPesos(c.countedTotal)} · ${differenceWords(c.difference)}`]));
      const rec = deps.idempotent('till.requestDifferenceApproval', `${closing.id}:${n}:${closing.updatedAt}`, { closingId: closing.id, d }, () => {
        const r = deps.requests.open(user, {
          kind: 'till_difference',
          reason: approvalReason('TILL_DIFFERENCE', `${what}. Motivo: ${reason}. ${req.reasonText}`),
          subject: `till_difference:${closing.id}:${d}`,
          summary: `${what} en la caja ${ws.tillCode}`,
          amount: Math.abs(d),
          context: {
            Caja: ws.tillCode,
            Cajero: name(user.id),
            'Saldo esperado': formatPesos(totalOfCount(closing.expected)),
            Contado: formatPesos(totalOfCount(counted)),
            Diferencia: d === 0 ? 'Ninguna en el último conteo' : `${kind} ${formatPesos(Math.abs(d))}`,
            Conteos: `${n}`,
            ...everyCount,
            Motivo: `${reason}. ${req.reasonText}`,
          },
        });
        // The request covers the latest count: the report says who decided each one.
        const counts = closing.counts.map((c, i) => (i === closing.counts.length - 1 ? { ...c, approvalId: r.request.id } : c));
        deps.lifecycle.saveClosing({ ...closing, reasonCode: req.reasonCode, reasonText: req.reasonText, approvalId: r.request.id, counts }, deps.clock.now().toISOString());
        return { approvalId: r.request.id, status: r.request.status };
      });
      const stored = deps.lifecycle.request(rec.approvalId);
      if (stored) deps.requests.announce(stored, name(user.id));
      return rec;
    },

    close: async (user: User, req: { idempotencyKey: string; closingId: string }) => {
      // A difference approved at another workstation's desk is taken in before the close looks for it.
      await deps.requests.reconcile();
      const till = deps.tills.findOpen(ws.tillCode);
      if (!till) {
        // A retry after the answer was lost: the idempotent record has the first answer.
        const replay = deps.idempotent('till.close', req.idempotencyKey, req, () => {
          throw new AppError('TILL_NOT_OPEN', `La caja ${ws.tillCode} no está abierta.`);
        });
        return replay as { report: ReceiptDocument; printJobId: string | null; anchored: boolean };
      }
      ownTill(user);
      deps.recordLapses();
      const closing = deps.lifecycle.closing(req.closingId);
      if (!closing || closing.tillSessionId !== till.id) throw new AppError('CLOSING_NOT_FOUND', 'No hay un arqueo en curso para esta caja. Cuente el efectivo primero.');
      if (closing.state === 'recontar') throw new AppError('CLOSING_NOT_FOUND', 'Falta el segundo conteo ciego del arqueo.');
      // Closing sets the till to what was counted: cash that moved after the count would leave the books unseen.
      if (!sameCount(closing.expected, till.position)) {
        throw new AppError('COUNT_OUTDATED', 'El efectivo de la caja cambió después del conteo (una operación o un traslado). Cuente de nuevo (F6) antes de cerrar.');
      }
      const g = gateFor(user, till, closing.approvalId);
      if (!g.canClose) throw blocked(g);
      const kind = reportKind(till);
      const result = deps.idempotent('till.close', req.idempotencyKey, req, () => {
        const at = deps.clock.now().toISOString();
        const counted = closing.count2 ?? closing.count1;
        let approvalId: string | null = null;
        // 'diferencia' is also a count that squares after a shown difference (decideAfterCount): the supervisor's approval closes it.
        if (closing.state === 'diferencia') {
          if (!closing.approvalId) {
            throw new AppError(
              'APPROVAL_REQUIRED',
              closing.difference === 0
                ? 'Un conteo anterior de este arqueo mostró una diferencia: registre el motivo y pida la aprobación del supervisor antes de cerrar.'
                : 'El arqueo tiene una diferencia: registre el motivo y pida la aprobación del supervisor antes de cerrar.',
            );
          }
          approvalId = deps.requests.consume(closing.approvalId, { kind: 'till_difference', subject: `till_difference:${closing.id}:${closing.difference}`, makerId: user.id }).request.id;
        }
        if (closing.difference !== 0) {
          // The position becomes what was counted: the shortage leaves the till, the overage enters it.
          const { plus, minus } = split(till.position, counted);
          let position = till.position;
          for (const [delta, sign, kind] of [[minus, -1, 'faltante'], [plus, 1, 'sobrante']] as const) {
            const amount = totalOfCount(delta);
            if (amount === 0) continue;
            position = applyCount(position, delta, sign);
            deps.tills.addMovement({ id: deps.ids.uuid(), tillSessionId: till.id, kind, reference: closing.id, delta, amount: sign * amount, at }, position, totalOfCount(position));
          }
        }
        deps.lifecycle.saveClosing({ ...closing, state: 'cerrada' }, at);
        if (!deps.tills.close(till.id, at, counted)) throw new AppError('TILL_NOT_OPEN', 'La caja ya estaba cerrada.');
        const entry = deps.journal.record('till_close', user.id, {
          tillSessionId: till.id,
          tillCode: ws.tillCode,
          closingId: closing.id,
          document: closeReportNumber(ws.branchCode, till),
          expectedTotal: totalOfCount(closing.expected),
          countedTotal: totalOfCount(counted),
          difference: closing.difference,
          state: closing.difference === 0 ? 'cuadrada' : closing.difference < 0 ? 'faltante' : 'sobrante',
          reasonCode: closing.reasonCode,
          reasonText: closing.reasonText,
          approvalId,
          count: counted,
          total: totalOfCount(counted),
          // Every count of the arqueo with its difference and who decided it (empty for arqueos recorded before).
          counts: decidedCounts(closing.counts),
        });
        deps.lifecycle.closingJournaled(closing.id, entry.hash);
        deps.outbox.enqueue(
          tillCloseOperation(ws, deps.ids.uuid(), at, {
            tellerId: till.tellerId, tellerUsername: deps.users.findById(till.tellerId)?.username, tillSessionId: till.id, businessDate: till.businessDate, count: counted, expected: totalOfCount(closing.expected), approvalId,
          }),
        );
        const session = deps.tills.findById(till.id) ?? till;
        const doc = report(session, closing.id);
        if (!doc) throw new AppError('CLOSING_NOT_FOUND', 'No se encontró el arqueo.');
        // Owed in this transaction: a crash before the printer gets it still shows it at Dispositivos (Reintentar).
        deps.printer?.oweReceipt(doc, { reference: doc.sequence, kind });
        return { report: doc, printJobId: null as string | null, anchored: false };
      });
      deps.onChange();
      let printJobId: string | null = null;
      if (deps.printer) {
        try {
          printJobId = (await deps.printer.printReceipt(result.report, { reference: result.report.sequence, kind })).jobId;
        } catch {
          printJobId = null; // the report stays available (till.lastReport) for a reprint
        }
      }
      const anchored = await deps.health.anchor().then((s) => s.anchoredSequence !== null, () => false);
      return { ...result, printJobId, anchored };
    },

    lastReport,

    printReport: (user: User) => {
      const doc = lastReport().report;
      const closed = deps.tills.lastClosed(ws.tillCode);
      if (!doc || !closed) throw new AppError('NOTHING_TO_PRINT', 'No hay una caja cerrada en esta estación: no hay reporte para imprimir.');
      if (!deps.printer) throw new AppError('PRINTER_UNAVAILABLE', 'Esta estación no tiene impresora configurada: revise Dispositivos (F9).');
      const job = deps.printer.printAgain(doc, { reference: doc.sequence, actor: user.id, kind: reportKind(closed) });
      return { printJob: { jobId: job.jobId, state: job.state }, copyNumber: job.copyNumber };
    },

    requestReopen: (user: User, req: { reason: string }, central: CentralClose | null = null) => {
      if (user.role !== 'cajero') throw new AppError('ROLE_NOT_ALLOWED', 'La reapertura la solicita el cajero de la caja.');
      if (deps.tills.findOpen(ws.tillCode)) throw new AppError('TILL_ALREADY_OPEN', `La caja ${ws.tillCode} ya está abierta.`);
      const closed = lastClose(central);
      if (!closed || closed.reopened || closed.businessDate !== bogotaDate(deps.clock.now())) {
        throw new AppError('NOTHING_TO_REOPEN', 'No hay una caja cerrada hoy que se pueda reabrir.');
      }
      refuseAnotherTeller(closed, user);
      const closedAt = closed.closedAt ? formatReceiptDateTime(closed.closedAt) : '';
      // One request per reopening: one already pending or approved (on the desk, say) is the answer again,
      // whatever reason is typed now, instead of a second request the supervisor must decide as well.
      const live = deps.lifecycle.liveRequest(`till_reopen:${closed.id}`, user.id, deps.clock.now().toISOString());
      if (live) return { approvalId: live.request.id, status: live.request.status };
      const rec = deps.idempotent('till.requestReopen', `reopen:${closed.id}:${user.id}:${req.reason}`, req, () =>
        deps.requests.open(user, {
          kind: 'till_reopen',
          reason: approvalReason('TILL_REOPEN', `Reapertura solicitada: ${req.reason}`),
          subject: `till_reopen:${closed.id}`,
          summary: `Reapertura de la caja ${ws.tillCode} cerrada el ${closedAt}`,
          amount: closed.total,
          context: { Caja: ws.tillCode, Cajero: name(user.id), 'Cerrada el': closedAt, 'Saldo al cierre': formatPesos(closed.total), Motivo: req.reason },
        }),
      );
      deps.requests.announce(rec, name(user.id));
      return { approvalId: rec.request.id, status: rec.request.status };
    },

    /**
     * An opening count that differs from the last close (QA M1) goes to a supervisor like a close's difference:
     * same kind on the desks (here and, relayed through central, at the others), with both counts and the motivo.
     */
    requestOpeningApproval: (user: User, req: { count: DenominationCount; reasonText: string }, last: LastClose | null, uncompared: UncomparedOpening | null = null) => {
      if (user.role !== 'cajero') throw new AppError('ROLE_NOT_ALLOWED', 'La apertura la solicita el cajero de la caja.');
      if (deps.tills.findOpen(ws.tillCode)) throw new AppError('TILL_ALREADY_OPEN', `La caja ${ws.tillCode} ya está abierta.`);
      if (uncompared) return requestUncomparedOpening(user, req, uncompared);
      const cmp = openingAgainstClose(last, req.count);
      if (!last || !cmp) throw new AppError('NO_DIFFERENCE', 'El conteo coincide con el último cierre de la caja: ábrala sin aprobación.');
      const subject = openingSubject(last.closedTillId, req.count);
      const live = deps.lifecycle.liveRequest(subject, user.id, deps.clock.now().toISOString());
      if (live) return { approvalId: live.request.id, status: live.request.status };
      const d = cmp.difference;
      const what = d === 0 ? 'Apertura con otras denominaciones que el último cierre' : `${d < 0 ? 'Faltante' : 'Sobrante'} de ${formatPesos(Math.abs(d))} al abrir`;
      const rec = deps.requests.open(user, {
        kind: 'till_difference',
        reason: approvalReason('TILL_DIFFERENCE', `${what}. Motivo: ${req.reasonText}`),
        subject,
        summary: `${what} la caja ${ws.tillCode}`,
        amount: Math.abs(d),
        context: {
          Caja: ws.tillCode,
          Cajero: name(user.id),
          'Último cierre': `${formatReceiptDate(last.businessDate)} · ${formatPesos(last.total)}`,
          'Contado al abrir': formatPesos(cmp.countedTotal),
          Diferencia: d === 0 ? 'Ninguna en total (otras denominaciones)' : `${d < 0 ? 'Faltante' : 'Sobrante'} ${formatPesos(Math.abs(d))}`,
          Motivo: req.reasonText,
        },
      });
      deps.requests.announce(rec, name(user.id));
      return { approvalId: rec.request.id, status: rec.request.status };
    },

    /** Spends the supervisor's approval of an opening count (the teller's own is refused by the requests: maker ≠ checker). */
    consumeOpeningApproval: (user: User, approvalId: string, subject: string): string =>
      deps.requests.consume(approvalId, { kind: 'till_difference', subject, makerId: user.id }).request.id,

    /** A new session opening with the closed one's final count; the closed session is never touched. */
    reopen: (user: User, req: { idempotencyKey: string; approvalId: string }, central: CentralClose | null = null) => {
      const out = deps.idempotent('till.reopen', req.idempotencyKey, req, () => {
        if (deps.tills.findOpen(ws.tillCode)) throw new AppError('TILL_ALREADY_OPEN', `La caja ${ws.tillCode} ya está abierta.`);
        const closed = lastClose(central);
        if (!closed || closed.reopened) throw new AppError('NOTHING_TO_REOPEN', 'No hay una caja cerrada que se pueda reabrir.');
        refuseAnotherTeller(closed, user);
        deps.requests.consume(req.approvalId, { kind: 'till_reopen', subject: `till_reopen:${closed.id}`, makerId: user.id });
        const now = deps.clock.now();
        const count = closed.count;
        const id = deps.ids.uuid();
        deps.tills.insertOpen({
          id, tillCode: ws.tillCode, tellerId: user.id, businessDate: bogotaDate(now), openedAt: now.toISOString(),
          openingCount: count, openingTotal: totalOfCount(count), position: count, positionTotal: totalOfCount(count),
        });
        // Central's close is no session of this store (reopened_from references one): the session keeps its facts
        // apart for the report; the journal and the opening sent to central name it.
        if (closed.local) deps.tills.markReopenedFrom(id, closed.id);
        else deps.tills.markReopenedFromCentral(id, { id: closed.id, closedAt: closed.closedAt, total: closed.total });
        deps.outbox.enqueue(
          tillOpenOperation(ws, deps.ids.uuid(), now.toISOString(), {
            tellerId: user.id, tellerUsername: user.username, tillSessionId: id, businessDate: bogotaDate(now), count, carriedFrom: { id: closed.id, total: closed.total }, approvalId: req.approvalId, reopenedFrom: closed.id,
          }),
        );
        deps.journal.record('till_open', user.id, { tillSessionId: id, tillCode: ws.tillCode, reopenedFrom: closed.id, approvalId: req.approvalId, count, total: totalOfCount(count) });
        return id;
      });
      deps.onChange();
      return out;
    },
  };
};
export type ArqueoService = ReturnType<typeof createArqueoService>;
