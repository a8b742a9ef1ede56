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
   * Where the cheque's credit stood when it came back: `canje` (still in canje or in a remesa al cobro: it was never
   * available, the return only lowers the canje figure) or `available` (it had cleared and the customer could spend it).
   */
  readonly credit: ReturnCredit;
  /** The supervisor who authorized not charging the fee, by name; absent when the fee was charged. */
  readonly feeWaivedBy?: string | undefined;
  /**
   * What the return took from the account (canje and available together, as central answers it) and what the
   * available balance lacked, owed as a pending charge.
   */
  readonly charge: { readonly debited: Pesos; readonly pending: Pesos; readonly owedTotal?: Pesos | undefined };
}

export type ReturnCredit = 'canje' | 'available';

/** The opening of the sentence that says what a return took: the screen finds it on the receipt by it. */
const TAKEN_OPENINGS = ['El cheque seguía en canje', 'El cheque ya estaba disponible'] as const;

/**
 * What a return took from the available balance, in the customer's words: one sentence for the screen and the paper.
 * A cheque still in canje (or a remesa not paid yet) was never available: only the canje figure falls, and the
 * available balance pays at most the fee. A cheque that had cleared is taken back from the available balance.
 */
export const returnTakenText = (i: Pick<ChequeReturnReceiptInput, 'amount' | 'credit' | 'feeWaivedBy' | 'charge'> & { fee: Pesos }): string => {
  const fromAvailable = takenFromAvailable(i);
  const fee =
    i.fee > 0
      ? i.charge.pending >= i.fee && i.credit === 'canje'
        ? ` La comisión de ${formatPesos(i.fee)} no se pudo debitar: quedó como cargo pendiente.`
        : i.credit === 'canje'
          ? ` Comisión de ${formatPesos(i.fee)}: debitado del saldo disponible ${formatPesos(fromAvailable)}.`
          : ''
      : i.feeWaivedBy !== undefined
        ? ` Comisión no cobrada, autorizó ${i.feeWaivedBy}.`
        : '';
  return i.credit === 'canje'
    ? `${TAKEN_OPENINGS[0]}: nunca estuvo disponible y no se debitó del saldo disponible; el valor en canje baja ${formatPesos(i.amount)}.${fee}`
    : `${TAKEN_OPENINGS[1]}: debitado del saldo disponible ${formatPesos(fromAvailable)}${i.fee > 0 ? ' (cheque y comisión)' : ''}.${fee}`;
};

/** What the return took from the available balance: central's debit less the part that left canje. */
export const takenFromAvailable = (i: Pick<ChequeReturnReceiptInput, 'amount' | 'credit' | 'charge'>): Pesos =>
  Math.max(0, i.charge.debited - (i.credit === 'canje' ? i.amount : 0));

/** The sentence of what the return took, as the receipt printed it (a stored receipt answers a replay too). */
export const returnTakenOf = (receipt: ReceiptDocument): string | undefined => {
  const line = receipt.lines.find((l) => l.kind === 'text' && TAKEN_OPENINGS.some((o) => l.text.startsWith(o)));
  return line?.kind === 'text' ? line.text : undefined;
};

/** The receipt line with what the return took from the available balance. */
export const DEBITED_LABEL = 'Debitado del saldo disponible';

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
    { kind: 'amount', label: i.credit === 'canje' ? 'Valor en canje reversado' : 'Crédito reversado', amount: i.amount, negative: true },
  ];
  if (i.plan.fee > 0) lines.push({ kind: 'amount', label: 'Comisión cheque devuelto', amount: i.plan.fee, negative: true });
  lines.push({ kind: 'text', text: returnTakenText({ ...i, fee: i.plan.fee }) });
  if (i.charge.pending > 0) {
    lines.push(
      { kind: 'rule' },
      { kind: 'amount', label: DEBITED_LABEL, amount: takenFromAvailable(i), negative: true },
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
