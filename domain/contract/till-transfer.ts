import { z } from 'zod';
import { DenominationCountSchema } from '../money/denominations';
import { PesosSchema } from '../money/pesos';
import { channel, IdempotencyKey } from './channel';

/**
 * Till-to-till transfers between workstations of the branch, through central (teller-anchors §2 row 5; issue 7
 * "teller-to-teller transfer the same way"): the sender's till is debited by denomination at once and the
 * transfer is `en_transito`; the receiving workstation learns of it from central, its teller counts blind and
 * accepts (the till is credited) or rejects with a reason (the cash goes back to the sender's till). Part of the
 * vault feature's screen (F10), so the channels live in its map.
 */
export const BranchTransferViewSchema = z.object({
  id: z.string(),
  direction: z.enum(['saliente', 'entrante']),
  fromLabel: z.string(),
  toLabel: z.string(),
  /** Null while the receiver still has to count it: the count is blind. */
  amount: PesosSchema.nullable(),
  state: z.enum(['en_transito', 'aceptado', 'rechazado']),
  sentBy: z.string(),
  sentAt: z.string(),
  receivedBy: z.string().nullable(),
  receivedAt: z.string().nullable(),
  note: z.string().nullable(),
  /** Incoming and still in transit: this till must count it and accept or reject it. */
  toReceive: z.boolean(),
  /** Outgoing, not yet acknowledged by central (still in the outbox). */
  queued: z.boolean(),
  /**
   * Counting it and accepting will leave this till over its holding limit (computed in the core against the till's
   * cash now). A yes/no for the one who must count it, so it can be told before counting without the amount; false
   * for everyone else.
   */
  leavesOverLimit: z.boolean(),
});
export type BranchTransferView = z.infer<typeof BranchTransferViewSchema>;

/** Another workstation's open till, from its latest status snapshot at central (the branch dashboard's source). */
export const TillDestinationSchema = z.object({
  tillCode: z.string(),
  workstation: z.string(),
  tellerName: z.string(),
  /** Its snapshot is older than the dashboard's staleness limit: it may have closed meanwhile. */
  stale: z.boolean(),
});
export type TillDestination = z.infer<typeof TillDestinationSchema>;

export const tillTransferChannels = {
  /** This till's transfers with other tills of the branch; asks central for news first when it can. */
  'vault.tillTransfers': channel({
    access: 'user',
    request: z.object({}),
    response: z.object({
      transfers: z.array(BranchTransferViewSchema),
      incoming: z.number().int().nonnegative(),
      centralReachable: z.boolean(),
      /** The other open tills of the branch to send to; null when central did not say (any till code may be typed). */
      destinations: z.array(TillDestinationSchema).nullable(),
    }),
  }),
  'vault.sendToTill': channel({
    access: 'user',
    request: z.object({
      idempotencyKey: IdempotencyKey,
      toTill: z.string().regex(/^\d{2}$/, 'Código de caja de 2 dígitos'),
      count: DenominationCountSchema,
      declaredTotal: PesosSchema,
    }),
    response: z.object({ transfer: BranchTransferViewSchema }),
    errors: ['COUNT_MISMATCH', 'TILL_NOT_OPEN', 'TILL_NOT_YOURS', 'TILL_FROM_EARLIER_DAY', 'CASH_SHORT', 'TRANSFERS_BLOCKED', 'INVALID_DESTINATION', 'HOLDING_LIMIT', 'IDEMPOTENCY_CONFLICT'],
  }),
  /** The blind count must equal what was sent; a different count is refused (count again or reject). */
  'vault.acceptTillTransfer': channel({
    access: 'user',
    request: z.object({ transferId: z.string().min(1), count: DenominationCountSchema }),
    response: z.object({ transfer: BranchTransferViewSchema }),
    errors: ['TRANSFER_NOT_FOUND', 'TRANSFER_SETTLED', 'NOT_THE_RECEIVER', 'COUNT_DIFFERS', 'TILL_NOT_OPEN', 'TILL_FROM_EARLIER_DAY'],
  }),
  /** The cash goes back to the sender's till when its workstation learns of the rejection from central. */
  'vault.rejectTillTransfer': channel({
    access: 'user',
    request: z.object({ transferId: z.string().min(1), note: z.string().trim().min(3, 'Escriba el motivo').max(300) }),
    response: z.object({ transfer: BranchTransferViewSchema }),
    errors: ['TRANSFER_NOT_FOUND', 'TRANSFER_SETTLED', 'NOT_THE_RECEIVER', 'TILL_NOT_OPEN'],
  }),
} as const;
