import { z } from 'zod';
import { PesosSchema, PositivePesosSchema } from '../money/pesos';
import { MANDATE_REFUSAL_CODES } from '../withdrawal/authorized-conditions';
import { AccountNumberSchema, DocumentNumberSchema, DocumentTypeSchema, IsoDateTimeSchema, KeySchema } from './common';

/**
 * Online authorization of a withdrawal: central checks the balance and reserves `amount` (withdrawal + GMF)
 * as a hold; the withdrawal operation then names the hold and consumes it. Unused holds expire and the funds
 * return to the available balance.
 */
/**
 * Seed 003 cl. 7.1: an inactive account is reactivated at the office with the supervisor's approval; the
 * debit that needs it names the branch approval, and central lets it through and marks the account active.
 */
export const ReactivationSchema = z.object({ approvalId: z.string().min(1).max(80) });

/**
 * The paper cheque de gerencia a withdrawal pays with, by its printed number. The bank numbers its forms once:
 * central refuses a number another debit already used (`CHEQUE_GERENCIA_NUMBER_USED`), leading zeros aside.
 */
export const ChequeGerenciaSchema = z.object({ number: z.string().regex(/^\d{1,12}$/) });

/**
 * Who is paid, when a holder's authorized person may be the one (seed 003 cl. 2.1, 3.5): every person identified at
 * the counter, how the debit is paid out and its amount (without GMF or fees, what an authorized person's maximum
 * bounds). Central judges them on its own registration with the branch's function
 * (domain/withdrawal/authorized-conditions.ts `mandateErrors`): which of them is a holder and which an authorized
 * person is central's to say, not the branch's copy, which may predate a mandate narrowed or revoked at another
 * office. Optional: a branch that does not send it is not checked here, as before.
 */
export const HoldPayeeSchema = z.object({
  presenters: z.array(z.object({ documentType: DocumentTypeSchema, documentNumber: DocumentNumberSchema })).min(1).max(20),
  payout: z.enum(['efectivo', 'cheque-gerencia', 'traslado']),
  amount: PositivePesosSchema,
});
export type HoldPayee = z.infer<typeof HoldPayeeSchema>;

export const HoldRequestSchema = z
  .object({
    key: KeySchema,
    account: AccountNumberSchema,
    amount: PositivePesosSchema,
    reactivation: ReactivationSchema.optional(),
    /** A withdrawal paid by cheque de gerencia: its number is checked before anything is held or paid. */
    chequeGerencia: ChequeGerenciaSchema.optional(),
    payee: HoldPayeeSchema.optional(),
  })
  // The hold covers the debit with its GMF and fees: a payee's amount above it was not what the branch holds.
  .refine((r) => r.payee === undefined || r.payee.amount <= r.amount, { message: 'El valor pagado no puede superar el valor retenido', path: ['payee', 'amount'] });
export type HoldRequest = z.infer<typeof HoldRequestSchema>;

export const HOLD_REFUSAL_CODES = [
  'ACCOUNT_NOT_FOUND',
  'ACCOUNT_INACTIVE',
  'ACCOUNT_BLOCKED',
  'ACCOUNT_CANCELLED',
  'INSUFFICIENT_FUNDS',
  'EMBARGOED_FUNDS',
  /** The cheque de gerencia's number is another debit's (recorded or held): a mistyped number or a duplicate form. */
  'CHEQUE_GERENCIA_NUMBER_USED',
  /** Only with `payee`: the person is no holder nor authorized at central, or acts outside the registered conditions. */
  ...MANDATE_REFUSAL_CODES,
] as const;

export const HoldStateSchema = z.enum(['active', 'consumed', 'released', 'expired']);
export const HoldSchema = z.object({
  holdId: z.string(),
  account: AccountNumberSchema,
  amount: PesosSchema,
  state: HoldStateSchema,
  createdAt: IsoDateTimeSchema,
  expiresAt: IsoDateTimeSchema,
});
export type Hold = z.infer<typeof HoldSchema>;

export const HoldResponseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('authorized'), hold: HoldSchema, availableAfter: PesosSchema }),
  z.object({
    status: z.literal('refused'),
    reason: z.enum(HOLD_REFUSAL_CODES),
    message: z.string(),
    /** Refused for funds: what the account may be debited now (available less an embargo's retention). */
    available: PesosSchema.optional(),
  }),
]);
export type HoldResponse = z.infer<typeof HoldResponseSchema>;

export const HoldQuerySchema = z.object({ holdId: z.string().min(1) });
export const HoldReleaseSchema = z.object({ holdId: z.string().min(1) });
export const HoldOnlyResponseSchema = z.object({ hold: HoldSchema });
/** Release by the authorization request's key, when its answer (and so the hold's id) was lost. */
export const HoldReleaseByKeySchema = z.object({ key: KeySchema });
/** `hold` is null when central never authorized under that key: nothing was held. */
export const HoldReleaseByKeyResponseSchema = z.object({ hold: HoldSchema.nullable() });
