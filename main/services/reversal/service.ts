import { REVERSAL_REASONS } from '../../../domain/contract/reversal';
import type { User } from '../../../domain/contract/session';
import type { JsonObject } from '../../../domain/journal/canonical';
import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import { applyCount, totalOfCount, type DenominationCount } from '../../../domain/money/denominations';
import { suggestMix } from '../../../domain/withdrawal/mix';
import { formatPesos } from '../../../domain/money/pesos';
import type { ReceiptDocument } from '../../../domain/receipt/document';
import { reversalCounterMoves, type CounterMove, type ReversalCounterFacts } from '../../../domain/reversal/counter-moves';
import { TRANSFER_HOLDER_LABELS } from '../../../domain/receipt/build-transfer';
import { AppError } from '../../core/errors';
import { within } from '../../core/within';
import { type Clock, type Ids } from '../../core/runtime';
import { bogotaDate } from '../../../domain/calendar/bogota-time';
import { inTransaction, type Db } from '../../store/db';
import type { CanjeRepo } from '../../store/canje/repo';
import type { ComprobanteRecord } from '../../store/comprobante/repo';
import type { RemittanceRepo } from '../../store/remittance/repo';
import type { JournalRepo } from '../../store/journal/repo';
import type { ReversalRepo } from '../../store/reversal/repo';
import type { TillRepo } from '../../store/till/repo';
import type { UsersRepo } from '../../store/users/repo';
import type { CentralClient } from '../../sync/central-client';
import { authorizeDebit, postAuthorized } from '../comprobante/authorize';
import type { OutboxPort } from '../comprobante/deps';
import type { OutboxRepo } from '../../store/outbox/repo';
import { verificationCodeOf } from '../comprobante/posting';
import type { ReportPrinter } from '../arqueo/service';
import type { IdempotentRunner } from '../idempotent';
import type { Journal } from '../journal/writer';
import type { SupervisedRequests } from '../supervisor/requests';

/** The note a reversal request withdrawn by its teller closes with (what the supervisor's refusal then recognises). */
const REVERSAL_WITHDRAWN_NOTE = 'Retirada: el cajero desistió del reverso';

const KIND: Record<string, string> = { deposito: 'Consignación', retiro: 'Retiro', traslado: 'Traslado' };

/** How long Inicio's reread waits for central's desk decisions, as the canje list waits for its figures. */
const REREAD_WAIT_MS = 1_500;

/** Whether the till holds every piece of `count`. */
const fits = (position: DenominationCount, count: DenominationCount): boolean => {
  try {
    applyCount(position, count, -1);
    return true;
  } catch {
    return false;
  }
};

/**
 * Same-day reversal of a comprobante (teller-anchors §4 item 10; O-EJ): only while the till that posted it is
 * open, with a reason and a supervisor's approval; the reversal is a new record linked to the original (the
 * comprobante itself is append-only), with its own receipt. Till movement, central operations (and with them
 * the local pending balance effects) and journal entry commit in one transaction.
 */
const EARLIER_DAY = 'Solo se reversan comprobantes del día. Para días anteriores acuda a la oficina de operaciones.';

