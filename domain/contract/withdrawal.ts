import { z } from 'zod';
import { ApprovalReasonSchema } from '../approval/reasons';
import { PersonIdSchema, PersonSchema } from '../accounts/person';
import { FingerSchema } from '../devices/demo-citizens';
import { DenominationCountSchema } from '../money/denominations';
import { PesosSchema } from '../money/pesos';
import { WithdrawalRequestSchema } from '../withdrawal/request';
import { channel, IdempotencyKey } from './channel';
import { POSTING_ERRORS, UiafViewSchema } from './deposit';
import { PostedComprobanteSchema } from './receipt';

export const GmfViewSchema = z.object({
  exempt: PesosSchema,
  taxable: PesosSchema,
  gmf: PesosSchema,
  cap: PesosSchema,
  remainingCap: PesosSchema,
  legalBasis: z.string().nullable(),
});

export const WithdrawalPlanSchema = z.object({
  amount: PesosSchema,
  gmf: GmfViewSchema,
  debits: z.array(z.object({ kind: z.enum(['retiro', 'gmf', 'cheque-gerencia']), label: z.string(), amount: PesosSchema })),
  debitTotal: PesosSchema,
  payout: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('efectivo'), mix: DenominationCountSchema }),
    z.object({ kind: z.literal('cheque-gerencia'), number: z.string(), beneficiaries: z.array(PersonSchema).min(1), toHolder: z.boolean(), firstBeneficiaryOnly: z.boolean() }),
  ]),
  balance: z.object({ available: PesosSchema, protectedAmount: PesosSchema, retained: PesosSchema, withdrawable: PesosSchema }),
  approvalReasons: z.array(ApprovalReasonSchema),
  uiaf: UiafViewSchema,
  pending: z.array(z.literal('UIAF_DECLARATION')),
  reactivates: z.boolean(),
  notices: z.array(z.string()),
  /**
   * Seed 003 cl. 4 c, domain-co §7: whose fingerprint the core asks before paying (at or above
   * `rules.fingerprintFrom`; every person present who takes the money, never a company). Empty below it.
   */
  fingerprintRequired: z.array(PersonIdSchema),
});

export const WITHDRAWAL_ERRORS = [
  'COMPROBANTE_INVALID',
  'ACCOUNT_NOT_FOUND',
  'REFERENCE_UNAVAILABLE',
  'ACCOUNT_MISMATCH',
  'ACCOUNT_CANCELLED',
  'ACCOUNT_BLOCKED',
  'IDENTIFICATION_REQUIRED',
  'LEGAL_REPRESENTATIVE_REQUIRED',
  'CERTIFICATE_REQUIRED',
  'CERTIFICATE_DATE_INVALID',
  'CERTIFICATE_TOO_OLD',
  'ALL_HOLDERS_REQUIRED',
  'CHEQUE_ALL_HOLDERS_REQUIRED',
  'PERSON_NOT_AUTHORIZED',
  // domain/withdrawal/authorized-conditions.ts: the conditions the holder registered for an authorized person (cl. 3.5).
  'AUTHORIZATION_EXPIRED',
  'AUTHORIZATION_AMOUNT_EXCEEDED',
  'AUTHORIZATION_OUT_OF_SCOPE',
  'AUTHORIZATION_DAY_EXCEEDED',
  'INSUFFICIENT_FUNDS',
  'AMOUNT_NOT_PAYABLE_IN_CASH',
  'CASH_MIX_UNAVAILABLE',
  'UIAF_DECLARATION_MISMATCH',
  'UVT_NOT_CONFIGURED',
  'INEMBARGABLE_NOT_CONFIGURED',
  // domain/withdrawal/fingerprint.ts and the core's checks of its records (service.ts).
  'FINGERPRINT_REQUIRED',
  'FINGERPRINT_NO_MATCH',
  'FINGERPRINT_OTHER_DOCUMENT',
  'FINGERPRINT_STALE',
  'FINGERPRINT_REFUSED',
  'FINGERPRINT_EXCEPTION_UNFOUNDED',
] as const;

/**
 * One capture of a person's finger for the withdrawal on screen and central's 1:1 match (domain-co §7). The
 * screen names its comprobante (a uuid it keeps until the withdrawal is posted or left); the core records when it
 * first heard of it, and judges "stale" and the three "no coincide" from that instant. The consent version is the
 * Ley 1581 text the teller read to the customer (biometricConsent('withdrawal').version).
 */
export const WithdrawalFingerprintRequestSchema = z.object({
  comprobanteId: z.string().uuid({ message: 'Comprobante de retiro inválido' }),
  person: PersonIdSchema,
  finger: FingerSchema.default('right-index'),
  consentVersion: z.string().min(1),
});

/** What the capture means for this withdrawal, in the teller's words (`message`). */
export const WithdrawalFingerprintResultSchema = z.discriminatedUnion('outcome', [
  /** Central matched: `reference` is what the withdrawal carries and the receipt prints. */
  z.object({ outcome: z.literal('verified'), reference: z.string(), message: z.string() }),
  /** "No coincide": another capture is allowed while `remaining` > 0. */
  z.object({ outcome: z.literal('no_match'), reference: z.string(), remaining: z.number().int().min(1), message: z.string() }),
  /** The third "no coincide" of this comprobante: this withdrawal cannot be paid, no override. */
  z.object({ outcome: z.literal('refused'), message: z.string() }),
  /** The image was not usable (reader or registry): not a failure, capture again. */
  z.object({ outcome: z.literal('retry'), message: z.string() }),
  /** Reader or registry did not answer; the supervisor's exception may be asked only if `exceptionAllowed`. */
  z.object({ outcome: z.literal('reader_unavailable'), exceptionAllowed: z.boolean(), message: z.string() }),
  z.object({ outcome: z.literal('registry_unavailable'), exceptionAllowed: z.boolean(), message: z.string() }),
  /** Central refused the request itself (a document it does not accept). */
  z.object({ outcome: z.literal('rejected'), message: z.string() }),
]);
export type WithdrawalFingerprintResult = z.infer<typeof WithdrawalFingerprintResultSchema>;

