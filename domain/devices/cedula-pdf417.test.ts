import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CEDULA_MIN_BYTES, encodeCedulaPdf417, parseCedulaPdf417 } from './cedula-pdf417';

// Layout: public decoders of the yellow cédula PDF417 (see the module comment); offsets 48/58/81/104/127/151/152/166.
const base = { documentNumber: '1020304050', firstSurname: 'PEÑA', secondSurname: 'OSPINA', firstName: 'ANDRÉS', otherNames: 'FELIPE', sex: 'M' as const, birthDate: '2001-01-30', bloodType: 'AB+' };

describe('cédula PDF417 parser', () => {
  it('parses a CC payload at the documented offsets', () => {
    const bytes = encodeCedulaPdf417(base);
    expect(bytes).toHaveLength(531);
    expect(String.fromCharCode(...bytes.slice(48, 58))).toBe('1020304050');
    expect(parseCedulaPdf417(bytes)).toEqual({ ok: true, value: {
      documentType: 'CC', documentNumber: '1020304050', firstSurname: 'PEÑA', secondSurname: 'OSPINA', names: 'ANDRÉS FELIPE',
      sex: 'M', birthDate: '2001-01-30', bloodType: 'AB+', birthplaceCode: '05001',
    } });
  });

  it('strips leading zeros of short numbers and accepts the latin-1 string from a keyboard wedge', () => {
    const bytes = encodeCedulaPdf417({ ...base, documentNumber: '71234', otherNames: '' });
    const wedge = String.fromCharCode(...bytes);
    const r = parseCedulaPdf417(wedge);
    expect(r.ok && r.value.documentNumber).toBe('71234');
    expect(r.ok && r.value.names).toBe('ANDRÉS');
  });

  it('parses a tarjeta de identidad (layout shifted by one byte)', () => {
    const r = parseCedulaPdf417(encodeCedulaPdf417({ ...base, documentType: 'TI', bloodType: 'O-' }));
    expect(r.ok && r.value).toMatchObject({ documentType: 'TI', firstSurname: 'PEÑA', bloodType: 'O-', sex: 'M' });
  });

  it.each([
    ['too short', new Uint8Array(CEDULA_MIN_BYTES - 1), 'CEDULA_TOO_SHORT'],
    ['unknown type', (() => { const b = encodeCedulaPdf417(base); b[0] = 0x58; return b; })(), 'CEDULA_UNKNOWN_TYPE'],
    ['bad sex', (() => { const b = encodeCedulaPdf417(base); b[151] = 0x58; return b; })(), 'CEDULA_BAD_FIELD'],
    ['impossible date', encodeCedulaPdf417({ ...base, birthDate: '2001-02-30' }), 'CEDULA_BAD_FIELD'],
    ['bad blood type', encodeCedulaPdf417({ ...base, bloodType: 'C+' }), 'CEDULA_BAD_FIELD'],
  ])('refuses %s', (_n, bytes, code) => {
    const r = parseCedulaPdf417(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message.length).toBeGreaterThan(20);
    }
  });

  it('round-trips any well-formed card (property)', () => {
    const name = fc.stringMatching(/^[A-ZÑÁÉÍÓÚ]{1,12}( [A-ZÑÁÉÍÓÚ]{1,8})?$/);
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 9_999_999_999 }), name, name, name, fc.constantFrom('M', 'F'),
      fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true }),
      fc.constantFrom('A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'),
      (n, s1, s2, first, sex, birth, blood) => {
        const birthDate = birth.toISOString().slice(0, 10);
        const r = parseCedulaPdf417(encodeCedulaPdf417({ documentNumber: String(n), firstSurname: s1, secondSurname: s2, firstName: first, sex: sex as 'M' | 'F', birthDate, bloodType: blood }));
        expect(r).toEqual({ ok: true, value: { documentType: 'CC', documentNumber: String(n), firstSurname: s1, secondSurname: s2, names: first, sex, birthDate, bloodType: blood, birthplaceCode: '05001' } });
      },
    ));
  });
});
