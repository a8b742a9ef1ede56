import type { PostedComprobante } from '../../../domain/contract/receipt';
import { ReceiptDocumentSchema, type ReceiptDocument } from '../../../domain/receipt/document';
import type { ComprobanteDeps } from '../comprobante/deps';

/**
 * Sends a stored return receipt's owed job once: a replay reports the job it already has, and the printer port
 * does not send it again.
 */
export const printReturnReceipt = async (
  deps: ComprobanteDeps,
  stored: string,
): Promise<{ receipt: ReceiptDocument; printJob: NonNullable<PostedComprobante['printJob']> }> => {
  const receipt = ReceiptDocumentSchema.parse(JSON.parse(stored));
  const { jobId } = await deps.printer.print(receipt);
  const job = deps.printer.jobs(receipt.sequence).find((j) => j.jobId === jobId);
  return { receipt, printJob: { jobId, state: job?.state ?? 'queued' } };
};
