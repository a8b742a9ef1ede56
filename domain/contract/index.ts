import type { z } from 'zod';
import type { AppErrorShape, ChannelSpec, CommonErrorCode } from './channel';
import { sessionChannels } from './session';
import { statusChannels } from './status';
import { syncChannels } from './sync';
import { tillChannels } from './till';
import { vaultChannels } from './vault';
import { supervisorChannels } from './supervisor';
import { journalChannels } from './journal';
import { reversalChannels } from './reversal';
import { reactivationChannels } from './reactivation';
import { accountsChannels } from './accounts';
import { approvalChannels } from './approval';
import { depositChannels } from './deposit';
import { receiptChannels } from './receipt';
import { remittanceChannels } from './remittance';
import { canjeChannels } from './canje';
import { transferChannels } from './transfer';
import { withdrawalChannels } from './withdrawal';
import { identityChannels } from './identity';
import { securityCodeChannels } from './security-code';
import { devicesChannels } from './devices';

/**
 * The UI<->core contract: every channel the renderer may call. Add a feature's map here (see README, "How to
 * add a channel"); `contract.test.ts` fails if two features declare the same channel name.
 */
export const featureChannels = {
  session: sessionChannels,
  status: statusChannels,
  sync: syncChannels,
  till: tillChannels,
  vault: vaultChannels,
  supervisor: supervisorChannels,
  journal: journalChannels,
  reversal: reversalChannels,
  reactivation: reactivationChannels,
  accounts: accountsChannels,
  approval: approvalChannels,
  deposit: depositChannels,
  receipt: receiptChannels,
  remittance: remittanceChannels,
  canje: canjeChannels,
  transfer: transferChannels,
  withdrawal: withdrawalChannels,
  identity: identityChannels,
  securityCode: securityCodeChannels,
  devices: devicesChannels,
} as const;

export const contract = {
  ...sessionChannels,
  ...statusChannels,
  ...syncChannels,
  ...tillChannels,
  ...vaultChannels,
  ...supervisorChannels,
  ...journalChannels,
  ...reversalChannels,
  ...reactivationChannels,
  ...accountsChannels,
  ...approvalChannels,
  ...depositChannels,
  ...receiptChannels,
  ...remittanceChannels,
  ...canjeChannels,
  ...transferChannels,
  ...withdrawalChannels,
  ...identityChannels,
  ...securityCodeChannels,
  ...devicesChannels,
} as const;

type AnySpec = ChannelSpec<z.ZodType, z.ZodType, string>;
export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Req<C extends Channel> = z.infer<Contract[C]['request']>;
/** What the UI may send (before defaults are applied). */
export type ReqInput<C extends Channel> = z.input<Contract[C]['request']>;
export type Res<C extends Channel> = z.infer<Contract[C]['response']>;
export type ErrorCode<C extends Channel> = Contract[C]['errors'][number] | CommonErrorCode;

export interface Failure<C extends Channel> {
  ok: false;
  error: AppErrorShape & { code: ErrorCode<C> };
}
export type Result<C extends Channel> = { ok: true; data: Res<C> } | Failure<C>;

export const channelNames = Object.keys(contract) as Channel[];
export const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);
export const specOf = (name: Channel): AnySpec => contract[name] as AnySpec;

export * from './channel';
export * from './events';
export * from './session';
export * from './status';
export * from './sync';
export * from './till';
export * from './vault';
export * from './supervisor';
export * from './journal';
export * from './reversal';
export * from './accounts';
export * from './approval';
export * from './deposit';
export * from './receipt';
export * from './remittance';
export * from './canje';
export * from './transfer';
export * from './withdrawal';
export * from './devices';
export * from './identity';
export * from './security-code';
