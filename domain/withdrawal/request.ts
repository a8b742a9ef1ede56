import { z } from 'zod';
import { PersonIdSchema, PersonSchema } from '../accounts/person';
import { IsoDateSchema } from '../calendar/iso-date';
import { PositivePesosSchema } from '../money/pesos';
import { CashDeclarationSchema } from '../uiaf/declaration';
import { FINGERPRINT_EXCEPTION_REASONS, type FingerprintExceptionReason } from './fingerprint';

/** The paper cheque's own number: what ties it to this debit for the reconciliation and an orden de no pago. */
const CHEQUE_NUMBER_MESSAGE = 'Escriba el número del cheque de gerencia: solo dígitos, hasta 12';
export const ChequeGerenciaNumberSchema = z.string({ error: CHEQUE_NUMBER_MESSAGE }).trim().regex(/^\d{1,12}$/, { message: CHEQUE_NUMBER_MESSAGE });

const ExceptionReasons = Object.keys(FINGERPRINT_EXCEPTION_REASONS) as [FingerprintExceptionReason, ...FingerprintExceptionReason[]];

/** One person's fingerprint evidence (domain/withdrawal/fingerprint.ts): central's match reference, or the exception asked. */
export const FingerprintEvidenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('match'), person: PersonIdSchema, reference: z.string().min(1).max(80) }),
  z.object({ kind: z.literal('exception'), person: PersonIdSchema, reason: z.enum(ExceptionReasons) }),
]);

/**
 * The withdrawal's comprobante as the core knows it (its start, its captures) and each person's fingerprint
 * evidence. Required at or above `rules.fingerprintFrom`; the core judges it against its own records.
 */
export const WithdrawalIdentitySchema = z.object({
  comprobanteId: z.string().uuid({ message: 'Comprobante de retiro inválido' }),
  fingerprints: z.array(FingerprintEvidenceSchema).max(10),
});

/** Office withdrawal on the Comprobante Único (seed 003 cl. 4 literal c and parágrafo). */
export const WithdrawalRequestSchema = z.object({
  accountNumber: z.string().regex(/^\d{6,20}$/, { message: 'El número de cuenta debe tener entre 6 y 20 dígitos' }),
  amount: PositivePesosSchema,
  /** Everyone present and identified: one holder, an authorized person, all holders (conjunta) or the legal rep. */
  presenters: z.array(PersonIdSchema).min(1, { message: 'Identifique a quien retira' }),
  /** Parágrafo of cl. 4: cash, or a cheque (de gerencia) to the holder or to a third party at the holder's request. */
  payout: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('efectivo') }),
    z.object({
      kind: z.literal('cheque-gerencia'),
      /** A third party's; left out, the cheque goes to the holder and the core names them from the account (cheque.ts). */
      beneficiary: PersonSchema.optional(),
      number: ChequeGerenciaNumberSchema,
      firstBeneficiaryOnly: z.boolean().default(true),
    }),
  ]),
  juridicaCertificateIssuedOn: IsoDateSchema.optional(),
  /** Declaración de destino de fondos when the cash threshold is reached (domain-co §2). */
  declaration: CashDeclarationSchema.optional(),
  /** Seed 003 cl. 4 c "con validación": the fingerprints of whoever takes the money, at or above the threshold. */
  identity: WithdrawalIdentitySchema.optional(),
});
export type WithdrawalRequest = z.output<typeof WithdrawalRequestSchema>;
export type WithdrawalRequestInput = z.input<typeof WithdrawalRequestSchema>;
