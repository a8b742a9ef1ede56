import type { Account } from '../accounts/account';
import { type Person, type PersonId, samePerson } from '../accounts/person';
import { type ApprovalReason, approvalReason } from '../approval/reasons';
import type { IsoDate } from '../calendar/iso-date';
import { type GmfBreakdown, computeGmf } from '../gmf/gmf';
import { cashPayable, type DenominationCount } from '../money/denominations';
import { type Pesos, formatPesos, sumPesos } from '../money/pesos';
import type { RulesConfig } from '../rules-config/config';
import { type DomainError, domainError } from '../rules-config/result';
import { type CashUiafResult, evaluateCashUiaf } from '../uiaf/thresholds';
import { authorizeDebit } from './authorization';
import type { AuthorizedTaken } from './authorized-conditions';
import { chequeBeneficiaries } from './cheque';
import { type MostAllowed, type Withdrawable, insufficientFunds, withdrawableBalance } from './embargo';
import { maxWithdrawal } from './max-withdrawal';
import { suggestMix } from './mix';
import type { WithdrawalRequest } from './request';

export interface WithdrawalContext {
  readonly account: Account;
  readonly on: IsoDate;
  /** Bills and coins in the teller's till now. */
  readonly tillStock: DenominationCount;
  /** Office withdrawals already made today on this account. */
  readonly withdrawalsToday: { readonly count: number; readonly amount: Pesos };
  /** Exempt GMF debits already applied this month (marked account or titular). */
  readonly gmfExemptUsedThisMonth: Pesos;
  /** Cash the customer already transacted this month (UIAF multiple threshold). */
  readonly customerMonthCashBefore: Pesos;
  /** Inembargable protection already applied to the person's other savings accounts. */
  readonly protectedUsedElsewhere?: Pesos;
  /** What each person present already took (or ordered) from the account today: an authorized person's day maximum (cl. 3.5). */
  readonly authorizedTakenToday?: readonly AuthorizedTaken[];
}

export interface DebitLine {
  readonly kind: 'retiro' | 'gmf' | 'cheque-gerencia';
  readonly label: string;
  readonly amount: Pesos;
}

export type WithdrawalPayout =
  | { readonly kind: 'efectivo'; readonly mix: DenominationCount }
  | { readonly kind: 'cheque-gerencia'; readonly number: string; readonly beneficiaries: readonly Person[]; readonly toHolder: boolean; readonly firstBeneficiaryOnly: boolean };

export interface WithdrawalPlan {
  readonly amount: Pesos;
  readonly gmf: GmfBreakdown;
  /** The withdrawal, the GMF on its own line, and the cheque fee if any (domain-co §1: GMF is printed apart). */
  readonly debits: readonly DebitLine[];
  readonly debitTotal: Pesos;
  readonly payout: WithdrawalPayout;
  readonly balance: Withdrawable;
  readonly approvalReasons: readonly ApprovalReason[];
  readonly uiaf: CashUiafResult & { readonly declarationProvided: boolean };
  readonly pending: readonly 'UIAF_DECLARATION'[];
  readonly reactivates: boolean;
  readonly notices: readonly string[];
}

export type WithdrawalEvaluation = { ok: true; plan: WithdrawalPlan } | { ok: false; errors: DomainError[] };

/** The largest withdrawal whose GMF (and cheque fee) fit in what may be disposed of, and the part of it cash can pay. */
const mostWithdrawal = (b: Withdrawable, req: WithdrawalRequest, ctx: WithdrawalContext, chequeFee: Pesos, rules: RulesConfig): MostAllowed | undefined => {
  const most = maxWithdrawal(Math.max(0, b.withdrawable - chequeFee), { exemptAccount: ctx.account.gmfExempt, usedThisMonth: ctx.gmfExemptUsedThisMonth, on: ctx.on }, rules);
  if (!most.ok) return undefined;
  return { verb: 'retirar', amount: most.value, ...(req.payout.kind === 'efectivo' ? { cash: cashPayable(most.value) } : {}) };
};

/**
 * Who orders a cheque to a third party, in the confirmation's words: the holders' wording when only holders are
 * present, otherwise each person present by name with their role (an authorized person or legal representative
 * orders it, not the holder who is away).
 */
const orderedBy = (account: Account, presenters: readonly PersonId[]): string => {
  const holderOnly = presenters.length > 0 && presenters.every((id) => account.holders.some((h) => samePerson(h.id, id)));
  if (holderOnly) return account.kind === 'conjunta' ? 'de los titulares' : 'del titular';
  const groups: [readonly Person[], string][] = [
    [account.holders, 'titular'],
    [account.authorized, 'autorizado'],
    [account.legalRepresentatives, 'representante legal'],
  ];
  const named = presenters.flatMap((id) => {
    const roles = groups.filter(([people]) => people.some((p) => samePerson(p.id, id))).map(([, role]) => role);
    const name = groups.flatMap(([people]) => people).find((p) => samePerson(p.id, id))?.name;
    return name ? [`${name} (${roles.join(', ')})`] : [];
  });
  return `de ${named.join(' y ')}`;
};

