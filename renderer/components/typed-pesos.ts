import { AMOUNT_FIELD_TOO_LARGE, MAX_AMOUNT_FIELD } from '../../domain/money/pesos';

/**
 * What the teller typed in an amount field. Pesos have no centavos, but amounts are written on paper as
 * `$ 100.000,00`: digits after a comma must not join the pesos (that read 100 times the amount). Zero centavos
 * mean the whole part; any other centavos make the field invalid until they are deleted.
 */
export interface TypedPesos {
  /** The digits before any comma, without leading zeros; '' when none. */
  whole: string;
  /** What follows a typed comma (at most two digits), or null without a comma. */
  centavos: string | null;
}

/** `1,000,000` or `1,000,000.00`, pasted from a system that writes amounts the US way: commas group thousands. */
const US_GROUPED = /^[^\d,.]*\d{1,3}(?:,\d{3})+(?:\.(\d*))?[^\d,.]*$/;

export const readTypedPesos = (text: string): TypedPesos => {
  const us = US_GROUPED.exec(text);
  // Three digits after a comma are never centavos; read "1,000,000" as one million, not one peso.
  if (us) return { whole: text.slice(0, us[1] === undefined ? undefined : text.lastIndexOf('.')).replace(/\D/g, '').replace(/^0+(?=\d)/, ''), centavos: us[1] ?? null };
  const comma = text.indexOf(',');
  const whole = (comma < 0 ? text : text.slice(0, comma)).replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  // Every digit after the comma is kept, so "100000,005" is refused for its centavos instead of read as ",00".
  const centavos = comma < 0 ? null : text.slice(comma + 1).replace(/\D/g, '').slice(0, 4);
  return { whole, centavos };
};

/** More digits than any amount field takes (MAX_AMOUNT_FIELD): a mistake to show, never an amount. */
export const isTooLarge = (t: TypedPesos, max: number = MAX_AMOUNT_FIELD): boolean => t.whole !== '' && Number(t.whole) > max;

/** The amount in pesos, or null while it is empty, too large or carries centavos other than zero. */
export const pesosOf = (t: TypedPesos, max: number = MAX_AMOUNT_FIELD): number | null =>
  t.whole === '' || (t.centavos !== null && /[1-9]/.test(t.centavos)) || isTooLarge(t, max) ? null : Number(t.whole);

/** Digits kept on screen past the maximum, so the teller sees what was typed; beyond them keys are ignored. */
export const MAX_TYPED_DIGITS = 15;

export const CENTAVOS_MESSAGE = 'Los pesos no llevan centavos: borre la coma y los decimales.';
export { AMOUNT_FIELD_TOO_LARGE };
