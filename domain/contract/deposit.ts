import { z } from 'zod';
import { ApprovalReasonSchema } from '../approval/reasons';
import { IsoDateSchema } from '../calendar/iso-date';
import { DepositSlipSchema } from '../deposit/slip';
import { PesosSchema } from '../money/pesos';
import { CashDeclarationSchema } from '../uiaf/declaration';
import { channel, IdempotencyKey } from './channel';
import { PostedComprobanteSchema } from './receipt';

/** UIAF part of a plan (domain-co §2): whether the declaración de origen/destino de fondos is required. */
export const UiafViewSchema = z.object({
  individual: z.boolean(),
  multiple: z.boolean(),
  crossesMonthly: z.boolean(),
  declarationRequired: z.boolean(),
  declarationProvided: z.boolean(),
  reportable: z.boolean(),
  monthTotal: PesosSchema,
  /** Why the declaration is asked (the operation's cash or the month's), for the teller to explain; null when it is not. */
  why: z.string().nullable(),
});

export const DepositPlanSchema = z.object({
  cash: PesosSchema,
  chequesTotal: PesosSchema,
  total: PesosSchema,
  credits: z.object({ available: PesosSchema, inCanje: PesosSchema, onHold: PesosSchema }),
  holds: z.array(z.object({ chequeIndex: z.number().int(), route: z.enum(['canje', 'remesa']), amount: PesosSchema, releaseOn: IsoDateSchema })),
  commission: z.object({
    total: PesosSchema,
    lines: z.array(z.object({ kind: z.enum(['remesa', 'otra-ciudad']), amount: PesosSchema, chequeIndex: z.number().int().optional() })),
  }),
  approvalReasons: z.array(ApprovalReasonSchema),
  uiaf: UiafViewSchema,
  pending: z.array(z.literal('UIAF_DECLARATION')),
  depositorIsKnown: z.boolean(),
  notices: z.array(z.string()),
  /**
   * The account's pending charges for returned cheques as central said just now (`total`), and what this deposit
   * pays of them first (`paid`, `charges`: its cash; cheques pay when they clear). Null when central could not be
   * asked.
   */
  pendingCharges: z
    .object({
      total: PesosSchema,
      paid: PesosSchema,
      credited: PesosSchema,
      charges: z.array(z.object({ cheques: z.array(z.object({ number: z.string() })), amount: PesosSchema })),
      /** What the cash would have paid but an embargo retains for the court: it stays owed. */
      keptByEmbargo: PesosSchema.optional(),
    })
    .nullable()
    .optional(),
  /**
   * Central could not be asked what the account owes (pendingCharges null) and its last figures had this much: the
   * summary takes it as paid first out of what is available today, as its notice says.
   */
  pendingChargesLastKnown: PesosSchema.optional(),
});
export type DepositPlanView = z.infer<typeof DepositPlanSchema>;

/** Codes a slip may be refused with; the first one is the error code, all of them are in `details.errors`. */
export const DEPOSIT_ERRORS = [
  'COMPROBANTE_INVALID',
  'ACCOUNT_NOT_FOUND',
  'REFERENCE_UNAVAILABLE',
  'ACCOUNT_MISMATCH',
  'ACCOUNT_CANCELLED',
  'ACCOUNT_BLOCKED',
  'DEPOSITOR_NAME_REQUIRED',
  'DEPOSITOR_NOT_A_PERSON',
  'DEPOSIT_EMPTY',
  'CHEQUES_ONLY_AT_OFFICE',
  'CHEQUE_DUPLICATED',
  'DECLARED_TOTAL_MISMATCH',
  'CHEQUE_OTHER_CITY_REFUSED',
  'COMMISSION_NOT_COVERED',
  'UIAF_DECLARATION_MISMATCH',
  'CHEQUE_BANK_UNKNOWN',
  'CHEQUE_PLAZA_UNKNOWN',
  'OFFICE_PLAZA_UNKNOWN',
] as const;

export const POSTING_ERRORS = [
  'TILL_NOT_OPEN',
  'TILL_NOT_YOURS',
  'TILL_FROM_EARLIER_DAY',
  'APPROVAL_REQUIRED',
  'APPROVAL_NOT_FOUND',
  'APPROVAL_NOT_APPROVED',
  'APPROVAL_MISMATCH',
  'APPROVAL_ALREADY_USED',
  'MAKER_IS_CHECKER',
  'UIAF_DECLARATION_REQUIRED',
  'IDEMPOTENCY_CONFLICT',
] as const;

/** One of Inicio's charge differences; `id` is what Visto marks, `sequence` and `account` null for a failed comparison. */
export const ChargeDifferenceSchema = z.object({ id: z.string(), sequence: z.string().nullable(), account: z.string().nullable(), at: z.string(), message: z.string() });
export type ChargeDifference = z.infer<typeof ChargeDifferenceSchema>;

export const depositChannels = {
  'deposit.evaluate': channel({
    access: 'user',
    request: z.object({ slip: DepositSlipSchema }),
    response: z.object({ plan: DepositPlanSchema }),
    errors: DEPOSIT_ERRORS,
  }),
  'deposit.post': channel({
    access: 'user',
    request: z.object({
      idempotencyKey: IdempotencyKey,
      slip: DepositSlipSchema,
      approvalId: z.string().min(1).optional(),
      declaration: CashDeclarationSchema.optional(),
    }),
    response: PostedComprobanteSchema,
    errors: [...DEPOSIT_ERRORS, ...POSTING_ERRORS],
  }),
  /**
   * This workstation's deposits and transfers whose pending charge paid at central differs from what their receipt
   * printed (another workstation's credit paid first), and comparisons that failed, of any day until someone marks
   * them seen: shown on Inicio, each with what to do. `sequence` is null for a failed comparison.
   */
  'deposit.chargeDifferences': channel({
    access: 'user',
    request: z.object({}),
    response: z.object({ differences: z.array(ChargeDifferenceSchema) }),
  }),
  /** Visto on Inicio: records who saw this difference and when (the first mark stands); false for an unknown id. */
  'deposit.chargeDifferenceSeen': channel({
    access: 'user',
    request: z.object({ id: z.string().min(1).max(64) }),
    response: z.object({ seen: z.boolean() }),
  }),
} as const;
