import { bankName } from '../cheque/banks';
import type { ReturnedChequePlan } from '../cheque/returned';
import { type Pesos, formatPesos } from '../money/pesos';
import { type ReceiptHeader, assemble, maskAccount } from './build-common';
import type { ReceiptDocument, ReceiptLine } from './document';
import { amountInWords } from './words';

export interface ChequeReturnReceiptInput {
  /** How the cheque was collected: same-city canje or remesa al cobro (seed 003 cl. 3.9). */
  readonly route: 'remesa' | 'canje';
  readonly header: ReceiptHeader;
  readonly accountNumber: string;
  readonly holderName: string;
  readonly bank: string;
  readonly chequeNumber: string;
  readonly city: string;
  readonly amount: Pesos;
  /** Comprobante that received the cheque. */
  readonly depositSequence: string;
  readonly plan: ReturnedChequePlan;
  /**
   * What the return took from the account and what the available balance lacked, owed as a pending charge (cheque
   * plus fee in all). Absent on receipts of returns the balance covered.
   */
  readonly charge?: { readonly debited: Pesos; readonly pending: Pesos; readonly owedTotal?: Pesos | undefined };
}

/** The receipt line with everything the account owes after the return, as central answered it. */
export const OWED_TOTAL_LABEL = 'La cuenta debe en total';

/**
 * This return's charge and what the account owes in all: older returns may already owe, and the customer must hear
 * both. `owedTotal` undefined: central did not book the return yet, so the total is not known here.
 */
export const returnPendingText = (pending: Pesos, owedTotal: Pesos | undefined): string =>
  `Cargo pendiente de esta devolución ${formatPesos(pending)} · ${owedTotal === undefined ? 'el total que debe la cuenta no se conoce (central no respondió)' : `la cuenta debe en total ${formatPesos(owedTotal)}`}`;

/** The total the receipt printed (a stored receipt answers a replay too); undefined when it was not known. */
export const owedTotalOf = (receipt: ReceiptDocument): Pesos | undefined => {
  const line = receipt.lines.find((l) => l.kind === 'amount' && l.label === OWED_TOTAL_LABEL);
  return line?.kind === 'amount' ? line.amount : undefined;
};

/** What the customer is told about the part of a returned cheque the balance did not cover. */
export const PENDING_NOTICE = 'El saldo no alcanzó: el cargo pendiente lo pagan primero los próximos abonos a la cuenta.';

/**
 * Devolución de cheque recibido en canje o en remesa (seed 003 cl. 3.9, 4.2 d and h): the reversed conditional credit, the
 * causal, the fee if charged, and where the customer collects the physical cheque.
 */
export const buildChequeReturnReceipt = (i: ChequeReturnReceiptInput): ReceiptDocument => {
  const lines: ReceiptLine[] = [
    { kind: 'field', label: 'Cuenta de ahorros', value: maskAccount(i.accountNumber) },
    { kind: 'field', label: 'Titular', value: i.holderName },
    { kind: 'field', label: 'Consignado en', value: i.depositSequence },
    { kind: 'field', label: 'Banco girado', value: bankName(i.bank) },
    { kind: 'field', label: 'Cheque No.', value: i.chequeNumber },
    { kind: 'field', label: 'Plaza', value: i.city },
    { kind: 'field', label: 'Causal', value: i.plan.causal.code === null ? i.plan.causal.text : `${i.plan.causal.code} ${i.plan.causal.text}` },
    { kind: 'rule' },
    { kind: 'amount', label: 'Crédito reversado', amount: i.amount, negative: true },
  ];
  if (i.plan.fee > 0) lines.push({ kind: 'amount', label: 'Comisión cheque devuelto', amount: i.plan.fee, negative: true });
  if (i.charge && i.charge.pending > 0) {
    lines.push(
      { kind: 'rule' },
      { kind: 'amount', label: 'Debitado de la cuenta', amount: i.charge.debited, negative: true },
      { kind: 'amount', label: 'Cargo pendiente de esta devolución', amount: i.charge.pending },
      i.charge.owedTotal === undefined
        ? { kind: 'text', text: 'Total que debe la cuenta: no se conoce, central no respondió.' }
        : { kind: 'amount', label: OWED_TOTAL_LABEL, amount: i.charge.owedTotal },
      { kind: 'text', text: PENDING_NOTICE },
    );
  }
  lines.push({ kind: 'rule' }, { kind: 'text', text: i.plan.customerNotice });
  return assemble(i.header, i.route === 'canje' ? 'DEVOLUCIÓN DE CHEQUE EN CANJE' : 'DEVOLUCIÓN DE CHEQUE EN REMESA', lines, amountInWords(i.amount));
};
