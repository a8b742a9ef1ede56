import { z } from 'zod';
import { ReceiptDocumentSchema } from '../receipt/document';
import { channel } from './channel';

export const PrintJobSchema = z.object({
  jobId: z.string(),
  /** As the devices service reports it: `failed` stays listed with Reintentar on the Devices screen. */
  state: z.enum(['queued', 'printing', 'printed', 'failed']),
});

/** What every posting answers: the comprobante's human sequence and its receipt, already stored. */
export const PostedComprobanteSchema = z.object({
  status: z.literal('posted'),
  comprobanteId: z.string(),
  sequence: z.string().regex(/^\d{3}-\d{2}-\d{6}$/),
  receipt: ReceiptDocumentSchema,
  printJob: PrintJobSchema.nullable(),
});
export type PostedComprobante = z.infer<typeof PostedComprobanteSchema>;

const Sequence = z.string().regex(/^\d{3}-\d{2}-\d{6}$/, { message: 'Consecutivo con formato 001-03-000001' });

export const receiptChannels = {
  'receipt.get': channel({
    access: 'user',
    request: z.object({ sequence: Sequence }),
    response: z.object({ receipt: ReceiptDocumentSchema, printJobs: z.array(PrintJobSchema) }),
    errors: ['RECEIPT_NOT_FOUND'],
  }),
  /**
   * Sends the receipt to the printer again; the copy carries "COPIA No. n" and is journaled as a reprint. An
   * original that never printed is retried (Reintentar on the Devices screen), not copied.
   */
  'receipt.reprint': channel({
    access: 'user',
    request: z.object({ sequence: Sequence }),
    response: z.object({ receipt: ReceiptDocumentSchema, printJob: PrintJobSchema }),
    errors: ['RECEIPT_NOT_FOUND', 'PRINT_JOB_NOT_FOUND', 'PRINT_NOT_PRINTED_YET'],
  }),
} as const;
