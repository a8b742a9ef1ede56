import { z } from 'zod';

/**
 * Parser for the PDF417 barcode on the back of the Colombian cédula de ciudadanía (yellow "hologram" card, 2000–
 * 2020) and the tarjeta de identidad. The payload is ~531 bytes of latin-1 with NUL padding; fields sit at fixed
 * offsets. Offsets come from public decoders (e.g. cafsoft ColombianIDInfo, Eitol colombian-cedula-reader); the
 * Registraduría does not publish the layout, so verify against real cards in the pilot [K]. The new digital cédula
 * carries a QR/MRZ instead and is out of scope here.
 */
export const CedulaDataSchema = z.object({
  documentType: z.enum(['CC', 'TI']),
  /** Without leading zeros, as typed by tellers. */
  documentNumber: z.string().regex(/^\d{1,10}$/),
  firstSurname: z.string(),
  secondSurname: z.string(),
  /** First name and other names joined by one space. */
  names: z.string(),
  sex: z.enum(['M', 'F']),
  /** YYYY-MM-DD */
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  bloodType: z.string().regex(/^(A|B|AB|O)[+-]$/),
  /** Municipality/department code of birth as printed (pre-2011 DIVIPOLA); informative only. */
  birthplaceCode: z.string(),
});
export type CedulaData = z.infer<typeof CedulaDataSchema>;

export type CedulaParseErrorCode = 'CEDULA_TOO_SHORT' | 'CEDULA_UNKNOWN_TYPE' | 'CEDULA_BAD_FIELD';
export type CedulaParseResult =
  | { ok: true; value: CedulaData }
  | { ok: false; error: { code: CedulaParseErrorCode; message: string; field?: string } };

interface Layout { number: number; surname1: number; surname2: number; first: number; other: number; sex: number; birth: number; place: number; blood: number }

// The tarjeta de identidad shifts everything after the document number by one byte.
const CC: Layout = { number: 48, surname1: 58, surname2: 81, first: 104, other: 127, sex: 151, birth: 152, place: 160, blood: 166 };
const TI: Layout = { number: 48, surname1: 59, surname2: 82, first: 105, other: 128, sex: 152, birth: 153, place: 161, blood: 167 };
const NAME = 23;
/** The last byte the parser reads (blood type of a TI), so shorter payloads are refused before slicing. */
export const CEDULA_MIN_BYTES = 170;

const toLatin1 = (payload: Uint8Array | string): string =>
  typeof payload === 'string' ? payload : Array.from(payload, (b) => String.fromCharCode(b)).join('');

const field = (text: string, at: number, len: number): string =>
  text.slice(at, at + len).replace(/\0/g, ' ').trim().replace(/\s+/g, ' ');

const bad = (field: string, message: string): CedulaParseResult => ({
  ok: false, error: { code: 'CEDULA_BAD_FIELD', field, message },
});

const isRealDate = (y: number, m: number, d: number): boolean => {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  return d <= days;
};

/** Parses a scanned payload (raw bytes from a HID POS scanner, or the latin-1 string from a keyboard wedge). */
export const parseCedulaPdf417 = (payload: Uint8Array | string): CedulaParseResult => {
  const text = toLatin1(payload);
  const unreadable = 'No se pudo leer la cédula: vuelva a pasar el código de barras por el lector o digite los datos.';
  if (text.length < CEDULA_MIN_BYTES) {
    return { ok: false, error: { code: 'CEDULA_TOO_SHORT', message: unreadable } };
  }
  const typeCode = text.slice(0, 2);
  const layout = typeCode === '02' || typeCode === '03' ? CC : typeCode === 'I3' ? TI : null;
  if (!layout) {
    return { ok: false, error: { code: 'CEDULA_UNKNOWN_TYPE', message: 'El código leído no es de una cédula colombiana: verifique el documento o digite los datos.' } };
  }
  const digits = field(text, layout.number, 10);
  if (!/^\d{1,10}$/.test(digits) || /^0+$/.test(digits)) return bad('documentNumber', unreadable);
  const sex = field(text, layout.sex, 1);
  if (sex !== 'M' && sex !== 'F') return bad('sex', unreadable);
  const birth = field(text, layout.birth, 8);
  const y = Number(birth.slice(0, 4));
  const m = Number(birth.slice(4, 6));
  const d = Number(birth.slice(6, 8));
  if (!/^\d{8}$/.test(birth) || !isRealDate(y, m, d)) return bad('birthDate', unreadable);
  const bloodType = field(text, layout.blood, 3).replace(/\s/g, '');
  if (!/^(A|B|AB|O)[+-]$/.test(bloodType)) return bad('bloodType', unreadable);
  const firstSurname = field(text, layout.surname1, NAME);
  if (firstSurname === '') return bad('firstSurname', unreadable);
  const names = [field(text, layout.first, NAME), field(text, layout.other, NAME)].filter((s) => s !== '').join(' ');
  return {
    ok: true,
    value: {
      documentType: layout === CC ? 'CC' : 'TI',
      documentNumber: digits.replace(/^0+/, ''),
      firstSurname,
      secondSurname: field(text, layout.surname2, NAME),
      names,
      sex,
      birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
      bloodType,
      birthplaceCode: field(text, layout.place, 6),
    },
  };
};

/** Input of `encodeCedulaPdf417`: what the scanner emulator and tests need to fabricate a card. */
export interface CedulaFixture {
  documentNumber: string;
  firstSurname: string;
  secondSurname: string;
  firstName: string;
  otherNames?: string;
  sex: 'M' | 'F';
  /** YYYY-MM-DD */
  birthDate: string;
  bloodType: string;
  birthplaceCode?: string;
  /** 'TI' shifts the layout like a tarjeta de identidad. */
  documentType?: 'CC' | 'TI';
}

/**
 * Builds a 531-byte payload in the same layout (latin-1, NUL padded) for emulators and tests. Bytes outside the
 * parsed fields are filler, not the real AFIS/fingerprint-card data.
 */
export const encodeCedulaPdf417 = (f: CedulaFixture): Uint8Array => {
  const ti = f.documentType === 'TI';
  const layout = ti ? TI : CC;
  const out = new Uint8Array(531);
  const put = (at: number, text: string, len: number): void => {
    for (let i = 0; i < len; i++) out[at + i] = i < text.length ? text.charCodeAt(i) & 0xff : 0;
  };
  put(0, ti ? 'I3' : '03', 2);
  put(2, '12345678', 8); // AFIS code filler
  put(40, '00000000', 8); // fingerprint card filler
  put(layout.number, f.documentNumber.padStart(10, '0'), 10);
  put(layout.surname1, f.firstSurname, NAME);
  put(layout.surname2, f.secondSurname, NAME);
  put(layout.first, f.firstName, NAME);
  put(layout.other, f.otherNames ?? '', NAME);
  put(layout.sex, f.sex, 1);
  put(layout.birth, f.birthDate.replace(/-/g, ''), 8);
  put(layout.place, f.birthplaceCode ?? '05001', 6);
  put(layout.blood, f.bloodType, 3);
  return out;
};
