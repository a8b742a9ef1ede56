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

export const reactivationChannels = {
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
