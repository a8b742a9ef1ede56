import { ReceiptDocumentSchema, type ReceiptDocument } from '../../../domain/receipt/document';
import type { User } from '../../../domain/contract/session';
import { AppError } from '../../core/errors';
import { inTransaction, type Db } from '../../store/db';
import type { ComprobanteDeps } from '../comprobante/deps';

export const createReceiptService = (deps: ComprobanteDeps & { db: Db }) => {
  const stored = (sequence: string): ReceiptDocument => {
    const c = deps.comprobantes.bySequence(sequence);
    if (!c) throw new AppError('RECEIPT_NOT_FOUND', `No existe el comprobante ${sequence} en esta estación. Verifique el consecutivo.`);
    return ReceiptDocumentSchema.parse(JSON.parse(c.receipt));
  };
  const jobs = (sequence: string) => deps.comprobantes.printJobs(sequence).map((j) => ({ jobId: j.id, state: j.state }));
  return {
    get: (sequence: string) => ({ receipt: stored(sequence), printJobs: jobs(sequence) }),
    /** A copy for the customer: marked "COPIA No. n" and journaled as a reprint. */
    reprint: async (user: User, sequence: string) => {
      const original = stored(sequence);
      const copy = inTransaction(deps.db, () => {
        const n = Math.max(1, deps.comprobantes.nextCopy(sequence));
        deps.journal.record('reprint', user.id, { sequence, copy: n });
        return { ...original, copyNumber: n };
      });
      const { jobId } = await deps.printer.print(copy);
      return { receipt: copy, printJob: { jobId, state: deps.comprobantes.printJobs(sequence).find((j) => j.id === jobId)?.state ?? 'queued' } };
    },
  };
};
export type ReceiptService = ReturnType<typeof createReceiptService>;
