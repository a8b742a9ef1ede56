import { z } from 'zod';
import { NIT_BASE_MAX_DIGITS, NIT_BASE_MIN_DIGITS, formatNit, nitCheckDigit, splitNit } from './nit';

/** Identity documents accepted at the counter (domain-co.md §6). RC (registro civil) is not a teller document. */
export const DOCUMENT_TYPES = ['CC', 'CE', 'TI', 'PA', 'PPT', 'NIT'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_TYPE_LABELS: Readonly<Record<DocumentType, string>> = {
  CC: 'Cédula de ciudadanía',
  CE: 'Cédula de extranjería',
  TI: 'Tarjeta de identidad',
  PA: 'Pasaporte',
  PPT: 'Permiso por Protección Temporal',
  NIT: 'NIT',
};

/**
 * A validated document in canonical form: digits only (PA: upper-case alphanumerics); NIT as `base-dv`
 * (`900123456-8`), so parsing a canonical document again gives the same document.
 */
export interface IdentityDocument {
  readonly type: DocumentType;
  readonly number: string;
}

export type DocumentErrorCode =
  | 'DOCUMENT_TYPE_UNKNOWN'
  | 'DOCUMENT_EMPTY'
  | 'DOCUMENT_FORMAT'
  | 'NIT_CHECK_DIGIT';

export interface DocumentError {
  readonly code: DocumentErrorCode;
  readonly message: string;
}

export type DocumentResult = { ok: true; value: IdentityDocument } | { ok: false; error: DocumentError };

/**
 * Per-type shape after normalisation. Lengths are the ranges in domain-co.md §6 (several are marked [U] there:
 * confirm with the bank before tightening). CC never starts with 0; CE, TI and PPT are only known to be numeric.
 */
const RULES: Readonly<Record<Exclude<DocumentType, 'NIT'>, { pattern: RegExp; hint: string }>> = {
  CC: { pattern: /^[1-9]\d{2,9}$/, hint: 'entre 3 y 10 dígitos, sin iniciar en 0' },
  CE: { pattern: /^\d{3,10}$/, hint: 'entre 3 y 10 dígitos' },
  TI: { pattern: /^\d{10,11}$/, hint: '10 u 11 dígitos' },
  PA: { pattern: /^[A-Z0-9]{5,20}$/, hint: 'entre 5 y 20 letras o dígitos' },
  PPT: { pattern: /^\d{6,8}$/, hint: 'entre 6 y 8 dígitos' },
};

const fail = (code: DocumentErrorCode, message: string): DocumentResult => ({ ok: false, error: { code, message } });

export const isDocumentType = (value: string): value is DocumentType =>
  (DOCUMENT_TYPES as readonly string[]).includes(value);

/**
 * What the teller typed, without the separators people write (dots, commas, spaces; hyphens except the NIT's
 * DV hyphen). PA is upper-cased; the others keep only what they had, so letters in a CC still fail validation.
 */
export const normalizeDocumentNumber = (type: DocumentType, raw: string): string => {
  const trimmed = raw.trim();
  if (type === 'NIT') return trimmed.replace(/[.,\s]/g, '');
  if (type === 'PA') return trimmed.replace(/[\s.-]/g, '').toUpperCase();
  return trimmed.replace(/[.,\s-]/g, '');
};

const validateNit = (raw: string): DocumentResult => {
  const parts = splitNit(raw);
  if (!parts || parts.base.length < NIT_BASE_MIN_DIGITS || parts.base.length > NIT_BASE_MAX_DIGITS || /^0+$/.test(parts.base)) {
    return fail(
      'DOCUMENT_FORMAT',
      `El NIT debe tener entre ${NIT_BASE_MIN_DIGITS} y ${NIT_BASE_MAX_DIGITS} dígitos más el dígito de verificación, p. ej. 900.123.456-8. Revise el número con el RUT del cliente.`,
    );
  }
  const expected = nitCheckDigit(parts.base);
  if (expected !== parts.dv) {
    return fail(
      'NIT_CHECK_DIGIT',
      `El dígito de verificación ${parts.dv} no corresponde al NIT ${formatNit({ base: parts.base, dv: parts.dv })}. Verifique el número con el RUT del cliente y digítelo de nuevo.`,
    );
  }
  return { ok: true, value: { type: 'NIT', number: `${parts.base}-${parts.dv}` } };
};

/** Validates and normalises a document number for a type already chosen by the teller (domain-co.md §6). */
export const validateDocument = (type: string, raw: string): DocumentResult => {
  if (!isDocumentType(type)) {
    return fail('DOCUMENT_TYPE_UNKNOWN', 'Seleccione el tipo de documento: CC, CE, TI, PA, PPT o NIT.');
  }
  const number = normalizeDocumentNumber(type, raw);
  if (number === '') return fail('DOCUMENT_EMPTY', `Digite el número de ${DOCUMENT_TYPE_LABELS[type]}.`);
  if (type === 'NIT') return validateNit(number);
  const rule = RULES[type];
  if (!rule.pattern.test(number)) {
    return fail(
      'DOCUMENT_FORMAT',
      `El número de ${DOCUMENT_TYPE_LABELS[type]} no es válido: debe tener ${rule.hint}. Verifique el documento físico y digítelo de nuevo.`,
    );
  }
  return { ok: true, value: { type, number } };
};

/**
 * Numbers made of one repeated digit (`1111111`) pass the format but are almost always typing placeholders;
 * the UI asks the teller to confirm instead of refusing ([U] in domain-co.md §6).
 */
export const isSuspiciousDocumentNumber = (doc: IdentityDocument): boolean => {
  const digits = doc.type === 'NIT' ? doc.number.split('-')[0] ?? '' : doc.number;
  return /^(.)\1+$/.test(digits);
};

/** Boundary schema: `{ type, number }` as typed → canonical `IdentityDocument`, Spanish messages on `number`. */
export const DocumentSchema = z
  .object({
    type: z.enum(DOCUMENT_TYPES, { message: 'Seleccione el tipo de documento: CC, CE, TI, PA, PPT o NIT.' }),
    number: z.string({ message: 'Digite el número de documento.' }),
  })
  .transform((input, ctx): IdentityDocument => {
    const result = validateDocument(input.type, input.number);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.error.message, path: ['number'], params: { code: result.error.code } });
      return z.NEVER;
    }
    return result.value;
  });

