import { z } from 'zod';
import { IsoDateSchema } from '../calendar/iso-date';
import { PesosSchema } from '../money/pesos';
import { AccountNumberSchema } from './common';

/**
 * An account's activity at the bank's other workstations, from central, so that limits meant per account are
 * not per workstation: the daily withdrawal count and amount (seed 003 cl. 3.12), the daily cash-deposit tope,
 * and the part of the monthly 350 UVT GMF exemption already used (ET art. 879 num. 1). The asking workstation
 * counts its own comprobantes itself, so central leaves them out; reversed operations do not count.
 *
 * Other workstations' withdrawals count from the moment they reserve the day's limits at central, before their cash
 * is handed over (withdrawal-limits.ts), not only once central applied them: two tellers paying the same account at
 * the same moment are decided one after the other at central, and the second is asked for the supervisor's exception.
 *
 * Remaining gap, offline: a workstation that pays without central (contingencia, caps of domain/contingency) reserves
 * nothing, and judges the limits with what central told it last (the summary says the check was partial). Its
 * withdrawal counts at the other workstations only once its outbox delivers it, so two withdrawals each under the
 * daily limit but together over it may both be paid without the exception. Central does not refuse them on arrival
 * (the cash is already handed over, and the limit asks for a supervisor, not a refusal); every later withdrawal at
 * either workstation counts both (central/operations/concurrent-desks.test.ts). Likewise a reservation lapses after
 * a short time (15 minutes by default): a withdrawal posted online whose operation stays in the outbox longer (the
 * link fell right after the posting) does not count elsewhere until it arrives.
 */
export const AccountActivityRequestSchema = z.object({ account: AccountNumberSchema, day: IsoDateSchema });
export const AccountActivityResponseSchema = z.object({
  account: AccountNumberSchema,
  day: IsoDateSchema,
  elsewhere: z.object({
    withdrawals: z.object({ count: z.number().int().nonnegative(), amount: PesosSchema }),
    cashIn: PesosSchema,
    /** From the first day of `day`'s month to `day`, inclusive. */
    gmfCapUsedInMonth: PesosSchema,
  }),
});
export type AccountActivityResponse = z.infer<typeof AccountActivityResponseSchema>;
export type AccountActivity = AccountActivityResponse['elsewhere'];
