import { z } from 'zod';
import { DenominationCountSchema } from '../money/denominations';
import { PesosSchema } from '../money/pesos';
import { channel, IdempotencyKey } from './channel';
import { tillTransferChannels } from './till-transfer';

/**
 * Vault (bóveda) ↔ till and till ↔ till transfers with two-party confirmation (teller-anchors §2 rows 4–5, §4
 * item 15): the sender's cash leaves at once and the transfer is `en_transito`; the receiver counts blind and
 * accepts (the count must match) or rejects (the cash goes back to the sender). The branch vault is kept at
 * central, one for the branch: a supervisor at any workstation provisions any open till of the branch (central
 * takes the pieces at once, so it needs the connection), and receives what any till returns to the vault.
 */
export const PartySchema = z.object({ kind: z.enum(['vault', 'till']), ref: z.string().min(1).max(10) });

export const TransferViewSchema = z.object({
  id: z.string(),
  from: PartySchema,
  to: PartySchema,
  fromLabel: z.string(),
  toLabel: z.string(),
  /** Null for the one who must still count it: the receiver counts blind (teller-anchors §4 item 15). */
  amount: PesosSchema.nullable(),
  state: z.enum(['en_transito', 'aceptado', 'rechazado']),
  sentBy: z.string(),
  sentAt: z.string(),
  receivedBy: z.string().nullable(),
  receivedAt: z.string().nullable(),
  note: z.string().nullable(),
  /** Whether the caller is the one who must count and accept it. */
  mine: z.boolean(),
  /**
   * Counting it and accepting will leave this till over its holding limit (computed in the core against the till's
   * cash now). A yes/no for the one who must count it, so it can be told before counting without the amount; false
   * for everyone else.
   */
  leavesOverLimit: z.boolean(),
});
export type TransferView = z.infer<typeof TransferViewSchema>;

export const vaultChannels = {
  'vault.overview': channel({
    access: 'user',
    request: z.object({}),
    response: z.object({
      /** As central last said; null when it has not answered since the core started. */
      vaultTotal: PesosSchema.nullable(),
      /** By denomination, for supervisors only. */
      vaultPosition: DenominationCountSchema.nullable(),
      transfers: z.array(TransferViewSchema),
      /** Central answered now (the vault's figures are current). */
      centralReachable: z.boolean(),
    }),
  }),
  /**
   * A supervisor sends from the branch vault to any open till of the branch (synchronous with central); a teller
   * sends from their own open till (to the vault: through central's outbox, like a till-to-till transfer).
   */
  'vault.send': channel({
    access: 'user',
    request: z.object({ idempotencyKey: IdempotencyKey, to: PartySchema, count: DenominationCountSchema, declaredTotal: PesosSchema }),
    response: z.object({ transfer: TransferViewSchema }),
    errors: ['COUNT_MISMATCH', 'TILL_NOT_OPEN', 'TILL_NOT_YOURS', 'TILL_FROM_EARLIER_DAY', 'CASH_SHORT', 'TRANSFERS_BLOCKED', 'INVALID_DESTINATION', 'HOLDING_LIMIT', 'ROLE_NOT_ALLOWED', 'IDEMPOTENCY_CONFLICT', 'CENTRAL_UNAVAILABLE', 'CENTRAL_REFUSED'],
  }),
  /**
   * Read only: whether a supervisor's provision of `amount` to that till would leave it over its holding limit (with
   * what is already on its way to it), asked before the confirmation so the supervisor never confirms a send the core
   * refuses. `problem` is the refusal `vault.send` would give, in the same words; null: it fits (checked again on send).
   */
  'vault.checkSend': channel({
    access: 'user',
    request: z.object({ to: PartySchema, amount: PesosSchema }),
    response: z.object({ problem: z.string().nullable() }),
    errors: ['CENTRAL_UNAVAILABLE'],
  }),
  /** The receiver's blind count must equal what was sent; a different count is refused (count again or reject). */
  'vault.accept': channel({
    access: 'user',
    request: z.object({ transferId: z.string().min(1), count: DenominationCountSchema }),
    response: z.object({ transfer: TransferViewSchema }),
    errors: ['TRANSFER_NOT_FOUND', 'TRANSFER_SETTLED', 'NOT_THE_RECEIVER', 'COUNT_DIFFERS', 'TILL_NOT_OPEN', 'CENTRAL_UNAVAILABLE', 'CENTRAL_REFUSED'],
  }),
  'vault.reject': channel({
    access: 'user',
    request: z.object({ transferId: z.string().min(1), note: z.string().trim().min(3, 'Escriba el motivo').max(300) }),
    response: z.object({ transfer: TransferViewSchema }),
    errors: ['TRANSFER_NOT_FOUND', 'TRANSFER_SETTLED', 'NOT_THE_RECEIVER', 'TILL_NOT_OPEN', 'CENTRAL_UNAVAILABLE', 'CENTRAL_REFUSED'],
  }),
  ...tillTransferChannels,
} as const;

export { BranchTransferViewSchema, type BranchTransferView, type TillDestination } from './till-transfer';
