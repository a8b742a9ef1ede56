import { z } from 'zod';
import { BranchIdSchema, CellphoneSchema, DocumentNumberSchema, DocumentTypeSchema, IsoDateTimeSchema, KeySchema, WorkstationIdSchema } from './common';

/**
 * Security-code generation requested at the branch (seed 000, domain-co §11). The code is generated at
 * central and sent to the registered cellphone; the teller never sees it. Two ways in:
 * - `send-now`: the number the customer states is the registered one, the code goes out at once (`enviado`);
 * - `radicate`: after ID + fingerprint, a radicado number and a 24-hour deadline (`radicado` → `enviado` →
 *   `entregado` | `vencido`).
 * Purposes: a 6-digit verification code valid 2 minutes (seed 001); or temporary keys of 4 digits valid 24
 * hours, login key different from transactional key (seed 004).
 */
export const SecurityCodePurposeSchema = z.enum(['verification_code', 'temporary_keys']);
export type SecurityCodePurpose = z.infer<typeof SecurityCodePurposeSchema>;

export const SecurityCodeStateSchema = z.enum(['radicado', 'enviado', 'entregado', 'vencido']);
export type SecurityCodeState = z.infer<typeof SecurityCodeStateSchema>;

export const RadicateRequestSchema = z.object({
  key: KeySchema,
  documentType: DocumentTypeSchema,
  documentNumber: DocumentNumberSchema,
  purpose: SecurityCodePurposeSchema,
  /** The operator transaction of a fingerprint `match` for this same document. */
  fingerprintTransactionId: z.string().min(1),
  /** The customer's open radicado the teller decided to replace (it is superseded with this request's creation). */
  replaces: z.string().min(1).optional(),
});
export type RadicateRequest = z.infer<typeof RadicateRequestSchema>;

export const SendNowRequestSchema = z.object({
  key: KeySchema,
  documentType: DocumentTypeSchema,
  documentNumber: DocumentNumberSchema,
  purpose: SecurityCodePurposeSchema,
  /** The number the customer says is theirs; must equal the registered one. */
  statedCellphone: CellphoneSchema,
  /** As in `RadicateRequestSchema`: the open radicado this request supersedes. */
  replaces: z.string().min(1).optional(),
});
export type SendNowRequest = z.infer<typeof SendNowRequestSchema>;

export const SecurityCodeRequestSchema = z.object({
  radicado: z.string(),
  purpose: SecurityCodePurposeSchema,
  state: SecurityCodeStateSchema,
  /** `*******567` (domain/identity's mask) */
  maskedCellphone: z.string(),
  createdAt: IsoDateTimeSchema,
  /** createdAt + 24 h: delivered by then or `vencido`. */
  deadline: IsoDateTimeSchema,
  sentAt: IsoDateTimeSchema.nullable(),
  deliveredAt: IsoDateTimeSchema.nullable(),
  /** Until when the code (or temporary keys) may be used by the customer. */
  codeExpiresAt: IsoDateTimeSchema.nullable(),
  /**
   * The radicado that replaced this one (the teller chose to replace it): its code is never sent, or no longer
   * valid if it was. Absent from answers of centrals without replacement.
   */
  supersededBy: z.string().nullable().optional(),
});
export type SecurityCodeRequest = z.infer<typeof SecurityCodeRequestSchema>;

export const SecurityCodeResponseSchema = z.object({ request: SecurityCodeRequestSchema });

/**
 * A branch's requests, newest first, for the supervisor's radicaciones screen (F8). Central answers only for the
 * caller's own branch. The document is masked: the list is read by a supervisor walking by.
 */
export const SecurityCodeListQuerySchema = z.object({ branch: BranchIdSchema });
export const SecurityCodeListItemSchema = SecurityCodeRequestSchema.extend({
  /** `CC ******0001` */
  maskedDocument: z.string(),
  workstation: WorkstationIdSchema,
  /** Not delivered by its deadline (central's clock). */
  overdue: z.boolean(),
});
export type SecurityCodeListItem = z.infer<typeof SecurityCodeListItemSchema>;
export const SecurityCodeListResponseSchema = z.object({ requests: z.array(SecurityCodeListItemSchema) });
/** At most this many rows: the newest of the branch. */
export const MAX_SECURITY_CODE_LIST = 500;
export const SecurityCodeQuerySchema = z.object({ radicado: z.string().min(1) });
export const SECURITY_CODE_ERRORS = [
  'CUSTOMER_NOT_FOUND',
  'NO_REGISTERED_CELLPHONE',
  'CELLPHONE_MISMATCH',
  'FINGERPRINT_NOT_VERIFIED',
  'KEY_REUSED',
  /** The customer has an open radicado and the request does not say it replaces it. */
  'OPEN_REQUEST_EXISTS',
  /** An immediate send for the same customer within `sendNowMinIntervalMs`. */
  'SEND_NOW_TOO_SOON',
] as const;

/**
 * What central knows of a customer before a new request: the open radicado (radicated, not delivered, not
 * superseded, within its deadline) of any workstation, and until when an immediate send is refused.
 */
export const OpenSecurityCodeQuerySchema = z.object({ documentType: DocumentTypeSchema, documentNumber: DocumentNumberSchema });
export const OpenSecurityCodeResponseSchema = z.object({
  open: SecurityCodeRequestSchema.extend({ workstation: WorkstationIdSchema }).nullable(),
  /** null: an immediate send is allowed now. */
  sendNowAllowedFrom: IsoDateTimeSchema.nullable(),
  /** Central's clock when it answered: the workstation turns `sendNowAllowedFrom` into a wait on its own clock. */
  now: IsoDateTimeSchema,
});
export type OpenSecurityCodeResponse = z.infer<typeof OpenSecurityCodeResponseSchema>;

/** Policy, configurable at central. Defaults follow seeds 001 (verification) and 004 (temporary keys). */
export const OtpPolicySchema = z.object({
  verificationDigits: z.number().int().min(4).max(10).default(6),
  verificationValidityMs: z.number().int().positive().default(2 * 60_000),
  temporaryKeyDigits: z.number().int().min(4).max(10).default(4),
  temporaryKeyValidityMs: z.number().int().positive().default(24 * 3_600_000),
  radicationDeadlineMs: z.number().int().positive().default(24 * 3_600_000),
  /** A radicated request waits for back-office processing before the SMS goes out. */
  radicationSendDelayMs: z.number().int().nonnegative().default(60 * 60_000),
  /**
   * Minimum time between two immediate sends to the same customer. Seed 001 (paso 8): a code lives 2 minutes and
   * "de no poderlo usar en este tiempo deberá volver a realizar el proceso" — so the customer asks again once the
   * code sent has lapsed, not while it is still usable; several SMS within a minute are also the pattern of an
   * SMS-bombing or SIM-swap attempt. Configurable at central like the rest of the policy.
   */
  sendNowMinIntervalMs: z.number().int().nonnegative().default(2 * 60_000),
});
export type OtpPolicy = z.infer<typeof OtpPolicySchema>;

/** Test hook, only in demo mode: moves central's clock forward. */
export const AdvanceRequestSchema = z.object({ ms: z.number().int().positive().max(366 * 24 * 3_600_000) });
export const AdvanceResponseSchema = z.object({ now: IsoDateTimeSchema });
