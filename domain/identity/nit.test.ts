import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNit, nitCheckDigit, nitRemainder, splitNit } from './nit';
import { validateDocument } from './document';

const base = fc
  .integer({ min: 5, max: 15 })
  .chain((n) => fc.tuple(fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n - 1, maxLength: n - 1 })))
  .map(([first, rest]) => `${first}${rest.join('')}`);

describe('NIT check digit (domain-co.md §6, DIAN Orden Administrativa 4/1989)', () => {
  it.each([
    ['800197268', 4], // DIAN itself, 800.197.268-4
    ['890903938', 8], // Bancolombia, 890.903.938-8
    ['860034313', 7],
    ['899999063', 3],
    ['900123456', 8],
  ])('DV of %s is %i', (b, dv) => {
    expect(nitCheckDigit(b)).toBe(dv);
  });

  it('refuses bases that are not digits or longer than 15', () => {
    expect(nitCheckDigit('90012345A')).toBeNull();
    expect(nitCheckDigit('1234567890123456')).toBeNull();
  });

  it('accepts the hyphenated, dotted and plain forms (DV = last digit without hyphen)', () => {
    for (const raw of ['900123456-8', '900.123.456-8', '9001234568', ' 900 123 456 - 8 ']) {
      expect(validateDocument('NIT', raw)).toEqual({ ok: true, value: { type: 'NIT', number: '900123456-8' } });
    }
  });

  it('refuses 900123456-7: its DV is 8, not 7', () => {
    const r = validateDocument('NIT', '900123456-7');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('NIT_CHECK_DIGIT');
      expect(r.error.message).toContain('dígito de verificación 7');
    }
    expect(validateDocument('NIT', '9001234567').ok).toBe(false);
  });

  it('refuses bad shapes', () => {
    for (const raw of ['1234-5', '12-34-5', '9001234567890123-4', '00000-0', 'ABC', '900123456-']) {
      const r = validateDocument('NIT', raw);
      expect(r.ok, raw).toBe(false);
    }
  });

  it('formats as printed on the RUT', () => {
    expect(formatNit({ base: '900123456', dv: 8 })).toBe('900.123.456-8');
    expect(splitNit('900.123.456-8')).toEqual({ base: '900123456', dv: 8 });
  });

  it('property: a DV computed for any base validates, in both forms', () => {
    fc.assert(
      fc.property(base, (b) => {
        const dv = nitCheckDigit(b);
        expect(dv).not.toBeNull();
        expect(validateDocument('NIT', `${b}-${dv}`).ok).toBe(true);
        expect(validateDocument('NIT', `${b}${dv}`).ok).toBe(true);
      }),
    );
  });

  it('property: changing the DV digit is always detected', () => {
    fc.assert(
      fc.property(base, fc.integer({ min: 1, max: 9 }), (b, delta) => {
        const dv = nitCheckDigit(b) ?? 0;
        expect(validateDocument('NIT', `${b}-${(dv + delta) % 10}`).ok).toBe(false);
      }),
    );
  });

  it('property: changing one digit of the base is detected unless the remainder moves between 1 and 10', () => {
    fc.assert(
      fc.property(base, fc.nat(), fc.integer({ min: 1, max: 9 }), (b, at, delta) => {
        const i = at % b.length;
        const digit = (Number(b[i]) + delta) % 10;
        const changed = `${b.slice(0, i)}${digit}${b.slice(i + 1)}`;
        const dv = nitCheckDigit(b) ?? 0;
        const detected = !validateDocument('NIT', `${changed}-${dv}`).ok;
        const pair = new Set([nitRemainder(b), nitRemainder(changed)]);
        const dvCollision = pair.has(1) && pair.has(10);
        // A leading 0 or an all-zero base fails the format, which is also a detection.
        expect(detected || dvCollision).toBe(true);
        if (!dvCollision) expect(detected).toBe(true);
        // The remainder itself always changes: every weight is non-zero mod 11.
        expect(nitRemainder(changed)).not.toBe(nitRemainder(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('pins the official algorithm\'s blind spot: 10005-1 and 10008-1 are both valid', () => {
    expect(nitRemainder('10005')).toBe(1);
    expect(nitRemainder('10008')).toBe(10);
    expect(validateDocument('NIT', '10005-1').ok).toBe(true);
    expect(validateDocument('NIT', '10008-1').ok).toBe(true);
  });
});
