import type { Account } from '../../../domain/accounts/account';
import { presentersLine } from '../../../domain/accounts/person';
import type { PostedComprobante } from '../../../domain/contract/receipt';
import type { User } from '../../../domain/contract/session';
import type { z } from 'zod';
import type { UnconfirmedDebit, WithdrawalPlanSchema } from '../../../domain/contract/withdrawal';
import { formatPesos } from '../../../domain/money/pesos';
import { holdersFirst, maskAccount } from '../../../domain/receipt/build-common';
import { buildWithdrawalReceipt } from '../../../domain/receipt/build-withdrawal';
import { evaluateWithdrawal, type WithdrawalPlan } from '../../../domain/withdrawal/evaluate';
import type { WithdrawalRequest } from '../../../domain/withdrawal/request';
import { AppError } from '../../core/errors';
import { cashMovement } from '../comprobante/cash-movement';
import { bogotaDate } from '../../../domain/calendar/bogota-time';
import { requireAccount } from '../accounts/source';
import { approvalSubject, requireApproval, type ApprovalAssessment } from '../approval/service';
import { authorizedTakenToday, centralFiguresNotice, customerMonthCash, customerOf, declaredAtThisOffice, gmfCapUsedInMonth, prefetchCentralFigures, protectionElsewhere, withdrawalsToday } from '../comprobante/context';
import type { ComprobanteDeps } from '../comprobante/deps';
import { docKey, refused } from '../comprobante/errors';
import { abandonPending, payeeOf } from '../comprobante/authorize';
import { authorizeTraced, postTraced, traceDebit } from '../comprobante/unconfirmed';
import { postComprobante, withPrintJob } from '../comprobante/posting';
import { requireOwnTill } from '../comprobante/till';
import type { WithdrawalCheck } from '../../sync/contingency';
import type { WithdrawalIdentity } from './identity';
import { createDayLimits, limitException } from './day-limits';

/** What the contingency caps count: the person taking the cash (first presenter) and the cash itself. */
const offlineCheck = (w: WithdrawalRequest, p: WithdrawalPlan): WithdrawalCheck => {
  const who = w.presenters[0];
  return {
    accountNumber: w.accountNumber,
    customer: { documentType: who?.type ?? 'CC', documentNumber: who?.number ?? '0' },
    amount: p.amount,
    gmf: p.debitTotal - p.amount,
  };
};

export type WithdrawalPostResult = PostedComprobante | { status: 'pendiente'; message: string };

/** What the teller holds back while a withdrawal is refused or unanswered: what it pays with, not cash it never involved. */
const notHandedOver = (w: WithdrawalRequest): string => (w.payout.kind === 'efectivo' ? 'el efectivo' : 'el cheque de gerencia');

const pending = (w: WithdrawalRequest): string =>
  `Central no respondió la autorización del retiro. NO entregue ${notHandedOver(w)}: el comprobante queda pendiente de confirmación. Reintente (Enter); si sigue sin respuesta, informe al supervisor (puede activar la contingencia de la oficina).`;

/**
 * `identity`: the fingerprint of whoever takes the money (seed 003 cl. 4 c), judged by the core at Revisar (when the
 * screen sends it), at the supervisor's approval and at the posting.
 */
