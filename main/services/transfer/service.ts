import type { z } from 'zod';
import type { Account } from '../../../domain/accounts/account';
import { namesOf } from '../../../domain/accounts/person';
import type { PostedComprobante } from '../../../domain/contract/receipt';
import type { User } from '../../../domain/contract/session';
import type { TransferPlanSchema } from '../../../domain/contract/transfer';
import { formatPesos } from '../../../domain/money/pesos';
import { maskAccount } from '../../../domain/receipt/build-common';
import { buildTransferReceipt } from '../../../domain/receipt/build-transfer';
import { evaluateTransfer, type TransferRequest } from '../../../domain/transfer/evaluate';
import { bogotaDate } from '../../../domain/calendar/bogota-time';
import { requireAccount } from '../accounts/source';
import { approvalSubject, requireApproval, type ApprovalAssessment } from '../approval/service';
import { authorizedTakenToday, customerOf, gmfCapUsedInMonth, prefetchCentralFigures, protectionElsewhere } from '../comprobante/context';
import type { ComprobanteDeps } from '../comprobante/deps';
import { docKey, refused } from '../comprobante/errors';
import { abandonPending, payeeOf } from '../comprobante/authorize';
import { authorizeTraced, postTraced } from '../comprobante/unconfirmed';
import { postComprobante, withPrintJob } from '../comprobante/posting';
import { requireOwnTill } from '../comprobante/till';
import { createPendingCharges } from '../deposit/pending-charges';
import { creditPaysCharges, destinationChargesNotice, paidChargesView, paymentJournal } from '../../../domain/deposit/pending-charges';

export type TransferPostResult = PostedComprobante | { status: 'pendiente'; message: string };

const PENDING =
  'Central no respondió la autorización del traslado: no se registró nada. Reintente (Enter); si central sigue sin responder, el traslado debe esperar a que vuelva la conexión.';

