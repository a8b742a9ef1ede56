import type { Finger } from '../../../domain/devices/demo-citizens';
import type { ReceiptDocument } from '../../../domain/receipt/document';

/**
 * The workstation's fingerprint reader as the flow needs it (the device service's `captureFingerprint`). The
 * template is biometric data (Ley 1581 de 2012): it stays in memory, goes to central once and is never stored,
 * journaled or logged.
 */
export interface FingerprintReader {
  capture(finger: Finger, options: { signal?: AbortSignal }): Promise<{ template: string; format: string; quality: number | null }>;
}

/** The reader's failure, as the device service reports it (`FINGER_POOR_IMAGE`, `FINGER_NO_FINGER`, …). */
export const readerErrorCode = (err: unknown): string | null =>
  typeof err === 'object' && err !== null && 'code' in err && typeof (err as { code: unknown }).code === 'string'
    ? (err as { code: string }).code
    : null;

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
