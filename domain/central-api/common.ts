import { z } from 'zod';
import { maskCellphone as maskIdentityCellphone, type Cellphone } from '../identity/cellphone';
import { DOCUMENT_TYPES } from '../identity/document';

/**
 * Shared pieces of the central services API. Both ends validate with these schemas: central on every request
 * it receives, the branch on every response it reads.
 */

export const BranchIdSchema = z.string().regex(/^\d{3}$/, 'Código de oficina inválido (tres dígitos)');
/** `001-03` = branch 001, workstation 03. */
export const WorkstationIdSchema = z.string().regex(/^\d{3}-\d{2}$/, 'Estación inválida (formato 001-03)');
export const AccountNumberSchema = z.string().regex(/^\d{6,16}$/, 'Número de cuenta inválido');
export const IsoDateTimeSchema = z.iso.datetime({ offset: true, message: 'Fecha y hora ISO inválida' });
export const KeySchema = z.uuid({ message: 'Clave de idempotencia inválida' });
/** Hex SHA-256 of the canonical JSON of what a key was bound to. */
export const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'Hash SHA-256 inválido');

export const DocumentTypeSchema = z.enum(DOCUMENT_TYPES);
export type DocumentType = z.infer<typeof DocumentTypeSchema>;
/** Canonical form of domain/identity: digits (PA: upper-case alphanumerics), NIT as `base-dv`. */
export const DocumentNumberSchema = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]{3,20}(-\d)?$/, 'Número de documento inválido');

/** Colombian mobile numbers: 10 digits starting with 3. */
export const CellphoneSchema = z.string().regex(/^3\d{9}$/, 'Celular inválido (10 dígitos, empieza por 3)');

/** Canonical e-mail (domain/identity/contact.ts: trimmed, lower case). */
export const EmailSchema = z.string().max(254).regex(/^[^\sA-Z@]+@[^\s@.A-Z]+(?:\.[^\s@.A-Z]+)+$/, 'Correo electrónico inválido');
/** Canonical postal address (domain/identity/contact.ts: upper case, no accents or punctuation, single spaces). */
export const PostalAddressSchema = z.string().min(5).max(120).regex(/^[A-Z0-9]+(?: [A-Z0-9]+)*$/, 'Dirección inválida').regex(/\d/, 'La dirección debe llevar nomenclatura');

/** Every non-2xx answer carries this body: a typed code and a Spanish message for the teller. */
export const CentralErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type CentralError = z.infer<typeof CentralErrorSchema>;

/** Errors any route may return besides its own. */
export const CENTRAL_COMMON_ERRORS = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_REQUEST',
  'NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const;
export type CentralCommonError = (typeof CENTRAL_COMMON_ERRORS)[number];

/**
 * `*******567`: what a teller may see of a registered cellphone. The workstation's own mask (domain/identity), so
 * the customer panel, the constancia and the radicaciones list show the same digits (QA: they did not).
 */
export const maskCellphone = (phone: string): string => maskIdentityCellphone(phone as Cellphone);
