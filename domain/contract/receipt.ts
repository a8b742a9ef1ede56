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
  /** The validation imprint on the customer's slip, when the printer has a slip station (absent otherwise). */
  validationJob: PrintJobSchema.nullable().optional(),
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
} as const;
