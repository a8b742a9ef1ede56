import type { Account } from '../accounts/account';
import type { PersonId } from '../accounts/person';
import type { TransferPlan } from '../transfer/evaluate';
import { type ReceiptHeader, approvalLines, assemble, maskAccount, presenterLines } from './build-common';
import type { ReceiptDocument, ReceiptLine } from './document';
import { amountInWords } from './words';
import { chargeName, type PendingChargePayment } from '../deposit/pending-charges';

export interface TransferReceiptInput {
  readonly header: ReceiptHeader;
  readonly from: Account;
  readonly to: Account;
  readonly plan: TransferPlan;
  readonly approvalIds: readonly string[];
  /** The people the teller identified at the counter. */
  readonly presenters: readonly PersonId[];
  /** What the credit pays of the destination's pending charges, as central said they stood when it was posted. */
  readonly pendingCharges?: PendingChargePayment | undefined;
}

/** How the receipt names each account's holders: a reversal reads them back to name both accounts (reversal service). */
export const TRANSFER_HOLDER_LABELS = { from: 'Titular origen', to: 'Titular destino' } as const;

export const buildTransferReceipt = ({ header, from, to, plan, approvalIds, presenters, pendingCharges }: TransferReceiptInput): ReceiptDocument => {
  const lines: ReceiptLine[] = [
    { kind: 'field', label: 'Cuenta origen', value: maskAccount(from.number) },
    { kind: 'field', label: TRANSFER_HOLDER_LABELS.from, value: from.holders.map((h) => h.name).join(' / ') },
    ...presenterLines(from, presenters, 'Ordena'),
    { kind: 'field', label: 'Cuenta destino', value: maskAccount(to.number) },
    // The customer checks on paper that the money went to whom they meant, as the origin's holder is checked.
    { kind: 'field', label: TRANSFER_HOLDER_LABELS.to, value: to.holders.map((h) => h.name).join(' / ') },
    { kind: 'rule' },
  ];
  for (const d of plan.debits) lines.push({ kind: 'amount', label: d.label, amount: d.amount });
  lines.push({ kind: 'amount', label: 'Total debitado', amount: plan.debitTotal });
  // The destination receives less than was debited: the receipt says which returned cheques took the difference.
  if (pendingCharges && pendingCharges.paid > 0) {
    for (const c of pendingCharges.charges) lines.push({ kind: 'amount', label: `Pago cargo pendiente (${chargeName(c)})`, amount: c.amount, negative: true });
    lines.push({ kind: 'amount', label: 'Abonado a la cuenta destino', amount: plan.amount - pendingCharges.paid });
  }
  if (plan.sameSoleHolder) lines.push({ kind: 'text', text: 'Exento de GMF: cuentas del mismo y único titular (E.T. art. 879 num. 14).' });
  lines.push(...approvalLines(approvalIds));
  return assemble(header, 'TRASLADO ENTRE CUENTAS', lines, amountInWords(plan.amount));
};
