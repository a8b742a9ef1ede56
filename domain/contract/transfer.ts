import { z } from 'zod';
import { ApprovalReasonSchema } from '../approval/reasons';
import { PesosSchema } from '../money/pesos';
import { TransferRequestSchema } from '../transfer/evaluate';
import { channel, IdempotencyKey } from './channel';
import { POSTING_ERRORS } from './deposit';
import { PostedComprobanteSchema } from './receipt';
import { ABANDON_ERRORS, AbandonRequestSchema, AbandonResultSchema, GmfViewSchema, WITHDRAWAL_ERRORS, WithdrawalPendingSchema } from './withdrawal';

export const TransferPlanSchema = z.object({
  amount: PesosSchema,
  gmf: GmfViewSchema,
  debits: z.array(z.object({ kind: z.enum(['traslado', 'gmf']), label: z.string(), amount: PesosSchema })),
  debitTotal: PesosSchema,
  credit: PesosSchema,
  sameSoleHolder: z.boolean(),
  balance: z.object({ available: PesosSchema, protectedAmount: PesosSchema, retained: PesosSchema, withdrawable: PesosSchema }),
  approvalReasons: z.array(ApprovalReasonSchema),
  notices: z.array(z.string()),
  /** What the credit pays first of the destination's pending charges, as central said just now; absent when nothing or not known. */
  pendingCharges: z
    .object({ paid: PesosSchema, credited: PesosSchema, charges: z.array(z.object({ cheques: z.array(z.object({ number: z.string() })), amount: PesosSchema })) })
    .optional(),
});

const TRANSFER_ERRORS = [...WITHDRAWAL_ERRORS, 'TRANSFER_SAME_ACCOUNT', 'DESTINATION_CANCELLED', 'DESTINATION_BLOCKED'] as const;

export const transferChannels = {
  'transfer.evaluate': channel({
    access: 'user',
    request: z.object({ request: TransferRequestSchema }),
    response: z.object({ plan: TransferPlanSchema }),
    errors: TRANSFER_ERRORS,
  }),
  'transfer.post': channel({
    access: 'user',
    request: z.object({ idempotencyKey: IdempotencyKey, request: TransferRequestSchema, approvalId: z.string().min(1).optional() }),
    // `pendiente`: central did not answer the authorization; nothing was posted (same as a withdrawal).
    response: z.discriminatedUnion('status', [PostedComprobanteSchema, WithdrawalPendingSchema]),
    errors: [...TRANSFER_ERRORS, ...POSTING_ERRORS, 'CENTRAL_REFUSED'],
  }),
  'transfer.abandon': channel({ access: 'user', request: AbandonRequestSchema, response: AbandonResultSchema, errors: ABANDON_ERRORS }),
} as const;
