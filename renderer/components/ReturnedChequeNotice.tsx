import type { TellerApi } from '../../domain/contract/client';
import type { ReceiptDocument } from '../../domain/receipt/document';
import type { CanjeChequeView } from '../../domain/contract/canje';
import { formatReceiptDate } from '../../domain/calendar/bogota-time';
import { formatPesos } from '../../domain/money/pesos';
import { owedTotalOf, returnPendingText, returnTakenOf } from '../../domain/receipt/build-cheque-return';
import { PrintStatus, type PrintJobRef } from './PrintStatus';
import { ReceiptPreview } from './ReceiptPreview';

/** A return the core registered: what the cheque now says, the receipt that went to the printer and its job. */
export interface ReturnDone {
  cheque: { causalText?: string | undefined; customerNotice?: string | undefined; amount: number; returnFee: number; returnPending: number };
  receipt: ReceiptDocument;
  printJob: PrintJobRef | null;
}

/** After a return: what to tell the customer, and the receipt that went to the printer. */
export const ReturnedChequeNotice = ({ teller, returned, testId }: { teller: TellerApi; returned: ReturnDone | null; testId: string }) =>
  returned ? (
    <section aria-label="Devolución registrada" data-testid={testId}>
      <p className="notice">
        Cheque devuelto: {returned.cheque.causalText}. Diga al cliente: {returned.cheque.customerNotice}
      </p>
      {/* What the return took, as the receipt says it: a cheque still in canje was never available. */}
      {returnTakenOf(returned.receipt) === undefined ? null : (
        <p className="notice" role="status" data-testid="return-taken">
          {returnTakenOf(returned.receipt)}
        </p>
      )}
      {/* The balance did not cover the cheque and its fee: the customer owes the rest (central keeps it as a charge). */}
      {returned.cheque.returnPending > 0 ? (
        <p className="notice" role="status" data-testid="return-pending">
          {returnPendingText(returned.cheque.returnPending, owedTotalOf(returned.receipt))}. Diga al cliente que sus próximos abonos a la cuenta lo pagan primero.
        </p>
      ) : null}
      <ReceiptPreview receipt={returned.receipt} print={<PrintStatus teller={teller} job={returned.printJob} />} />
    </section>
  ) : null;

/**
 * A row's state with the causal and the fee once it came back, e.g. "Devuelta (Fondos insuficientes) · comisión
 * $ 15.000", and " · cargo pendiente $ …" when the balance lacked part of it; a cheque whose deposit was reversed has
 * no state left to follow but going back to the customer.
 */
export const returnStatusText = (
  status: string,
  r: { causalText?: string | undefined; returnFee: number; returnPending: number; returnOwedNow?: number | null | undefined; returnPaidBy?: PaidBy | undefined; depositReversed: boolean },
): string =>
  r.depositReversed
    ? 'Consignación reversada · entregar el cheque al cliente'
    : `${status}${r.causalText ? ` (${r.causalText})` : ''}${r.returnFee > 0 ? ` · comisión ${formatPesos(r.returnFee)}` : ''}${r.returnPending > 0 ? pendingNow(r.returnPending, r.returnOwedNow, r.returnPaidBy) : ''}`;

type PaidBy = NonNullable<CanjeChequeView['returnPaidBy']>;

/**
 * The credit that paid the charge, for the customer who asks: this workstation's comprobante by its number; another
 * workstation's by the authorization number its receipt printed. The day only when it was not today.
 */
const paidByText = (by: PaidBy | undefined): string =>
  by === undefined
    ? ''
    : `${by.sequence ? ` con el comprobante ${by.sequence}` : ` en la estación ${by.workstation} (autorización ${by.reference})`}${by.on ? ` del ${formatReceiptDate(by.on)}` : ''}`;

/** The charge as central has it now when the list could ask (later credits pay it), else the figure of the return. */
const pendingNow = (atReturn: number, now: number | null | undefined, by: PaidBy | undefined): string =>
  now === undefined
    ? ` · cargo pendiente ${formatPesos(atReturn)}`
    : now === null
      ? ` · cargo pendiente al devolverlo ${formatPesos(atReturn)} (sin conexión con central: puede estar pagado)`
      : now === 0
        ? ` · cargo pendiente ${formatPesos(atReturn)} pagado${paidByText(by)}`
        : now < atReturn
          ? ` · cargo pendiente ${formatPesos(now)} (de ${formatPesos(atReturn)}; abonos posteriores pagaron el resto)`
          : ` · cargo pendiente ${formatPesos(now)}`;
