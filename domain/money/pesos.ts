import { z } from 'zod';

/**
 * Money is integer pesos in a JS number. Colombian pesos have no minor unit in circulation and any amount a
 * branch handles is far below 2^53, so a safe integer is exact; a float never exists because every boundary
 * (zod, the store, parsing of typed text) refuses non-integers.
 */
export type Pesos = number;

export const PesosSchema = z
  .number({ message: 'El valor debe ser un número de pesos' })
  .int({ message: 'El valor debe ser un número entero de pesos, sin centavos' })
  .nonnegative({ message: 'El valor no puede ser negativo' })
  .max(Number.MAX_SAFE_INTEGER, { message: 'El valor es demasiado grande' });

/**
 * The largest amount one field of a comprobante takes (a cheque, the cash, a slip's total): 12 digits, under
 * $ 1 billón. No legal cap exists (domain-co §2), but the branch's whole vault is far below it, so anything longer
 * is a typing or scanning mistake (a digit too many, two amounts run together), never an amount to evaluate.
 */
export const MAX_AMOUNT_FIELD: Pesos = 999_999_999_999;
export const AMOUNT_FIELD_TOO_LARGE = 'El valor tiene más de 12 dígitos (máximo $ 999.999.999.999): revise el valor; sobra algún dígito.';
export const AmountFieldSchema = z
  .number({ message: 'El valor debe ser un número de pesos' })
  .int({ message: 'El valor debe ser un número entero de pesos, sin centavos' })
  .nonnegative({ message: 'El valor no puede ser negativo' })
  .max(MAX_AMOUNT_FIELD, { message: AMOUNT_FIELD_TOO_LARGE });

export const PositivePesosSchema = PesosSchema.refine((v) => v > 0, { message: 'El valor debe ser mayor que cero' });

const formatter = new Intl.NumberFormat('es-CO', { maximumFractionDigits: 0, useGrouping: true });

/** `$ 1.234.567` — the form tellers read on screens and receipts. */
export const formatPesos = (value: Pesos): string => {
  const grouped = formatter.format(Math.abs(value));
  return value < 0 ? `-$ ${grouped}` : `$ ${grouped}`;
};

/** Digits only, with es-CO thousands separators (`1.234.567`), for inputs that show the number while typed. */
export const groupDigits = (value: Pesos): string => formatter.format(value);

/**
 * Parses what a teller types: digits with optional `.` thousands separators, an optional leading `$` and spaces
 * around. Decimal commas are refused rather than rounded: a peso amount with cents is a typing mistake; so are a
 * `$` or a space inside the number (`1$2`, `1 2 3`) and a grouped amount with a leading zero (`0.001`).
 */
export const parsePesos = (text: string): Pesos | null => {
  const m = /^\$?\s*(\d{1,3}(?:\.\d{3})+|\d+)$/.exec(text.trim());
  const digits = m?.[1];
  if (digits === undefined || /^0\./.test(digits)) return null;
  const value = Number(digits.replace(/\./g, ''));
  return Number.isSafeInteger(value) ? value : null;
};

/** Sums integer pesos, refusing a non-integer or leaving the safe-integer range rather than losing precision. */
export const sumPesos = (values: readonly Pesos[]): Pesos => {
  let total = 0;
  for (const v of values) {
    if (!Number.isSafeInteger(v)) throw new RangeError('Valor de pesos no entero o fuera de rango');
    total += v;
    if (!Number.isSafeInteger(total)) throw new RangeError('Suma de pesos fuera de rango');
  }
  return total;
};
