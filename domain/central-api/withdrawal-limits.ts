import { z } from 'zod';
import { IsoDateSchema } from '../calendar/iso-date';
import { PesosSchema, PositivePesosSchema } from '../money/pesos';
import { AccountNumberSchema, IsoDateTimeSchema, KeySchema } from './common';

/**
 * The day's withdrawal limits of an account (seed 003 cl. 3.12: count and amount) reserved at central before the
 * cash is handed over, so that two workstations paying the same account at the same moment cannot both stay under
 * the limit each alone: central takes each reservation in one transaction, counting the other workstations' applied
 * withdrawals of the day and their live reservations, plus what the asking workstation counts of its own (its
 * comprobantes, whether central has them yet or not: as for account-activity.ts, it counts its own). The limits are
 * the ones the branch applies (its rules config): the bank sets them there, and central checks what the branch would.
 *
 * One reservation per comprobante key: asked again (a retry, a restart) it is the same reservation, counted once;
 * the withdrawal operation naming the key (`limitReservation`) consumes it on arrival; the teller's abandonment
 * releases it; unconsumed, it lapses after a short time, so a workstation that crashed does not hold the customer's
 * limit all day.
 */
const UsageSchema = z.object({ count: z.number().int().nonnegative(), amount: PesosSchema });
export type LimitUsage = z.infer<typeof UsageSchema>;

export const LimitReservationRequestSchema = z.object({
  /** The comprobante's idempotency key. */
  key: KeySchema,
  account: AccountNumberSchema,
  /** Bogotá business day of the withdrawal. */
  day: IsoDateSchema,
  /** The withdrawal itself (what the daily amount counts), not its GMF or fee. */
  amount: PositivePesosSchema,
  limits: z.object({ count: z.number().int().positive(), amount: PositivePesosSchema }),
  /**
   * The asking workstation's own withdrawals of the account that day, this one left out. Central uses, figure by
   * figure, the larger of this and what it has of that workstation (its withdrawals that arrived, its other live
   * reservations): a workstation counts what has not arrived yet, and one that under-reports gets no more.
   */
  here: UsageSchema,
  /**
   * A supervisor approved this withdrawal above the day's limits (the branch's LIMIT_EXCEEDED_* exception, for this
   * amount): central reserves it whatever the limits say.
   */
  approvalId: z.string().min(1).max(80).optional(),
  /**
   * With `approvalId`: the day's usage, this withdrawal included, that the approval showed the supervisor (per figure
   * what its LIMIT_EXCEEDED_* reason said, or the limit when that figure was not excepted). The approval covers that
   * and no more: central refuses when the day at posting goes beyond it (another desk paid meanwhile), so the teller
   * asks again with the real figures. An older branch that sends none is reserved whatever the limits, as before.
   */
  approved: UsageSchema.optional(),
  /**
   * Earlier keys of the asking workstation under which nothing will be paid (abandoned, refused, failed) whose release
   * central may not have heard: it releases them before counting, so a release whose answer was lost does not hold
   * this workstation's next withdrawal of the day. The key being reserved is never among them.
   */
  released: z.array(KeySchema).max(50).optional(),
});
export type LimitReservationRequest = z.infer<typeof LimitReservationRequestSchema>;

export const LimitReservationSchema = z.object({
  key: KeySchema,
  account: AccountNumberSchema,
  day: IsoDateSchema,
  amount: PositivePesosSchema,
  /** `expired`: lapsed unconsumed; a retry under the same key reserves again if it still fits. */
  state: z.enum(['active', 'consumed', 'released', 'expired']),
  expiresAt: IsoDateTimeSchema,
});
export type LimitReservation = z.infer<typeof LimitReservationSchema>;

export const LimitReservationResponseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('reserved'), reservation: LimitReservationSchema }),
  z.object({
    status: z.literal('refused'),
    reason: z.literal('DAILY_WITHDRAWAL_LIMIT'),
    message: z.string(),
    /**
     * What the other workstations used of the account's day: applied withdrawals and their live reservations, as
     * `GET /v1/account-activity` counts them. The branch adds its own and asks the supervisor's exception.
     */
    elsewhere: UsageSchema,
    /** `elsewhere` plus the asker's `here`: what this withdrawal was added to. */
    used: UsageSchema,
  }),
]);
export type LimitReservationResponse = z.infer<typeof LimitReservationResponseSchema>;

/** Release by the comprobante's key, for its own workstation; `reservation` is null when central holds none. */
export const LimitReservationReleaseSchema = z.object({ key: KeySchema });
export const LimitReservationReleaseResponseSchema = z.object({ reservation: LimitReservationSchema.nullable() });
