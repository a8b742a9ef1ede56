import { AMOUNT_FIELD_TOO_LARGE, MAX_AMOUNT_FIELD } from '../../domain/money/pesos';

/**
 * What the teller typed or pasted in an amount field. Pesos are whole numbers, but amounts arrive written on paper
 * (`$ 100.000,00`), exported the US way (`1,000,000.00`) or by a spreadsheet (`15000.00`). Reading one of them as
 * another moves 100 or 1.000 times the money, so the rules only read what has one meaning and refuse the rest,
 * with the text left in the field as it was:
 * - digits, optionally after `$`, grouped by `.`, `,` or spaces in threes (`1.234.567`, `1,234,567`, `1 234 567`);
 *   one separator followed by exactly three digits after at most three is a thousands group (`1.000`, `250,000`);
 * - a decimal part after the other separator (`1.234.567,00`, `1,234,567.00`) or, without grouping, after a
 *   single `.` or `,` with one or two digits (`15000.00`, `15000,0`): zeros are the whole pesos, other centavos are
 *   refused (CENTAVOS_MESSAGE), never joined to the pesos;
 * - refused: a sign (`-50000`), letters or an exponent (`1e6`), groups that are not of three (`12,34,567`), and a
 *   lone separator followed by three or more digits after four or more (`15000.000`: thousands or decimals?), and
 *   three or more digits after grouped pesos and the other separator (`1.000,000`, `1,000.000`: the same doubt).
 * While typing, "1.2" or "15.000.0" are on their way to `1.234` or `15.000.000`: they are no amount, and say
 * why only once the teller stops (`unfinished`).
 */
export interface TypedPesos {
  /** The pesos read, without leading zeros; '' when none. */
  whole: string;
  /** What follows the decimal separator, or null without one. */
  centavos: string | null;
  /** Why the text is no amount, or null. */
  problem: string | null;
  /** More digits typed at the end may still make it an amount: the field says the problem only once asked. */
  unfinished: boolean;
  /**
   * How the field shows it: `digits` typed bare (grouped on screen by the field), `grouped` in threes by the
   * teller (shown as `1.234.567`), `decimal-comma` (shown `1.234.567,00`), `as-typed` (left as it is).
   */
  form: 'digits' | 'grouped' | 'decimal-comma' | 'as-typed';
}

export const CENTAVOS_MESSAGE = 'Los pesos no llevan centavos: borre los decimales (lo que sigue a la coma o al punto).';
export const SIGN_MESSAGE = 'El valor no lleva signo: escriba solo los pesos, sin "-" ni "+".';
export const NOT_DIGITS_MESSAGE = 'El valor solo lleva dígitos (y puntos de miles): borre las letras y los símbolos.';
export const GROUPING_MESSAGE = 'Los miles van de a tres dígitos (1.234.567): revise los puntos o las comas.';
export const MILES_OR_DECIMALS_MESSAGE = 'No se sabe si lo que sigue al punto o la coma son miles o decimales: escriba los pesos sin decimales (15.000.000 o 15000000).';

const noLeadingZeros = (digits: string): string => digits.replace(/^0+(?=\d)/, '');
const amount = (whole: string, centavos: string | null, form: TypedPesos['form']): TypedPesos =>
  centavos !== null && /[1-9]/.test(centavos)
    ? { whole: noLeadingZeros(whole), centavos, problem: CENTAVOS_MESSAGE, unfinished: false, form }
    : { whole: noLeadingZeros(whole), centavos, problem: null, unfinished: false, form };
const refused = (problem: string, unfinished = false): TypedPesos => ({ whole: '', centavos: null, problem, unfinished, form: 'as-typed' });
/** Three digits after each separator, at most three (and no leading zero, as in `0.500`) before the first. */
const inThrees = (runs: readonly string[]): boolean => {
  const [first = '', ...rest] = runs;
  return first.length <= 3 && !(first.startsWith('0') && rest.length > 0) && rest.every((r) => r.length === 3);
};

