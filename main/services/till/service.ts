import type { TillSession } from '../../../domain/contract/till';
import type { User } from '../../../domain/contract/session';
import { formatPesos } from '../../../domain/money/pesos';
import { formatReceiptDate } from '../../../domain/calendar/bogota-time';
import { totalOfCount, type DenominationCount } from '../../../domain/money/denominations';
import { AppError } from '../../core/errors';
import { type Clock, type Ids } from '../../core/runtime';
import { bogotaDate } from '../../../domain/calendar/bogota-time';
import { checkHolding, surplusMix } from '../../../domain/till/holding';
import { checkIncomingCash } from '../../../domain/till/incoming-cash';
import { tillDayRefusal } from '../../../domain/till/business-day';
import {
  leftOpenSince, openingAgainstClose, openingDifferenceMessage, openingLeftOpenMessage, openingLeftOpenSubject, openingSubject, openingUnverifiedMessage, openingUnverifiedSubject,
  type LastClose, type LeftOpen,
} from '../../../domain/till/opening';
import { DEFAULT_TILL_POLICY, type TillPolicy } from '../../../domain/till/policy';
import type { TillRepo, TillSessionRecord } from '../../store/till/repo';
import type { UsersRepo } from '../../store/users/repo';
import type { IdempotentRunner } from '../idempotent';
import type { Journal } from '../journal/writer';
import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import { tillOpenOperation, type TillOutbox } from './central-records';
import { closedBy, type CentralClose, type CentralLeftOpen } from './central-close';

/**
 * What central said of the till's last close, asked only when this store has none (a reinstall, a replaced
 * machine under the same workstation id): `reached: false` when it did not answer. Null: no central configured.
 */
export type CentralCloseWord = { reached: true; close: CentralClose | null; leftOpen: CentralLeftOpen | null } | { reached: false };

/**
 * An opening the core cannot compare with a last close, so a supervisor approves the count itself: central silent
 * with no close here, or the till left open at central. What the refusal, F2 and the supervisor's request say.
 */
export interface UncomparedOpening {
  message: string;
  subject: string;
  /** The request's first line at the desks, and the reason before the teller's motivo. */
  summary: string;
  what: string;
  /** The request's "Último cierre" line. */
  lastCloseText: string;
  /** What the opening's journal entry keeps of it. */
  journal: Record<string, unknown>;
}

