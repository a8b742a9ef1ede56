import { z } from 'zod';
import type { Account } from '../accounts/account';
import { PersonIdSchema, samePerson } from '../accounts/person';
import type { ApprovalReason } from '../approval/reasons';
import { approvalReason } from '../approval/reasons';
import type { IsoDate } from '../calendar/iso-date';
import { IsoDateSchema } from '../calendar/iso-date';
import { isInactiveAccount } from '../accounts/activity';
import { type GmfBreakdown, computeGmf } from '../gmf/gmf';
import { type Pesos, PositivePesosSchema, formatPesos, sumPesos } from '../money/pesos';
import type { RulesConfig } from '../rules-config/config';
import { type DomainError, domainError } from '../rules-config/result';
import { authorizeDebit } from '../withdrawal/authorization';
import type { AuthorizedTaken } from '../withdrawal/authorized-conditions';
import { type Withdrawable, insufficientFunds, withdrawableBalance } from '../withdrawal/embargo';
import { maxWithdrawal } from '../withdrawal/max-withdrawal';

/** Transfer between two accounts of the bank, ordered at the office (seed 003 cl. 3.13). */
export const TransferRequestSchema = z.object({
  fromAccountNumber: z.string().regex(/^\d{6,20}$/),
  toAccountNumber: z.string().regex(/^\d{6,20}$/),
  amount: PositivePesosSchema,
  presenters: z.array(PersonIdSchema).min(1, { message: 'Identifique a quien ordena el traslado' }),
  juridicaCertificateIssuedOn: IsoDateSchema.optional(),
});
export type TransferRequest = z.output<typeof TransferRequestSchema>;
export type TransferRequestInput = z.input<typeof TransferRequestSchema>;

export interface TransferContext {
  readonly from: Account;
  readonly to: Account;
  readonly on: IsoDate;
  readonly gmfExemptUsedThisMonth: Pesos;
  readonly protectedUsedElsewhere?: Pesos;
  /** What each person present already took (or ordered) from `from` today: an authorized person's day maximum (cl. 3.5). */
  readonly authorizedTakenToday?: readonly AuthorizedTaken[];
}

export interface TransferPlan {
  readonly amount: Pesos;
  readonly gmf: GmfBreakdown;
  readonly debits: readonly { readonly kind: 'traslado' | 'gmf'; readonly label: string; readonly amount: Pesos }[];
  readonly debitTotal: Pesos;
  /** Credited to the destination's available balance at once: no clearing between accounts of the same bank. */
  readonly credit: Pesos;
  readonly sameSoleHolder: boolean;
  readonly balance: Withdrawable;
  readonly approvalReasons: readonly ApprovalReason[];
  readonly notices: readonly string[];
}

export type TransferEvaluation = { ok: true; plan: TransferPlan } | { ok: false; errors: DomainError[] };

/**
 * ET art. 879 num. 14: transfers between accounts of the same, sole holder in the same entity are exempt. Both
 * accounts must have exactly one holder and it must be the same person; joint accounts are [U] (domain-co §1).
 */
export const isSameSoleHolder = (from: Account, to: Account): boolean => {
  const a = from.holders[0];
  const b = to.holders[0];
  return from.holders.length === 1 && to.holders.length === 1 && a !== undefined && b !== undefined && samePerson(a.id, b.id);
};

/**
 * The teller's one wording of a transfer to its own account, whoever refuses it: the branch at lookup and at
 * posting (`TRANSFER_SAME_ACCOUNT`), or central applying the operation (`SAME_ACCOUNT`, listed in Rechazos de
 * central when an older branch let one through).
 */
export const SAME_ACCOUNT_MESSAGE =
  'La cuenta de destino es la misma de origen: un traslado necesita otra cuenta. Verifique con el cliente el número de la cuenta de destino.';

/**
 * Origin and destination are the same account: nothing would move but the GMF. Exported so the screen refuses it
 * as soon as the destination is looked up, in the same words the evaluation uses.
 */
export const sameAccountRefusal = (fromNumber: string, toNumber: string): DomainError | null =>
  fromNumber === toNumber ? domainError('TRANSFER_SAME_ACCOUNT', SAME_ACCOUNT_MESSAGE) : null;

