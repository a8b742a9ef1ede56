import type { z } from 'zod';
import type { JournalEntryViewSchema } from '../../../domain/contract/journal';
import type { JournalEntryType } from '../../../domain/journal/entry';
import { shortApprovalId } from '../../../domain/approval/request';
import { startOfBogotaDay } from '../../../domain/calendar/bogota-time';
import { journalStatesLike } from '../../../domain/journal/state-labels';
import { PAPER_NAME, type PrintJobKind } from '../../../domain/receipt/paper';
import type { JournalRepo } from '../../store/journal/repo';
import type { UsersRepo } from '../../store/users/repo';

type View = z.infer<typeof JournalEntryViewSchema>;

/** Colombia is UTC−5 all year: a business date D runs from D 05:00Z to D+1 05:00Z. */
const nextDay = (date: string) => {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

const num = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** A posting's entry carries the comprobante's id; a remesa's status change or a returned cheque names its sequence only. */
const postedOf = (type: string, p: Record<string, unknown>): string | null =>
  type === 'comprobante' && typeof p.comprobanteId === 'string' ? str(p.sequence) : null;

/**
 * A cash transfer's amount while it travels: its receiver counts blind, so only the one who sent it (the entry's
 * actor) sees it here; the entry that settles it carries the amount for everyone.
 */
const blindAmount = (type: string, actor: string, p: Record<string, unknown>, viewer: string | undefined) =>
  type === 'vault_transfer' && p.state === 'en_transito' && actor !== viewer;

/** The entry as the blind receiver may see it: the pieces and the total stay the sender's. */
const withoutAmount = (p: Record<string, unknown>) => Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'total' && k !== 'amount' && k !== 'count'));

/**
 * A first count that must be counted again (cierre a ciegas): its answer told the teller neither the expected cash
 * nor the difference, so the entry does not either, except to a supervisor. A final count's answer told its
 * difference, so its entry may say it.
 */
const blindCount = (type: string, p: Record<string, unknown>, supervisor: boolean) => type === 'cash_count' && p.state === 'recontar' && !supervisor;
const withoutExpected = (p: Record<string, unknown>) => Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'expectedTotal' && k !== 'difference'));

/** `Caja 03 → Bóveda`: the two ends of a cash transfer, which its entry names. */
const route = (p: Record<string, unknown>) => (str(p.from) !== null && str(p.to) !== null ? `${str(p.from)} → ${str(p.to)}` : null);

/** The short form a receipt prints for an approval (Autorización), so paper leads to its entries. */
const approvalOf = (p: Record<string, unknown>) => (str(p.approvalId) !== null ? `Autorización ${shortApprovalId(str(p.approvalId) ?? '')}` : null);

/** A reactivation is found by the number on its constancia (the approval is on the paper too, but not its key). */
const ownPaperOf = (type: string, p: Record<string, unknown>) => (type === 'account_reactivation' ? str(p.document) : null);

/**
 * A returned cheque's entry names the deposit as `sequence` and its own receipt (…-DEV) as `document`: the teller
 * holds the return's paper, so that is the number its row shows (a posting carries its comprobante's id, a remesa's
 * status change prints nothing).
 */
const returnPaperOf = (type: string, p: Record<string, unknown>) => (type === 'comprobante' && p.comprobanteId === undefined ? str(p.document) : null);

/**
 * A security-code entry: its reference is the radicado (or central's reference of a contact update), and its
 * state how it ended (`outcome`), a capture's result or a consent's answer when it has no `state` of its own.
 */
const SECURITY_CODE_TYPES: ReadonlySet<string> = new Set(['security_code_request', 'contact_update', 'biometric_check']);
const securityCodeReference = (type: string, p: Record<string, unknown>) =>
  SECURITY_CODE_TYPES.has(type) ? (str(p.radicado) ?? str(p.centralReference)) : null;
const securityCodeState = (type: string, p: Record<string, unknown>) =>
  SECURITY_CODE_TYPES.has(type) ? (str(p.outcome) ?? str(p.result) ?? str(p.consent)) : null;

/** A failed log-in with a username that names no user: what was typed is never kept (it may be a password). */
const unknownUserOf = (type: string, p: Record<string, unknown>) => ((type === 'login_failed' || type === 'approval_failed') && p.unknownUser === true ? 'Usuario no registrado' : null);

/** Reimprimir waits for the original (a copy never comes out first); F9 is where the owed original is retried. */
const originalOwed = (kind: PrintJobKind) => `${PAPER_NAME[kind]} original pendiente de imprimir: F9`;

