import { z } from 'zod';
import { IsoDateSchema } from '../calendar/iso-date';
import { PesosSchema, PositivePesosSchema } from '../money/pesos';
import { BranchIdSchema, IsoDateTimeSchema, KeySchema, WorkstationIdSchema } from './common';

/**
 * The cheques a branch holds in collection (seed 003 cl. 3.9), whichever of its workstations received them: each
 * `cheque_deposit` of one cheque, as central booked it. `route`: `canje` (same city, released on `releaseOn`) or
 * `remesa` (other city, released by a `cheque_paid`). Any workstation of the branch may then act on one by its
 * `depositKey`: return it (a `reversal` of that key), send or pay a remesa (`remesa_sent`, `cheque_paid`).
 */
export const BranchChequesRequestSchema = z.object({ branch: BranchIdSchema });

export const BranchChequeSchema = z.object({
  depositKey: KeySchema,
  route: z.enum(['canje', 'remesa']),
  /** The workstation that received it. */
  workstation: WorkstationIdSchema,
  account: z.string(),
  /** The account's holders as central names them (empty when central lacks the account). */
  holderName: z.string(),
  /** The branch's comprobante that received it; absent from a workstation that did not send it. */
  sequence: z.string().optional(),
  bankCode: z.string(),
  number: z.string(),
  drawerAccount: z.string().optional(),
  city: z.string().optional(),
  amount: PositivePesosSchema,
  /** When the branch posted the deposit (branch clock). */
  receivedAt: IsoDateTimeSchema,
  releaseOn: IsoDateSchema.optional(),
  /** A remesa's expected payment date, as the branch computed it (absent from a branch that did not send it). */
  expectedOn: IsoDateSchema.optional(),
  /** `pending`: still in canje (or in remesa); `cleared`: available (released or paid); `returned`: reversed before clearing. */
  clearing: z.enum(['pending', 'cleared', 'returned']),
  /** A remesa recorded as sent: the Bogotá date of the `remesa_sent` and the workstation that sent it. */
  sent: z.object({ on: IsoDateSchema, workstation: WorkstationIdSchema }).optional(),
  /** A remesa paid: the Bogotá date of the `cheque_paid` and the workstation that recorded it. */
  paid: z.object({ on: IsoDateSchema, workstation: WorkstationIdSchema }).optional(),
  /**
   * The deposit's reversal, if any: a returned cheque (`reasonCode` `CHEQUE_DEVUELTO_<causal>`, with its fee) or a
   * deposit typed in error. A cheque that cleared and came back late is `cleared` with a reversal.
   */
  reversal: z
    .object({ key: KeySchema, reasonCode: z.string(), fee: PesosSchema, on: IsoDateSchema, workstation: WorkstationIdSchema })
    .optional(),
});
export type BranchCheque = z.infer<typeof BranchChequeSchema>;

export const BranchChequesResponseSchema = z.object({ branch: BranchIdSchema, cheques: z.array(BranchChequeSchema) });
export type BranchChequesResponse = z.infer<typeof BranchChequesResponseSchema>;
