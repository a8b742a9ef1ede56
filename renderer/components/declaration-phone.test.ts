import { describe, expect, it } from 'vitest';
import { PHONE_COUNTRY_MESSAGE, PHONE_LENGTH_MESSAGE, PHONE_PREFIX_MESSAGE, PHONE_SYMBOLS_MESSAGE, readDeclarationPhone } from './declaration-phone';

describe('readDeclarationPhone', () => {
  it('takes digits as they are, and a Colombian number written with +57 and grouping, without the +57', () => {
    expect(readDeclarationPhone('3101234502')).toEqual({ phone: '3101234502' });
    expect(readDeclarationPhone('+57 (310) 123-4502')).toEqual({ phone: '3101234502' });
    expect(readDeclarationPhone('+573101234502')).toEqual({ phone: '3101234502' });
    expect(readDeclarationPhone(' 601 234 5678 ')).toEqual({ phone: '6012345678' });
    expect(readDeclarationPhone('2345678')).toEqual({ phone: '2345678' });
  });

  it('refuses another country code, saying so, rather than counting it as digits', () => {
    expect(readDeclarationPhone('+1 305 555 0100')).toEqual({ problem: PHONE_COUNTRY_MESSAGE });
    expect(readDeclarationPhone('+58 412 1234567')).toEqual({ problem: PHONE_COUNTRY_MESSAGE });
  });

  it('says to drop the 57 (or write +57) when Colombia\'s code is typed without the + or dialled with 00', () => {
    expect(readDeclarationPhone('573101234502')).toEqual({ problem: PHONE_PREFIX_MESSAGE });
    expect(readDeclarationPhone('0057 310 123 4502')).toEqual({ problem: PHONE_PREFIX_MESSAGE });
    expect(readDeclarationPhone('00576012345678')).toEqual({ problem: PHONE_PREFIX_MESSAGE });
    expect(PHONE_PREFIX_MESSAGE).toMatch(/sin el 57.*\+57/);
  });

  it('refuses another country dialled with 00 as it refuses one written with +', () => {
    expect(readDeclarationPhone('001 305 555 0100')).toEqual({ problem: PHONE_COUNTRY_MESSAGE });
  });

  it('refuses letters, a + inside the number, and lengths outside 7 to 10 digits', () => {
    expect(readDeclarationPhone('310 123 45O2')).toEqual({ problem: PHONE_SYMBOLS_MESSAGE });
    expect(readDeclarationPhone('310+1234502')).toEqual({ problem: PHONE_SYMBOLS_MESSAGE });
    expect(readDeclarationPhone('31012345021')).toEqual({ problem: PHONE_LENGTH_MESSAGE });
    expect(readDeclarationPhone('+57 123')).toEqual({ problem: PHONE_LENGTH_MESSAGE });
    expect(readDeclarationPhone('')).toEqual({ problem: PHONE_LENGTH_MESSAGE });
  });
});