export const createWithdrawalService = (deps: ComprobanteDeps, identity: WithdrawalIdentity) => {
  const dayLimits = createDayLimits(deps);
  const plan = (req: WithdrawalRequest, tillPosition: Record<string, number>): { account: Account; plan: WithdrawalPlan } => {
    const { account } = requireAccount(deps.accounts, req.accountNumber);
    const on = bogotaDate(deps.clock.now());
    const r = evaluateWithdrawal(
      req,
      {
        account,
        on,
        tillStock: tillPosition,
        withdrawalsToday: withdrawalsToday(deps, account.number, on),
        gmfExemptUsedThisMonth: gmfCapUsedInMonth(deps, account.number, on),
        protectedUsedElsewhere: protectionElsewhere(deps, account),
        customerMonthCashBefore: customerMonthCash(deps, account, on),
        authorizedTakenToday: authorizedTakenToday(deps, account.number, req.presenters, on),
      },
      deps.rules,
    );
    if (!r.ok) throw refused(r.errors);
    return { account, plan: r.plan };
  };
  /**
   * In contingencia with central unreachable the caps (domain/contingency) decide the payment: asked at Revisar too,
   * so an amount over them is refused before the teller asks the customer to sign, not after "Autorizar y pagar".
   * Returns what the posting counts against the caps.
   */
  const contingencyCheck = (w: WithdrawalRequest, p: WithdrawalPlan): WithdrawalCheck => {
    const check = offlineCheck(w, p);
    const d = deps.contingency?.check(check);
    if (d && !d.ok) throw new AppError(d.error.code, `${d.error.message} No entregue ${notHandedOver(w)}.`, { ...d.error });
    return check;
  };
  const position = () => deps.tills.findOpen(deps.workstation.tillCode)?.position ?? {};
  const subjectOf = (req: WithdrawalRequest) => approvalSubject('withdrawal', req as unknown as Record<string, unknown>);

  const assess = (req: WithdrawalRequest, user: User): ApprovalAssessment => {
    const { account, plan: p } = plan(req, position());
    // The supervisor approves the biometric exception with the rest: IDENTITY_FALLBACK joins the plan's reasons.
    const fp = identity.check(user, req, p.amount, null);
    // The desk shows who withdraws (its Cliente line) next to the reasons.
    const holder = presentersLine([...account.holders, ...account.authorized, ...account.legalRepresentatives], holdersFirst(account, req.presenters));
    const reasons = [...p.approvalReasons, ...fp.approvalReasons].map((r, i) => (i === 0 ? { ...r, details: { ...r.details, holder } } : r));
    return { reasons, subject: subjectOf(req), summary: `Retiro ${formatPesos(p.amount)} de la cuenta ${maskAccount(account.number)}`, amount: p.amount };
  };

  /** Everything the posting checks except central's authorization: run before asking central for a hold. */
  const precheck = (user: User, req: { idempotencyKey: string; request: WithdrawalRequest; approvalId?: string | undefined }) => {
    const till = requireOwnTill(deps.tills, deps.workstation.tillCode, user, bogotaDate(deps.clock.now()));
    const { account, plan: p } = plan(req.request, till.position);
    // Seed 003 cl. 4 c: at or above rules.fingerprintFrom, each person who takes the money matched in this comprobante.
    const fp = identity.check(user, req.request, p.amount, req.idempotencyKey);
    if (p.pending.includes('UIAF_DECLARATION')) {
      throw new AppError('UIAF_DECLARATION_REQUIRED', `El retiro en efectivo de ${formatPesos(p.amount)} exige la declaración de destino de fondos (UIAF). Diligénciela con el cliente y hágala firmar antes de pagar.`);
    }
    const reasons = [...p.approvalReasons, ...fp.approvalReasons];
    const approvalId = requireApproval(deps, { reasons, approvalId: req.approvalId, subject: () => subjectOf(req.request), user });
    return { till, account, plan: p, approvalId, fingerprints: fp };
  };

  /** Seed 003 cl. 7.1: the supervisor's approval that reactivates the inactive account travels to central with the debit. */
  const reactivationOf = (p: WithdrawalPlan, approvalId: string | null) =>
    p.reactivates && approvalId !== null ? { reactivation: { approvalId } } : {};

  const postLocal = (
    user: User,
    req: { idempotencyKey: string; request: WithdrawalRequest; approvalId?: string | undefined },
    holdId: string | null,
    offline: WithdrawalCheck | null = null,
    /** Set when an authorization was sent but its answer was lost: central may hold funds under this key. */
    holdKey: string | null = null,
    /** Set when the day's limits were asked of central under this key: the withdrawal consumes what it reserved. */
    limitReservation: string | null = null,
  ): PostedComprobante =>
    deps.idempotent('withdrawal.post', req.idempotencyKey, req, () => {
      const { till, account, plan: p, approvalId, fingerprints: fp } = precheck(user, req);
      const w = req.request;
      const biometric = fp.verified.length + fp.exceptions.length > 0;
      return postComprobante(deps, {
        user,
        till,
        kind: 'retiro',
        idempotencyKey: req.idempotencyKey,
        accountNumber: account.number,
        customerDoc: customerOf(account),
        transactorDoc: docKey(w.presenters[0] ?? { type: 'CC', number: '0' }),
        amounts: {
          cashIn: 0,
          cashOut: p.payout.kind === 'efectivo' ? p.amount : 0,
          cheques: 0,
          total: p.amount,
          gmf: p.gmf.gmf,
          gmfExempt: p.gmf.capUsed,
          commission: p.debits.filter((d) => d.kind === 'cheque-gerencia').reduce((s, d) => s + d.amount, 0),
        },
        approvalId,
        journal: {
          // Everyone who takes the money, holders first, as the confirmation and the receipt name them.
          presenters: holdersFirst(account, w.presenters).map(docKey),
          holdId,
          payout: p.payout.kind,
          // Which paper cheque paid it and to whom (every holder of a conjunta): the journal ties the cheque to this debit.
          ...(p.payout.kind === 'cheque-gerencia' ? { chequeNumber: p.payout.number, beneficiaries: p.payout.beneficiaries.map((b) => docKey(b.id)) } : {}),
          debitTotal: p.debitTotal,
          reactivates: p.reactivates,
          uiafReportable: p.uiaf.reportable,
          declaration: w.declaration ? { signed: true, originOrDestination: w.declaration.originOrDestination } : null,
          // Which biometric match authorized the payment (central's reference), or the supervisor's exception.
          ...(biometric
            ? {
                fingerprints: fp.verified.map((v) => ({ person: docKey(v.person), reference: v.reference })),
                biometricExceptions: fp.exceptions.map((x) => ({ person: docKey(x.person), reason: x.reason })),
                // Ley 1581: each person's authorization read before the capture (who read it, the text's version, when).
                biometricConsents: identity.consents(w, fp).map((c) => ({ person: docKey(c.person), textVersion: c.textVersion, at: c.at, teller: c.tellerId })),
                // The customer's "no autorizo" behind a CONSENT_REFUSED exception, shown in this entry (F5) as a given one is;
                // its own biometric_check entry stays, linked by the same withdrawalComprobante.
                biometricRefusals: identity.refusals(w, fp).map((c) => ({ person: docKey(c.person), textVersion: c.textVersion, at: c.at, teller: c.tellerId })),
                ...(w.identity ? { withdrawalComprobante: w.identity.comprobanteId } : {}),
              }
            : {}),
        },
        cash: p.payout.kind === 'efectivo' ? { count: p.payout.mix, sign: -1 } : null,
        operations: (env) => [
          {
            ...env,
            key: deps.ids.uuid(),
            account: account.number,
            type: 'withdrawal',
            payload: {
              amount: p.amount,
              gmf: p.gmf.gmf,
              ...(p.gmf.capUsed > 0 ? { gmfCapUsed: p.gmf.capUsed } : {}),
              // The cheque de gerencia's issue fee is debited with the withdrawal (the hold covers debitTotal).
              ...(p.debitTotal - p.amount - p.gmf.gmf > 0 ? { fee: p.debitTotal - p.amount - p.gmf.gmf } : {}),
              ...(holdId === null ? {} : { holdId }),
              ...(holdId === null && holdKey !== null ? { holdKey } : {}),
              ...(limitReservation === null ? {} : { limitReservation }),
              ...reactivationOf(p, approvalId),
              ...(p.payout.kind === 'efectivo' && w.presenters[0] ? { cash: cashMovement(account, { id: w.presenters[0] }, w.declaration) } : {}),
              // Central ties the paper cheque to this debit by its number (reconciliation, orden de no pago).
              ...(p.payout.kind === 'cheque-gerencia' ? { chequeGerencia: { number: p.payout.number } } : {}),
              // Central knows which biometric reference authorized the payment (or that a supervisor excepted it).
              ...(biometric
                ? {
                    biometric: {
                      verified: fp.verified.map((v) => ({ document: v.person, reference: v.reference })),
                      exceptions: fp.exceptions.map((x) => ({ document: x.person, reason: x.reason })),
                    },
                  }
                : {}),
            },
          },
        ],
        receipt: (header) => buildWithdrawalReceipt({ header, account, plan: p, approvalIds: approvalId ? [approvalId] : [], presenters: w.presenters, ...(biometric ? { identity: fp } : {}) }),
        details: { request: w as unknown as Record<string, never>, payout: p.payout as unknown as Record<string, never> },
        contingency: offline !== null,
        // Paid in contingencia: counted against the caps in the same transaction as the posting.
        after: ({ operations }) => {
          // This comprobante's fingerprints paid this withdrawal: they cannot pay another one.
          identity.markPosted(w, req.idempotencyKey);
          const op = operations.find((o) => o.type === 'withdrawal');
          if (offline && op && deps.contingency) deps.contingency.recordWithdrawal(op.key, offline);
        },
      });
    });

  return {
    /** Asks central first for the customer's cash and the account's activity at other workstations (bounded wait). */
    evaluate: async (user: User, req: WithdrawalRequest): Promise<z.infer<typeof WithdrawalPlanSchema>> => {
      await prefetchCentralFigures(deps, req.accountNumber);
      const { account, plan: p } = plan(req, position());
      const fingerprintRequired = identity.required(req, p.amount);
      // Revisar with the fingerprints taken: their problems now, and the exception's approval in the plan's reasons.
      const fp = req.identity ? identity.check(user, req, p.amount, null) : null;
      // The prefetch just asked central: without an answer the link is down and the posting would pay by the caps.
      if (deps.contingency?.withoutCentral()) contingencyCheck(req, p);
      const partial = centralFiguresNotice(deps, account);
      const approvalReasons = fp ? [...p.approvalReasons, ...fp.approvalReasons] : p.approvalReasons;
      return { ...p, approvalReasons, fingerprintRequired, notices: partial ? [...p.notices, partial] : p.notices } as unknown as z.infer<typeof WithdrawalPlanSchema>;
    },
    assess,
    /**
     * Online authorization first (a hold for withdrawal + GMF at central), then the local posting that pays the
     * cash. If central does not answer, nothing is paid or posted and the teller retries with the same key; a
     * replay of an already posted key answers from the store without asking central again.
     */
    /** Gives up a comprobante left pending: central releases what it may hold under its key. */
    /** One capture + central match of a person for the withdrawal on screen (withdrawal.fingerprint). */
    fingerprint: identity.verify,
    /** The customer does not authorize the fingerprint: recorded, the ground of the CONSENT_REFUSED exception. */
    consentRefused: identity.refuseConsent,
    abandon: (user: User, idempotencyKey: string) => abandonPending(deps, user, idempotencyKey, 'el retiro', (key) => dayLimits.release(key)),
    /** Day-limit releases central has not answered, sent again (after each sync round that reached central). */
    retryOwedReleases: dayLimits.retryOwed,
    /** Withdrawals and transfers of this till central may still hold funds for (comprobante/unconfirmed.ts). */
    unconfirmed: (user: User): UnconfirmedDebit[] =>
      deps.unconfirmed.list(deps.workstation.tillCode).map((d) => ({
        key: d.key, kind: d.kind, account: d.account, amount: d.amount, askedAt: d.askedAt, payout: d.payout, teller: deps.users.findById(d.tellerId)?.displayName ?? d.tellerId,
        mayAbandon: d.tellerId === user.id || user.role === 'supervisor',
      })),
    post: async (user: User, sent: { idempotencyKey: string; request: WithdrawalRequest; approvalId?: string | undefined }): Promise<WithdrawalPostResult> => {
      const req = { ...sent, request: declaredAtThisOffice(deps, sent.request) };
      const done = deps.comprobantes.byIdempotencyKey(req.idempotencyKey);
      if (done) return withPrintJob(deps, postLocal(user, req, null));
      await prefetchCentralFigures(deps, req.request.accountNumber);
      const { plan: p, account, approvalId } = precheck(user, req);
      // Nothing will be paid under this key: the reservation stops counting now rather than when it lapses.
      const giveBack = async <T>(step: () => T | Promise<T>): Promise<T> => {
        try {
          return await step();
        } catch (err) {
          // Owed on disk before this returns (a release central does not answer is sent again); never the error told.
          void dayLimits.release(req.idempotencyKey).catch(() => undefined);
          throw err;
        }
      };
      // Central unreachable: pay only in contingencia, within its caps (main/sync/contingency.ts).
      const withoutCentral = async (authorizationSent: boolean, reservation: string | null): Promise<WithdrawalPostResult> => {
        if (deps.contingency?.mode() !== 'contingencia') return { status: 'pendiente', message: pending(req.request) };
        const posted = await giveBack(() => postLocal(user, req, null, contingencyCheck(req.request, p), authorizationSent ? req.idempotencyKey : null, reservation));
        deps.onChange();
        return withPrintJob(deps, posted);
      };
      // Seed 003 cl. 3.12 across tills: the day's limits are reserved at central first, so another workstation paying
      // the same account at this moment counts this withdrawal (and this one, the other's) before any cash leaves.
      const day = bogotaDate(deps.clock.now());
      const consequence = `No entregue ${notHandedOver(req.request)}.`;
      // Traced from the reservation on, as the hold is (comprobante/unconfirmed.ts): a reservation whose answer was lost
      // leaves the withdrawal listed on Inicio, blocking the close, until it is retried or abandoned (which releases it).
      const limits = await traceDebit(
        deps,
        { key: req.idempotencyKey, kind: 'retiro', account: account.number, amount: p.debitTotal, tellerId: user.id, payout: req.request.payout.kind },
        () => dayLimits.reserve({ key: req.idempotencyKey, account: account.number, day, amount: p.amount, ...limitException(deps, approvalId) }, consequence),
        (l) => l.status === 'refused' || (l.status === 'unreachable' && !l.sent),
      );
      if (limits.status === 'refused') {
        // Another till's withdrawal of today, still on its way: with central's figures the local check asks the same
        // supervisor's exception (LIMIT_EXCEEDED_*) as for withdrawals it knew of, and so does the approval request.
        deps.remoteActivity?.noteWithdrawalsElsewhere(account.number, day, limits.elsewhere);
        precheck(user, req);
        // Only if this workstation's count moved between the request and now: nothing is held, the teller retries.
        throw new AppError('CENTRAL_REFUSED', `${limits.message} ${consequence} Vuelva a revisar el retiro.`, { code: 'DAILY_WITHDRAWAL_LIMIT' });
      }
      const reservation = limits.status === 'unreachable' && !limits.sent ? null : req.idempotencyKey;
      if (limits.status === 'unreachable') return withoutCentral(false, reservation);
      const hold = {
        key: req.idempotencyKey,
        account: account.number,
        amount: p.debitTotal,
        ...reactivationOf(p, approvalId),
        // Central refuses a number another debit used before anything is held or handed over.
        ...(p.payout.kind === 'cheque-gerencia' ? { chequeGerencia: { number: p.payout.number } } : {}),
        // Central judges an authorized person's mandate again on its own registration (seed 003 cl. 2.1, 3.5).
        ...payeeOf(req.request.presenters, { amount: p.amount, payout: p.payout.kind }),
      };
      const auth = await giveBack(() => authorizeTraced(deps, { kind: 'retiro', tellerId: user.id, payout: req.request.payout.kind }, hold, 'el retiro', consequence));
      if (auth.status === 'unreachable') return withoutCentral(auth.sent, reservation);
      const posted = await giveBack(() => postTraced(deps, req.idempotencyKey, auth.holdId, () => postLocal(user, req, auth.holdId, null, null, reservation)));
      deps.onChange();
      return withPrintJob(deps, posted);
    },
  };
};
export type WithdrawalService = ReturnType<typeof createWithdrawalService>;