/** Evaluates an office withdrawal; all problems are returned together. */
export const evaluateWithdrawal = (req: WithdrawalRequest, ctx: WithdrawalContext, rules: RulesConfig): WithdrawalEvaluation => {
  const { account, on } = ctx;
  const errors: DomainError[] = [];
  if (req.accountNumber !== account.number) errors.push(domainError('ACCOUNT_MISMATCH', 'El número de cuenta del comprobante no corresponde a la cuenta consultada. Verifique el número con el cliente.'));

  const auth = authorizeDebit(
    account,
    { presenters: req.presenters, juridicaCertificateIssuedOn: req.juridicaCertificateIssuedOn, debit: { amount: req.amount, payout: req.payout.kind, takenToday: ctx.authorizedTakenToday } },
    on,
    rules,
  );
  errors.push(...auth.errors);
  const approvals: ApprovalReason[] = [...auth.approvalReasons];
  const notices: string[] = [...auth.notices];

  // Disposing of funds pays GMF, whether in cash or by cheque de gerencia (ET art. 871).
  const gmf = computeGmf({ amount: req.amount, exemptAccount: account.gmfExempt, usedThisMonth: ctx.gmfExemptUsedThisMonth, on }, rules);
  if (!gmf.ok) errors.push(gmf.error);
  const balance = withdrawableBalance(account, on, rules, ctx.protectedUsedElsewhere ?? 0);
  if (!balance.ok) errors.push(balance.error);

  const chequeFee = req.payout.kind === 'cheque-gerencia' ? rules.chequeGerenciaFee : 0;
  const debits: DebitLine[] = [{ kind: 'retiro', label: 'Retiro', amount: req.amount }];
  if (gmf.ok && gmf.value.gmf > 0) debits.push({ kind: 'gmf', label: 'GMF 4x1000', amount: gmf.value.gmf });
  if (chequeFee > 0) debits.push({ kind: 'cheque-gerencia', label: 'Expedición cheque de gerencia', amount: chequeFee });
  const debitTotal = sumPesos(debits.map((d) => d.amount));

  const short = balance.ok ? insufficientFunds(balance.value, debitTotal, 'el retiro con sus cargos', mostWithdrawal(balance.value, req, ctx, chequeFee, rules)) : null;
  if (short) errors.push(short);

  let payout: WithdrawalPayout | null = null;
  if (req.payout.kind === 'efectivo') {
    if (cashPayable(req.amount) !== req.amount) {
      errors.push(domainError('AMOUNT_NOT_PAYABLE_IN_CASH', `${formatPesos(req.amount)} no se puede pagar en efectivo: la moneda más pequeña es de $ 50. Ajuste el valor con el cliente.`));
    } else {
      const mix = suggestMix(req.amount, ctx.tillStock);
      if (mix === null) errors.push(domainError('CASH_MIX_UNAVAILABLE', `La caja no tiene billetes y monedas para pagar exactamente ${formatPesos(req.amount)}. Solicite provisión a la bóveda o pague con cheque de gerencia.`));
      else payout = { kind: 'efectivo', mix };
    }
  } else {
    const to = chequeBeneficiaries(account, req.presenters, req.payout.beneficiary);
    if (!to.ok) errors.push(to.error);
    else {
      const { beneficiaries, toHolder } = to.value;
      payout = { kind: 'cheque-gerencia', number: req.payout.number, beneficiaries, toHolder, firstBeneficiaryOnly: req.payout.firstBeneficiaryOnly };
      if (!toHolder) notices.push(`El cheque de gerencia se gira a un tercero (${beneficiaries.map((b) => b.name).join(' Y ')}) a solicitud ${orderedBy(account, req.presenters)} (cláusula 4, parágrafo).`);
    }
  }

  // Cl. 3.12: daily number and amount of withdrawals; above them, a supervisor exception.
  const { dailyCount, dailyAmount } = rules.withdrawalLimits;
  if (ctx.withdrawalsToday.count + 1 > dailyCount) {
    approvals.push(approvalReason('LIMIT_EXCEEDED_WITHDRAWAL_COUNT', `Retiros hoy con este: ${ctx.withdrawalsToday.count + 1}; máximo ${dailyCount}.`, { count: ctx.withdrawalsToday.count + 1, limit: dailyCount }));
  }
  if (ctx.withdrawalsToday.amount + req.amount > dailyAmount) {
    approvals.push(approvalReason('LIMIT_EXCEEDED_WITHDRAWAL_AMOUNT', `Retirado hoy con este: ${formatPesos(ctx.withdrawalsToday.amount + req.amount)}; máximo ${formatPesos(dailyAmount)}.`, { dayTotal: ctx.withdrawalsToday.amount + req.amount, limit: dailyAmount }));
  }
  // Cl. 4 literal c: visación by the entity.
  if (req.amount > rules.visacionThreshold) approvals.push(approvalReason('VISACION', `Valor ${formatPesos(req.amount)}; se visa por encima de ${formatPesos(rules.visacionThreshold)}.`));

  const cash = req.payout.kind === 'efectivo' ? req.amount : 0;
  const uiaf = evaluateCashUiaf({ cash, customerMonthCashBefore: ctx.customerMonthCashBefore }, rules);
  const d = req.declaration;
  if (d !== undefined && (d.direction !== 'retiro' || d.amount !== cash || d.accountNumber !== account.number || d.date !== on)) {
    errors.push(domainError('UIAF_DECLARATION_MISMATCH', 'La declaración de destino de fondos no corresponde a este retiro (tipo, valor en efectivo, cuenta o fecha). Diligénciela de nuevo.'));
  }

  if (errors.length > 0 || !gmf.ok || !balance.ok || payout === null) return { ok: false, errors };
  return {
    ok: true,
    plan: {
      amount: req.amount,
      gmf: gmf.value,
      debits,
      debitTotal,
      payout,
      balance: balance.value,
      approvalReasons: approvals,
      uiaf: { ...uiaf, declarationProvided: d !== undefined },
      pending: uiaf.declarationRequired && d === undefined ? ['UIAF_DECLARATION'] : [],
      reactivates: auth.inactive,
      notices,
    },
  };
};
