import { z } from 'zod';
import { IsoDateSchema } from '../calendar/iso-date';
import { RemesaStatusSchema } from '../cheque/remesa';
import { PesosSchema } from '../money/pesos';
import { ReceiptDocumentSchema } from '../receipt/document';
import { channel, IdempotencyKey } from './channel';
import { PrintJobSchema } from './receipt';
import { SupervisorCredentials } from './supervisor';

/** A cheque de otra plaza received as remesa al cobro (seed 003 cl. 3.9), tracked until paid or returned. */
export const RemittanceViewSchema = z.object({
  id: z.string(),
  /** Comprobante that received it. */
  sequence: z.string(),
  accountNumber: z.string(),
  holderName: z.string(),
  bank: z.string(),
  chequeNumber: z.string(),
  city: z.string(),
  amount: PesosSchema,
  status: RemesaStatusSchema,
  receivedOn: IsoDateSchema,
  expectedOn: IsoDateSchema,
  sentOn: IsoDateSchema.optional(),
  paidOn: IsoDateSchema.optional(),
  returnedOn: IsoDateSchema.optional(),
  causalId: z.string().optional(),
  causalText: z.string().optional(),
  /** Returned-cheque fee charged (cl. 4.2 h); 0 when waived or not returned. */
  returnFee: PesosSchema,
  customerNotice: z.string().optional(),
});
export type RemittanceView = z.infer<typeof RemittanceViewSchema>;

export const remittanceChannels = {
  'remittance.list': channel({
    access: 'user',
    request: z.object({ status: RemesaStatusSchema.optional() }),
    response: z.object({ remittances: z.array(RemittanceViewSchema) }),
  }),
  'remittance.advance': channel({
    access: 'user',
    request: z.object({
      idempotencyKey: IdempotencyKey,
      remittanceId: z.string().min(1),
      event: z.discriminatedUnion('type', [
        z.object({ type: z.literal('enviar') }),
        z.object({ type: z.literal('pagar') }),
        z.object({
          type: z.literal('devolver'),
          causalId: z.string().min(1, 'Seleccione la causal de devolución'),
          chargeFee: z.boolean().default(true),
          /** Not charging the fee is an exception (RETURNED_CHEQUE_FEE_WAIVER): a supervisor authorizes it here. */
          waiver: z.object(SupervisorCredentials).optional(),
        }),
      ]),
    }),
    /** A return also answers the receipt sent to the printer (reversal, causal, fee) and its print job. */
    response: z.object({ remittance: RemittanceViewSchema, receipt: ReceiptDocumentSchema.optional(), printJob: PrintJobSchema.optional() }),
    errors: [
      'REMITTANCE_NOT_FOUND',
      'REMESA_INVALID_TRANSITION',
      'REMESA_DATE_BEFORE_PREVIOUS',
      'RETURN_CAUSAL_UNKNOWN',
      'RETURN_FEE_EXCEEDS_BALANCE',
      'FEE_WAIVER_NEEDS_SUPERVISOR',
      'INVALID_CREDENTIALS',
      'USER_LOCKED_OUT',
      'NOT_A_SUPERVISOR',
      'MAKER_IS_CHECKER',
      'IDEMPOTENCY_CONFLICT',
    ],
  }),
} as const;
