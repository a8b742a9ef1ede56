import type { Account } from '../accounts/account';
import type { PersonId } from '../accounts/person';
import { maskDocument } from '../identity/document';
import { payeeLine } from '../withdrawal/cheque';
import { FINGERPRINT_EXCEPTION_REASONS, type FingerprintCheck, type FingerprintExceptionReason } from '../withdrawal/fingerprint';
import type { WithdrawalPlan } from '../withdrawal/evaluate';
import { type ReceiptHeader, approvalLines, assemble, maskAccount, presenterLines, signatureLines } from './build-common';
import type { ReceiptDocument, ReceiptLine } from './document';
import { amountInWords } from './words';

/** The withdrawal receipt's line with the cheque de gerencia's number; the close report reads the issued forms by it. */
export const CHEQUE_GERENCIA_NUMBER_LABEL = 'Cheque de gerencia No.';

export interface WithdrawalReceiptInput {
  readonly header: ReceiptHeader;
  readonly account: Account;
  readonly plan: WithdrawalPlan;
  readonly approvalIds: readonly string[];
  /** The people the teller identified at the counter. */
  readonly presenters: readonly PersonId[];
  /** Seed 003 cl. 4 c: whose fingerprint central matched (its reference) and who was paid by the supervisor's exception. */
  readonly identity?: Pick<FingerprintCheck, 'verified' | 'exceptions'>;
}

/** Why a person was paid without the biometric match, as the customer's paper says it. */
const exceptionLine = (reason: FingerprintExceptionReason): string =>
  reason === 'CONSENT_REFUSED'
    ? 'el cliente no autorizó el tratamiento de su huella; identificado con el documento original, visado por el supervisor'
    : `${FINGERPRINT_EXCEPTION_REASONS[reason]}, autorizado por supervisor`;

/** One line per person verified, with central's reference; one per person paid without the biometric match. */
export const identityLines = (identity: Pick<FingerprintCheck, 'verified' | 'exceptions'>): ReceiptLine[] => [
  ...identity.verified.map((v): ReceiptLine => ({ kind: 'text', text: `Identidad verificada con huella — ref ${v.reference} (${maskDocument(v.person)})` })),
  ...identity.exceptions.map((x): ReceiptLine => ({ kind: 'text', text: `Sin validación biométrica (${maskDocument(x.person)}): ${exceptionLine(x.reason)}` })),
];

/** Customer receipt of an office withdrawal: the GMF and any fee on their own lines (domain-co §1). */
export const buildWithdrawalReceipt = ({ header, account, plan, approvalIds, presenters, identity }: WithdrawalReceiptInput): ReceiptDocument => {
  const lines: ReceiptLine[] = [
    { kind: 'field', label: 'Cuenta de ahorros', value: maskAccount(account.number) },
    { kind: 'field', label: 'Titular', value: account.holders.map((h) => h.name).join(' / ') },
    ...presenterLines(account, presenters, 'Retira'),
    { kind: 'rule' },
  ];
  for (const d of plan.debits) lines.push({ kind: 'amount', label: d.label, amount: d.amount });
  if (plan.gmf.exempt > 0 && plan.gmf.legalBasis) lines.push({ kind: 'amount', label: 'Base exenta GMF', amount: plan.gmf.exempt });
  lines.push({ kind: 'amount', label: 'Total debitado', amount: plan.debitTotal });
  if (plan.payout.kind === 'efectivo') lines.push({ kind: 'field', label: 'Forma de pago', value: 'Efectivo' });
  else {
    const { beneficiaries, firstBeneficiaryOnly, number } = plan.payout;
    lines.push({ kind: 'field', label: 'Forma de pago', value: `Cheque de gerencia a ${payeeLine(beneficiaries)}${firstBeneficiaryOnly ? ' (primer beneficiario)' : ''}` });
    // The customer's proof of which paper cheque this debit paid (reconciliation, orden de no pago).
    lines.push({ kind: 'field', label: CHEQUE_GERENCIA_NUMBER_LABEL, value: number });
  }
  if (identity) lines.push(...identityLines(identity));
  lines.push(...approvalLines(approvalIds));
  // The screen tells the teller to have the receipt signed: each person who withdrew signs, named with their document.
  lines.push({ kind: 'rule' }, ...signatureLines(account, presenters));
  return assemble(header, 'RETIRO CUENTA DE AHORROS', lines, amountInWords(plan.amount));
};
