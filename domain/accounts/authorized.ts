import { z } from 'zod';
import { IsoDateSchema } from '../calendar/iso-date';
import { PositivePesosSchema } from '../money/pesos';
import { PersonSchema } from './person';

/**
 * What an authorized person may take: `efectivo` is cash paid to that person only; `efectivo-y-cheque` adds a
 * cheque de gerencia (to the holder or to a third party) and a transfer to another account, i.e. disposing of
 * the funds in favour of someone else.
 */
export const AuthorizedPayoutsSchema = z.enum(['efectivo', 'efectivo-y-cheque']);
export type AuthorizedPayouts = z.infer<typeof AuthorizedPayoutsSchema>;

/**
 * A person the holders authorized, with the conditions they registered (seed 003 cl. 2.1: "las condiciones de
 * manejo de la cuenta, con indicación de las personas autorizadas", cl. 3.5), enforced by
 * domain/withdrawal/authorized-conditions.ts.
 *
 * Why these and no more: they are what a branch can check at the counter from the registration and the day's
 * payments, and what customers actually register with a mandate. A validity bounds a mandate in time (a temporary
 * absence, a trip); a maximum per withdrawal bounds the damage of a lost or abused mandate; a maximum per day closes
 * the way around it (the same amount split into several withdrawals, at one till or several); the payout scope
 * separates collecting cash for the holder from paying someone else with the holder's money, which is a wider
 * mandate (the authorized person answers for it as mandatario, cl. 2.1 parágrafo primero). The account's own daily
 * totals and counts stay the bank's limits of cl. 3.12, which already apply to every withdrawal.
 *
 * Every condition defaults to "none", which is what an authorization meant before they were registered: data
 * without them keeps working as it did.
 */
export const AuthorizedPersonSchema = PersonSchema.extend({
  /** Last day the authorization is valid (inclusive); null when the holders set no end. */
  validUntil: IsoDateSchema.nullable().default(null),
  /** The most one withdrawal (or transfer) ordered by this person may be; null when unlimited. */
  maxPerWithdrawal: PositivePesosSchema.nullable().default(null),
  /**
   * The most this person may take (or order) from the account in one Bogotá calendar day, adding every withdrawal and
   * transfer at every workstation; null when unlimited.
   */
  maxPerDay: PositivePesosSchema.nullable().default(null),
  payouts: AuthorizedPayoutsSchema.default('efectivo-y-cheque'),
});
export type AuthorizedPerson = z.output<typeof AuthorizedPersonSchema>;
export type AuthorizedPersonInput = z.input<typeof AuthorizedPersonSchema>;
