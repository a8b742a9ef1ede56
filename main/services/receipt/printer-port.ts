import type { DevicePrintJob } from '../../../domain/contract/devices';
import type { ReceiptDocument } from '../../../domain/receipt/document';
import type { ValidationImprint } from '../../../drivers/printer/slip';

export interface PrintJobView {
  jobId: string;
  state: DevicePrintJob['state'];
}

/**
 * Where comprobante receipts go to be printed: the devices service (main/services/devices), which records each
 * job durably before the printer sees it, never throws on a printer failure (the job shows `failed` with
 * Reintentar on the Devices screen) and numbers the copies "COPIA No. n" in one place, journaled as `reprint`.
 */
export interface PrinterPort {
  /**
   * Inside the posting's transaction: the receipt's job, recorded and not yet sent, so the receipt is owed in the
   * same commit as the comprobante and a crash before `print` cannot leave it with no paper and nothing saying so.
   */
  owe(doc: ReceiptDocument): void;
  /** After the commit: sends the owed job (or records and sends one); a replayed posting's job is not sent twice. */
  print(doc: ReceiptDocument): Promise<{ jobId: string }>;
  /** Every job of a comprobante by its sequence, the original first, then the copies in order. */
  jobs(sequence: string): PrintJobView[];
  /**
   * Inside the posting's transaction, beside `owe`: the validation imprint on the customer's Comprobante Único,
   * owed only when the printer has a slip station (otherwise nothing is recorded).
   */
  oweValidation?(imprint: ValidationImprint): void;
  /** After the commit: starts the owed validation once and reports its job; null without a slip station. */
  validate?(sequence: string): PrintJobView | null;
}

/** The subset of the devices service the comprobantes use. */
export interface DevicePrinting {
  oweReceipt(doc: ReceiptDocument, o: { reference: string; kind: 'receipt' }): { jobId: string };
  printReceipt(doc: ReceiptDocument, o: { reference: string; kind: 'receipt' }): Promise<{ jobId: string }>;
  jobs(filter?: { reference?: string }): DevicePrintJob[];
  oweValidation(imprint: ValidationImprint): { jobId: string } | null;
  startValidation(sequence: string): PrintJobView | null;
}

export const devicesPrinter = (devices: DevicePrinting): PrinterPort => ({
  owe: (doc) => {
    devices.oweReceipt(doc, { reference: doc.sequence, kind: 'receipt' });
  },
  print: (doc) => devices.printReceipt(doc, { reference: doc.sequence, kind: 'receipt' }),
  jobs: (sequence) => devices.jobs({ reference: sequence }).map((j) => ({ jobId: j.jobId, state: j.state })),
  oweValidation: (imprint) => {
    devices.oweValidation(imprint);
  },
  validate: (sequence) => devices.startValidation(sequence),
});
