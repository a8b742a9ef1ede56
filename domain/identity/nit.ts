/**
 * NIT check digit (dígito de verificación, DV) as DIAN computes it (Orden Administrativa 4/1989;
 * domain-co.md §6). Weights apply from the rightmost digit of the base leftwards.
 *
 * Known limit of the official algorithm: remainders 1 and 10 both give DV 1, so a single-digit change that moves
 * the remainder between those two values is not detected. Every other single-digit change is (all weights are
 * non-zero mod 11 and 11 is prime). Tests pin both facts.
 */
export const NIT_WEIGHTS = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71] as const;

export const NIT_BASE_MIN_DIGITS = 5;
export const NIT_BASE_MAX_DIGITS = NIT_WEIGHTS.length;

/** `s mod 11` for a base of digits only; callers guarantee the charset and length. */
export const nitRemainder = (base: string): number => {
  let sum = 0;
  for (let i = 0; i < base.length; i++) {
    const digit = base.charCodeAt(base.length - 1 - i) - 48;
    sum += digit * (NIT_WEIGHTS[i] ?? 0);
  }
  return sum % 11;
};

/**
 * DV for a NIT base (digits only, at most 15). Returns null for anything else so a caller can never get a DV
 * for a malformed base.
 */
export const nitCheckDigit = (base: string): number | null => {
  if (!/^\d+$/.test(base) || base.length > NIT_BASE_MAX_DIGITS) return null;
  const r = nitRemainder(base);
  return r === 0 || r === 1 ? r : 11 - r;
};

export interface NitParts {
  readonly base: string;
  readonly dv: number;
}

/**
 * Splits what a teller types into base and DV. Accepted forms: `900.123.456-8`, `900123456-8`, `9001234568`
 * (without a hyphen the last digit is the DV, as DIAN prints it on the RUT). Dots, commas and spaces are ignored.
 * Returns null when the shape is wrong; the DV is not checked here.
 */
export const splitNit = (raw: string): NitParts | null => {
  const cleaned = raw.replace(/[.,\s]/g, '');
  const hyphen = /^(\d+)-(\d)$/.exec(cleaned);
  const plain = hyphen ? null : /^(\d+)(\d)$/.exec(cleaned);
  const m = hyphen ?? plain;
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  return { base: m[1], dv: Number(m[2]) };
};

/** `900.123.456-8`: the form printed on the RUT and on receipts. */
export const formatNit = (parts: NitParts): string =>
  `${parts.base.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}-${parts.dv}`;
