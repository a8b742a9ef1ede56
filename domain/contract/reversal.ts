import { z } from 'zod';
import { PesosSchema } from '../money/pesos';
import { ReceiptDocumentSchema } from '../receipt/document';
import { channel, IdempotencyKey } from './channel';

/** Reasons a teller gives for a same-day reversal (teller-anchors §4 item 10). */
export const REVERSAL_REASONS = {
  VALOR_ERRADO: 'Valor digitado con error',
  CUENTA_ERRADA: 'Cuenta equivocada',
  DUPLICADO: 'Operación registrada dos veces',
  DESISTE_CLIENTE: 'El cliente desiste antes de recibir el efectivo o el recibo',
} as const;
export const ReversalReasonSchema = z.enum(Object.keys(REVERSAL_REASONS) as [keyof typeof REVERSAL_REASONS, ...(keyof typeof REVERSAL_REASONS)[]]);

const Sequence = z.string().regex(/^\d{3}-\d{2}-\d{6}$/, { message: 'Consecutivo con formato 001-03-000001' });

export const ReversalCandidateSchema = z.object({
  sequence: z.string(),
  kind: z.string(),
  account: z.string(),
  total: PesosSchema,
  postedAt: z.string(),
  teller: z.string(),
  reversible: z.boolean(),
  /** Spanish reason when it cannot be reversed here. */
  why: z.string().nullable(),
  /** The teller's request for this reversal already open (pending, or approved and not yet used). */
  approval: z.object({ id: z.string(), status: z.string() }).nullable(),
  /** What the teller gives back or receives when the reversal is registered (domain/reversal/counter-moves). */
  moves: z.array(z.object({ label: z.string(), value: z.string() })),
});

/** A reversal a supervisor approved that the teller who asked for it has not registered yet (listed on Inicio). */
export const ApprovedReversalSchema = z.object({
  sequence: z.string(),
  kind: z.string(),
  account: z.string(),
  total: PesosSchema,
  approvalId: z.string(),
  /** The supervisor who approved it. */
  approvedBy: z.string(),
  approvedAt: z.string(),
});
export type ApprovedReversal = z.infer<typeof ApprovedReversalSchema>;

/** A reversal a supervisor rejected away from the teller who asked for it (at the desk, here or elsewhere). */
export const RejectedReversalSchema = z.object({
  /** The request's id: what the screen acknowledges once it has shown the rejection. */
  id: z.string(),
  sequence: z.string(),
  kind: z.string(),
  total: PesosSchema,
  rejectedBy: z.string(),
  /** The supervisor's reason. */
  note: z.string().nullable(),
});
export type RejectedReversal = z.infer<typeof RejectedReversalSchema>;

export const reversalChannels = {
  /**
   * The signed-in teller's rejected reversals not told yet. Listing does not tell them: an answer lost to a crash or
   * a closed window before Inicio drew it would lose the news, so they stay listed until `reversal.rejectionsShown`.
   */
  'reversal.rejections': channel({
    access: 'user',
    request: z.object({}),
    response: z.object({ reversals: z.array(RejectedReversalSchema) }),
  }),
  /** Inicio has shown these rejections (ids from `reversal.rejections`): from now on they count as told (said once). */
  'reversal.rejectionsShown': channel({
    access: 'user',
    request: z.object({ ids: z.array(z.string().min(1)).min(1).max(100) }),
    response: z.object({ told: z.number().int().nonnegative() }),
  }),
  /**
   * The signed-in teller's approved reversals still to register (and still registrable), oldest approval first, as
   * this workstation knows them. `centralSilent`: some of the teller's reversal requests are still pending here and
   * central did not answer in time whether a desk elsewhere decided them.
   */
  'reversal.approved': channel({
    access: 'user',
    request: z.object({}),
    response: z.object({ reversals: z.array(ApprovedReversalSchema), centralSilent: z.boolean() }),
  }),
  'reversal.check': channel({
    access: 'user',
    request: z.object({ sequence: Sequence }),
    response: ReversalCandidateSchema,
    errors: ['RECEIPT_NOT_FOUND'],
  }),
  'reversal.request': channel({
    access: 'user',
    request: z.object({ sequence: Sequence, reasonCode: ReversalReasonSchema, reasonText: z.string().trim().min(3, 'Explique el motivo').max(300) }),
    response: z.object({ approvalId: z.string(), status: z.string() }),
    errors: ['RECEIPT_NOT_FOUND', 'NOT_REVERSIBLE', 'TILL_NOT_OPEN', 'TILL_NOT_YOURS'],
  }),
  /**
   * The teller withdraws (desiste de) their reversal request for this comprobante while it is still pending: it
   * leaves every desk and can no longer be approved. Refused once a supervisor approved it.
   */
  'reversal.withdraw': channel({
    access: 'user',
    request: z.object({ sequence: Sequence }),
    response: z.object({ approvalId: z.string(), status: z.literal('retirada') }),
    errors: ['RECEIPT_NOT_FOUND', 'APPROVAL_NOT_FOUND', 'APPROVAL_ALREADY_DECIDED'],
  }),
  /** Posts the reversal: opposite till movement, reversal operations to central and its own receipt, in one transaction. */
  'reversal.post': channel({
    access: 'user',
    request: z.object({ idempotencyKey: IdempotencyKey, sequence: Sequence, approvalId: z.string().min(1) }),
    response: z.object({ reversalId: z.string(), receipt: ReceiptDocumentSchema, printJobId: z.string().nullable() }),
    errors: ['RECEIPT_NOT_FOUND', 'NOT_REVERSIBLE', 'APPROVAL_NOT_APPROVED', 'APPROVAL_MISMATCH', 'CASH_SHORT', 'TILL_NOT_OPEN', 'TILL_NOT_YOURS', 'IDEMPOTENCY_CONFLICT', 'CENTRAL_REFUSED', 'CENTRAL_UNAVAILABLE', 'APPROVAL_ALREADY_USED', 'APPROVAL_NOT_FOUND'],
  }),
} as const;
