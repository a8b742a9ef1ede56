import { z } from 'zod';
import { AccountNumberSchema, AccountSchema } from '../accounts/account';
import { PersonIdSchema } from '../accounts/person';
import { PesosSchema } from '../money/pesos';
import { channel } from './channel';

/**
 * What the teller sees after typing an account number: holders, kind, state and balances (available apart
 * from canje and holds, seed 003 cl. 3.9), plus what may be withdrawn today after an embargo (cl. 8.5).
 */
export const AccountViewSchema = z.object({
  account: AccountSchema,
  /** Effects of this workstation's postings that central has not confirmed yet, already in `account.balances`. */
  pendingLocal: z.object({ available: z.number().int(), inCanje: z.number().int(), onHold: z.number().int() }),
  /** What the customer may dispose of (after an embargo's retention), before any GMF; null if it cannot be known. */
  withdrawable: PesosSchema.nullable(),
  /** Retained for an embargo (cl. 8.5): outside `withdrawable`, though still in the available balance. */
  embargoRetained: PesosSchema,
  /** The largest withdrawal whose 4x1000 also fits in `withdrawable`: what the teller can offer. */
  maxWithdrawal: PesosSchema.nullable(),
  /**
   * Why today's withdrawable is not simply at the customer's disposal: nothing at all (bloqueada, cancelada: both
   * figures are 0) or only with a supervisor's reactivation (inactiva). Null when nothing stands in the way.
   */
  withdrawalNote: z.string().nullable(),
  /** Spanish notes for the teller: inactive, embargo, blocked… */
  notices: z.array(z.string()),
  /**
   * What the account's state means for an operation (inactive, embargada, blocked, cancelled), with no figure of
   * the customer's: what a screen may show of another customer's account (a transfer's destination). Null: activa.
   */
  stateNotice: z.string().nullable(),
  /**
   * How many days old a jurídica's Certificado de Existencia y Representación Legal may be (the bank's rules, seed 003
   * cl. 4(c)): the certificate field states the limit the core applies, not a fixed one.
   */
  juridicaCertificateMaxAgeDays: z.number().int().nonnegative(),
  /**
   * Each authorized person's registered conditions (seed 003 cl. 2.1, 3.5) as the teller reads them beside the
   * person, judged on the core's business date (`expired`): the screen has no clock of its own to judge a validity.
   */
  authorizedConditions: z.array(z.object({ person: PersonIdSchema, text: z.string(), expired: z.boolean() })).default([]),
});
export type AccountView = z.infer<typeof AccountViewSchema>;

export const accountsChannels = {
  'accounts.lookup': channel({
    access: 'user',
    request: z.object({ accountNumber: AccountNumberSchema }),
    response: AccountViewSchema,
    errors: ['ACCOUNT_NOT_FOUND', 'REFERENCE_UNAVAILABLE'],
  }),
} as const;
