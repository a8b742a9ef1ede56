import type { Account } from '../../../domain/accounts/account';
import { samePerson } from '../../../domain/accounts/person';
import { cashMovement } from '../comprobante/cash-movement';
import { bankName } from '../../../domain/cheque/banks';
import { findPlaza } from '../../../domain/cheque/plaza-match';
import type { Operation } from '../../../domain/central-api/operations';
import type { DepositPlanView } from '../../../domain/contract/deposit';
import type { PostedComprobante } from '../../../domain/contract/receipt';
import type { User } from '../../../domain/contract/session';
import { evaluateDeposit, type DepositPlan } from '../../../domain/deposit/evaluate';
import type { DepositSlip } from '../../../domain/deposit/slip';
import { maskAccount } from '../../../domain/receipt/build-common';
import { buildDepositReceipt } from '../../../domain/receipt/build-deposit';
import { formatPesos } from '../../../domain/money/pesos';
import type { DomainError } from '../../../domain/rules-config/result';
import { domainError } from '../../../domain/rules-config/result';
import type { CashDeclaration } from '../../../domain/uiaf/declaration';
import { AppError } from '../../core/errors';
import { bogotaDate } from '../../../domain/calendar/bogota-time';
import { requireAccount } from '../accounts/source';
import { approvalSubject, requireApproval, type ApprovalAssessment } from '../approval/service';
import {
  cashInToday,
  centralFiguresNotice,
  customerMonthCash,
  customerOf,
  declaredAtThisOffice,
  prefetchCentralFigures,
  prefetchNearThreshold,
  protectionElsewhere,
  recentCashDeposits,
} from '../comprobante/context';
import type { ComprobanteDeps } from '../comprobante/deps';
import { docKey, refused } from '../comprobante/errors';
import { postComprobante, withPrintJob } from '../comprobante/posting';
import { requireOwnTill } from '../comprobante/till';
import { createStandingElsewhere } from './standing-elsewhere';
import { createPendingCharges } from './pending-charges';
import { creditPaysCharges, paidChargesView, paymentJournal, pendingChargesNotice } from '../../../domain/deposit/pending-charges';

/** This workstation's record of the same cheque (bank, number, drawer's account) still standing in an earlier deposit. */
const alreadyDeposited = (deps: ComprobanteDeps, slip: DepositSlip): DomainError[] =>
  slip.cheques.flatMap((c, i) => {
    const inCanje = deps.canje.standing(c.bank, c.number, c.drawerAccount);
    const remesa = deps.remittances.standing(c.bank, c.number, c.drawerAccount);
    const held = inCanje ? { sequence: inCanje.sequence, accountNumber: inCanje.accountNumber } : remesa ? { sequence: remesa.sequence, accountNumber: remesa.remesa.accountNumber } : null;
    return held
      ? [
          domainError(
            'CHEQUE_ALREADY_DEPOSITED',
            `Cheque de la fila ${i + 1}: el cheque No. ${c.number} del banco ${bankName(c.bank)} ya se recibió en el comprobante ${held.sequence} a la cuenta ${maskAccount(held.accountNumber)}. No lo reciba otra vez; consulte al supervisor.`,
            { row: i, sequence: held.sequence },
          ),
        ]
      : [];
  });

