import { DENOMINATIONS, countOf, type DenominationCount } from '../money/denominations';

/** Cash received between till and vault is counted blind (teller-anchors §4): bill by bill, not only the total. */
export const sameCount = (sent: DenominationCount, counted: DenominationCount): boolean => DENOMINATIONS.every((d) => countOf(sent, d) === countOf(counted, d));

/**
 * What the receiver hears when the counts differ: nothing of what was sent, nor whether the total alone matched
 * (their own total "matching" read as a contradiction, and would tell them what to type).
 */
export const COUNT_DIFFERS_MESSAGE =
  'Su conteo no coincide con lo enviado: cuente de nuevo cada denominación. Si la diferencia se confirma, rechace el traslado con el motivo.';
