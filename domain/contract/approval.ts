import { z } from 'zod';
import { ApprovalReasonSchema } from '../approval/reasons';
import { ApprovalStatusSchema } from '../approval/request';
import { DepositSlipSchema } from '../deposit/slip';
import { IsoDateSchema } from '../calendar/iso-date';
import { MonthSchema } from '../central-api/cash-report';
import { PesosSchema } from '../money/pesos';
import { TransferRequestSchema } from '../transfer/evaluate';
import { WithdrawalRequestSchema } from '../withdrawal/request';
import { channel, IdempotencyKey } from './channel';

/**
 * Supervisor exceptions. The teller asks for an approval of one concrete operation; the core re-evaluates it
 * and stores the reasons it finds (never the UI's), bound to a hash of the operation. The supervisor types
 * their own user and password at the teller's workstation (`approval.decide`); the core checks the password,
 * the role and maker ≠ checker. The operation then posts with `approvalId` only if it is the same operation.
 */
export const ApprovalOperationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deposit'), slip: DepositSlipSchema }),
  z.object({ kind: z.literal('withdrawal'), request: WithdrawalRequestSchema }),
  z.object({ kind: z.literal('transfer'), request: TransferRequestSchema }),
]);
export type ApprovalOperation = z.output<typeof ApprovalOperationSchema>;
export type ApprovalOperationInput = z.input<typeof ApprovalOperationSchema>;

export const ApprovalViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['deposit', 'withdrawal', 'transfer']),
  /** Short human summary: "Retiro $ 6.000.000 cuenta ****0029". */
  summary: z.string(),
  reasons: z.array(ApprovalReasonSchema),
  status: ApprovalStatusSchema,
  makerId: z.string(),
  makerName: z.string(),
  requestedAt: z.string(),
  expiresAt: z.string(),
  checkerId: z.string().optional(),
  checkerName: z.string().optional(),
  decidedAt: z.string().optional(),
  note: z.string().optional(),
  /** Sequence of the comprobante that used it; an approval authorizes one posting. */
  usedBy: z.string().nullable(),
  /**
   * Central holds it (a visación relayed to the branch's desks): a supervisor at another workstation's desk can decide
   * it. False while central did not take it (it was down when asked): only a supervisor at this workstation can.
   */
  relayed: z.boolean(),
  /**
   * The core's clock when this view was read: the dialog counts the time left to `expiresAt` from it, not from the
   * browser's clock, which may differ (a workstation started on another day with CAJA_CLOCK_START, a clock set wrong).
   */
  readAt: z.string(),
});
export type ApprovalView = z.infer<typeof ApprovalViewSchema>;

/**
 * A structuring alert (UIAF, possible fraccionamiento) as the month's list shows it to the supervisor and the
 * Oficial de Cumplimiento: who and which account, the deposits that formed it, the window, and the decision.
 */
export const StructuringAlertViewSchema = z.object({
  approvalId: z.string(),
  alertOn: IsoDateSchema,
  accountNumber: z.string(),
  depositor: z.object({ type: z.string(), number: z.string() }),
  depositorName: z.string().nullable(),
  by: z.enum(['account', 'depositor', 'both']),
  deposits: z.array(z.object({ on: IsoDateSchema, amount: PesosSchema, accountNumber: z.string(), depositor: z.object({ type: z.string(), number: z.string() }) })),
  total: PesosSchema,
  windowFrom: IsoDateSchema,
  windowTo: IsoDateSchema,
  requestedAt: z.string(),
  makerName: z.string(),
  status: ApprovalStatusSchema,
  checkerName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
  /** The comprobante the approved deposit became, if it was registered. */
  usedBy: z.string().nullable(),
  /** Last day a rejection stands for this account and depositor; null unless rejected and not reconsidered. */
  rejectionHoldsUntil: IsoDateSchema.nullable(),
  reconsidered: z.object({ byName: z.string(), at: z.string(), note: z.string() }).nullable(),
  /** The workstation that raised it; only there can its rejection be reconsidered (`own`). */
  workstation: z.string(),
  own: z.boolean(),
});
export type StructuringAlertView = z.infer<typeof StructuringAlertViewSchema>;

const Username = z.string().trim().min(1, 'El supervisor debe escribir su usuario').max(64);
const Password = z.string().min(1, 'El supervisor debe escribir su contraseña').max(256);

export const approvalChannels = {
  'approval.request': channel({
    access: 'user',
    request: z.object({ idempotencyKey: IdempotencyKey, operation: ApprovalOperationSchema }),
    response: z.object({ approval: ApprovalViewSchema }),
    errors: ['APPROVAL_NOT_NEEDED', 'STRUCTURING_REJECTED', 'COMPROBANTE_INVALID', 'ACCOUNT_NOT_FOUND', 'REFERENCE_UNAVAILABLE', 'IDEMPOTENCY_CONFLICT', 'TILL_NOT_OPEN'],
  }),
  'approval.decide': channel({
    access: 'user',
    request: z.object({
      approvalId: z.string().min(1),
      decision: z.enum(['aprobar', 'rechazar']),
      username: Username,
      password: Password,
      note: z.string().trim().max(300).optional(),
    }),
    response: z.object({ approval: ApprovalViewSchema }),
    errors: [
      'APPROVAL_NOT_FOUND',
      'INVALID_CREDENTIALS',
      'USER_LOCKED_OUT',
      'NOT_A_SUPERVISOR',
      'MAKER_IS_CHECKER',
      'APPROVAL_ALREADY_DECIDED',
      'APPROVAL_EXPIRED',
      'APPROVAL_NOTE_REQUIRED',
    ],
  }),
  'approval.get': channel({
    access: 'user',
    request: z.object({ approvalId: z.string().min(1) }),
    response: z.object({ approval: ApprovalViewSchema }),
    errors: ['APPROVAL_NOT_FOUND'],
  }),
  /** The teller left the approval step before a decision: the request leaves the supervisor's desk. */
  'approval.withdraw': channel({
    access: 'user',
    request: z.object({ approvalId: z.string().min(1) }),
    response: z.object({ approval: ApprovalViewSchema }),
    errors: ['APPROVAL_NOT_FOUND', 'NOT_THE_MAKER'],
  }),
  /**
   * The month's structuring alerts of the branch as central has them, this workstation's from its own records (the
   * current month, Colombia, when none is asked). `notice`: central did not answer and only this workstation's are listed.
   */
  'approval.structuringAlerts': channel({
    access: 'supervisor',
    request: z.object({ month: MonthSchema.optional() }),
    response: z.object({ month: MonthSchema, alerts: z.array(StructuringAlertViewSchema), branchWide: z.boolean(), notice: z.string().nullable() }),
  }),
  /** A supervisor lifts a rejection that still stands: the next deposit that raises the alert goes to a supervisor again. */
  'approval.reconsiderStructuring': channel({
    access: 'supervisor',
    request: z.object({ approvalId: z.string().min(1), note: z.string().trim().min(5, 'Escriba por qué se reconsidera (mínimo 5 caracteres)').max(300) }),
    response: z.object({ alert: StructuringAlertViewSchema }),
    errors: ['APPROVAL_NOT_FOUND', 'STRUCTURING_NOT_REJECTED'],
  }),
} as const;
