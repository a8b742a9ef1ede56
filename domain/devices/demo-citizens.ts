import { z } from 'zod';

/**
 * Demo citizens shared by the fingerprint reader emulator (drivers) and central's demo matcher. The template of a
 * finger is derived, never stored: both sides call `demoTemplate(documentNumber, finger)` and compare bytes.
 * These people do not exist; numbers are outside issued CC ranges on purpose.
 */
export const FingerSchema = z.enum([
  'right-thumb', 'right-index', 'right-middle', 'right-ring', 'right-little',
  'left-thumb', 'left-index', 'left-middle', 'left-ring', 'left-little',
]);
export type Finger = z.infer<typeof FingerSchema>;

/** ISO/IEC 19794 finger position codes (1 = right thumb … 10 = left little), for adapters that need numbers. */
export const fingerPosition = (finger: Finger): number => FingerSchema.options.indexOf(finger) + 1;

export const DemoCitizenSchema = z.object({
  documentType: z.literal('CC'),
  documentNumber: z.string().regex(/^\d{6,10}$/),
  firstSurname: z.string(),
  secondSurname: z.string(),
  names: z.string(),
  sex: z.enum(['M', 'F']),
  /** YYYY-MM-DD */
  birthDate: z.string(),
  bloodType: z.string(),
});
export type DemoCitizen = z.infer<typeof DemoCitizenSchema>;

export const DEMO_CITIZENS: readonly DemoCitizen[] = [
  { documentType: 'CC', documentNumber: '900000001', firstSurname: 'GÓMEZ', secondSurname: 'PATIÑO', names: 'MARÍA FERNANDA', sex: 'F', birthDate: '1985-03-14', bloodType: 'O+' },
  { documentType: 'CC', documentNumber: '900000002', firstSurname: 'RODRÍGUEZ', secondSurname: 'CASTAÑO', names: 'JUAN CARLOS', sex: 'M', birthDate: '1978-11-02', bloodType: 'A+' },
  { documentType: 'CC', documentNumber: '900000003', firstSurname: 'MUÑOZ', secondSurname: 'ÁLVAREZ', names: 'LUZ ÁNGELA', sex: 'F', birthDate: '1992-07-21', bloodType: 'B-' },
  { documentType: 'CC', documentNumber: '900000004', firstSurname: 'PEÑA', secondSurname: 'OSPINA', names: 'ANDRÉS FELIPE', sex: 'M', birthDate: '2001-01-30', bloodType: 'AB+' },
  { documentType: 'CC', documentNumber: '900000005', firstSurname: 'CÁRDENAS', secondSurname: 'LÓPEZ', names: 'ROSA ELENA', sex: 'F', birthDate: '1960-09-09', bloodType: 'O-' },
];

export const findDemoCitizen = (documentNumber: string): DemoCitizen | undefined =>
  DEMO_CITIZENS.find((c) => c.documentNumber === documentNumber);

/** Length of a GROW R30x template (two 256-byte character files), which the emulator uploads with UpChar. */
export const DEMO_TEMPLATE_BYTES = 512;

/** The format tag every demo template carries, so central can refuse templates from other sources. */
export const DEMO_TEMPLATE_FORMAT = 'caja-demo-v1';

/** FNV-1a 32-bit over UTF-16 code units: tiny, pure and identical wherever it runs. */
const fnv1a = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
};

/**
 * Deterministic template bytes for a document number and finger: xorshift32 seeded with FNV-1a of
 * `documentNumber:finger`. Not biometric, not secret: it only lets the demo reader and central agree.
 */
export const demoTemplate = (documentNumber: string, finger: Finger): Uint8Array => {
  let state = fnv1a(`${documentNumber}:${finger}`) || 0x9e3779b9;
  const out = new Uint8Array(DEMO_TEMPLATE_BYTES);
  for (let i = 0; i < out.length; i++) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    out[i] = state & 0xff;
  }
  return out;
};

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding; domain has no Buffer/btoa, and templates travel as base64 text. */
export const bytesToBase64 = (bytes: Uint8Array): string => {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    out += B64.charAt((n >> 18) & 63) + B64.charAt((n >> 12) & 63);
    out += i + 1 < bytes.length ? B64.charAt((n >> 6) & 63) : '=';
    out += i + 2 < bytes.length ? B64.charAt(n & 63) : '=';
  }
  return out;
};

/** Base64 text of the demo template, the form a capture result and central's matcher compare. */
export const demoTemplateBase64 = (documentNumber: string, finger: Finger): string =>
  bytesToBase64(demoTemplate(documentNumber, finger));
