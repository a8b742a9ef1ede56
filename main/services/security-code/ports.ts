/** The fingerprint reader port is shared with the withdrawal: main/services/fingerprint/reader.ts. */
import type { ReceiptDocument } from '../../../domain/receipt/document';

/** The device service's receipt printer. */
export interface ConstanciaPrinter {
  /**
   * Inside the transaction that records the constancia: its job, recorded and not yet sent, so a crash before
   * `printReceipt` leaves it owed at Dispositivos (Reintentar) instead of a constancia nobody printed.
   */
  owe(document: ReceiptDocument): void;
  /** After the commit: sends the owed job; a constancia already sent is not sent again. */
  printReceipt(document: ReceiptDocument): { jobId: string; state: string } | Promise<{ jobId: string; state: string }>;
  /** "Imprimir de nuevo": the original if it was never recorded, else "COPIA No. n" (journaled by the device service). */
  printAgain(document: ReceiptDocument, actor: string): { jobId: string; state: string };
}
