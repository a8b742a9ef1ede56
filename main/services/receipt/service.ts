import { ReceiptDocumentSchema, type ReceiptDocument } from '../../../domain/receipt/document';
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
  };
};
export type ReceiptService = ReturnType<typeof createReceiptService>;
