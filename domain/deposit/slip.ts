import { z } from 'zod';
import { PersonIdSchema } from '../accounts/person';
import { DenominationCountSchema } from '../money/denominations';
import { AmountFieldSchema } from '../money/pesos';
import { CashDeclarationSchema } from '../uiaf/declaration';

/** One cheque row of the Comprobante Único (domain-co §10): bank, number, drawer account, amount, city. */
export const ChequeLineSchema = z.object({
  /** Drawee bank: name or CEDEC compensation code. */
  bank: z.string().trim().min(1, { message: 'Indique el banco del cheque' }).max(60),
  number: z.string().regex(/^\d{1,12}$/, { message: 'El número del cheque debe tener solo dígitos' }),
  drawerAccount: z.string().regex(/^\d{4,20}$/, { message: 'La cuenta del girador debe tener entre 4 y 20 dígitos' }),
  amount: AmountFieldSchema.refine((v) => v > 0, { message: 'El valor del cheque debe ser mayor que cero' }),
  /** Plaza where the cheque is payable: same city as the office → canje, otherwise remesa al cobro. */
  city: z.string().trim().min(1, { message: 'Indique la ciudad (plaza) del cheque' }).max(60),
});
export type ChequeLine = z.infer<typeof ChequeLineSchema>;

export const DepositSlipSchema = z.object({
  accountNumber: z.string().regex(/^\d{6,20}$/, { message: 'El número de cuenta debe tener entre 6 y 20 dígitos' }),
  /** Seed 003 cl. 3.1: cheques are received only at offices. */
  channel: z.enum(['oficina', 'corresponsal']).default('oficina'),
  /** Who physically deposits. The name is required when the person is not on the account (cl. 3.1, 3.7). */
  depositor: z.object({ id: PersonIdSchema, name: z.string().trim().max(120).optional() }),
  /** Cash as counted by denomination; the count, not the slip, is what the till receives. */
  cash: DenominationCountSchema.default({}),
  cheques: z.array(ChequeLineSchema).max(50, { message: 'Máximo 50 cheques por comprobante' }).default([]),
  /** Total the customer wrote on the slip (cl. 3.9, 3.11). */
  declaredTotal: AmountFieldSchema,
  /** Required when the UIAF thresholds are reached (domain-co §2). */
  declaration: CashDeclarationSchema.optional(),
});
export type DepositSlip = z.output<typeof DepositSlipSchema>;
export type DepositSlipInput = z.input<typeof DepositSlipSchema>;

/**
 * A district's designation, which tellers and slips often leave out: "Bogotá D.C." is Bogotá, "Cartagena de
 * Indias D. T. y C." is Cartagena de Indias. Matched after punctuation became spaces.
 */
const DISTRICT = / (D ?C|DISTRITO CAPITAL|D ?T ?Y ?C|D ?T ?C ?H|D ?E|D ?T)$/;

/** Older official names still printed on cheques and typed by habit. */
const FORMER_NAMES: Record<string, string> = { 'SANTA FE DE BOGOTA': 'BOGOTA', 'SANTAFE DE BOGOTA': 'BOGOTA' };

/** Cities compare without accents, case, punctuation, extra spaces or district designation ("Bogotá" = "BOGOTA D.C."). */
export const normalizeCity = (city: string): string => {
  const name = city
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(DISTRICT, '');
  return FORMER_NAMES[name] ?? name;
};

export const sameCity = (a: string, b: string): boolean => normalizeCity(a) === normalizeCity(b);
