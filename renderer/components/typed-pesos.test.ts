import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupDigits } from '../../domain/money/pesos';
import { CENTAVOS_MESSAGE, GROUPING_MESSAGE, isTooLarge, MILES_OR_DECIMALS_MESSAGE, NOT_DIGITS_MESSAGE, pesosOf, readTypedPesos, SIGN_MESSAGE } from './typed-pesos';

const read = (text: string) => {
  const t = readTypedPesos(text);
  return { pesos: pesosOf(t), problem: t.problem };
};

describe('amounts typed or pasted, read only when they have one meaning (QA s35 A6-1)', () => {
  it.each([
    // QA s35 A6-1: a spreadsheet's "15000.00" posted $ 1.500.000, a cheque's "800000.00" $ 80.000.000.
    ['15000.00', 15_000],
    ['15000,00', 15_000],
    ['150000.00', 150_000],
    ['800000.00', 800_000],
    ['15000.0', 15_000],
    ['15000.', 15_000],
    ['１２３', 123],
    // What QA saw read right, and the es-CO forms from paper.
    ['$ 1.234.567', 1_234_567],
    ['1 234 567', 1_234_567],
    ['1\u00a0234\u00a0567', 1_234_567],
    ['1,234,567', 1_234_567],
    ['$1,234,567.00', 1_234_567],
    ['1.234.567,00', 1_234_567],
    ['$ 150.000 ', 150_000],
    ['500.000', 500_000],
    ['100.000,00', 100_000],
    ['100000,0', 100_000],
    ['250,000', 250_000],
    ['1,00', 1],
    ['1.00', 1],
    ['007', 7],
    ['999.999.999.999', 999_999_999_999],
  ])('%j is %d pesos', (text, pesos) => {
    expect(read(text)).toEqual({ pesos, problem: null });
  });

  it.each([
    ['150000.50', CENTAVOS_MESSAGE],
    ['12.34', CENTAVOS_MESSAGE],
    ['1.234,56', CENTAVOS_MESSAGE],
    ['1,500.50', CENTAVOS_MESSAGE],
    ['100000,005', CENTAVOS_MESSAGE],
    ['1,5', CENTAVOS_MESSAGE],
    ['1e6', NOT_DIGITS_MESSAGE],
    ['15 mil', NOT_DIGITS_MESSAGE],
    ['-50000', SIGN_MESSAGE],
    ['+50000', SIGN_MESSAGE],
    ['12,34,567', GROUPING_MESSAGE],
    ['1.23.456', GROUPING_MESSAGE],
    ['1.2345', GROUPING_MESSAGE],
    ['1.234,567.00', GROUPING_MESSAGE],
    ['15.000.00', GROUPING_MESSAGE],
    ['15000.000', MILES_OR_DECIMALS_MESSAGE],
    ['100000,000', MILES_OR_DECIMALS_MESSAGE],
    // QA s36 F1: pasted, these were read as 1.000 pesos (decimals ",000"); thousands are as likely.
    ['1.000,000', MILES_OR_DECIMALS_MESSAGE],
    ['1,000.000', MILES_OR_DECIMALS_MESSAGE],
    ['1.234.567,000', MILES_OR_DECIMALS_MESSAGE],
    ['1.000,005', MILES_OR_DECIMALS_MESSAGE],
  ])('%j is no amount: %s', (text, problem) => {
    expect(read(text)).toEqual({ pesos: null, problem });
  });

  it('says the problem of "1.2" or "15.000.0" only once the teller stops: more digits may make them an amount', () => {
    expect(readTypedPesos('1.2').unfinished).toBe(true);
    expect(readTypedPesos('15.000.0').unfinished).toBe(true);
    expect(readTypedPesos('150000.50').unfinished).toBe(false);
    expect(readTypedPesos('-5').unfinished).toBe(false);
  });

  it('an empty field is no amount and no problem', () => {
    expect(read('')).toEqual({ pesos: null, problem: null });
    expect(read('$')).toEqual({ pesos: null, problem: null });
  });

  it('13 digits or more are no amount: the field says so instead of dropping a digit', () => {
    expect(pesosOf(readTypedPesos('1.000.000.000.000'))).toBeNull();
    expect(isTooLarge(readTypedPesos('1000000000000,00'))).toBe(true);
    expect(isTooLarge(readTypedPesos('999999999999'))).toBe(false);
    expect(pesosOf(readTypedPesos('2.000.000'), 1_000_000)).toBeNull();
  });

  const pesos = fc.integer({ min: 0, max: 999_999_999_999 });
  const written = (n: number) =>
    fc.constantFrom(
      groupDigits(n),
      `${groupDigits(n)},00`,
      `$ ${groupDigits(n)}`,
      n.toLocaleString('en-US'),
      `${n.toLocaleString('en-US')}.00`,
      String(n),
      `${n},00`,
      `${n}.00`,
      `${n}.0`,
    );

  it('any amount written es-CO, the US way or bare, with or without zero centavos, reads back as itself', () => {
    fc.assert(fc.property(pesos.chain((n) => written(n).map((text) => [n, text] as const)), ([n, text]) => pesosOf(readTypedPesos(text)) === n));
  });

  it('any amount with centavos other than zero is refused, never read as pesos', () => {
    const cents = fc.integer({ min: 1, max: 99 }).chain((c) => fc.constantFrom(String(c).padStart(2, '0'), ...(c % 10 === 0 ? [String(c / 10)] : [])));
    fc.assert(
      fc.property(pesos, cents, (n, c) =>
        [`${groupDigits(n)},${c}`, `${n.toLocaleString('en-US')}.${c}`, `${n},${c}`, `${n}.${c}`].every((text) => pesosOf(readTypedPesos(text)) === null),
      ),
    );
  });

  it('whatever is typed, an amount read is the digits written, with at most zeros after them', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[-$ 0-9.,e]{0,16}$/), (text) => {
        const v = pesosOf(readTypedPesos(text));
        if (v === null) return true;
        const digits = text.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
        return digits.startsWith(String(v)) && /^0*$/.test(digits.slice(String(v).length));
      }),
    );
  });
});