/** Journal search (O-EJ, FSV): by date, teller, type, account, printed number, amount range and state; newest first, paged. */
export const createJournalSearch = (deps: {
  repo: JournalRepo;
  users: UsersRepo;
  printed: (reference: string) => boolean;
  /** The original paper with this number as recorded for the printer (printed or not): its kind names what is owed. */
  original: (reference: string) => { kind: PrintJobKind } | undefined;
  /** Whether a posted comprobante has been reversed (its entry stays as written; the screen shows the fact). */
  reversed: (sequence: string) => boolean;
  /** Why the viewer is not offered Reversar on a posting (of an earlier business day; only the teller who posted it asks), or null. */
  notOffered: (sequence: string, viewer: string) => string | null;
  /** Writes down the supervisor requests lapsed by now before the journal is read (approval/lapses.ts). */
  recordLapses?: () => unknown;
}) => ({
  search: (q: {
    from?: string | undefined;
    to?: string | undefined;
    teller?: string | undefined;
    type?: JournalEntryType | undefined;
    account?: string | undefined;
    reference?: string | undefined;
    amountMin?: number | undefined;
    amountMax?: number | undefined;
    state?: string | undefined;
    beforeSequence?: number | undefined;
    limit: number;
  }, viewer?: string) => {
    // The teller is typed as a user name; the journal keeps user ids. Failed log-ins with a name of no user are
    // found by their type ('Ingreso fallido'), never by what was typed: the journal does not keep it.
    const actor = q.teller ? (deps.users.findByUsername(q.teller)?.id ?? q.teller) : undefined;
    deps.recordLapses?.();
    const rows = deps.repo.search({
      fromAt: q.from ? startOfBogotaDay(q.from) : undefined,
      toAt: q.to ? startOfBogotaDay(nextDay(q.to)) : undefined,
      actor,
      type: q.type,
      account: q.account,
      reference: q.reference,
      amountMin: q.amountMin,
      amountMax: q.amountMax,
      states: q.state ? journalStatesLike(q.state) : undefined,
      beforeSequence: q.beforeSequence,
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const supervisor = viewer !== undefined && deps.users.findById(viewer)?.role === 'supervisor';
    const filtersAmount = q.amountMin !== undefined || q.amountMax !== undefined;
    const entries: View[] = page.flatMap((r) => {
      const stored = JSON.parse(r.payload) as Record<string, unknown>;
      const blind = blindAmount(r.type, r.actor, stored, viewer);
      // A range that matched a blind amount would tell it (narrowed down search by search): such entries are left out.
      if (blind && filtersAmount) return [];
      const shown = blindCount(r.type, stored, supervisor) ? withoutExpected(stored) : stored;
      const p = blind ? withoutAmount(shown) : shown;
      const posted = postedOf(r.type, p);
      const reversed = posted !== null && deps.reversed(posted);
      // The reversal service says who asks: Reversar is not offered to whoever it would then refuse.
      const notOffered = posted !== null && !reversed && viewer !== undefined ? deps.notOffered(posted, viewer) : null;
      // Entries name their paper as `document`; a posting journaled before that field is known by its sequence.
      const document = str(p.document) ?? posted;
      const owed = document !== null && !deps.printed(document) ? deps.original(document) : undefined;
      return [{
        sequence: r.sequence,
        at: r.at,
        actor: r.actor,
        // What the core writes of itself (a printer failing, central's acknowledgement) is signed 'system'.
        actorName: deps.users.findById(r.actor)?.displayName ?? (r.actor === 'system' ? 'Sistema' : r.actor),
        type: r.type,
        account: str(p.account),
        amount: blind ? null : (num(p.total) ?? num(p.amount)),
        state: posted !== null ? (reversed ? 'reversado' : 'contabilizado') : (str(p.state) ?? str(p.action) ?? str(p.status) ?? securityCodeState(r.type, p)),
        reference:
          unknownUserOf(r.type, p) ??
          returnPaperOf(r.type, p) ??
          str(p.sequence) ??
          str(p.reference) ??
          str(p.original) ??
          route(p) ??
          ownPaperOf(r.type, p) ??
          approvalOf(p) ??
          securityCodeReference(r.type, p),
        // Reversar is offered on a posting that still stands, to the one who may ask for it.
        comprobante: reversed || notOffered !== null ? null : posted,
        reversalNote: notOffered,
        document: document !== null && deps.printed(document) ? document : null,
        printNote: owed ? originalOwed(owed.kind) : null,
        payload: p,
        hash: r.hash,
      }];
    });
    return { entries, nextBefore: rows.length > q.limit ? (page.at(-1)?.sequence ?? null) : null };
  },
});
export type JournalSearch = ReturnType<typeof createJournalSearch>;
