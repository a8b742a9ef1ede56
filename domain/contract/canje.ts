import { z } from 'zod';
import { IsoDateSchema } from '../calendar/iso-date';
import { ReceiptDocumentSchema } from '../receipt/document';
import { channel, IdempotencyKey } from './channel';
import { PrintJobSchema } from './receipt';
import { BranchWideField, DepositedChequeFields, RETURN_ERRORS, ReturnedChequeFields, ReturnRequestFields } from './cheque-return';

/**
 * `abonado`: central says it cleared (made it available); the clearing house may still return it late, and central
 * then takes it back from the available balance. `por_abonar`: its release date has come by this workstation's
 * date but central has not said it cleared (not yet released there, or central not heard from): the customer
 * cannot withdraw it yet, so the list never says "Abonado" on the workstation's date alone.
 */
export const CanjeStatusSchema = z.enum(['en_canje', 'por_abonar', 'abonado', 'devuelta']);
export type CanjeStatus = z.infer<typeof CanjeStatusSchema>;

/** A same-city cheque deposited at this workstation and sent to canje (seed 003 cl. 3.9). */
export const CanjeChequeViewSchema = z.object({
  ...DepositedChequeFields,
  status: CanjeStatusSchema,
  receivedOn: IsoDateSchema,
  releaseOn: IsoDateSchema,
  returnedOn: IsoDateSchema.optional(),
  ...ReturnedChequeFields,
});
export type CanjeChequeView = z.infer<typeof CanjeChequeViewSchema>;

export const canjeChannels = {
  'canje.list': channel({
    access: 'user',
    request: z.object({}),
    response: z.object({ cheques: z.array(CanjeChequeViewSchema), ...BranchWideField }),
  }),
  /** The clearing house returned the cheque unpaid: reverse its credit, charge or waive the fee, print the receipt. */
  'canje.return': channel({
    access: 'user',
    request: z.object({
      idempotencyKey: IdempotencyKey,
      chequeId: z.string().min(1),
      ...ReturnRequestFields,
    }),
    response: z.object({ cheque: CanjeChequeViewSchema, receipt: ReceiptDocumentSchema, printJob: PrintJobSchema }),
    errors: [
      'CANJE_CHEQUE_NOT_FOUND',
      'CANJE_ALREADY_RETURNED',
      /** A cheque that already cleared: central refused to hold its credit and fee back (e.g. insufficient funds). */
      'CENTRAL_REFUSED',
      /** A cheque that already cleared is returned only with central's online answer. */
      'CENTRAL_UNAVAILABLE',
      ...RETURN_ERRORS,
    ],
  }),
} as const;
