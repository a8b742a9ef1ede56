import type { ReceiptDocument } from '../../domain/receipt/document';
import { ReceiptPreview } from './ReceiptPreview';

interface Props {
  causalText: string | undefined;
  customerNotice: string | undefined;
  receipt: ReceiptDocument;
  printState: string | null;
  testId: string;
}

/** After a return: what to tell the customer, and the receipt that went to the printer. */
export const ReturnedChequeNotice = ({ causalText, customerNotice, receipt, printState, testId }: Props) => (
  <section aria-label="Devolución registrada" data-testid={testId}>
    <p className="notice">
      Cheque devuelto: {causalText}. Diga al cliente: {customerNotice}
    </p>
    <ReceiptPreview receipt={receipt} printState={printState} />
  </section>
);
