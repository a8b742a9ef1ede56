import { z } from 'zod';
import { IsoDateSchema } from '../calendar/iso-date';
import { RemesaStatusSchema } from '../cheque/remesa';
import { BranchWideField, DepositedChequeFields, RETURN_ERRORS, ReturnedChequeFields, ReturnRequestFields } from './cheque-return';
import { ReceiptDocumentSchema } from '../receipt/document';
import { channel, IdempotencyKey } from './channel';
import { PrintJobSchema } from './receipt';

/** A cheque de otra plaza received as remesa al cobro (seed 003 cl. 3.9), tracked until paid or returned. */
export const RemittanceViewSchema = z.object({
  ...DepositedChequeFields,
  status: RemesaStatusSchema,
  receivedOn: IsoDateSchema,
  expectedOn: IsoDateSchema,
  /** Today (the core's business date) is before `expectedOn`: marking it paid now is early. */
  beforeExpected: z.boolean().optional(),
  sentOn: IsoDateSchema.optional(),
  paidOn: IsoDateSchema.optional(),
  returnedOn: IsoDateSchema.optional(),
  ...ReturnedChequeFields,
});
export type RemittanceView = z.infer<typeof RemittanceViewSchema>;

export const remittanceChannels = {
  'remittance.list': channel({
    access: 'user',
    request: z.object({ status: RemesaStatusSchema.optional() }),
    response: z.object({ remittances: z.array(RemittanceViewSchema), ...BranchWideField }),
  }),
  'remittance.advance': channel({
    access: 'user',
    request: z.object({
      idempotencyKey: IdempotencyKey,
      remittanceId: z.string().min(1),
      event: z.discriminatedUnion('type', [
        z.object({ type: z.literal('enviar') }),
        z.object({ type: z.literal('pagar') }),
        z.object({ type: z.literal('devolver'), ...ReturnRequestFields }),
      ]),
    }),
    /** A return also answers the receipt sent to the printer (reversal, causal, fee) and its print job. */
    response: z.object({ remittance: RemittanceViewSchema, receipt: ReceiptDocumentSchema.optional(), printJob: PrintJobSchema.optional() }),
    errors: [
      'REMITTANCE_NOT_FOUND',
      'REMESA_INVALID_TRANSITION',
      'REMESA_DATE_BEFORE_PREVIOUS',
      ...RETURN_ERRORS,
    ],
  }),
} as const;
