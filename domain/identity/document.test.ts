import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DOCUMENT_TYPES,
  DocumentSchema,
  formatDocument,
  isSuspiciousDocumentNumber,
  maskDocument,
  maskDocumentNumber,
  validateDocument,
  type DocumentType,
} from './document';

describe('document formats (domain-co.md §6 table)', () => {
  const valid: [DocumentType, string, string][] = [
    ['CC', '123', '123'], // old cédulas: 3–8 digits
    ['CC', '79.456.123', '79456123'],
    ['CC', '1.020.304.050', '1020304050'], // 2003+: 10 digits starting with 1
    ['CE', '123', '123'],
    ['CE', '0012345678', '0012345678'],
    ['TI', '1012345678', '1012345678'], // NUIP 10 digits
    ['TI', '97031512345', '97031512345'], // older TI, 11 digits
    ['PA', 'ab 12345', 'AB12345'],
    ['PA', 'X1234567890123456789', 'X1234567890123456789'],
    ['PPT', '123456', '123456'],
    ['PPT', '12345678', '12345678'],
  ];
  it.each(valid)('%s %s → %s', (type, raw, number) => {
    expect(validateDocument(type, raw)).toEqual({ ok: true, value: { type, number } });
  });

  const invalid: [string, string, string][] = [
    ['CC', '12', 'DOCUMENT_FORMAT'],
    ['CC', '01234567', 'DOCUMENT_FORMAT'],
    ['CC', '12345678901', 'DOCUMENT_FORMAT'],
    ['CC', '12A45', 'DOCUMENT_FORMAT'],
    ['CC', '   ', 'DOCUMENT_EMPTY'],
    ['CE', '12345678901', 'DOCUMENT_FORMAT'],
    ['TI', '123456789', 'DOCUMENT_FORMAT'],
    ['PA', 'AB12', 'DOCUMENT_FORMAT'],
    ['PA', 'AB-12_345', 'DOCUMENT_FORMAT'],
    ['PPT', '12345', 'DOCUMENT_FORMAT'],
    ['PPT', '123456789', 'DOCUMENT_FORMAT'],
    ['RC', '1012345678', 'DOCUMENT_TYPE_UNKNOWN'],
  ];
  it.each(invalid)('%s %s → %s', (type, raw, code) => {
    const r = validateDocument(type, raw);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(/[a-zá-ú]/); // a Spanish sentence, not a code
    }
  });

  it('soft warning for one repeated digit', () => {
    expect(isSuspiciousDocumentNumber({ type: 'CC', number: '11111111' })).toBe(true);
    expect(isSuspiciousDocumentNumber({ type: 'CC', number: '11111112' })).toBe(false);
  });
});

describe('DocumentSchema', () => {
  it('normalises and reports Spanish messages on the number', () => {
    expect(DocumentSchema.parse({ type: 'CC', number: '1.020.304.050' })).toEqual({ type: 'CC', number: '1020304050' });
    const r = DocumentSchema.safeParse({ type: 'CC', number: '12' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['number']);
    expect(r.error?.issues[0]?.message).toContain('Cédula de ciudadanía');
    const t = DocumentSchema.safeParse({ type: 'XX', number: '123' });
    expect(t.error?.issues[0]?.message).toContain('Seleccione el tipo de documento');
  });

  it('property: parsing a canonical document gives the same document (idempotent)', () => {
    const raw = fc.record({
      type: fc.constantFrom(...DOCUMENT_TYPES),
      number: fc.stringMatching(/^[0-9A-Za-z .-]{0,22}$/),
    });
    fc.assert(
      fc.property(raw, (input) => {
        const once = DocumentSchema.safeParse(input);
        if (!once.success) return;
        expect(DocumentSchema.parse(once.data)).toEqual(once.data);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('masking for display and logs', () => {
  it.each([
    [{ type: 'CC', number: '1020304050' }, 'CC ******4050'],
    [{ type: 'CC', number: '79456123' }, 'CC ****6123'],
    [{ type: 'CC', number: '1234567' }, 'CC ****567'],
    [{ type: 'CC', number: '123' }, 'CC **3'],
    [{ type: 'NIT', number: '900123456-8' }, 'NIT *****3456-8'],
    [{ type: 'PA', number: 'AB12345' }, 'PA ****345'],
  ] as const)('%o → %s', (doc, masked) => {
    expect(maskDocument(doc)).toBe(masked);
  });

  it('property: never shows more than 4 characters of the number and hides at least half of long ones', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DOCUMENT_TYPES), fc.stringMatching(/^[1-9][0-9]{2,14}$/), (type, n) => {
        const r = validateDocument(type, type === 'NIT' ? `${n}0` : n);
        if (!r.ok) return;
        const masked = maskDocumentNumber(r.value).replace(/-\d$/, '');
        const shown = masked.replace(/\*/g, '');
        expect(shown.length).toBeLessThanOrEqual(4);
        expect(masked.length - shown.length).toBeGreaterThanOrEqual(Math.min(4, masked.length - 1));
      }),
    );
  });

  it('formats for the teller', () => {
    expect(formatDocument({ type: 'CC', number: '1020304050' })).toBe('CC 1.020.304.050');
    expect(formatDocument({ type: 'NIT', number: '900123456-8' })).toBe('NIT 900.123.456-8');
  });
});
