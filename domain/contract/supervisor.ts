import { z } from 'zod';
import { LapsedRequestSchema } from '../approval/lapsed';
import { ApprovalReasonSchema } from '../approval/reasons';
import { ApprovalStatusSchema } from '../approval/request';
import { CashReportResponseSchema, MonthSchema } from '../central-api/cash-report';
import { PesosSchema } from '../money/pesos';
import { channel } from './channel';

/**
 * Supervisor desk (teller-anchors §4 item 26): one queue of requests waiting for a supervisor — this
 * workstation's comprobante approvals, the till features' requests (difference at close, reopening, reversal)
 * and, through central's relay, requests from other workstations of the branch — each with its context.
 */
export const QueueItemSchema = z.object({
  id: z.string(),
  source: z.enum(['comprobante', 'caja', 'central']),
  kind: z.string(),
  summary: z.string(),
  reasons: z.array(ApprovalReasonSchema),
  amount: PesosSchema.nullable(),
  teller: z.string(),
  workstation: z.string(),
  customer: z.string().nullable(),
  biometric: z.string().nullable(),
  requestedAt: z.string(),
  expiresAt: z.string(),
  context: z.record(z.string(), z.string()),
});
export type QueueItem = z.infer<typeof QueueItemSchema>;

/** A supervisor's own user and password, typed at the workstation where the exception happens. */
export const SupervisorCredentials = {
  username: z.string().trim().min(1, 'El supervisor debe escribir su usuario').max(64),
  password: z.string().min(1, 'El supervisor debe escribir su contraseña').max(256),
};

/**
 * One open till of the branch. This workstation's comes from its own data (`local`, always fresh); the others'
 * from the latest snapshot their workstation reported to central (`central`): `reportedAt` is when central got
 * it, on this workstation's clock, `ageSeconds` how old it is, and `stale` when it is older than
 * the bank's limit (`branchStatus.staleAfterSeconds`, default `DASHBOARD_STALE_AFTER_SECONDS`): the figures may
 * no longer be true.
 */
export const DashboardTillSchema = z.object({
  tillCode: z.string(),
  tellerName: z.string(),
  openedAt: z.string(),
  positionTotal: PesosSchema,
  limit: PesosSchema,
  holding: z.enum(['ok', 'cerca', 'excedido']),
  workstation: z.string(),
  source: z.enum(['local', 'central']),
  reportedAt: z.string(),
  ageSeconds: z.number().int().nonnegative(),
  stale: z.boolean(),
  /** That workstation's outbox and journal, as of `reportedAt`. */
  sync: z.object({ queueLength: z.number().int(), unknown: z.number().int(), rejected: z.number().int() }),
  journalOk: z.boolean().nullable(),
});
export type DashboardTill = z.infer<typeof DashboardTillSchema>;
export const DASHBOARD_STALE_AFTER_SECONDS = 120;

export const DashboardSchema = z.object({
  /** Open tills of the branch: this workstation's first, then the others by workstation. */
  tills: z.array(DashboardTillSchema),
  /** False when central did not answer (or is not configured): only this workstation's till is listed. */
  centralReachable: z.boolean(),
  /** The branch vault as central has it; null when central did not answer. */
  vaultTotal: PesosSchema.nullable(),
  transfersInTransit: z.number().int(),
  sync: z.object({ state: z.string(), queueLength: z.number().int(), unknown: z.number().int(), rejected: z.number().int(), lastSyncAt: z.string().nullable() }),
  overdueRadications: z.number().int(),
  journal: z.object({ ok: z.boolean().nullable(), message: z.string() }),
});

export const supervisorChannels = {
  'supervisor.queue': channel({
    access: 'user',
    request: z.object({}),
    response: z.object({ items: z.array(QueueItemSchema), centralReachable: z.boolean() }),
  }),
  /** The supervisor decides with their own user and password; the core enforces role and maker ≠ checker. */
  'supervisor.decide': channel({
    access: 'user',
    request: z.object({
      id: z.string().min(1),
      source: z.enum(['comprobante', 'caja', 'central']),
      decision: z.enum(['aprobar', 'rechazar']),
      note: z.string().trim().max(300).optional(),
      ...SupervisorCredentials,
    }),
    response: z.object({ status: z.string() }),
    errors: [
      'APPROVAL_NOT_FOUND',
      'INVALID_CREDENTIALS',
      'USER_LOCKED_OUT',
      'NOT_A_SUPERVISOR',
      'MAKER_IS_CHECKER',
      'APPROVAL_ALREADY_DECIDED',
      'APPROVAL_WITHDRAWN',
      'APPROVAL_EXPIRED',
      'APPROVAL_NOTE_REQUIRED',
      'CENTRAL_UNAVAILABLE',
    ],
  }),
  /**
   * One of this workstation's till requests (source 'caja') as it stands now, for the teller's screen that waits on
   * it: a supervisor at another workstation's desk may have decided it through central, and this takes that in.
   */
  'supervisor.request': channel({
    access: 'user',
    request: z.object({ id: z.string().min(1) }),
    response: z.object({ status: ApprovalStatusSchema, checkerName: z.string().nullable(), note: z.string().nullable() }),
    errors: ['APPROVAL_NOT_FOUND'],
  }),
  /**
   * The signed-in user's own requests (comprobante approvals and till requests, every kind) that lapsed with no
   * decision and they were not told of yet, oldest deadline first; what lapsed by now is journaled first. Listing does
   * not tell them: an answer lost before Inicio drew it is listed again, until `supervisor.lapsedShown`.
   */
  'supervisor.lapsed': channel({
    access: 'user',
    request: z.object({}),
    response: z.object({ requests: z.array(LapsedRequestSchema) }),
  }),
  /** Inicio has shown these lapses (ids from `supervisor.lapsed`): from now on they count as told (said once). */
  'supervisor.lapsedShown': channel({
    access: 'user',
    request: z.object({ ids: z.array(z.string().min(1)).min(1).max(100) }),
    response: z.object({ told: z.number().int().nonnegative() }),
  }),
  'supervisor.dashboard': channel({ access: 'supervisor', request: z.object({}), response: DashboardSchema }),
  /**
   * The branch's cash for the UIAF's monthly Reporte de Transacciones en Efectivo, as central builds it bank-wide
   * (domain/central-api/cash-report.ts); the current month (Colombia) when none is asked.
   */
  'supervisor.cashReport': channel({
    access: 'supervisor',
    request: z.object({ month: MonthSchema.optional() }),
    response: CashReportResponseSchema,
    errors: ['CENTRAL_UNAVAILABLE'],
  }),
} as const;
