import { isDeclarablePhone } from '../../domain/uiaf/declaration';

export const PHONE_LENGTH_MESSAGE = 'Escriba un teléfono de 7 a 10 dígitos.';
export const PHONE_COUNTRY_MESSAGE = 'Solo se declaran teléfonos de Colombia: escriba el número sin indicativo, o con +57.';
export const PHONE_PREFIX_MESSAGE = 'Ese número lleva el indicativo de Colombia: escríbalo sin el 57, o con +57 delante.';
export const PHONE_SYMBOLS_MESSAGE = 'El teléfono solo lleva dígitos (puede empezar con +57): borre las letras y los símbolos.';

/**
 * The UIAF declaration's phone as the customer dictates or the teller pastes it: "+57 (310) 123-4502" is Colombia's
 * code before a cellphone, declared as its 7 to 10 digits (the core's rule). Spaces, parentheses, dots and hyphens
 * only group the digits. The field used to drop every non-digit, so the +57 became part of the number ("573101234502",
 * refused as too long) and another country's code did too, without saying which was wrong.
 */
export const readDeclarationPhone = (typed: string): { phone: string } | { problem: string } => {
  const text = typed.normalize('NFKC').trim();
  if (/[^\d\s().+-]/.test(text)) return { problem: PHONE_SYMBOLS_MESSAGE };
  const compact = text.replace(/[\s().-]/g, '');
  if (compact.lastIndexOf('+') > 0) return { problem: PHONE_SYMBOLS_MESSAGE };
  if (compact.startsWith('+') && !compact.startsWith('+57')) return { problem: PHONE_COUNTRY_MESSAGE };
  // 00 dials out of Colombia as + does; a 57 without the + is the code pasted from a contact, too long as a number.
  if (compact.startsWith('00')) return { problem: compact.startsWith('0057') ? PHONE_PREFIX_MESSAGE : PHONE_COUNTRY_MESSAGE };
  if (compact.length > 10 && compact.startsWith('57') && isDeclarablePhone(compact.slice(2))) return { problem: PHONE_PREFIX_MESSAGE };
  const phone = compact.startsWith('+57') ? compact.slice(3) : compact;
  return isDeclarablePhone(phone) ? { phone } : { problem: PHONE_LENGTH_MESSAGE };
};
