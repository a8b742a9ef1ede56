import type { Account } from '../accounts/account';
import { bankName } from '../cheque/banks';
import { resolvePlaza } from '../cheque/plaza-match';
import type { DepositPlan } from '../deposit/evaluate';
import type { DepositSlip } from '../deposit/slip';
import { formatReceiptDate } from '../calendar/bogota-time';
import { maskDocument } from '../identity/document';
import { type ReceiptHeader, approvalLines, assemble, maskAccount } from './build-common';
import type { ReceiptDocument, ReceiptLine } from './document';
import { amountInWords } from './words';
import { chargeName, type PendingChargePayment, stillOwedText, unknownChargesText } from '../deposit/pending-charges';

export interface DepositReceiptInput {
  readonly header: ReceiptHeader;
  readonly account: Account;
  readonly slip: DepositSlip;
  readonly plan: DepositPlan;
  readonly approvalIds: readonly string[];
  /** What the deposit pays of the account's pending charges, as central said they stood when it was posted. */
  readonly pendingCharges?: PendingChargePayment | undefined;
  /** Without central's answer: the pending charges its last reference data showed (printed only when > 0). */
  readonly pendingChargesLastKnown?: number | undefined;
}

/**
 * The customer sees a credit smaller than what they handed over: the receipt says which returned cheques took the
 * difference, and what reached the account (the lines add up to the total consignado).
 */
const pendingChargeLines = (plan: DepositPlan, pc: PendingChargePayment): ReceiptLine[] => {
  const lines: ReceiptLine[] = pc.charges.map((c) => ({ kind: 'amount', label: `Pago cargo pendiente (${chargeName(c)})`, amount: c.amount, negative: true }));
  if (pc.paid > 0) lines.push({ kind: 'amount', label: 'Abonado a la cuenta', amount: plan.total - plan.commission.total - pc.paid });
  const owed = stillOwedText(pc, plan.chequesTotal > 0);
  if (owed) lines.push({ kind: 'text', text: owed });
  return lines;
};

const COMMISSION_LABEL = { remesa: 'Comisión remesa', 'otra-ciudad': 'Comisión otra ciudad' } as const;

/** Customer receipt of a deposit: proof of the consignación (seed 003 cl. 3.10). */
export const buildDepositReceipt = ({ header, account, slip, plan, approvalIds, pendingCharges, pendingChargesLastKnown = 0 }: DepositReceiptInput): ReceiptDocument => {
  const lines: ReceiptLine[] = [
    { kind: 'field', label: 'Cuenta de ahorros', value: maskAccount(account.number) },
    { kind: 'field', label: 'Titular', value: account.holders.map((h) => h.name).join(' / ') },
  ];
  // A third party is named with the document they showed, masked as on every receipt (domain/identity).
  if (!plan.depositorIsKnown && slip.depositor.name) {
    lines.push({ kind: 'field', label: 'Depositante', value: slip.depositor.name }, { kind: 'field', label: 'Documento depositante', value: maskDocument(slip.depositor.id) });
  }
  lines.push({ kind: 'rule' });
  if (plan.cash > 0) lines.push({ kind: 'amount', label: 'Efectivo', amount: plan.cash });
  slip.cheques.forEach((c) => lines.push({ kind: 'amount', label: `Cheque ${bankName(c.bank)} No. ${c.number}`, amount: c.amount }));
  if (slip.cheques.length > 0) lines.push({ kind: 'amount', label: `Total cheques (${slip.cheques.length})`, amount: plan.chequesTotal });
  lines.push({ kind: 'amount', label: 'Total consignado', amount: plan.total });
  for (const c of plan.commission.lines) lines.push({ kind: 'amount', label: COMMISSION_LABEL[c.kind], amount: c.amount, negative: true });
  if (pendingCharges) lines.push(...pendingChargeLines(plan, pendingCharges));
  // Never a silent smaller credit: what central last said is owed, when it could not be asked at posting.
  else if (pendingChargesLastKnown > 0) lines.push({ kind: 'text', text: unknownChargesText(pendingChargesLastKnown) });
  if (plan.holds.length > 0) {
    lines.push({ kind: 'rule' });
    for (const h of plan.holds) {
      const c = slip.cheques[h.chequeIndex];
      // A remesa names the plaza it is collected in: the customer asks about it by city.
      const when = h.route === 'canje' ? 'disponible desde' : `remesa al cobro (${c ? (resolvePlaza(c.city)?.name ?? c.city) : '—'}), fecha estimada`;
      lines.push({ kind: 'field', label: `Cheque No. ${c?.number ?? h.chequeIndex + 1}`, value: `${when} ${formatReceiptDate(h.releaseOn)}` });
    }
    lines.push({ kind: 'text', text: 'Cheques recibidos sujetos a verificación y a su pago. No podrá disponer de su valor hasta que sean pagados (cláusula 3.9).' });
  }
  lines.push(...approvalLines(approvalIds));
  return assemble(header, 'CONSIGNACIÓN CUENTA DE AHORROS', lines, amountInWords(plan.total));
};