export const evaluateTransfer = (req: TransferRequest, ctx: TransferContext, rules: RulesConfig): TransferEvaluation => {
  const { from, to, on } = ctx;
  const errors: DomainError[] = [];
  if (req.fromAccountNumber !== from.number || req.toAccountNumber !== to.number) {
    errors.push(domainError('ACCOUNT_MISMATCH', 'Los números de cuenta del comprobante no corresponden a las cuentas consultadas. Verifíquelos con el cliente.'));
  }
  const same = sameAccountRefusal(from.number, to.number);
  if (same) errors.push(same);

  const auth = authorizeDebit(
    from,
    { presenters: req.presenters, juridicaCertificateIssuedOn: req.juridicaCertificateIssuedOn, debit: { amount: req.amount, payout: 'traslado', takenToday: ctx.authorizedTakenToday } },
    on,
    rules,
  );
  errors.push(...auth.errors);
  const approvals = [...auth.approvalReasons];
  const notices = [...auth.notices];

  // The destination receives like a deposit (cl. 3.7, 7.2, 7.3).
  if (to.state === 'cancelada') errors.push(domainError('DESTINATION_CANCELLED', 'La cuenta de destino está cancelada y no recibe traslados. Confirme el número con el cliente.'));
  if (to.state === 'bloqueada') {
    if (rules.depositToBlockedAccount === 'refuse') errors.push(domainError('DESTINATION_BLOCKED', 'La cuenta de destino está bloqueada y la política de la entidad no permite abonarle.'));
    else {
      if (rules.depositToBlockedAccount === 'approval') approvals.push(approvalReason('BLOCKED_ACCOUNT_DEPOSIT'));
      notices.push('La cuenta de destino está bloqueada: el traslado se abona pero su titular no podrá disponer de los fondos (cláusula 7.2).');
    }
  }
  if (to.state !== 'cancelada' && isInactiveAccount(to, on, rules.inactivityMonths)) {
    notices.push('La cuenta de destino está inactiva: el traslado se abona; la inactividad solo restringe débitos (cláusula 7.1).');
  }
  // Cl. 4 literal c: a debit ordered at the counter carries a withdrawal's impersonation risk, so the same visación.
  if (req.amount > rules.visacionThreshold) approvals.push(approvalReason('VISACION', `Valor ${formatPesos(req.amount)}; se visa por encima de ${formatPesos(rules.visacionThreshold)}.`));

  const sameSoleHolder = isSameSoleHolder(from, to);
  const gmf = computeGmf({ amount: req.amount, exemptAccount: from.gmfExempt, usedThisMonth: ctx.gmfExemptUsedThisMonth, on, fullyExempt: sameSoleHolder ? 'ET_879_14' : undefined }, rules);
  if (!gmf.ok) errors.push(gmf.error);
  const balance = withdrawableBalance(from, on, rules, ctx.protectedUsedElsewhere ?? 0);
  if (!balance.ok) errors.push(balance.error);

  const debits: TransferPlan['debits'][number][] = [{ kind: 'traslado', label: 'Traslado', amount: req.amount }];
  if (gmf.ok && gmf.value.gmf > 0) debits.push({ kind: 'gmf', label: 'GMF 4x1000', amount: gmf.value.gmf });
  const debitTotal = sumPesos(debits.map((d) => d.amount));
  const most = balance.ok
    ? maxWithdrawal(balance.value.withdrawable, { exemptAccount: from.gmfExempt, usedThisMonth: ctx.gmfExemptUsedThisMonth, on, fullyExempt: sameSoleHolder ? 'ET_879_14' : undefined }, rules)
    : null;
  const short = balance.ok ? insufficientFunds(balance.value, debitTotal, 'el traslado con el 4x1000', most?.ok ? { verb: 'trasladar', amount: most.value } : undefined) : null;
  if (short) errors.push(short);

  if (errors.length > 0 || !gmf.ok || !balance.ok) return { ok: false, errors };
  return { ok: true, plan: { amount: req.amount, gmf: gmf.value, debits, debitTotal, credit: req.amount, sameSoleHolder, balance: balance.value, approvalReasons: approvals, notices } };
};