/**
 * The customer heard the Ley 1581 text and does not authorize the treatment of their fingerprint (Decreto 1377 de
 * 2013 art. 6: no service is conditioned on it). The core records that answer for the person in this comprobante:
 * the only ground of the supervisor's CONSENT_REFUSED exception, where the original document identifies instead.
 */
export const WithdrawalConsentRefusedRequestSchema = WithdrawalFingerprintRequestSchema.omit({ finger: true });
/** `exceptionAllowed` false: a "no coincide" of that person today already stopped the withdrawal (no exception). */
export const WithdrawalConsentRefusedResultSchema = z.object({ exceptionAllowed: z.boolean(), message: z.string() });
export type WithdrawalConsentRefusedResult = z.infer<typeof WithdrawalConsentRefusedResultSchema>;

/**
 * `pendiente`: central did not answer the online authorization (network or timeout). No cash was paid and
 * nothing was posted; the teller retries with the same key, which cannot pay twice.
 */
export const WithdrawalPendingSchema = z.object({ status: z.literal('pendiente'), message: z.string() });

/** A pending debit given up: whether central held funds under its key and gave them back, in the teller's words. */
export const AbandonRequestSchema = z.object({ idempotencyKey: IdempotencyKey });
export const AbandonResultSchema = z.object({ released: z.boolean(), message: z.string() });
export const ABANDON_ERRORS = ['ALREADY_POSTED', 'CENTRAL_UNAVAILABLE', 'HOLD_NOT_ACTIVE', 'NOT_YOURS'] as const;

/**
 * A withdrawal or transfer whose authorization central may hold under its key with nothing posted here: left
 * "pendiente", or cut short by a crash. Until the teller retries or abandons it, central may hold the funds.
 */
export const UnconfirmedDebitSchema = z.object({
  key: z.string(),
  kind: z.enum(['retiro', 'traslado']),
  account: z.string(),
  amount: z.number().int(),
  askedAt: z.string(),
  /** A withdrawal's payout form (what not to hand over); null for a transfer or a row from an older version. */
  payout: z.enum(['efectivo', 'cheque-gerencia']).nullable(),
  teller: z.string(),
  /** The one who asked, or a supervisor: who may abandon it. */
  mayAbandon: z.boolean(),
});
export type UnconfirmedDebit = z.infer<typeof UnconfirmedDebitSchema>;

/** Central unreachable and the branch in contingencia: domain/contingency refusals, at Revisar and at posting. */
const OFFLINE_WITHDRAWAL_ERRORS = ['ACCOUNT_UNKNOWN_OFFLINE', 'ACCOUNT_NOT_AVAILABLE_OFFLINE', 'OVER_TRANSACTION_CAP', 'OVER_CUSTOMER_DAY_CAP', 'OVER_TILL_CAP', 'INSUFFICIENT_FUNDS_OFFLINE'] as const;

export const withdrawalChannels = {
  'withdrawal.evaluate': channel({
    access: 'user',
    request: z.object({ request: WithdrawalRequestSchema }),
    response: z.object({ plan: WithdrawalPlanSchema }),
    errors: [...WITHDRAWAL_ERRORS, ...OFFLINE_WITHDRAWAL_ERRORS],
  }),
  'withdrawal.post': channel({
    access: 'user',
    request: z.object({ idempotencyKey: IdempotencyKey, request: WithdrawalRequestSchema, approvalId: z.string().min(1).optional() }),
    response: z.discriminatedUnion('status', [PostedComprobanteSchema, WithdrawalPendingSchema]),
    errors: [
      ...WITHDRAWAL_ERRORS,
      ...POSTING_ERRORS,
      'CENTRAL_REFUSED',
      'TILL_CASH_SHORT',
      ...OFFLINE_WITHDRAWAL_ERRORS,
    ],
  }),
  'withdrawal.fingerprint': channel({
    access: 'user',
    request: WithdrawalFingerprintRequestSchema,
    response: WithdrawalFingerprintResultSchema,
    errors: ['CONSENT_VERSION_MISMATCH', 'COMPROBANTE_NOT_YOURS', 'COMPROBANTE_ALREADY_POSTED', 'CONSENT_REFUSED_NO_CAPTURE'],
  }),
  'withdrawal.consentRefused': channel({
    access: 'user',
    request: WithdrawalConsentRefusedRequestSchema,
    response: WithdrawalConsentRefusedResultSchema,
    errors: ['CONSENT_VERSION_MISMATCH', 'COMPROBANTE_NOT_YOURS', 'COMPROBANTE_ALREADY_POSTED'],
  }),
  'withdrawal.abandon': channel({ access: 'user', request: AbandonRequestSchema, response: AbandonResultSchema, errors: ABANDON_ERRORS }),
  /** This till's unconfirmed withdrawals and transfers, oldest first (Inicio, and the close gate counts them). */
  'withdrawal.unconfirmed': channel({ access: 'user', request: z.object({}), response: z.object({ debits: z.array(UnconfirmedDebitSchema) }) }),
} as const;
