import { ReceiptDocumentSchema, type ReceiptDocument } from '../../../domain/receipt/document';
import type { User } from '../../../domain/contract/session';
import { AppError } from '../../core/errors';
import type { ComprobanteDeps } from '../comprobante/deps';

export const createReceiptService = (deps: ComprobanteDeps) => {
  const stored = (sequence: string): ReceiptDocument => {
    const c = deps.comprobantes.bySequence(sequence);
    if (!c) throw new AppError('RECEIPT_NOT_FOUND', `No existe el comprobante ${sequence} en esta estación. Verifique el consecutivo.`);
    return ReceiptDocumentSchema.parse(JSON.parse(c.receipt));
  };
  return {
    get: (sequence: string) => ({ receipt: stored(sequence), printJobs: deps.printer.jobs(sequence) }),
    /**
     * A copy for the customer through the devices service: marked "COPIA No. n" and journaled as a reprint
     * there, so copies made here and from the Devices screen share one numbering.
     */
    reprint: (user: User, sequence: string) => {
      const original = stored(sequence);
      const job = deps.printer.reprint(sequence, user.id);
      return { receipt: { ...original, copyNumber: job.copyNumber }, printJob: { jobId: job.jobId, state: job.state } };
    },
  };
};
export type ReceiptService = ReturnType<typeof createReceiptService>;
