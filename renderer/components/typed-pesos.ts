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

export const readTypedPesos = (text: string): TypedPesos => {
  const comma = text.indexOf(',');
  const whole = (comma < 0 ? text : text.slice(0, comma)).replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  const centavos = comma < 0 ? null : text.slice(comma + 1).replace(/\D/g, '').slice(0, 2);
  return { whole, centavos };
};

/** The amount in pesos, or null while it is empty or carries centavos other than zero. */
export const pesosOf = (t: TypedPesos): number | null => (t.whole === '' || (t.centavos !== null && /[1-9]/.test(t.centavos)) ? null : Number(t.whole));

export const CENTAVOS_MESSAGE = 'Los pesos no llevan centavos: borre la coma y los decimales.';
