import { z } from 'zod';
import { AccountStateSchema, OwnerTypeSchema } from '../accounts/account';
import { PersonSchema } from '../accounts/person';
import { ApprovalReasonSchema } from '../approval/reasons';
import { ReactivationRequestSchema } from '../reactivation/authorize';
import { ReceiptDocumentSchema } from '../receipt/document';
import { channel, IdempotencyKey } from './channel';

export const ReactivationCheckSchema = z.object({
  account: z.object({
    number: z.string(),
    holderName: z.string(),
    owner: OwnerTypeSchema,
    state: AccountStateSchema,
    /** Registered legal representatives (persona jurídica): who may sign the written authorization. */
    legalRepresentatives: z.array(PersonSchema),
  }),
  authorizedBy: z.enum(['presencial', 'escrita']),
  approvalReasons: z.array(ApprovalReasonSchema),
  notices: z.array(z.string()),
});

/** Refusals of the reactivation rules (domain/reactivation); several at once arrive in `details.errors`. */
export const REACTIVATION_ERRORS = [
  'ACCOUNT_NOT_FOUND',
  'REFERENCE_UNAVAILABLE',
  'ACCOUNT_CANCELLED',
  'ACCOUNT_BLOCKED',
  'ACCOUNT_NOT_INACTIVE',
  'HOLDER_REQUIRED',
  'REACTIVATION_AUTHORIZATION_REQUIRED',
  'AUTHORIZATION_SIGNER_NOT_REPRESENTATIVE',
  'AUTHORIZATION_DATE_INVALID',
  'AUTHORIZATION_TOO_OLD',
] as const;

/** A reactivation a supervisor rejected away from the teller who asked for it (at a desk, here or elsewhere). */
export const RejectedReactivationSchema = z.object({
  /** The request's id: what the screen acknowledges once it has shown the rejection. */
  id: z.string(),
  /** The account, masked as the request's summary names it. */
  summary: z.string(),
  rejectedBy: z.string(),
  /** The supervisor's reason. */
  note: z.string().nullable(),
});
export type RejectedReactivation = z.infer<typeof RejectedReactivationSchema>;

export const reactivationChannels = {
  /**
   * The signed-in teller's rejected reactivations not told yet (as `reversal.rejections`): listed until
   * `reactivation.rejectionsShown`, so that an answer lost before Inicio drew it is listed again.
   */
  'reactivation.rejections': channel({
    access: 'user',
    request: z.object({}),
    response: z.object({ reactivations: z.array(RejectedReactivationSchema) }),
  }),
  /** Inicio has shown these rejections (ids from `reactivation.rejections`): from now on they count as told (once). */
  'reactivation.rejectionsShown': channel({
    access: 'user',
    request: z.object({ ids: z.array(z.string().min(1)).min(1).max(100) }),
    response: z.object({ told: z.number().int().nonnegative() }),
  }),
  /** Who stands at the counter and what they bring, checked against seed 003 cl. 7.1 before asking a supervisor. */
  'reactivation.check': channel({
    access: 'user',
    request: z.object({ request: ReactivationRequestSchema }),
    response: ReactivationCheckSchema,
    errors: REACTIVATION_ERRORS,
  }),
  'reactivation.request': channel({
    access: 'user',
    request: z.object({ request: ReactivationRequestSchema }),
    response: z.object({ approvalId: z.string(), status: z.string() }),
    errors: REACTIVATION_ERRORS,
  }),
  /**
   * Reactivates with the supervisor's approval: journal entry, the operation for central and the constancia, in
   * one transaction. Until central applies it, this workstation already treats the account as active.
   */
  'reactivation.post': channel({
    access: 'user',
    request: z.object({ idempotencyKey: IdempotencyKey, request: ReactivationRequestSchema, approvalId: z.string().min(1) }),
    response: z.object({ receipt: ReceiptDocumentSchema, printJobId: z.string().nullable() }),
    errors: [...REACTIVATION_ERRORS, 'APPROVAL_NOT_FOUND', 'APPROVAL_NOT_APPROVED', 'APPROVAL_MISMATCH', 'APPROVAL_ALREADY_USED', 'MAKER_IS_CHECKER', 'IDEMPOTENCY_CONFLICT'],
  }),
} as const;