export const createDepositService = (deps: ComprobanteDeps) => {
  const elsewhere = createStandingElsewhere(deps.central, deps.workstation.id);
  const charges = createPendingCharges(deps.central);
  /** What the deposit's available credit (its cash) pays first, oldest charge first, as central will: never what an embargo retains. */
  const chargesPaid = (account: Account, p: DepositPlan) => {
    // `account` as plan() returns it: with central's available balance when it said what is owed.
    const owed = charges.owed(account.number);
    return owed ? { owed, payment: creditPaysCharges(account, p.credits.available, owed, bogotaDate(deps.clock.now()), deps.rules, protectionElsewhere(deps, account)) } : null;
  };
  const plan = (slip: DepositSlip): { account: Account; plan: DepositPlan } => {
    const found = requireAccount(deps.accounts, slip.accountNumber);
    const account = charges.asCharged(found.account, -found.pendingLocal.available);
    const on = bogotaDate(deps.clock.now());
    // Central pays the account's pending charges out of the cash before it takes the commission: the fee check counts them as it will.
    const owed = charges.owed(account.number);
    const r = evaluateDeposit(
      slip,
      {
        account,
        officeCity: deps.officeCity,
        on,
        cashDepositedTodayToAccount: cashInToday(deps, account.number, on),
        customerMonthCashBefore: customerMonthCash(deps, account, on),
        recentCashDeposits: recentCashDeposits(deps, on, account.number, slip.depositor.id),
        protectedUsedElsewhere: protectionElsewhere(deps, account),
        ...(owed ? { pendingCharges: owed } : {}),
      },
      deps.rules,
    );
    const own = alreadyDeposited(deps, slip);
    const extra = [...own, ...elsewhere.errors(slip).filter((e) => !own.some((o) => o.details?.row === e.details?.row))];
    if (!r.ok || extra.length > 0) throw refused([...(r.ok ? [] : r.errors), ...extra]);
    return { account, plan: r.plan };
  };

  const subjectOf = (slip: DepositSlip) => approvalSubject('deposit', slip as unknown as Record<string, unknown>);

  const assess = (slip: DepositSlip): ApprovalAssessment => {
    const { account, plan: p } = plan(slip);
    const s = p.uiaf.structuring;
    return {
      reasons: p.approvalReasons,
      subject: subjectOf(slip),
      summary: `Consignación ${formatPesos(p.total)} a la cuenta ${maskAccount(account.number)}`,
      amount: p.total,
      ...(s && p.approvalReasons.some((r) => r.code === 'STRUCTURING_ALERT') ? { structuring: { accountNumber: account.number, depositor: slip.depositor.id, depositorName: slip.depositor.name ?? account.holders.find((h) => samePerson(h.id, slip.depositor.id))?.name ?? null, alert: s } } : {}),
    };
  };

  const post = (user: User, req: { idempotencyKey: string; slip: DepositSlip; approvalId?: string | undefined; declaration?: CashDeclaration | undefined }): PostedComprobante =>
    deps.idempotent('deposit.post', req.idempotencyKey, req, () => {
      const till = requireOwnTill(deps.tills, deps.workstation.tillCode, user, bogotaDate(deps.clock.now()));
      const slip: DepositSlip = declaredAtThisOffice(deps, req.declaration ? { ...req.slip, declaration: req.declaration } : req.slip);
      const { account, plan: p } = plan(slip);
      if (p.pending.includes('UIAF_DECLARATION')) {
        throw new AppError('UIAF_DECLARATION_REQUIRED', `El efectivo de ${formatPesos(p.cash)} exige la declaración de origen de fondos (UIAF). Diligénciela con el cliente y hágala firmar antes de registrar (F7).`, {
          cash: p.cash,
        });
      }
      const approvalId = requireApproval(deps, { reasons: p.approvalReasons, approvalId: req.approvalId, subject: () => subjectOf(req.slip), user });

      const paying = chargesPaid(account, p);

      // One central operation per cheque (canje or remesa), so a returned one can be reversed alone by its key.
      const chequeKeys = new Map<number, string>();
      const operations = (env: { branch: string; workstation: string; occurredAt: string }, posted: { sequence: string }): Operation[] => {
        const ops: Operation[] = [];
        const base = { ...env, account: account.number };
        if (p.cash > 0) ops.push({ ...base, key: deps.ids.uuid(), type: 'cash_deposit', payload: { amount: p.cash, cash: cashMovement(account, slip.depositor, slip.declaration) } });
        const chequeOf = (i: number) => {
          const c = slip.cheques[i];
          if (!c) throw new Error(`cheque ${i} missing from slip`);
          // The drawer's account goes too: with bank and number it identifies the paper, which central credits once.
          // The plaza, so that another workstation of the branch lists the cheque as this one printed it.
          const city = findPlaza(c.city)?.name ?? c.city;
          return { bankCode: c.bank, number: c.number, amount: c.amount, drawerAccount: c.drawerAccount, ...(city ? { city: city.slice(0, 60) } : {}) };
        };
        for (const h of p.holds) {
          const key = deps.ids.uuid();
          chequeKeys.set(h.chequeIndex, key);
          // Central releases canje on the clearing date it is told; a remesa has none (released by `cheque_paid`), only
          // the date the branch expects it paid, which another workstation shows. The sequence names the comprobante.
          const dates = h.route === 'canje' ? { releaseOn: h.releaseOn } : { expectedOn: h.releaseOn };
          ops.push({ ...base, key, type: 'cheque_deposit', payload: { amount: h.amount, cheques: [chequeOf(h.chequeIndex)], ...dates, sequence: posted.sequence } });
        }
        // After the credits, so the deposited cash covers it as the plan assumed (COMMISSION_NOT_COVERED).
        const lines = p.commission.lines.filter((l) => l.amount > 0).map((l) => ({ kind: l.kind, amount: l.amount }));
        if (lines.length > 0) {
          ops.push({ ...base, key: deps.ids.uuid(), type: 'deposit_commission', payload: { amount: p.commission.total, lines } });
        }
        return ops;
      };

      return postComprobante(deps, {
        user,
        till,
        kind: 'deposito',
        idempotencyKey: req.idempotencyKey,
        accountNumber: account.number,
        customerDoc: customerOf(account),
        transactorDoc: docKey(slip.depositor.id),
        amounts: { cashIn: p.cash, cashOut: 0, cheques: p.chequesTotal, total: p.total, gmf: 0, gmfExempt: 0, commission: p.commission.total },
        approvalId,
        journal: {
          depositor: docKey(slip.depositor.id),
          // What central said was owed when the deposit was posted, and what the deposit pays of it (null: not known).
          pendingCharges: paying ? paymentJournal(paying.payment) : null,
          holds: p.holds.map((h) => ({ route: h.route, amount: h.amount, releaseOn: h.releaseOn })),
          uiafReportable: p.uiaf.reportable,
          uiafCrossesMonthly: p.uiaf.crossesMonthly,
          declaration: slip.declaration ? { signed: true, originOrDestination: slip.declaration.originOrDestination } : null,
        },
        cash: p.cash > 0 ? { count: slip.cash, sign: 1 } : null,
        operations,
        receipt: (header) => buildDepositReceipt({ header, account, slip, plan: p, approvalIds: approvalId ? [approvalId] : [], pendingCharges: paying?.payment, pendingChargesLastKnown: account.balances.pendingCharges }),
        // Stored as JSON text only (never hashed): no need for a JSON round trip to make it plain data.
        details: { slip: slip as unknown as Record<string, never>, commission: p.commission.total },
        after: ({ sequence, businessDate }) => {
          const holderName = account.holders.map((x) => x.name).join(' / ');
          const at = deps.clock.now().toISOString();
          for (const h of p.holds) {
            const c = slip.cheques[h.chequeIndex];
            const centralKey = chequeKeys.get(h.chequeIndex);
            if (!c || !centralKey) continue;
            const cheque = { sequence, holderName, bank: c.bank, chequeNumber: c.number, drawerAccount: c.drawerAccount, city: findPlaza(c.city)?.name ?? c.city, centralKey };
            if (h.route === 'canje') {
              deps.canje.insert({ ...cheque, id: deps.ids.uuid(), accountNumber: account.number, amount: h.amount, receivedOn: businessDate, releaseOn: h.releaseOn }, at);
              continue;
            }
            const remesa = { id: deps.ids.uuid(), accountNumber: account.number, amount: h.amount, status: 'recibida' as const, receivedOn: businessDate };
            deps.remittances.insert({ ...cheque, remesa, expectedOn: h.releaseOn }, at);
          }
        },
      });
    });

  return {
    /** Asks central first what other workstations did: the customer's cash, the account's day, near-threshold deposits. */
    evaluate: async (slip: DepositSlip): Promise<DepositPlanView> => {
      await Promise.all([prefetchCentralFigures(deps, slip.accountNumber), prefetchNearThreshold(deps, slip.accountNumber, slip.depositor.id), elsewhere.refresh(slip), charges.refresh(slip.accountNumber)]);
      const { account, plan: p } = plan(slip);
      const partial = centralFiguresNotice(deps, account, slip.depositor.id);
      const paying = chargesPaid(account, p);
      const owing = pendingChargesNotice(paying ? paying.owed : null, account.balances.pendingCharges, paying?.payment);
      const notices = [...p.notices, ...(partial ? [partial] : []), ...(owing ? [owing] : [])];
      const pendingCharges = paying
        ? {
            total: paying.payment.paid + paying.payment.stillOwed,
            paid: paying.payment.paid,
            credited: p.total - p.commission.total - paying.payment.paid,
            charges: paidChargesView(paying.payment),
            ...(paying.payment.keptByEmbargo ? { keptByEmbargo: paying.payment.keptByEmbargo } : {}),
          }
        : null;
      const lastKnown = paying ? 0 : account.balances.pendingCharges ?? 0;
      return { ...p, notices, pendingCharges, ...(lastKnown > 0 ? { pendingChargesLastKnown: lastKnown } : {}) } as unknown as DepositPlanView;
    },
    assess,
    post: async (user: User, req: Parameters<typeof post>[1]): Promise<PostedComprobante> => {
      if (!deps.comprobantes.byIdempotencyKey(req.idempotencyKey)) {
        await Promise.all([prefetchCentralFigures(deps, req.slip.accountNumber), prefetchNearThreshold(deps, req.slip.accountNumber, req.slip.depositor.id), elsewhere.refresh(req.slip), charges.refresh(req.slip.accountNumber)]);
      }
      const posted = post(user, req);
      deps.onChange();
      return withPrintJob(deps, posted);
    },
  };
};
export type DepositService = ReturnType<typeof createDepositService>;