export const createTillService = (deps: {
  tills: TillRepo;
  users: UsersRepo;
  journal: Journal;
  idempotent: IdempotentRunner;
  clock: Clock;
  ids: Ids;
  tillCode: string;
  /** The opening goes to central through the outbox, in the transaction that saves it. */
  outbox: TillOutbox;
  workstation: { id: string; branchCode: string };
  onChange: () => void;
  policy?: TillPolicy;
}) => {
  const policy = deps.policy ?? DEFAULT_TILL_POLICY;
  /** Blind close: a teller is not sent the till's cash at all (a hidden field would still reach the screen's memory). */
  const blindFor = (viewer: User | null) => policy.blindClose && viewer?.role !== 'supervisor';
  const view = (r: TillSessionRecord, viewer: User | null): TillSession => ({
    id: r.id,
    tillCode: r.tillCode,
    tellerId: r.tellerId,
    tellerName: deps.users.findById(r.tellerId)?.displayName ?? r.tellerId,
    state: r.state,
    openedAt: r.openedAt,
    businessDate: r.businessDate,
    openingCount: r.openingCount,
    openingTotal: r.openingTotal,
    position: blindFor(viewer) ? null : r.position,
    positionTotal: blindFor(viewer) ? null : r.positionTotal,
    holding: checkHolding(r.positionTotal, policy, blindFor(viewer)),
    fromEarlierDay: tillDayRefusal(r.businessDate, bogotaDate(deps.clock.now())) !== null,
  });

  /**
   * The one who closed today goes back through the supervised reopening, which hands back the cash counted at the
   * close; a fresh count of their own would bypass the supervisor. Another teller opens with their own count.
   * Without a close here, central's (`word`: a reinstall the same day) is today's close just the same.
   */
  const closedToday = (user: User, word: CentralCloseWord | null): string | null => {
    const local = deps.tills.lastClosed(deps.tillCode);
    const today = bogotaDate(deps.clock.now());
    // A close followed by an opening left open was reopened (or superseded): the till is left open, not closed.
    const central = !local && word?.reached && !leftOpen(word) ? word.close : null;
    const byUser = local ? local.businessDate === today && local.tellerId === user.id : central !== null && central.businessDate === today && closedBy(central, user);
    if (!byUser) return null;
    return `Usted ya cerró la caja ${deps.tillCode} hoy. Para volver a atender pida la reapertura en Cierre de caja (F6): la aprueba un supervisor y la caja vuelve con el efectivo que contó al cerrar.`;
  };

  /** What the till held at its last close as this store kept it (a crash or a restart keeps it). */
  const localClose = (): LastClose | null => {
    const closed = deps.tills.lastClosed(deps.tillCode);
    return closed ? { closedTillId: closed.id, businessDate: closed.businessDate, closedAt: closed.closedAt, count: closed.position, total: closed.positionTotal } : null;
  };
  /**
   * No close here, and central has an opening after its last close that never closed: the till was left open, and
   * the close before it no longer holds the till's cash. Without any close at central the opening stays a first
   * opening, compared with nothing, as before: every workstation's first session would otherwise need a
   * supervisor after any machine swap before its first close (and the test harnesses open fresh stores that way).
   */
  const leftOpen = (word: CentralCloseWord | null): { left: LeftOpen; stale: LastClose } | null => {
    const o = localClose() === null && word?.reached ? word.leftOpen : null;
    const stale = word?.reached ? word.close : null;
    if (!o || !stale) return null;
    const u = o.openedBy.username ? deps.users.findByUsername(o.openedBy.username) : deps.users.findById(o.openedBy.id);
    return { left: { sessionId: o.sessionId, businessDate: o.businessDate, openedAt: o.openedAt, amount: o.amount, teller: u?.displayName ?? o.openedBy.username }, stale };
  };
  /**
   * The local close, else central's (`word`): a reinstalled workstation compares with it exactly as with its own.
   * None once the till was left open after it: that session's cash moved uncounted, the close no longer holds.
   */
  const lastClose = (word: CentralCloseWord | null = null): LastClose | null => localClose() ?? (word?.reached && !leftOpen(word) ? word.close : null);
  /** Why the opening cannot be compared with the last close (and needs a supervisor for the count); null when it can. */
  const uncompared = (word: CentralCloseWord | null, count: DenominationCount): UncomparedOpening | null => {
    const found = leftOpen(word);
    if (found) {
      const { left, stale } = found;
      return {
        message: openingLeftOpenMessage(left, stale),
        subject: openingLeftOpenSubject(left.sessionId, count),
        summary: `Apertura de la caja ${deps.tillCode}: ${leftOpenSince(left)}`,
        what: `Apertura sin comparar: la caja ${leftOpenSince(left)}`,
        lastCloseText: `${formatReceiptDate(stale.businessDate)} · ${formatPesos(stale.total)} (anterior a la sesión que quedó abierta)`,
        journal: { uncompared: `caja abierta en central sin cierre desde el ${formatReceiptDate(left.businessDate)}`, leftOpen: left.sessionId },
      };
    }
    if (word === null || word.reached || localClose() !== null) return null;
    return {
      message: openingUnverifiedMessage(deps.tillCode),
      subject: openingUnverifiedSubject(deps.tillCode, count),
      summary: `Apertura de la caja ${deps.tillCode} sin comparar con el último cierre`,
      what: 'Apertura sin comparar con el último cierre (central no respondió)',
      lastCloseText: 'No disponible: esta estación no lo tiene y central no respondió',
      journal: { uncompared: 'último cierre no disponible en central' },
    };
  };

  return {
    lastClose,
    uncompared,
    /** What F2 says when the opening cannot be compared with the last close; null when it can (or there is none). */
    lastCloseUnknown: (word: CentralCloseWord | null): string | null => uncompared(word, {})?.message ?? null,

    /** Why `user` may not open the till now, as `open` would answer it; null when they may. */
    openRefusal: (user: User, word: CentralCloseWord | null = null): string | null => (deps.tills.findOpen(deps.tillCode) ? null : closedToday(user, word)),

    /** The open till as `viewer` may see it; null `viewer` (no one signed in) sees no cash under blind close. */
    current: (viewer: User | null): TillSession | null => {
      const open = deps.tills.findOpen(deps.tillCode);
      return open ? view(open, viewer) : null;
    },

    /** Whether the till is open, without its cash (the status bar). */
    isOpen: (): boolean => deps.tills.findOpen(deps.tillCode) !== undefined,

    /** Who holds the open till, by name and without its cash (the status bar); null when it is not open. */
    holder: (): string | null => {
      const open = deps.tills.findOpen(deps.tillCode);
      if (!open) return null;
      const u = deps.users.findById(open.tellerId);
      return u ? u.displayName.trim() || u.username : open.tellerId;
    },

    /** Cash about to come in (a deposit's summary) against the limit, worded for `viewer`, with the bills to send first. */
    incomingCash: (viewer: User, incoming: number) => {
      const open = deps.tills.findOpen(deps.tillCode);
      if (!open) throw new AppError('TILL_NOT_OPEN', `La caja ${deps.tillCode} no está abierta. Ábrala (F2) para recibir efectivo.`);
      const c = checkIncomingCash(open.positionTotal, incoming, checkHolding(open.positionTotal, policy), blindFor(viewer));
      return { state: c.state, surplus: c.surplus, prompt: c.prompt, mix: c.surplus > 0 ? surplusMix(open.position, c.surplus) : null };
    },

    /** Closed for today (the status bar says "Caja cerrada", not "sin abrir"): the last close was today's. */
    closedToday: (): boolean => deps.tills.lastClosed(deps.tillCode)?.businessDate === bogotaDate(deps.clock.now()),

    /**
     * Opens the till with the teller's count. A count that differs from the last close's is refused
     * (OPENING_DIFFERENCE) unless `approve` consumes a supervisor's approval of that very count for that close
     * (maker ≠ checker, in the supervised requests): it returns the approval's id for the journal.
     */
    open: (
      user: User,
      req: { idempotencyKey: string; count: DenominationCount; declaredTotal: number; approvalId?: string | undefined },
      approve: ((approvalId: string, subject: string) => string) | null = null,
      word: CentralCloseWord | null = null,
    ): TillSession => {
      if (user.role !== 'cajero') {
        throw new AppError('ROLE_NOT_ALLOWED', 'Solo un cajero puede abrir una caja. Ingrese con su usuario de cajero.');
      }
      const total = totalOfCount(req.count);
      if (total !== req.declaredTotal) {
        throw new AppError(
          'COUNT_MISMATCH',
          `El conteo suma ${formatPesos(total)} y el total declarado es ${formatPesos(req.declaredTotal)}. Revise el conteo.`,
          { countedTotal: total, declaredTotal: req.declaredTotal },
        );
      }
      const result = deps.idempotent('till.open', req.idempotencyKey, req, () => {
        const existing = deps.tills.findOpen(deps.tillCode);
        if (existing) {
          const who = deps.users.findById(existing.tellerId)?.displayName ?? existing.tellerId;
          throw new AppError('TILL_ALREADY_OPEN', `La caja ${deps.tillCode} ya está abierta por ${who} desde ${formatReceiptDateTime(existing.openedAt)}.`);
        }
        const now = deps.clock.now();
        const refusal = closedToday(user, word);
        if (refusal) throw new AppError('TILL_CLOSED_TODAY', refusal);
        const last = lastClose(word);
        const difference = openingAgainstClose(last, req.count);
        let approvalId: string | null = null;
        const unchecked = uncompared(word, req.count);
        if (unchecked) {
          // Without its last close the count cannot be compared, and cash counted at that close could vanish
          // unseen: a supervisor (never the teller) takes responsibility for the count, as a bank requires for any
          // cash it cannot reconcile. A first opening ever, with central down, is rare enough to bear it. A till
          // left open at central is the same case, not a difference: the close before it no longer holds.
          if (!req.approvalId || !approve) throw new AppError('OPENING_UNVERIFIED', unchecked.message, { countedTotal: total });
          approvalId = approve(req.approvalId, unchecked.subject);
        } else if (last && difference) {
          if (!req.approvalId || !approve) {
            throw new AppError('OPENING_DIFFERENCE', openingDifferenceMessage(deps.tillCode, last, difference), {
              lastClose: { businessDate: last.businessDate, closedAt: last.closedAt, total: last.total },
              countedTotal: difference.countedTotal,
              difference: difference.difference,
            });
          }
          approvalId = approve(req.approvalId, openingSubject(last.closedTillId, req.count));
        }
        const record = {
          id: deps.ids.uuid(),
          tillCode: deps.tillCode,
          tellerId: user.id,
          businessDate: bogotaDate(now),
          openedAt: now.toISOString(),
          openingCount: req.count,
          openingTotal: total,
          position: req.count,
          positionTotal: total,
        };
        deps.tills.insertOpen(record);
        const ws = { ...deps.workstation, tillCode: deps.tillCode };
        deps.outbox.enqueue(
          tillOpenOperation(ws, deps.ids.uuid(), record.openedAt, {
            tellerId: user.id, tellerUsername: user.username, tillSessionId: record.id, businessDate: record.businessDate, count: req.count,
            carriedFrom: last ? { id: last.closedTillId, total: last.total } : null, approvalId,
          }),
        );
        // The last close it follows, and the difference with it a supervisor approved: the cash's trail across days.
        const entry = { tillSessionId: record.id, tillCode: deps.tillCode, count: req.count, total };
        deps.journal.record(
          'till_open',
          user.id,
          last
            ? { ...entry, carriedFrom: last.closedTillId, closedTotal: last.total, difference: total - last.total, approvalId }
            : unchecked
              ? { ...entry, ...unchecked.journal, approvalId }
              : entry,
        );
        return view({ ...record, state: 'abierta', closedAt: null }, user);
      });
      deps.onChange();
      return result;
    },
  };
};
export type TillService = ReturnType<typeof createTillService>;
