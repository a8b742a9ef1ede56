import { describe, expect, it } from 'vitest';
import { isTooLarge, pesosOf, readTypedPesos } from './typed-pesos';

describe('amounts typed as written on paper', () => {
  it('reads the separators of es-CO and never lets centavos join the pesos', () => {
    expect(pesosOf(readTypedPesos('1.234.567'))).toBe(1_234_567);
    // "$ 100.000,00" copied from a cheque is one hundred thousand pesos, not ten million.
    expect(pesosOf(readTypedPesos('100.000,00'))).toBe(100_000);
    expect(pesosOf(readTypedPesos('100000,0'))).toBe(100_000);
    expect(readTypedPesos('100000,005')).toEqual({ whole: '100000', centavos: '005' });
    expect(pesosOf(readTypedPesos('100000,005'))).toBeNull();
    expect(pesosOf(readTypedPesos('100000,000'))).toBe(100_000);
  });

  it('reads an amount pasted the US way (commas group thousands) as that amount, never as pesos and centavos', () => {
    expect(pesosOf(readTypedPesos('1,000,000'))).toBe(1_000_000);
    expect(pesosOf(readTypedPesos('$ 1,000,000.00'))).toBe(1_000_000);
    expect(pesosOf(readTypedPesos('250,000'))).toBe(250_000);
    expect(pesosOf(readTypedPesos('1,500.50'))).toBeNull();
    // One or two digits after the comma are still centavos, as written in Colombia.
    expect(pesosOf(readTypedPesos('1,00'))).toBe(1);
    expect(pesosOf(readTypedPesos('1,5'))).toBeNull();
  });

  it('refuses centavos other than zero, and reads an empty field as no amount', () => {
    expect(pesosOf(readTypedPesos('1.500,50'))).toBeNull();
    expect(pesosOf(readTypedPesos(''))).toBeNull();
    expect(pesosOf(readTypedPesos('007'))).toBe(7);
  });

  it('13 digits or more are no amount: the field says so instead of dropping a digit', () => {
    expect(pesosOf(readTypedPesos('999.999.999.999'))).toBe(999_999_999_999);
    expect(pesosOf(readTypedPesos('1.000.000.000.000'))).toBeNull();
    expect(isTooLarge(readTypedPesos('1000000000000,00'))).toBe(true);
    expect(isTooLarge(readTypedPesos('999999999999'))).toBe(false);
    expect(pesosOf(readTypedPesos('2.000.000'), 1_000_000)).toBeNull();
  });
});