/** How many trailing characters stay visible: never more than 4, and at least 4 hidden when the number allows. */
const visibleTail = (length: number): number => Math.max(1, Math.min(4, length - 4));

/** `******4050`; for NIT the DV stays visible (`*****3456-8`) because it is derived from the base. */
export const maskDocumentNumber = (doc: IdentityDocument): string => {
  const [body = '', dv] = doc.type === 'NIT' ? doc.number.split('-') : [doc.number];
  const keep = visibleTail(body.length);
  const masked = '*'.repeat(body.length - keep) + body.slice(body.length - keep);
  return dv === undefined ? masked : `${masked}-${dv}`;
};

/** For screens shared with the customer, receipts and logs: `CC ******4050`. */
export const maskDocument = (doc: IdentityDocument): string => `${doc.type} ${maskDocumentNumber(doc)}`;

/** Full display for the teller's own screen: `CC 1.020.304.050`, `NIT 900.123.456-8`, `PA AB123456`. */
export const formatDocument = (doc: IdentityDocument): string => {
  if (doc.type === 'PA') return `PA ${doc.number}`;
  if (doc.type === 'NIT') {
    const [base = '', dv = ''] = doc.number.split('-');
    return `NIT ${formatNit({ base, dv: Number(dv) })}`;
  }
  return `${doc.type} ${doc.number.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
};

export const sameDocument = (a: IdentityDocument, b: IdentityDocument): boolean =>
  a.type === b.type && a.number === b.number;
