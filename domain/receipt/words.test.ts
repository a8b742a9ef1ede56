import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords, numberToWords } from './words';

/** Independent reader of the words back into a number, to check the writer by round trip. */
const VALUES: Record<string, number> = {
  UN: 1, DOS: 2, TRES: 3, CUATRO: 4, CINCO: 5, SEIS: 6, SIETE: 7, OCHO: 8, NUEVE: 9, DIEZ: 10, ONCE: 11, DOCE: 12, TRECE: 13,
  CATORCE: 14, QUINCE: 15, DIECISÉIS: 16, DIECISIETE: 17, DIECIOCHO: 18, DIECINUEVE: 19, VEINTE: 20, VEINTIÚN: 21, VEINTIDÓS: 22,
  VEINTITRÉS: 23, VEINTICUATRO: 24, VEINTICINCO: 25, VEINTISÉIS: 26, VEINTISIETE: 27, VEINTIOCHO: 28, VEINTINUEVE: 29,
  TREINTA: 30, CUARENTA: 40, CINCUENTA: 50, SESENTA: 60, SETENTA: 70, OCHENTA: 80, NOVENTA: 90, CIEN: 100, CIENTO: 100,
  DOSCIENTOS: 200, TRESCIENTOS: 300, CUATROCIENTOS: 400, QUINIENTOS: 500, SEISCIENTOS: 600, SETECIENTOS: 700, OCHOCIENTOS: 800, NOVECIENTOS: 900,
};
const read = (words: string): number => {
  if (words === 'CERO') return 0;
  let total = 0;
  let group = 0; // below one million
  let small = 0; // below one thousand
  for (const w of words.split(' ')) {
    if (w === 'Y') continue;
    if (w === 'MIL') {
      group += (small === 0 ? 1 : small) * 1000;
      small = 0;
    } else if (w === 'MILLÓN' || w === 'MILLONES') {
      total += (group + small) * 1e6;
      group = 0;
      small = 0;
    } else if (w === 'BILLÓN' || w === 'BILLONES') {
      total = (total + group + small) * 1e12;
      group = 0;
      small = 0;
    } else {
      const v = VALUES[w];
      if (v === undefined) throw new Error(`unknown word ${w}`);
      small += v;
    }
  }
  return total + group + small;
};

describe('amount in words (receipts, domain-co §9)', () => {
  it.each([
    [0, 'SON: CERO PESOS M/CTE'],
    [1, 'SON: UN PESO M/CTE'],
    [21, 'SON: VEINTIÚN PESOS M/CTE'],
    [31, 'SON: TREINTA Y UN PESOS M/CTE'],
    [100, 'SON: CIEN PESOS M/CTE'],
    [101, 'SON: CIENTO UN PESOS M/CTE'],
    [500, 'SON: QUINIENTOS PESOS M/CTE'],
    [1_000, 'SON: MIL PESOS M/CTE'],
    [1_001, 'SON: MIL UN PESOS M/CTE'],
    [21_000, 'SON: VEINTIÚN MIL PESOS M/CTE'],
    [100_000, 'SON: CIEN MIL PESOS M/CTE'],
    [101_000, 'SON: CIENTO UN MIL PESOS M/CTE'],
    [575_350, 'SON: QUINIENTOS SETENTA Y CINCO MIL TRESCIENTOS CINCUENTA PESOS M/CTE'],
    [1_000_000, 'SON: UN MILLÓN DE PESOS M/CTE'],
    [1_200_000, 'SON: UN MILLÓN DOSCIENTOS MIL PESOS M/CTE'],
    [2_000_000, 'SON: DOS MILLONES DE PESOS M/CTE'],
    [1_004_000, 'SON: UN MILLÓN CUATRO MIL PESOS M/CTE'],
    [21_000_000, 'SON: VEINTIÚN MILLONES DE PESOS M/CTE'],
    [17_429_650, 'SON: DIECISIETE MILLONES CUATROCIENTOS VEINTINUEVE MIL SEISCIENTOS CINCUENTA PESOS M/CTE'],
    [55_099_308, 'SON: CINCUENTA Y CINCO MILLONES NOVENTA Y NUEVE MIL TRESCIENTOS OCHO PESOS M/CTE'],
    [1_000_000_000, 'SON: MIL MILLONES DE PESOS M/CTE'],
    [2_500_000_000, 'SON: DOS MIL QUINIENTOS MILLONES DE PESOS M/CTE'],
    [1_000_000_000_000, 'SON: UN BILLÓN DE PESOS M/CTE'],
    [3_000_001_000_000, 'SON: TRES BILLONES UN MILLÓN DE PESOS M/CTE'],
  ])('%d → %s', (n, words) => {
    expect(amountInWords(n)).toBe(words);
  });
  it('properties: never empty, deterministic, single spaces, reads back to the same number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })), (n) => {
        const w = amountInWords(n);
        expect(w).toBe(amountInWords(n));
        expect(w).toMatch(/^SON: [A-ZÁÉÍÓÚ ]+ PESOS? M\/CTE$/);
        expect(w).not.toMatch(/ {2}/);
        expect(w).not.toMatch(/\bUNO\b/);
        // "MIL", never "UN MIL", at the start of a group; "CIEN" only before a scale word or the unit.
        expect(w).not.toMatch(/(^SON: |(MILLONES|MILLÓN|BILLONES|BILLÓN) )UN MIL\b/);
        expect(w).not.toMatch(/\bCIEN (?!MIL\b|MILLONES|BILLONES|PESOS|DE PESOS)/);
        expect(read(numberToWords(n))).toBe(n);
        expect(w.includes(' DE PESOS')).toBe(n >= 1_000_000 && n % 1_000_000 === 0);
      }),
      { numRuns: 500 },
    );
  });
});
