import { z } from 'zod';

/**
 * Colombian mobile number in canonical form: 10 digits starting with 3 (`3001234890`), without the +57 prefix.
 * Branded so a raw string cannot be compared with a registered number by mistake.
 */
export type Cellphone = string & { readonly __brand: 'Cellphone' };

export type CellphoneErrorCode = 'CELLPHONE_EMPTY' | 'CELLPHONE_FORMAT';
export interface CellphoneError {
  readonly code: CellphoneErrorCode;
  readonly message: string;
}
export type CellphoneResult = { ok: true; value: Cellphone } | { ok: false; error: CellphoneError };

/**
 * Accepts what people write: spaces, dots, hyphens and parentheses as separators, and the country code as `+57`,
 * `0057` or `57` before the 10 digits. Landlines and numbers not starting with 3 are refused.
 */
export const parseCellphone = (raw: string): CellphoneResult => {
  const cleaned = raw.replace(/[\s.()-]/g, '');
  if (cleaned === '') return { ok: false, error: { code: 'CELLPHONE_EMPTY', message: 'Digite el número celular.' } };
  const m = /^(?:\+57|0057|57)?(3\d{9})$/.exec(cleaned);
  if (!m || m[1] === undefined) {
    return {
      ok: false,
      error: {
        code: 'CELLPHONE_FORMAT',
        message: 'El celular debe tener 10 dígitos y empezar por 3 (puede incluir +57). Verifique el número con el cliente.',
      },
    };
  }
  return { ok: true, value: m[1] as Cellphone };
};

export const isCellphone = (raw: string): raw is Cellphone => /^3\d{9}$/.test(raw);

export const sameCellphone = (a: Cellphone, b: Cellphone): boolean => a === b;

/** `*******890`: only the last 3 digits are ever shown to the teller, on receipts or in logs. */
export const maskCellphone = (phone: Cellphone): string => `${'*'.repeat(phone.length - 3)}${phone.slice(-3)}`;

/** `300 123 4890`, for the teller's own input echo only. */
export const formatCellphone = (phone: Cellphone): string => `${phone.slice(0, 3)} ${phone.slice(3, 6)} ${phone.slice(6)}`;

/** Boundary schema: typed text → canonical `Cellphone`. */
export const CellphoneSchema = z.string({ message: 'Digite el número celular.' }).transform((raw, ctx): Cellphone => {
  const result = parseCellphone(raw);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.error.message, params: { code: result.error.code } });
    return z.NEVER;
  }
  return result.value;
});
