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
 * Per account only for what central has applied: two workstations paying the same account at the same moment
 * each see none of the other's withdrawal (it is still in its outbox), so two withdrawals each under the daily
 * limit but together over it are both paid without the supervisor's exception. Central does not refuse them on
 * arrival (the cash is already handed over, and the limit asks for a supervisor, not a refusal); every later
 * withdrawal at either workstation counts both (central/operations/concurrent-desks.test.ts).
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
