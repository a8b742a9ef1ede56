import { z } from 'zod';
import { resolveBank, unknownBankMessage } from '../cheque/banks';
import { findPlaza, normalizeCity, resolvePlaza, unknownPlazaMessage } from '../cheque/plaza-match';
import { normalizePersonName, PersonIdSchema } from '../accounts/person';
import { DenominationCountSchema } from '../money/denominations';
import { AmountFieldSchema } from '../money/pesos';
import { CashDeclarationSchema } from '../uiaf/declaration';

/** One cheque row of the Comprobante Único (domain-co §10): bank, number, drawer account, amount, city. */
export const ChequeLineSchema = z.object({
  /**
   * Drawee bank: its compensation code (domain/cheque/banks), kept as three digits whatever zeros were typed. A code
   * that may be several banks ("1": 001, 012, 013 or 019) stays as typed, and evaluateDeposit refuses it.
   */
  bank: z.string().trim().min(1, { message: 'Indique el banco del cheque' }).max(60).transform((bank) => resolveBank(bank)?.code ?? bank),
  number: z.string().regex(/^\d{1,12}$/, { message: 'El número del cheque debe tener solo dígitos' }),
  drawerAccount: z.string().regex(/^\d{4,20}$/, { message: 'La cuenta del girador debe tener entre 4 y 20 dígitos' }),
  amount: AmountFieldSchema.refine((v) => v > 0, { message: 'El valor del cheque debe ser mayor que cero' }),
  /**
   * Plaza where the cheque is payable, as the DANE code of a listed plaza (domain/cheque/plazas): the office's
   * plaza → canje, another → remesa al cobro. Anything else is refused by evaluateDeposit with the nearest plazas,
   * never taken for another city.
   */
  city: z
    .string()
    .trim()
    .min(1, { message: 'Indique la ciudad (plaza) del cheque' })
    .max(60)
    // A plaza named exactly (its code, name or a known alias) is that plaza's code; a misspelt one stays as typed.
    .transform((city) => resolvePlaza(city)?.code ?? city),
});
export type ChequeLine = z.infer<typeof ChequeLineSchema>;

export const DepositSlipSchema = z.object({
  accountNumber: z.string().regex(/^\d{6,20}$/, { message: 'El número de cuenta debe tener entre 6 y 20 dígitos' }),
  /** Seed 003 cl. 3.1: cheques are received only at offices. */
  channel: z.enum(['oficina', 'corresponsal']).default('oficina'),
  /** Who physically deposits. The name is required when the person is not on the account (cl. 3.1, 3.7). */
  depositor: z.object({ id: PersonIdSchema, name: z.string().trim().max(120).transform(normalizePersonName).optional() }),
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

/** Cities compare without accents, case, punctuation, district designation or former names (domain/cheque). */
export { normalizeCity };

export const sameCity = (a: string, b: string): boolean => normalizeCity(a) === normalizeCity(b);

/** A field of a cheque row the teller must correct, named as the row's inputs are (`chq-<field>-<row index>`). */
export interface ChequeRowProblem {
  /** 0-based row index. */
  row: number;
  field: keyof ChequeLine;
  message: string;
}

/**
 * Each cheque row checked alone, its problems named by the row ("Cheque de la fila 2: …") in the order of the row's
 * fields, and one closing line per row saying how to drop it (Ctrl+Supr): a half-typed row is often one the
 * customer took back. QA: "La cuenta del girador debe tener entre 4 y 20 dígitos" came without its row, while the
 * plaza's error named it.
 */
export const chequeRowProblems = (rows: readonly unknown[]): ChequeRowProblem[] => {
  const order = Object.keys(ChequeLineSchema.shape) as (keyof ChequeLine)[];
  return rows.flatMap((row, i) => {
    const parsed = ChequeLineSchema.safeParse(row);
    const byField = new Map<keyof ChequeLine, string>();
    if (parsed.success) {
      // The same refusals as evaluateDeposit's, so the row's problems come all at once.
      if (!resolveBank(parsed.data.bank)) byField.set('bank', unknownBankMessage(parsed.data.bank, i + 1));
      if (!findPlaza(parsed.data.city)) byField.set('city', `Cheque de la fila ${i + 1}: ${unknownPlazaMessage(parsed.data.city)}`);
    } else {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as keyof ChequeLine;
        if (!byField.has(field)) byField.set(field, `Cheque de la fila ${i + 1}: ${lowerFirst(issue.message)}.`);
      }
    }
    const named = order.filter((f) => byField.has(f)).map((field) => ({ row: i, field, message: byField.get(field) ?? '' }));
    const last = named[named.length - 1];
    return last ? [...named, { ...last, message: `Complete el cheque de la fila ${i + 1} o quítelo con Ctrl+Supr.` }] : [];
  });
};

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
