import { z } from 'zod';
import { IsoDateTimeSchema, KeySchema } from './common';
import { OperationPayloads } from './operations';

type ContactPayload = z.infer<typeof OperationPayloads.contact_update>;

/** The one field a contact update changes, or null when it names none or several. */
export const contactUpdateField = (p: Pick<ContactPayload, 'cellphone' | 'email' | 'address'>): 'cellphone' | 'email' | 'address' | null => {
  const named = (['cellphone', 'email', 'address'] as const).filter((f) => p[f] !== undefined);
  return named.length === 1 ? (named[0] ?? null) : null;
};

/**
 * Whether the validation fits the field: `previous_cellphone` only for the cellphone, `previous_value` only for the
 * e-mail or the address, each with the previous value it claims; `fingerprint` for any field, with its transaction.
 */
export const contactUpdateProblem = (p: ContactPayload): string | null => {
  const field = contactUpdateField(p);
  if (field === null) return 'La actualización debe cambiar exactamente un dato: celular, correo electrónico o dirección.';
  if (p.validatedBy === 'previous_cellphone' && (field !== 'cellphone' || p.previousCellphone === undefined)) {
    return 'La validación por celular anterior solo aplica al celular y requiere el número anterior.';
  }
  if (p.validatedBy === 'previous_value' && (field === 'cellphone' || p.previousValue === undefined)) {
    return 'La validación por dato anterior aplica al correo o la dirección y requiere el valor anterior.';
  }
  if (p.validatedBy === 'fingerprint' && p.fingerprintTransactionId === undefined) return 'Falta la transacción de la validación de huella.';
  return null;
};

/**
 * Contact-data update (cellphone, e-mail or postal address) as its own route; central journals it as a
 * `contact_update` operation of the calling workstation, so it is idempotent on `key` like any batch operation.
 */
export const ContactUpdateRequestSchema = OperationPayloads.contact_update
  .extend({
    key: KeySchema,
    occurredAt: IsoDateTimeSchema,
  })
  .superRefine((p, ctx) => {
    const problem = contactUpdateProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
export type ContactUpdateRequest = z.infer<typeof ContactUpdateRequestSchema>;