export const createReversalService = (deps: {
  db: Db;
  comprobantes: { bySequence(sequence: string): ComprobanteRecord | undefined };
  reversals: ReversalRepo;
  canje: Pick<CanjeRepo, 'ofDeposit'>;
  remittances: Pick<RemittanceRepo, 'ofDeposit'>;
  tills: TillRepo;
  users: UsersRepo;
  journal: Journal;
  journalRepo: JournalRepo;
  outbox: OutboxPort & Pick<OutboxRepo, 'byKey'>;
  requests: SupervisedRequests;
  /** Authorizes online a reversal that takes money back out of an account (see holdFor). */
  central: Pick<CentralClient, 'call'> | null;
  idempotent: IdempotentRunner;
  clock: Clock;
  ids: Ids;
  workstation: { id: string; branchCode: string; branchName: string; tillCode: string };
  printer: ReportPrinter | null;
  onChange: () => void;
}) => {
  const ws = deps.workstation;
  const name = (id: string) => deps.users.findById(id)?.displayName ?? id;
  const original = (sequence: string) => {
    const c = deps.comprobantes.bySequence(sequence);
    if (!c) throw new AppError('RECEIPT_NOT_FOUND', `No existe el comprobante ${sequence} en esta estación.`);
    return c;
  };
  /** A deposit's cheques that moved after it posted: each is already settled on its own, a reversal would undo it twice. */
  const chequesMoved = (sequence: string): string[] => [
    ...deps.canje.ofDeposit(sequence).filter((c) => c.status === 'devuelta').map((c) => `cheque ${c.chequeNumber} devuelto`),
    ...deps.remittances.ofDeposit(sequence).filter((r) => r.remesa.status !== 'recibida').map((r) => `cheque ${r.chequeNumber} (remesa ${r.remesa.status})`),
  ];
  /**
   * Only the teller who posted a comprobante asks for its reversal; a supervisor approves it and never asks (maker ≠
   * checker). Said with who may, so that whoever else looks at it knows whom to call.
   */
  const notTheirs = (c: ComprobanteRecord, userId: string): string | null =>
    c.tellerId === userId ? null : `Solo ${name(c.tellerId)}, quien registró el comprobante, puede solicitar su reverso; un supervisor lo aprueba.`;
  /** By the core's clock (Bogotá's business day), never the screen's. */
  const ofEarlierDay = (c: ComprobanteRecord): boolean => c.businessDate !== bogotaDate(deps.clock.now());
  const whyNot = (c: ComprobanteRecord, user: User): string | null => {
    if (deps.reversals.ofOriginal(c.sequence)) return 'Este comprobante ya fue reversado.';
    const moved = chequesMoved(c.sequence);
    if (moved.length > 0) {
      return `La consignación tiene cheques que ya cambiaron de estado (${moved.join('; ')}): no se puede reversar completa. Acuda a la oficina de operaciones.`;
    }
    if (ofEarlierDay(c)) return EARLIER_DAY;
    const till = deps.tills.findOpen(ws.tillCode);
    if (!till || till.id !== c.tillSessionId) return 'La caja que registró el comprobante ya no está abierta.';
    if (till.tellerId !== user.id) return notTheirs(c, user.id) ?? 'Solo el cajero de la caja que registró el comprobante puede reversarlo.';
    return null;
  };

  const postingOf = (c: ComprobanteRecord): JsonObject => {
    const entry = deps.journalRepo.get(c.journalSequence);
    return entry ? (JSON.parse(entry.payload) as JsonObject) : {};
  };
  /** The central operations the comprobante's posting sent, in the order it sent them. */
  const centralKeysOf = (c: ComprobanteRecord): string[] => (postingOf(c).centralKeys as string[] | undefined) ?? [];

  /**
   * What the comprobante moved at the counter, for what its reversal gives back or receives: a deposit's cheques and a
   * withdrawal's cheque de gerencia as its slip kept them, a transfer's holders as its receipt printed them for the
   * customer (the workstation may no longer hold the accounts' reference data).
   */
  const movesOf = (c: ComprobanteRecord, when: 'before' | 'posted'): CounterMove[] => {
    const details = JSON.parse(c.details || '{}') as {
      slip?: { cheques?: { bank: string; number: string; amount: number }[] };
      payout?: { kind?: string; number?: string };
    };
    const printed = (label: string): string | null => {
      const doc = JSON.parse(c.receipt || '{}') as Partial<ReceiptDocument>;
      const line = doc.lines?.find((l) => l.kind === 'field' && l.label === label);
      return line?.kind === 'field' ? line.value : null;
    };
    const to = postingOf(c).toAccount;
    const facts: ReversalCounterFacts =
      c.kind === 'deposito'
        ? { kind: 'deposito', cashIn: c.cashIn, cheques: details.slip?.cheques ?? [] }
        : c.kind === 'retiro'
          ? { kind: 'retiro', cashOut: c.cashOut, chequeGerencia: details.payout?.kind === 'cheque-gerencia' ? (details.payout.number ?? null) : null }
          : {
              kind: 'traslado',
              from: { account: c.accountNumber, holders: printed(TRANSFER_HOLDER_LABELS.from) },
              to: { account: typeof to === 'string' ? to : '', holders: printed(TRANSFER_HOLDER_LABELS.to) },
            };
    return reversalCounterMoves(facts, when);
  };

  /**
   * What a reversal takes back out of an account's available balance, and from which: a cash deposit's cash from
   * its account, a transfer's amount from the account it credited. Null when it only gives back (a withdrawal).
   */
  const debitOf = (c: ComprobanteRecord): { account: string; amount: number; what: string; name: string } | null => {
    if (c.kind === 'deposito' && c.cashIn > 0) return { account: c.accountNumber, amount: c.cashIn, what: `de la consignación ${c.sequence}`, name: `la consignación ${c.sequence}` };
    const to = postingOf(c).toAccount;
    if (c.kind === 'traslado' && typeof to === 'string') return { account: to, amount: c.total, what: `del traslado ${c.sequence}`, name: `el traslado ${c.sequence}` };
    return null;
  };

  /**
   * Central refused the reversal's debit for funds: central states only the fact, so it is said as a reversal, with
   * the figures and what comes next. The approval is not used, so the same one reverses it later.
   */
  const fundsShort = (err: unknown, c: ComprobanteRecord, debit: { account: string; amount: number; name: string }): AppError | null => {
    if (!(err instanceof AppError) || err.code !== 'CENTRAL_REFUSED') return null;
    const code = err.details?.code;
    if (code !== 'INSUFFICIENT_FUNDS' && code !== 'EMBARGOED_FUNDS') return null;
    const available = err.details?.available;
    const whose = c.kind === 'deposito' ? `la cuenta ${debit.account}` : `la cuenta ${debit.account}, que lo recibió,`;
    const lacks = code === 'EMBARGOED_FUNDS' ? 'no tiene esos fondos libres de embargo' : 'ya no tiene los fondos';
    const figures = typeof available === 'number' ? ` (el reverso debita ${formatPesos(debit.amount)} y hay ${formatPesos(available)} disponibles)` : ` (${formatPesos(debit.amount)})`;
    const cash = c.kind === 'deposito' ? 'No devuelva el efectivo: el reverso no quedó registrado.' : 'El reverso no quedó registrado.';
    return new AppError(
      'CENTRAL_REFUSED',
      `No se puede reversar ${debit.name}: ${whose} ${lacks}${figures}. ${cash} Informe al cliente y al supervisor: con la misma aprobación, el reverso se registra cuando la cuenta tenga de nuevo los fondos.`,
      err.details,
    );
  };

  /**
   * Reversing a cash deposit hands the cash back and takes the credit out of the account; reversing a transfer
   * takes the amount back out of the account it credited. Either may have been spent since: central holds that
   * much online first (under the reversal's key) and the reversal consumes the hold, as a withdrawal does. A
   * refusal or no answer leaves nothing reversed (and the cash in the till). Null when nothing leaves an
   * available balance (a withdrawal's reversal credits; cheques go back out of canje), when central has not
   * applied the comprobante yet (nothing of it could be spent; its reversal follows it in the same queue), or
   * when the reversal is already posted (a replay).
   */
  const holdFor = async (user: User, req: { idempotencyKey: string; sequence: string }): Promise<{ holdId: string; account: string } | null> => {
    const c = original(req.sequence);
    const debit = debitOf(c);
    if (debit === null || whyNot(c, user) !== null) return null;
    const first = centralKeysOf(c)[0];
    if (first === undefined || deps.outbox.byKey(first)?.state !== 'applied') return null;
    const auth = await authorizeDebit(
      deps,
      { key: req.idempotencyKey, account: debit.account, amount: debit.amount },
      `el reverso ${debit.what}`,
      c.kind === 'deposito' ? 'No devuelva el efectivo: el reverso no quedó registrado.' : 'El reverso no quedó registrado.',
    ).catch((err: unknown) => {
      throw fundsShort(err, c, debit) ?? err;
    });
    if (auth.status === 'authorized') return { holdId: auth.holdId, account: debit.account };
    throw new AppError(
      'CENTRAL_UNAVAILABLE',
      `Central no responde. El reverso ${debit.what} se autoriza en línea, porque retira ${formatPesos(debit.amount)} de la cuenta ${debit.account}: ${c.kind === 'deposito' ? 'no devuelva el efectivo e ' : ''}intente de nuevo cuando vuelva la conexión.`,
    );
  };

  /**
   * Inicio rereads desk decisions every few seconds for both of its lists; offline each reread would wait for the
   * central client's own timeout. Bounded, the lists show what this workstation knows at once; one reread in flight
   * is shared, so the rereads do not pile up behind a silent central. True when central answered for every request.
   */
  let rereading: Promise<boolean> | null = null;
  const reread = async (): Promise<boolean> => {
    rereading ??= deps.requests
      .reconcile()
      .catch(() => false)
      .finally(() => {
        rereading = null;
      });
    return (await within(rereading, REREAD_WAIT_MS)) ?? false;
  };

  return {
    /**
     * For the journal: why `userId` is not offered Reversar on this comprobante (one of an earlier business day, which
     * nobody reverses here; someone else asks), or null. The panel would refuse them anyway (QA s35 A4-2).
     */
    notOffered: (sequence: string, userId: string): string | null => {
      const c = deps.comprobantes.bySequence(sequence);
      if (!c) return null;
      return ofEarlierDay(c) ? EARLIER_DAY : notTheirs(c, userId);
    },

    /**
     * Inicio: what a supervisor approved (here or at another desk) and the teller has not registered yet. One that can
     * no longer be registered (the till closed, the day ended) is left out: the panel would only say why.
     * `centralSilent`: the teller waits on a desk decision that central did not answer for in time.
     */
    approved: async (user: User) => {
      const answered = await reread();
      const now = deps.clock.now().toISOString();
      const centralSilent = !answered && deps.requests.listPending(now).some((r) => r.kind === 'reversal' && r.request.makerId === user.id);
      const reversals = deps.requests.approvedFor('reversal', user.id).flatMap((rec) => {
        const c = deps.comprobantes.bySequence(rec.request.subject.replace(/^reversal:/, ''));
        if (!c || whyNot(c, user) !== null) return [];
        const checker = rec.request.checkerId;
        return [{
          sequence: c.sequence, kind: KIND[c.kind] ?? c.kind, account: c.accountNumber, total: c.total, approvalId: rec.request.id,
          approvedBy: checker ? name(checker) : '—', approvedAt: rec.request.decidedAt ?? rec.request.requestedAt,
        }];
      });
      return { reversals, centralSilent };
    },

    /**
     * Inicio: the reversals a supervisor rejected at a desk (here or elsewhere) since the teller asked, each told once.
     * Listed until the screen says it showed them (rejectionsShown): an answer lost on the way is listed again. One
     * rejected over the teller's shoulder was told on the spot (requests.decide).
     */
    rejections: async (user: User) => {
      await reread();
      const reversals = deps.requests.rejectedFor('reversal', user.id).flatMap((rec) => {
        const c = deps.comprobantes.bySequence(rec.request.subject.replace(/^reversal:/, ''));
        // A rejection of another day is no longer news (the comprobante can no longer be reversed here anyway).
        if (!c || c.businessDate !== bogotaDate(deps.clock.now())) return [];
        const checker = rec.request.checkerId;
        return [{ id: rec.request.id, sequence: c.sequence, kind: KIND[c.kind] ?? c.kind, total: c.total, rejectedBy: checker ? name(checker) : '—', note: rec.request.note ?? null }];
      });
      // One that lapsed undecided is told with every other kind's lapse (supervisor.lapsed).
      return { reversals };
    },

    /** Inicio showed these rejections: told. Only the teller's own rejected reversals; anything else is ignored. */
    rejectionsShown: (user: User, ids: readonly string[]) => {
      let told = 0;
      for (const id of new Set(ids)) {
        const rec = deps.requests.find(id);
        if (rec?.kind === 'reversal' && rec.request.makerId === user.id && deps.requests.told(id)) told++;
      }
      return { told };
    },

    check: async (user: User, sequence: string) => {
      // A request decided at another workstation's desk is taken in first.
      await deps.requests.reconcile();
      const c = original(sequence);
      const why = whyNot(c, user);
      const live = why === null ? deps.requests.live(`reversal:${c.sequence}`, user.id) : null;
      return {
        sequence, kind: KIND[c.kind] ?? c.kind, account: c.accountNumber, total: c.total, postedAt: c.postedAt, teller: name(c.tellerId), reversible: why === null, why,
        approval: live ? { id: live.request.id, status: live.request.status } : null,
        moves: movesOf(c, 'before'),
      };
    },

    request: (user: User, req: { sequence: string; reasonCode: keyof typeof REVERSAL_REASONS; reasonText: string }) => {
      const c = original(req.sequence);
      const why = whyNot(c, user);
      if (why) throw new AppError('NOT_REVERSIBLE', why);
      // Asked again (the panel was left and reopened): the open request stands, so the supervisor decides once.
      const live = deps.requests.live(`reversal:${c.sequence}`, user.id);
      if (live) return { approvalId: live.request.id, status: live.request.status };
      // The teller's own words lead, the reason picked from the list follows: what tells one reversal from another.
      const reason = `${req.reasonText.trim().replace(/[.\s]+$/, '')} (${REVERSAL_REASONS[req.reasonCode]})`;
      const rec = inTransaction(deps.db, () =>
        deps.requests.open(user, {
          kind: 'reversal',
          reason: { code: 'REVERSAL', message: reason },
          subject: `reversal:${c.sequence}`,
          summary: `Reverso de ${KIND[c.kind] ?? c.kind} ${c.sequence} por ${formatPesos(c.total)}`,
          amount: c.total,
          context: {
            Comprobante: c.sequence,
            Tipo: KIND[c.kind] ?? c.kind,
            Cuenta: c.accountNumber,
            Valor: formatPesos(c.total),
            Efectivo: formatPesos(c.cashIn + c.cashOut),
            Cliente: c.customerDoc.replace(/:(\d*)(\d{4})$/, (_m, a: string, b: string) => `:${'*'.repeat(a.length)}${b}`),
            Registrado: formatReceiptDateTime(c.postedAt),
            Cajero: name(c.tellerId),
            Motivo: reason,
            Código: req.reasonCode,
            // The supervisor approves knowing what changes hands at the counter.
            ...Object.fromEntries(movesOf(c, 'before').map((m, i, all) => [all.filter((o) => o.label === m.label).length > 1 ? `${m.label} ${i + 1}` : m.label, m.value])),
          },
        }),
      );
      deps.requests.announce(rec, name(user.id));
      return { approvalId: rec.request.id, status: rec.request.status };
    },

    /**
     * The teller asked for a reversal by mistake and withdraws it (desiste) while no supervisor has decided it: the
     * request leaves the desk here at once and, through central, the other desks (relay.withdrawn, and the outbox
     * for a central that did not hold it yet); journaled as withdrawn. From then on no supervisor can approve it.
     */
    withdraw: async (user: User, req: { sequence: string }) => {
      const c = original(req.sequence);
      // A desk elsewhere may have decided it: its decision is taken in first, and then stands.
      await deps.requests.reconcile();
      const live = deps.requests.live(`reversal:${c.sequence}`, user.id);
      if (!live) throw new AppError('APPROVAL_NOT_FOUND', `No hay una solicitud de reverso pendiente del comprobante ${c.sequence}.`);
      const withdrawn = inTransaction(deps.db, () => deps.requests.withdraw(user, live.request.id, REVERSAL_WITHDRAWN_NOTE));
      if (!withdrawn) {
        throw new AppError(
          'APPROVAL_ALREADY_DECIDED',
          `El supervisor ya aprobó el reverso del comprobante ${c.sequence}: ya no se puede retirar la solicitud. Si el reverso no procede, no lo registre.`,
        );
      }
      deps.requests.announceWithdrawn(live.request.id);
      return { approvalId: live.request.id, status: 'retirada' as const };
    },

    post: async (user: User, req: { idempotencyKey: string; sequence: string; approvalId: string }) => {
      await deps.requests.reconcile(req.approvalId);
      const held = await holdFor(user, req);
      const store = () => deps.idempotent('reversal.post', req.idempotencyKey, req, () => {
        const c = original(req.sequence);
        const why = whyNot(c, user);
        if (why) throw new AppError('NOT_REVERSIBLE', why);
        const approval = deps.requests.consume(req.approvalId, { kind: 'reversal', subject: `reversal:${c.sequence}`, makerId: user.id });
        const till = deps.tills.findOpen(ws.tillCode);
        if (!till) throw new AppError('TILL_NOT_OPEN', `La caja ${ws.tillCode} no está abierta.`);
        const now = deps.clock.now();
        const at = now.toISOString();
        const reversalId = deps.ids.uuid();
        // Cash: every movement the comprobante made, the other way round. Cash going back to the customer need
        // not be the same pieces that came in: any mix the till holds pays the amount.
        let position = till.position;
        for (const m of deps.tills.movements(till.id).filter((x) => x.reference === c.sequence)) {
          const sign = m.amount >= 0 ? -1 : 1;
          const amount = totalOfCount(m.delta);
          const pieces = sign === 1 || fits(position, m.delta) ? (m.delta as DenominationCount) : suggestMix(amount, position);
          if (pieces === null) throw new AppError('CASH_SHORT', `La caja no tiene billetes y monedas para devolver ${formatPesos(amount)}. Solicite provisión a la bóveda.`);
          position = applyCount(position, pieces, sign);
          deps.tills.addMovement({ id: deps.ids.uuid(), tillSessionId: till.id, kind: 'reverso', reference: c.sequence, delta: pieces, amount: sign * amount, at }, position, totalOfCount(position));
        }
        // Central: one reversal per operation the comprobante sent; the outbox reverses their pending effects.
        const keys = centralKeysOf(c);
        const reasonCode = String(approval.context['Código'] ?? 'REVERSO');
        const centralKeys = keys.map((reversesKey, i) => {
          const key = deps.ids.uuid();
          // The cash deposit (or the transfer) is the comprobante's first operation: its reversal consumes the
          // online hold, and names the account held, which central checks against the hold.
          const hold = i === 0 && held !== null ? held : null;
          const payload = { reversesKey, reasonCode, document: `R-${c.sequence}`, ...(hold ? { holdId: hold.holdId } : {}) };
          deps.outbox.enqueue({ key, branch: ws.branchCode, workstation: ws.id, occurredAt: at, type: 'reversal', account: hold?.account ?? c.accountNumber, payload });
          return key;
        });
        const document = `R-${c.sequence}`;
        const j = deps.journal.record('reversal', user.id, {
          reversalId,
          original: c.sequence,
          sequence: c.sequence,
          document,
          account: c.accountNumber,
          amount: c.total,
          approvalId: approval.request.id,
          checkerId: approval.request.checkerId ?? null,
          reason: approval.request.reasons.map((r) => r.message).join(' '),
          centralKeys,
          state: 'reversado',
        });
        const receipt: ReceiptDocument = {
          sequence: document,
          title: 'REVERSO DE COMPROBANTE',
          branch: { code: ws.branchCode, name: ws.branchName },
          till: ws.tillCode,
          teller: name(user.id),
          postedAt: at,
          lines: [
            { kind: 'field', label: 'Comprobante reversado', value: c.sequence },
            { kind: 'field', label: 'Operación', value: KIND[c.kind] ?? c.kind },
            { kind: 'field', label: 'Cuenta', value: `****${c.accountNumber.slice(-4)}` },
            { kind: 'amount', label: 'Valor reversado', amount: c.total },
            // The 4x1000 a withdrawal or transfer charged comes back with it (central reverses the whole debit).
            ...(c.gmf > 0 ? [{ kind: 'amount' as const, label: 'GMF 4x1000 reintegrado', amount: c.gmf }] : []),
            ...(c.commission > 0 ? [{ kind: 'amount' as const, label: 'Comisión reintegrada', amount: c.commission }] : []),
            // What changed hands at the counter, as the panel said it when the reversal was asked for.
            { kind: 'rule' as const },
            ...movesOf(c, 'posted').map((m) => ({ kind: 'field' as const, label: m.label, value: m.value })),
            { kind: 'rule' as const },
            { kind: 'field', label: 'Motivo', value: approval.request.reasons.map((r) => r.message).join(' ') },
            { kind: 'field', label: 'Aprobó', value: approval.request.checkerId ? name(approval.request.checkerId) : '—' },
          ],
          verificationCode: verificationCodeOf(j.hash),
          marks: ['REVERSO'],
        };
        deps.reversals.insert({
          id: reversalId, originalSequence: c.sequence, reasonCode, reasonText: approval.request.reasons[0]?.message ?? '', approvalId: approval.request.id,
          tellerId: user.id, tillSessionId: till.id, businessDate: bogotaDate(now), postedAt: at, amount: c.total, centralKeys, journalSequence: j.sequence, receipt: JSON.stringify(receipt),
        });
        // Owed in this transaction: a crash before the printer gets it still shows it at Dispositivos (Reintentar).
        deps.printer?.oweReceipt(receipt, { reference: document, kind: 'receipt' });
        return { reversalId, receipt, printJobId: null as string | null };
      });
      const result = held === null ? store() : postAuthorized(deps, held.holdId, store);
      deps.onChange();
      let printJobId: string | null = null;
      if (deps.printer) printJobId = await deps.printer.printReceipt(result.receipt, { reference: result.receipt.sequence, kind: 'receipt' }).then((r) => r.jobId, () => null);
      return { ...result, printJobId };
    },
  };
};
export type ReversalService = ReturnType<typeof createReversalService>;
