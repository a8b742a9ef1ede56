import { z } from 'zod';
import { PesosSchema } from '../money/pesos';
import { BranchIdSchema, IsoDateTimeSchema, KeySchema, WorkstationIdSchema } from './common';

/**
 * Branch dashboard (issue 7, "Supervisor desk"): each workstation reports a snapshot of its till and its sync
 * health to central, best effort and outside the outbox (a snapshot is not an operation: the latest one wins);
 * any workstation of the branch reads the branch's latest snapshots for the supervisor's dashboard.
 */
export const HoldingStateSchema = z.enum(['ok', 'cerca', 'excedido']);

export const WorkstationTillSnapshotSchema = z.discriminatedUnion('open', [
  z.object({
    open: z.literal(true),
    tillCode: z.string().min(1).max(8),
    tellerName: z.string().min(1).max(80),
    openedAt: IsoDateTimeSchema,
    positionTotal: PesosSchema,
    /** Holding limit and state as the reporting workstation's policy computes them (domain/till/holding.ts). */
    limit: PesosSchema,
    holding: HoldingStateSchema,
  }),
  z.object({ open: z.literal(false), tillCode: z.string().min(1).max(8) }),
]);

export const WorkstationStatusSchema = z.object({
  workstation: WorkstationIdSchema,
  till: WorkstationTillSnapshotSchema,
  /** The reporting workstation's outbox: operations still to send, sent without an answer, refused by central. */
  sync: z.object({ queueLength: z.number().int().nonnegative(), unknown: z.number().int().nonnegative(), rejected: z.number().int().nonnegative() }),
  /** Last verification of its electronic journal; null = not yet verified. */
  journalOk: z.boolean().nullable(),
  /** The reporting workstation's clock. */
  reportedAt: IsoDateTimeSchema,
});
export type WorkstationStatus = z.infer<typeof WorkstationStatusSchema>;

export const WorkstationStatusReportResponseSchema = z.object({ receivedAt: IsoDateTimeSchema, stored: z.boolean() });

export const BranchStatusRequestSchema = z.object({ branch: BranchIdSchema });
/** `now` and `receivedAt` are central's clock, so a snapshot's age does not depend on the reader's clock. */
export const BranchStatusResponseSchema = z.object({
  now: IsoDateTimeSchema,
  workstations: z.array(
    WorkstationStatusSchema.extend({
      receivedAt: IsoDateTimeSchema,
      /**
       * Cash central has on its way to this workstation's till (provisions and till-to-till sends not yet accepted or
       * rejected): its position counts them only once accepted, and a send to it must count them (QA s37). By id, so
       * a sender adds its own sends still queued in its outbox without counting one twice. Older centrals omit it.
       */
      inTransit: z.array(z.object({ id: KeySchema, amount: PesosSchema })).max(500).optional(),
    }),
  ),
});
export type BranchStatusResponse = z.infer<typeof BranchStatusResponseSchema>;
