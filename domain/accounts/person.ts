import { z } from 'zod';
import { DocumentSchema, maskDocument, type IdentityDocument } from '../identity/document';

/**
 * Identity of a holder, authorized person, legal representative or depositor on the Comprobante Único. The
 * document itself (types, formats, NIT check digit) is domain/identity's; this adds the name the slip carries.
 */
export const PersonIdSchema = DocumentSchema;
export type PersonId = IdentityDocument;

export const PersonSchema = z.object({
  id: PersonIdSchema,
  name: z.string().trim().min(1, { message: 'Escriba el nombre completo' }).max(120),
});
export type Person = z.output<typeof PersonSchema>;

/**
 * A name typed at the counter, written as the bank writes every name it prints (the account's holders, a cheque
 * de gerencia's beneficiary): single spaces, capitals. Done where the core parses the request, so the receipt,
 * the journal and the UIAF rows carry the same name, whatever the screen sent.
 */
export const normalizePersonName = (typed: string): string => typed.trim().replace(/\s+/g, ' ').toLocaleUpperCase('es-CO');

/** Documents are canonical after parsing (domain/identity), so equality of type and number is identity. */
export const samePerson = (a: PersonId, b: PersonId): boolean => a.type === b.type && a.number === b.number;

/** The people's names as the teller reads them in a message: "ANA PÉREZ, LUIS GÓMEZ". */
export const namesOf = (people: readonly { name: string }[]): string => people.map((p) => p.name).join(', ');

export const includesPerson = (list: readonly { id: PersonId }[], id: PersonId): boolean => list.some((p) => samePerson(p.id, id));

/**
 * Who is at the counter, as a supervisor reads it before deciding: each person's name as the account knows them
 * (holder, authorized person or legal representative) and the masked document.
 */
export const presentersLine = (known: readonly { id: PersonId; name: string }[], presenters: readonly PersonId[]): string =>
  presenters.map((id) => `${nameOn(known, id)} (${maskDocument(id)})`).join(', ');

/** A person's name as the account knows them, or that the account does not. */
export const nameOn = (known: readonly { id: PersonId; name: string }[], id: PersonId): string =>
  known.find((p) => samePerson(p.id, id))?.name ?? 'Persona no registrada en la cuenta';
