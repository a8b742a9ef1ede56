import type { ReceiptDocument } from '../../../domain/receipt/document';
import type { Clock, Ids } from '../../core/runtime';
import type { ComprobanteRepo } from '../../store/comprobante/repo';

/** Where receipts go to be printed. The drivers' receipt printer implements it; until then jobs wait queued. */
export interface PrinterPort {
  print(doc: ReceiptDocument): Promise<{ jobId: string }>;
}

/**
 * Records each receipt as a print job in state `queued` for a printer driver to take. This is not a fake
 * success: nothing says "printed" until a driver reports it. One job per (sequence, copy), so a retried
 * posting never queues the original twice.
 */
export const queuedPrinter = (deps: { comprobantes: ComprobanteRepo; clock: Clock; ids: Ids }): PrinterPort => ({
  print: (doc) => {
    const job = deps.comprobantes.queuePrint({
      id: deps.ids.uuid(),
      sequence: doc.sequence,
      copy: doc.copyNumber ?? 0,
      document: JSON.stringify(doc),
      at: deps.clock.now().toISOString(),
    });
    return Promise.resolve({ jobId: job.id });
  },
});
