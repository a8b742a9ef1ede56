import { z } from 'zod';
import { SUPERVISOR_REQUEST_DEADLINE_MINUTES } from '../approval/request';
import { PesosSchema } from '../money/pesos';
import { BranchIdSchema, IsoDateTimeSchema, KeySchema, WorkstationIdSchema } from './common';

/**
 * Supervisor approval relay between workstations of a branch (visación, till differences, overrides). The
 * teller's workstation posts a request; a supervisor at any workstation of the branch lists and decides it;
 * the maker polls for the decision. Maker and checker must be different people.
 */
/** Bounds of what a relayed request carries for the desks (the relaying workstation fits within them). */
export const RELAYED_TEXT_MAX = 600;
export const RELAYED_REASONS_MAX = 10;
export const RELAYED_CONTEXT_MAX = 40;

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * A request's reasons and context cut to what central takes (`ApprovalCreateSchema`): a long explanation or many
 * counts lose their tail rather than the whole relay being refused, which would leave the other desks with nothing.
 */
export const fitRelayed = (reasons: readonly { code: string; message: string }[], context: Readonly<Record<string, string>>) => ({
  reasons: reasons
    .filter((r) => r.message.length > 0)
    .slice(0, RELAYED_REASONS_MAX)
    .map((r) => ({ code: r.code, message: clip(r.message, RELAYED_TEXT_MAX) })),
  context: Object.fromEntries(
    Object.entries(context)
      .filter(([k]) => k.length > 0)
      .slice(0, RELAYED_CONTEXT_MAX)
      .map(([k, v]) => [clip(k, 80), clip(v, RELAYED_TEXT_MAX)]),
  ),
});

export const ApprovalKindSchema = z.enum(['withdrawal_visacion', 'transfer_visacion', 'till_difference', 'fingerprint_override', 'reversal', 'reactivation', 'till_transfer_block', 'other']);

export const ApprovalCreateSchema = z.object({
  /** Idempotency key and id of the request. */
  id: KeySchema,
  branch: BranchIdSchema,
  workstation: WorkstationIdSchema,
  makerId: z.string().min(1).max(64),
  kind: ApprovalKindSchema,
  /**
   * Shown to the supervisor: no document numbers (accounts masked), the supervisor sees those at the teller's screen.
   * A transfer's names its destination's holders: where the money goes is what its visación checks.
   */
  summary: z.string().min(1).max(200),
  amount: PesosSchema.optional(),
  /**
   * Seconds the asking workstation keeps the request open (its configured deadline), so central lapses it when the
   * workstation does. Absent (a workstation from before it was carried): central's own default.
   */
  ttlSeconds: z
    .number()
    .int()
    .min(SUPERVISOR_REQUEST_DEADLINE_MINUTES.min * 60)
    .max(SUPERVISOR_REQUEST_DEADLINE_MINUTES.max * 60)
    .optional(),
  /**
   * Seconds the request had already been open at the asking workstation when this send left it, by that workstation's
   * own clock (so a skew between the two clocks cancels out): central keeps it open `ttl - ageSeconds` from its
   * arrival, so a relay sent late (central was down when it opened) lapses there when it lapses at the workstation.
   * Measured anew at every send, it is no part of what makes a second relay a replay. Absent: sent as it opened.
   */
  ageSeconds: z
    .number()
    .int()
    .min(0)
    .max(SUPERVISOR_REQUEST_DEADLINE_MINUTES.max * 60)
    .optional(),
  /**
   * What the asking workstation's own desk shows, so a supervisor at another desk decides on the same facts: the
   * reasons as worded there (a till difference's carries the teller's motivo and explicación) and the request's
   * context (every count, expected against counted, the difference), documents masked as there. Absent on requests
   * relayed before it was carried: the desks then show what there is. `code` is a plain string: a reason the
   * reader does not know yet is still shown.
   */
  reasons: z
    .array(z.object({ code: z.string().min(1).max(64), message: z.string().min(1).max(RELAYED_TEXT_MAX) }))
    .max(RELAYED_REASONS_MAX)
    .optional(),
  context: z
    .record(z.string().min(1).max(80), z.string().max(RELAYED_TEXT_MAX))
    .refine((c) => Object.keys(c).length <= RELAYED_CONTEXT_MAX, `A lo sumo ${RELAYED_CONTEXT_MAX} datos de contexto`)
    .optional(),
});
export type ApprovalCreate = z.infer<typeof ApprovalCreateSchema>;

export const ApprovalStateSchema = z.enum(['pending', 'approved', 'rejected', 'expired', 'withdrawn']);
/** The request as relayed, without what one send said of its age: what a replay must repeat. */
export const relayedRequest = ({ ageSeconds: _age, ...rest }: ApprovalCreate): Omit<ApprovalCreate, 'ageSeconds'> => rest;

export const ApprovalSchema = ApprovalCreateSchema.omit({ ageSeconds: true }).extend({
  state: ApprovalStateSchema,
  createdAt: IsoDateTimeSchema,
  expiresAt: IsoDateTimeSchema,
  decision: z
    .object({
      supervisorId: z.string(),
      workstation: WorkstationIdSchema,
      reason: z.string(),
      decidedAt: IsoDateTimeSchema,
    })
    .nullable(),
});
export type Approval = z.infer<typeof ApprovalSchema>;

export const ApprovalResponseSchema = z.object({ approval: ApprovalSchema });
export const ApprovalListRequestSchema = z.object({ branch: BranchIdSchema });
export const ApprovalListResponseSchema = z.object({ approvals: z.array(ApprovalSchema) });
export const ApprovalQuerySchema = z.object({ id: KeySchema });
export const ApprovalDecisionSchema = z.object({
  id: KeySchema,
  supervisorId: z.string().min(1).max(64),
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().min(3, 'Escriba el motivo de la decisión').max(200),
});
/**
 * What the asking workstation did with a request it relays, when central may not have heard of it (it did not answer
 * when the request opened or was decided): decided there by a supervisor (`supervisorId` by user name), or taken back
 * by its maker. Sent through the outbox (`approval_outcome`), so it reaches central once, even after a restart of
 * either side; central records the request already closed, so no other desk ever lists it as pending.
 */
export const ApprovalOutcomeSchema = z.discriminatedUnion('state', [
  z.object({ state: z.enum(['approved', 'rejected']), supervisorId: z.string().min(1).max(64), reason: z.string().min(1).max(200), decidedAt: IsoDateTimeSchema }),
  z.object({ state: z.literal('withdrawn'), at: IsoDateTimeSchema }),
]);
export type ApprovalOutcome = z.infer<typeof ApprovalOutcomeSchema>;
/** The request as relayed (`requestApproval`, its branch and workstation the operation's own) and what became of it. */
export const ApprovalOutcomePayloadSchema = z.object({ request: ApprovalCreateSchema.omit({ branch: true, workstation: true, ageSeconds: true }), outcome: ApprovalOutcomeSchema });
export type ApprovalOutcomePayload = z.infer<typeof ApprovalOutcomePayloadSchema>;

export const APPROVAL_ERRORS = ['MAKER_IS_CHECKER', 'ALREADY_DECIDED', 'APPROVAL_EXPIRED', 'APPROVAL_WITHDRAWN', 'ID_REUSED'] as const;
