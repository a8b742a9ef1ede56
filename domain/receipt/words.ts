/**
 * Amounts in words for receipts, es-CO banking style: "SON: UN MILLÓN DOSCIENTOS MIL PESOS M/CTE". Where
 * figures and words differ the words prevail (C.Co. art. 623 [U], domain-co §9), so this must be exact.
 *
 * Rules: "UN" before a noun or MIL/MILLÓN (apocope: "VEINTIÚN", "TREINTA Y UN"), "MIL" not "UN MIL", "CIEN"
 * only for exactly 100 ("CIENTO UNO" otherwise), "QUINIENTOS", "SETECIENTOS", "NOVECIENTOS", "UN MILLÓN" /
 * "DOS MILLONES", "MIL MILLONES" for 10^9, "BILLÓN" for 10^12 (long scale), and "DE PESOS" after an exact
 * number of millions ("UN MILLÓN DE PESOS").
 */
const UNITS = ['', 'UN', 'DOS', 'TRES', 'CUATRO', 'CINCO', 'SEIS', 'SIETE', 'OCHO', 'NUEVE'] as const;
const TEENS = ['DIEZ', 'ONCE', 'DOCE', 'TRECE', 'CATORCE', 'QUINCE', 'DIECISÉIS', 'DIECISIETE', 'DIECIOCHO', 'DIECINUEVE'] as const;
const TWENTIES = ['VEINTE', 'VEINTIÚN', 'VEINTIDÓS', 'VEINTITRÉS', 'VEINTICUATRO', 'VEINTICINCO', 'VEINTISÉIS', 'VEINTISIETE', 'VEINTIOCHO', 'VEINTINUEVE'] as const;
const TENS = ['', '', '', 'TREINTA', 'CUARENTA', 'CINCUENTA', 'SESENTA', 'SETENTA', 'OCHENTA', 'NOVENTA'] as const;
const HUNDREDS = ['', 'CIENTO', 'DOSCIENTOS', 'TRESCIENTOS', 'CUATROCIENTOS', 'QUINIENTOS', 'SEISCIENTOS', 'SETECIENTOS', 'OCHOCIENTOS', 'NOVECIENTOS'] as const;

const at = (list: readonly string[], i: number): string => list[i] ?? '';

/** 1..99, apocopated ("UN", "VEINTIÚN") because a noun or a scale word always follows in amounts. */
const tens = (n: number): string => {
  if (n < 10) return at(UNITS, n);
  if (n < 20) return at(TEENS, n - 10);
  if (n < 30) return at(TWENTIES, n - 20);
  const t = Math.floor(n / 10);
  const u = n % 10;
  return u === 0 ? at(TENS, t) : `${at(TENS, t)} Y ${at(UNITS, u)}`;
};

/** 1..999. */
const hundreds = (n: number): string => {
  if (n === 100) return 'CIEN';
  const h = Math.floor(n / 100);
  const rest = n % 100;
  return [at(HUNDREDS, h), rest > 0 ? tens(rest) : ''].filter((s) => s !== '').join(' ');
};

/** 1..999 999: "MIL", not "UN MIL"; "VEINTIÚN MIL". */
const thousands = (n: number): string => {
  const k = Math.floor(n / 1000);
  const rest = n % 1000;
  const head = k === 0 ? '' : k === 1 ? 'MIL' : `${hundreds(k)} MIL`;
  return [head, rest > 0 ? hundreds(rest) : ''].filter((s) => s !== '').join(' ');
};

/** 1..999 999 999 999 (millones, including "MIL MILLONES"). */
const millions = (n: number): string => {
  const m = Math.floor(n / 1_000_000);
  const rest = n % 1_000_000;
  const head = m === 0 ? '' : m === 1 ? 'UN MILLÓN' : `${thousands(m)} MILLONES`;
  return [head, rest > 0 ? thousands(rest) : ''].filter((s) => s !== '').join(' ');
};

/** Any safe integer ≥ 0 in words, as it precedes "PESOS". */
export const numberToWords = (n: number): string => {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('numberToWords: expected a non-negative safe integer');
  if (n === 0) return 'CERO';
  const b = Math.floor(n / 1e12);
  const rest = n % 1e12;
  const head = b === 0 ? '' : b === 1 ? 'UN BILLÓN' : `${thousands(b)} BILLONES`;
  return [head, rest > 0 ? millions(rest) : ''].filter((s) => s !== '').join(' ');
};

/** "SON: … PESOS M/CTE"; "DE PESOS" after an exact number of millions; "UN PESO" for one. */
export const amountInWords = (pesos: number): string => {
  const words = numberToWords(pesos);
  const unit = pesos === 1 ? 'PESO' : 'PESOS';
  const de = pesos >= 1_000_000 && pesos % 1_000_000 === 0 ? 'DE ' : '';
  return `SON: ${words} ${de}${unit} M/CTE`;
};