/** Traslado between two accounts of the bank ordered at the office (seed 003 cl. 3.13); no cash moves. */
export const createTransferService = (deps: ComprobanteDeps) => {
  const charges = createPendingCharges(deps.central);
  /** What the credit pays first of the destination's pending charges, as central will (never what an embargo retains); null when central did not say. */
  const chargesPaid = (to: Account, amount: number) => {
    const owed = charges.owed(to.number);
    return owed ? creditPaysCharges(to, amount, owed, bogotaDate(deps.clock.now()), deps.rules, protectionElsewhere(deps, to)) : null;
  };
  /** Only a payment that pays something is printed and journaled. */
  const paysSome = (p: ReturnType<typeof chargesPaid>) => (p && p.paid > 0 ? p : null);
  const plan = (req: TransferRequest) => {
    const from = requireAccount(deps.accounts, req.fromAccountNumber).account;
    const dest = requireAccount(deps.accounts, req.toAccountNumber);
    // With central's available balance when it said what the destination owes: what the credit pays depends on it.
    const to = charges.asCharged(dest.account, -dest.pendingLocal.available);
    const on = bogotaDate(deps.clock.now());
    const r = evaluateTransfer(
      req,
      { from, to, on, gmfExemptUsedThisMonth: gmfCapUsedInMonth(deps, from.number, on), protectedUsedElsewhere: protectionElsewhere(deps, from), authorizedTakenToday: authorizedTakenToday(deps, from.number, req.presenters, on) },
      deps.rules,
    );
    if (!r.ok) throw refused(r.errors);
    return { from, to, plan: r.plan };
  };
  const subjectOf = (req: TransferRequest) => approvalSubject('transfer', req as unknown as Record<string, unknown>);

  const assess = (req: TransferRequest): ApprovalAssessment => {
    const { from, to, plan: p } = plan(req);
    // Where the money goes is what a transfer's visación checks (a new destination asks again): the supervisor reads
    // it at the counter and, through central, at any desk, where the teller's screen is out of sight (QA s37 Q2).
    const summary = `Traslado ${formatPesos(p.amount)} desde la cuenta ${maskAccount(from.number)} a la cuenta ${maskAccount(to.number)} (${namesOf(to.holders)})`;
    return { reasons: p.approvalReasons, subject: subjectOf(req), summary, amount: p.amount };
  };

  type PostRequest = { idempotencyKey: string; request: TransferRequest; approvalId?: string | undefined };

  /** Everything the posting checks except central's authorization: run before asking central for a hold. */
  const precheck = (user: User, req: PostRequest) => {
    const till = requireOwnTill(deps.tills, deps.workstation.tillCode, user, bogotaDate(deps.clock.now()));
    const { from, to, plan: p } = plan(req.request);
    const approvalId = requireApproval(deps, { reasons: p.approvalReasons, approvalId: req.approvalId, subject: () => subjectOf(req.request), user });
    return { till, from, to, plan: p, approvalId };
  };
  /** Seed 003 cl. 7.1: the supervisor's reactivation of an inactive source account travels with the debit. */
  const reactivationOf = (p: ReturnType<typeof plan>['plan'], approvalId: string | null) =>
    approvalId !== null && p.approvalReasons.some((r) => r.code === 'INACTIVE_REACTIVATION') ? { reactivation: { approvalId } } : {};

  const post = (user: User, req: PostRequest, holdId: string | null): PostedComprobante =>
    deps.idempotent('transfer.post', req.idempotencyKey, req, () => {
      const { till, from, to, plan: p, approvalId } = precheck(user, req);
      const paying = paysSome(chargesPaid(to, p.amount));
      return postComprobante(deps, {
        user,
        till,
        kind: 'traslado',
        idempotencyKey: req.idempotencyKey,
        accountNumber: from.number,
        customerDoc: customerOf(from),
        transactorDoc: docKey(req.request.presenters[0] ?? { type: 'CC', number: '0' }),
        amounts: { cashIn: 0, cashOut: 0, cheques: 0, total: p.amount, gmf: p.gmf.gmf, gmfExempt: p.gmf.capUsed, commission: 0 },
        approvalId,
        journal: {
          toAccount: to.number,
          presenters: req.request.presenters.map(docKey),
          sameSoleHolder: p.sameSoleHolder,
          debitTotal: p.debitTotal,
          // What the credit pays of the destination's pending charges as central said they stood (null: none or not known).
          pendingCharges: paying ? paymentJournal(paying) : null,
        },
        cash: null,
        operations: (env) => [
          {
            ...env,
            key: deps.ids.uuid(),
            account: from.number,
            type: 'transfer',
            payload: {
              amount: p.amount,
              gmf: p.gmf.gmf,
              toAccount: to.number,
              ...(p.gmf.capUsed > 0 ? { gmfCapUsed: p.gmf.capUsed } : {}),
              ...(holdId === null ? {} : { holdId }),
              ...reactivationOf(p, approvalId),
            },
          },
        ],
        receipt: (header) => buildTransferReceipt({ header, from, to, plan: p, approvalIds: approvalId ? [approvalId] : [], presenters: req.request.presenters, pendingCharges: paying ?? undefined }),
        details: { request: req.request as unknown as Record<string, never> },
        // Authorized online or not at all (below), so never a contingency posting.
        contingency: false,
      });
    });

  return {
    /** Asks central first for the source account's GMF exemption used at other workstations (bounded wait). */
    evaluate: async (req: TransferRequest): Promise<z.infer<typeof TransferPlanSchema>> => {
      await Promise.all([prefetchCentralFigures(deps, req.fromAccountNumber), charges.refresh(req.toAccountNumber)]);
      const { to, plan: p } = plan(req);
      const payment = chargesPaid(to, p.amount);
      const owing = destinationChargesNotice(payment, to.balances.pendingCharges);
      const paying = paysSome(payment);
      const view = {
        ...p,
        notices: [...p.notices, ...(owing ? [owing] : [])],
        ...(paying ? { pendingCharges: { paid: paying.paid, credited: p.amount - paying.paid, charges: paidChargesView(paying) } } : {}),
      };
      return view as unknown as z.infer<typeof TransferPlanSchema>;
    },
    assess,
    /**
     * Online authorization first (a hold for amount + GMF on the source account at central), then the local
     * posting. No cash leaves the till, so there is no contingency posting: without central's answer nothing is
     * posted and the teller retries with the same key (the same hold, never two).
     */
    /** Gives up a comprobante left pending: central releases what it may hold under its key. */
    abandon: (user: User, idempotencyKey: string) => abandonPending(deps, user, idempotencyKey, 'el traslado'),
    post: async (user: User, req: PostRequest): Promise<TransferPostResult> => {
      if (deps.comprobantes.byIdempotencyKey(req.idempotencyKey)) return withPrintJob(deps, post(user, req, null));
      await Promise.all([prefetchCentralFigures(deps, req.request.fromAccountNumber), charges.refresh(req.request.toAccountNumber)]);
      const { from, plan: p, approvalId } = precheck(user, req);
      // Who orders it goes with the hold: central judges an authorized person's mandate on its own registration.
      const hold = { key: req.idempotencyKey, account: from.number, amount: p.debitTotal, ...reactivationOf(p, approvalId), ...payeeOf(req.request.presenters, { amount: p.amount, payout: 'traslado' }) };
      const auth = await authorizeTraced(deps, { kind: 'traslado', tellerId: user.id }, hold, 'el traslado', 'El traslado no se registró.');
      if (auth.status === 'unreachable') return { status: 'pendiente', message: PENDING };
      const posted = postTraced(deps, req.idempotencyKey, auth.holdId, () => post(user, req, auth.holdId));
      deps.onChange();
      return withPrintJob(deps, posted);
    },
  };
};
export type TransferService = ReturnType<typeof createTransferService>;
