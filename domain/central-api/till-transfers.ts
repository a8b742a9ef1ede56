import { z } from 'zod';
import { DenominationCountSchema } from '../money/denominations';
import { PositivePesosSchema } from '../money/pesos';
import { BranchIdSchema, IsoDateTimeSchema, KeySchema, WorkstationIdSchema } from './common';

/**
 * Till-to-till cash transfers between workstations of a branch (teller-anchors §2 row 5, issue 7 "Till"). Both
 * steps travel as outbox operations, exactly once: `till_transfer_send` from the sender's workstation (its till
 * was debited by denomination when it was written), `till_transfer_settle` from the receiver's (accepted after a
 * blind count that matched, or rejected with a reason). Each workstation pulls the transfers it sends or
 * receives with `tillTransfers`: the receiver learns of an incoming one, the sender of its settlement.
 */
export const TillTransferStateSchema = z.enum(['en_transito', 'aceptado', 'rechazado']);
export type TillTransferState = z.infer<typeof TillTransferStateSchema>;

const PersonIdSchema = z.string().min(1).max(64);
const PersonNameSchema = z.string().min(1).max(80);

export const TillTransferSendPayloadSchema = z.object({
  transferId: KeySchema,
  toWorkstation: WorkstationIdSchema,
  count: DenominationCountSchema,
  amount: PositivePesosSchema,
  sentBy: PersonIdSchema,
  /** User ids are per workstation: the receiver shows the name. */
  sentByName: PersonNameSchema,
});

export const TillTransferSettlePayloadSchema = z.object({
  transferId: KeySchema,
  decision: z.enum(['accept', 'reject']),
  receivedBy: PersonIdSchema,
  receivedByName: PersonNameSchema,
  /** The receiver's blind count; central checks it equals what was sent when the decision is `accept`. */
  count: DenominationCountSchema,
  note: z.string().trim().min(3).max(300).nullable(),
});

export const TillTransferSchema = z.object({
  id: KeySchema,
  branch: BranchIdSchema,
  fromWorkstation: WorkstationIdSchema,
  toWorkstation: WorkstationIdSchema,
  count: DenominationCountSchema,
  amount: PositivePesosSchema,
  state: TillTransferStateSchema,
  sentBy: PersonIdSchema,
  sentByName: PersonNameSchema,
  /** Branch clock of the send (the operation's `occurredAt`). */
  sentAt: IsoDateTimeSchema,
  receivedBy: PersonIdSchema.nullable(),
  receivedByName: PersonNameSchema.nullable(),
  receivedAt: IsoDateTimeSchema.nullable(),
  note: z.string().nullable(),
});
export type TillTransfer = z.infer<typeof TillTransferSchema>;

/** The caller's own workstation only: what it sends (to learn the settlement) and what it must receive. */
export const TillTransferListRequestSchema = z.object({ workstation: WorkstationIdSchema });
export const TillTransferListResponseSchema = z.object({ transfers: z.array(TillTransferSchema) });