/** The digits and separators after `$`: the runs of digits and the single separator between each two. */
const readBody = (body: string): TypedPesos => {
  if (body === '') return { whole: '', centavos: null, problem: null, unfinished: false, form: 'digits' };
  const runs = body.split(/[., ]/);
  const seps = body.replace(/\d/g, '').split('');
  if (runs.some((r, i) => r === '' && i < runs.length - 1)) return refused(GROUPING_MESSAGE);
  // "15000." or "1.234,": the separator was just typed; what is before it is what is written so far.
  if (runs[runs.length - 1] === '') {
    const before = readBody(body.slice(0, -1));
    // A comma after pesos grouped by dots (or none) is where es-CO centavos start; after "1,234" it groups.
    const decimalComma = seps[seps.length - 1] === ',' && before.form !== 'as-typed' && !seps.slice(0, -1).includes(',');
    return before.problem ? { ...before, unfinished: false } : decimalComma ? { ...before, centavos: '', form: 'decimal-comma' } : { ...before, form: 'as-typed' };
  }
  if (seps.length === 0) return amount(body, null, 'digits');
  const last = seps[seps.length - 1] ?? '';
  const lastRun = runs[runs.length - 1] ?? '';
  const group = seps[0] ?? '';
  const sameSeparator = seps.every((s) => s === group);
  if (sameSeparator && inThrees(runs)) return amount(runs.join(''), null, 'grouped');
  const wholeRuns = runs.slice(0, -1);
  const groupSeps = seps.slice(0, -1);
  if (last !== ' ' && groupSeps.every((s) => s === groupSeps[0] && s !== last) && (wholeRuns.length === 1 || inThrees(wholeRuns))) {
    const whole = wholeRuns.join('');
    const ungrouped = wholeRuns.length === 1;
    const form = last === ',' || !ungrouped ? 'decimal-comma' : 'as-typed';
    if (ungrouped && lastRun.length > 2) {
      if (whole.length <= 3) return refused(GROUPING_MESSAGE);
      return /[1-9]/.test(lastRun) ? amount(whole, lastRun, form) : refused(MILES_OR_DECIMALS_MESSAGE);
    }
    // "1.000,000" or "1,000.000" (QA s36 F1): three digits after the other separator group thousands as often as they
    // are decimals — read as decimals it was 1.000 pesos for a million. Centavos are never more than two digits.
    if (!ungrouped && lastRun.length > 2) return refused(MILES_OR_DECIMALS_MESSAGE);
    const read = amount(whole, lastRun, form);
    // "12.34" may be "12.345" being typed: refused, but said only when the teller stops there.
    return read.problem && ungrouped && whole.length <= 3 ? { ...read, unfinished: true } : read;
  }
  // "15.000.0" on its way to "15.000.000".
  if (sameSeparator && lastRun.length < 3 && inThrees([...wholeRuns, lastRun.padEnd(3, '0')])) return refused(GROUPING_MESSAGE, true);
  return refused(GROUPING_MESSAGE);
};

export const readTypedPesos = (typed: string): TypedPesos => {
  // NFKC turns fullwidth digits into digits and no-break spaces (es-CO grouping in some exports) into spaces.
  const text = typed.normalize('NFKC').trim();
  if (text === '') return { whole: '', centavos: null, problem: null, unfinished: false, form: 'digits' };
  if (/[-+\u2212]/.test(text)) return refused(SIGN_MESSAGE);
  const body = text.replace(/^\$\s*/, '').replace(/\s+/g, ' ');
  if (/[^\d., ]/.test(body)) return refused(NOT_DIGITS_MESSAGE);
  const read = readBody(body);
  // "$ 150000": bare digits, but not what the field shows when it groups them.
  return read.form === 'digits' && body !== text ? { ...read, form: 'grouped' } : read;
};

/** More digits than any amount field takes (MAX_AMOUNT_FIELD): a mistake to show, never an amount. */
export const isTooLarge = (t: TypedPesos, max: number = MAX_AMOUNT_FIELD): boolean => t.problem === null && t.whole !== '' && Number(t.whole) > max;

/** The amount in pesos, or null while it is empty, too large or refused. */
export const pesosOf = (t: TypedPesos, max: number = MAX_AMOUNT_FIELD): number | null =>
  t.whole === '' || t.problem !== null || isTooLarge(t, max) ? null : Number(t.whole);

/** Digits kept on screen past the maximum, so the teller sees what was typed; beyond them keys are ignored. */
export const MAX_TYPED_DIGITS = 15;

/** `1234567` as `1.234.567`, from the digits themselves (exact past 2^53, where a number is not). */
export const groupWhole = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

export { AMOUNT_FIELD_TOO_LARGE };
