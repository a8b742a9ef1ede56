import { z } from 'zod';
import { PesosSchema } from '../money/pesos';

/**
 * Cash-control parameters of a till (teller-anchors §2 rows 8, 17, 18: Oracle branch parameters "cash holding
 * limits", blind close, over/short with sign-off). Defaults suit a Colombian branch; composition may override.
 */
export const TillPolicySchema = z.object({
  /** Most cash a till may hold (O-BP "maximum cash holding"); above it the surplus goes to the vault. */
  maxHolding: PesosSchema.default(60_000_000),
  /** Per-mille of `maxHolding` at which the teller is prompted to move the surplus (900 = 90 %). */
  warnPerMille: z.number().int().min(1).max(1000).default(900),
  /** After a transfer the till should hold at most this per-mille of `maxHolding` (the target). */
  targetPerMille: z.number().int().min(0).max(1000).default(600),
  /** An arqueo difference above this (absolute pesos) asks for a second blind count before it is booked. */
  secondCountThreshold: PesosSchema.default(50_000),
  /**
   * Blind close (teller-anchors §2 row 18, §4 item 12): the teller counts without having seen what the till should
   * hold, so while the till is open the core never tells a teller its cash position; a supervisor still sees it.
   */
  blindClose: z.boolean().default(true),
});
export type TillPolicy = z.infer<typeof TillPolicySchema>;
export const DEFAULT_TILL_POLICY: TillPolicy = TillPolicySchema.parse({});

/** Integer share of an amount: floor(amount × perMille / 1000) without floats. */
export const perMilleOf = (amount: number, perMille: number): number =>
  Math.floor(amount / 1000) * perMille + Math.floor(((amount % 1000) * perMille) / 1000);
