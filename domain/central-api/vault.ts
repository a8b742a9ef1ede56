import { z } from 'zod';
import { DenominationCountSchema } from '../money/denominations';
import { PesosSchema } from '../money/pesos';
import { BranchIdSchema, IsoDateTimeSchema, KeySchema } from './common';
import { TillTransferSchema, TillTransferSendPayloadSchema, TillTransferSettlePayloadSchema } from './till-transfers';

/**
 * The branch vault (bóveda), kept at central: one per branch, by denomination. Cash moves between the vault and
 * the tills as till transfers (till-transfers.ts) whose vault end is the branch's pseudo-workstation
 * `<branch>-00` (`vaultWorkstation`): a provision (`vault_provision`, posted synchronously because central must
 * take the pieces at once) travels to a till, which settles it with `till_transfer_settle`; a till's surplus
 * (`till_transfer_send` to `<branch>-00`) is settled by a supervisor of the branch with `vault_receive`, also
 * synchronous because central credits the vault.
 */
export const VAULT_TILL_CODE = '00';
export const vaultWorkstation = (branch: string): string => `${branch}-${VAULT_TILL_CODE}`;
export const isVaultWorkstation = (workstation: string): boolean => workstation.endsWith(`-${VAULT_TILL_CODE}`);

export const BranchVaultSchema = z.object({
  branch: BranchIdSchema,
  position: DenominationCountSchema,
  total: PesosSchema,
  updatedAt: IsoDateTimeSchema.nullable(),
});
export type BranchVault = z.infer<typeof BranchVaultSchema>;

export const BranchVaultRequestSchema = z.object({
  branch: BranchIdSchema,
  /**
   * Transfer ids (comma-separated, a GET) to list whatever their date: a workstation that restarts after a crash
   * asks for the operations it sent but never journaled, which may have settled on an earlier day.
   */
  include: z
    .string()
    .regex(/^[0-9a-f-]{36}(,[0-9a-f-]{36}){0,49}$/, 'Lista de traslados inválida')
    .optional(),
});
/** The vault and its transfers: every one in transit, and those settled in the branch's business day. */
export const BranchVaultResponseSchema = z.object({ vault: BranchVaultSchema, transfers: z.array(TillTransferSchema) });

/** `vault_provision` posted on its own: the operation's key and branch clock, and its payload. */
export const VaultProvisionRequestSchema = TillTransferSendPayloadSchema.extend({ key: KeySchema, occurredAt: IsoDateTimeSchema });
/** `vault_receive` posted on its own. */
export const VaultReceiveRequestSchema = TillTransferSettlePayloadSchema.extend({ key: KeySchema, occurredAt: IsoDateTimeSchema });
