import { z } from 'zod';
import { channel } from './channel';

/** Sync with central as the teller and the supervisor see it: queue, link, contingency, refused operations. */
export const SyncStatusSchema = z.object({
  state: z.enum(['online', 'offline', 'unknown']),
  queueLength: z.number().int().nonnegative(),
  lastSyncAt: z.string().nullable(),
  counts: z.object({
    pending: z.number().int().nonnegative(),
    unknown: z.number().int().nonnegative(),
    applied: z.number().int().nonnegative(),
    rejected: z.number().int().nonnegative(),
    conflict: z.number().int().nonnegative(),
  }),
  mode: z.enum(['normal', 'contingencia']),
  modeChangedBy: z.string().nullable(),
  modeChangedAt: z.string().nullable(),
  caps: z.object({ perTransaction: z.number().int(), perCustomerPerDay: z.number().int(), perTill: z.number().int() }),
  /**
   * In contingencia with central answering again: since when, and when contingency ends by itself if the link
   * holds (null: only a supervisor ends it). null otherwise.
   */
  centralBack: z.object({ since: z.string(), returned: z.boolean(), endsAt: z.string().nullable() }).nullable(),
  /** Spanish, for the status bar: what the teller should know about the link. */
  message: z.string(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const SyncRejectionSchema = z.object({
  key: z.string(),
  type: z.string(),
  account: z.string().nullable(),
  status: z.enum(['rejected', 'conflict']),
  code: z.string(),
  message: z.string(),
  /** Posted while the branch was in contingency (marked CONTINGENCIA on its receipt). */
  contingency: z.boolean(),
  amount: z.number().int(),
  at: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
});
export type SyncRejection = z.infer<typeof SyncRejectionSchema>;

export const syncChannels = {
  'sync.status': channel({ access: 'user', request: z.object({}), response: SyncStatusSchema }),
  /** The supervisor's queue: operations central refused when they reached it. */
  'sync.rejections': channel({
    access: 'supervisor',
    request: z.object({ includeReviewed: z.boolean().default(false) }),
    response: z.object({ rejections: z.array(SyncRejectionSchema) }),
  }),
  'sync.reviewRejection': channel({
    access: 'supervisor',
    request: z.object({
      key: z.string().min(1),
      /** What was done about it (customer called, reversed at the counter…); journaled with the review. */
      note: z.string().trim().max(300).optional(),
    }),
    response: z.object({ rejection: SyncRejectionSchema }),
    errors: ['REJECTION_NOT_FOUND'],
  }),
  'sync.setContingency': channel({
    access: 'supervisor',
    request: z.object({ active: z.boolean(), reason: z.string().trim().min(3, { message: 'Escriba el motivo' }).max(200) }),
    response: z.object({ mode: z.enum(['normal', 'contingencia']) }),
  }),
} as const;
