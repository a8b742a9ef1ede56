import { z } from 'zod';
import { maskCellphone, parseCellphone, type Cellphone } from './cellphone';

/**
 * The customer's contact data that the counter may update (seed 000's verification, applied to more than the
 * cellphone): cellphone, e-mail and postal address. Each has a canonical form so the value the customer states
 * can be compared with the registered one, and a mask so the teller never sees the registered value in full.
 */
export const CONTACT_FIELDS = ['cellphone', 'email', 'address'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
export const ContactFieldSchema = z.enum(CONTACT_FIELDS);

export type Email = string & { readonly __brand: 'Email' };
export type PostalAddress = string & { readonly __brand: 'PostalAddress' };
export type ContactValue = Cellphone | Email | PostalAddress;

export type ContactErrorCode = 'CELLPHONE_EMPTY' | 'CELLPHONE_FORMAT' | 'EMAIL_EMPTY' | 'EMAIL_FORMAT' | 'ADDRESS_EMPTY' | 'ADDRESS_FORMAT';
export type ContactResult<T> = { ok: true; value: T } | { ok: false; error: { code: ContactErrorCode; message: string } };

// Deliberately plain: one @, a dotted domain, no spaces. Mail servers decide the rest.
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** Trimmed and lower-cased: `Maria.Gomez@Correo.COM ` and `maria.gomez@correo.com` are the same address. */
export const parseEmail = (raw: string): ContactResult<Email> => {
  const v = raw.trim().toLowerCase();
  if (v === '') return { ok: false, error: { code: 'EMAIL_EMPTY', message: 'Digite el correo electrónico.' } };
  if (v.length > 254 || !EMAIL.test(v)) {
    return { ok: false, error: { code: 'EMAIL_FORMAT', message: 'El correo electrónico no es válido (ejemplo: nombre@dominio.com). Verifíquelo con el cliente.' } };
  }
  return { ok: true, value: v as Email };
};

/**
 * Upper case, without accents, `#`, `No.` or punctuation, single spaces: `Cra. 7 # 45-10 apto 301` and
 * `CRA 7 45 10 APTO 301` are the same address. Colombian addresses always carry a number.
 */
export const parseAddress = (raw: string): ContactResult<PostalAddress> => {
  const v = raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/\bNO\./g, ' ')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
  if (v === '') return { ok: false, error: { code: 'ADDRESS_EMPTY', message: 'Digite la dirección.' } };
  if (v.length < 5 || v.length > 120 || !/\d/.test(v)) {
    return { ok: false, error: { code: 'ADDRESS_FORMAT', message: 'La dirección debe tener entre 5 y 120 caracteres e incluir la nomenclatura (ejemplo: Calle 12 # 34-56).' } };
  }
  return { ok: true, value: v as PostalAddress };
};

export const parseContactValue = (field: ContactField, raw: string): ContactResult<ContactValue> =>
  field === 'cellphone' ? parseCellphone(raw) : field === 'email' ? parseEmail(raw) : parseAddress(raw);

/** `m***@correo.com`: the first character of the mailbox and the domain. */
export const maskEmail = (email: Email): string => {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, 1)}***${email.slice(at)}`;
};

/** `CALLE ***`: the street type only, so a supervisor walking by learns nothing. */
export const maskAddress = (address: PostalAddress): string => `${address.split(' ')[0] ?? ''} ***`;

export const maskContactValue = (field: ContactField, value: ContactValue): string =>
  field === 'cellphone' ? maskCellphone(value as Cellphone) : field === 'email' ? maskEmail(value as Email) : maskAddress(value as PostalAddress);

/** The registered value as stored, in canonical form, or null when it is missing or unreadable. */
export const canonicalContact = (field: ContactField, stored: string | null | undefined): ContactValue | null => {
  if (stored === null || stored === undefined) return null;
  const r = parseContactValue(field, stored);
  return r.ok ? r.value : null;
};

/** Spanish names for messages: "el correo electrónico", "la dirección". */
export const CONTACT_FIELD_NAMES: Record<ContactField, { noun: string; the: string }> = {
  cellphone: { noun: 'celular', the: 'el celular' },
  email: { noun: 'correo electrónico', the: 'el correo electrónico' },
  address: { noun: 'dirección', the: 'la dirección' },
};

/** Boundary schemas: typed text → canonical value. */
export const EmailSchema = z.string().transform((raw, ctx): Email => {
  const r = parseEmail(raw);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.error.message, params: { code: r.error.code } });
    return z.NEVER;
  }
  return r.value;
});
export const PostalAddressSchema = z.string().transform((raw, ctx): PostalAddress => {
  const r = parseAddress(raw);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.error.message, params: { code: r.error.code } });
    return z.NEVER;
  }
  return r.value;
});
