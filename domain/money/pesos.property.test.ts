import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PesosSchema, PositivePesosSchema, formatPesos, groupDigits, parsePesos, sumPesos } from './pesos';

const MAX = Number.MAX_SAFE_INTEGER;
const safeNat = fc.maxSafeNat();
/** Amounts a branch really sees, so the small and mid ranges are not drowned by 16-digit values. */
const amount = fc.oneof(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 99_999_999_999 }), safeNat);

/** es-CO grouping written by hand, so the formatter is checked against something other than Intl. */
const grouped = (digits: string): string => digits.replace(/\B(?=(\d{3})+$)/g, '.');

const messages = (r: { success: boolean; error?: { issues: readonly { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];

describe('formatPesos / groupDigits (what tellers read)', () => {
  it('writes every non-negative amount as `$ ` and its digits grouped by 3 with `.`, no decimals', () => {
    fc.assert(
      fc.property(amount, (n) => {
        const text = formatPesos(n);
        expect(text).toMatch(/^\$ (0|[1-9]\d{0,2}(\.\d{3})*)$/);
        expect(text).toBe(`$ ${grouped(String(n))}`);
      }),
    );
  });

  it('groupDigits is the same figure without the sign', () => {
    fc.assert(
      fc.property(amount, (n) => {
        expect(groupDigits(n)).toBe(grouped(String(n)));
        expect(formatPesos(n)).toBe(`$ ${groupDigits(n)}`);
      }),
    );
  });

  it('a negative amount (a reversal, a shortage) carries the minus before the sign', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX }), (n) => {
        expect(formatPesos(-n)).toBe(`-${formatPesos(n)}`);
      }),
    );
  });
});

describe('parsePesos (what tellers type)', () => {
  it('reads back every safe non-negative amount from each form the app shows or a teller types', () => {
    fc.assert(
      fc.property(amount, (n) => {
        for (const text of [formatPesos(n), groupDigits(n), String(n), `$${groupDigits(n)}`, `  ${groupDigits(n)} `, `$\u00a0${String(n)}`]) {
          expect(parsePesos(text), text).toBe(n);
        }
      }),
    );
  });

  it('refuses decimals (a typing mistake, never rounded)', () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 0, max: 99 }), (n, cents) => {
        expect(parsePesos(`${groupDigits(n)},${cents}`)).toBeNull();
        expect(parsePesos(`${formatPesos(n)},${String(cents).padStart(2, '0')}`)).toBeNull();
      }),
    );
  });

  it('refuses thousands separators in the wrong place', () => {
    const misgrouped = fc
      .tuple(fc.integer({ min: 1_000, max: MAX }), fc.nat(), fc.constantFrom(1, 2, 4, 5))
      .map(([n, at, len]) => {
        const groups = groupDigits(n).split('.');
        const i = 1 + (at % (groups.length - 1));
        const g = groups[i] ?? '';
        groups[i] = len < g.length ? g.slice(0, len) : g.padEnd(len, '7');
        return groups.join('.');
      });
    fc.assert(
      fc.property(misgrouped, (text) => {
        expect(parsePesos(text), text).toBeNull();
      }),
    );
  });

  it('refuses amounts past the safe-integer range instead of returning a rounded number', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: BigInt(MAX) + 1n, max: 10n ** 22n }), (big) => {
        expect(parsePesos(big.toString())).toBeNull();
        expect(parsePesos(`$ ${grouped(big.toString())}`)).toBeNull();
      }),
    );
  });

  it('on any text returns null or exactly the safe integer its digits spell; a minus, comma or letter is never read', () => {
    const text = fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', ',', '$', ' ', '-', 'a', '\t'), maxLength: 24 });
    fc.assert(
      fc.property(text, (s) => {
        const v = parsePesos(s);
        if (v === null) return;
        expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
        expect(v).toBe(Number(s.replace(/\D/g, '')));
        expect(s).not.toMatch(/[-,a]/);
      }),
    );
  });
});

describe('parsePesos examples', () => {
  it('a $ or a space inside the number, or a grouped leading zero, is a typing slip, not a number', () => {
    for (const text of ['1$2', '1 2 3', '12 345', '0.001', '$$1', '1.234$']) expect(parsePesos(text), text).toBeNull();
    expect([parsePesos('0'), parsePesos('$ 0'), parsePesos(' $1.234 ')]).toEqual([0, 0, 1_234]);
  });
});

describe('sumPesos', () => {
  it('refuses a fraction too small to change the total (it would vanish silently)', () => {
    expect(() => sumPesos([5, 1e-20])).toThrow(RangeError);
    expect(() => sumPesos([2 ** 52, 0.5])).toThrow(RangeError);
  });

  const value = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.maxSafeInteger(), fc.constantFrom(MAX, -MAX, 1, -1));

  it('is exact, and throws RangeError as soon as a running total leaves the safe-integer range', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 12 }), (values) => {
        let exact = 0n;
        let overflows = false;
        for (const v of values) {
          exact += BigInt(v);
          if (exact > BigInt(MAX) || exact < -BigInt(MAX)) overflows = true;
        }
        if (overflows) expect(() => sumPesos(values)).toThrow(RangeError);
        else expect(sumPesos(values)).toBe(Number(exact));
      }),
    );
  });

  it('never overflows on what a till can hold and adds up in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000_000 }), { maxLength: 50 }), (values) => {
        const total = sumPesos(values);
        expect(total).toBe(values.reduce((s, v) => s + v, 0));
        expect(sumPesos([...values].reverse())).toBe(total);
      }),
    );
  });

  it('refuses an amount with cents anywhere in the list', () => {
    const withCents = fc
      .tuple(fc.array(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), { maxLength: 8 }), fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 1, max: 99 }), fc.nat())
      .map(([values, pesos, cents, at]) => {
        const copy = [...values];
        copy.splice(at % (copy.length + 1), 0, pesos + cents / 100);
        return copy;
      });
    fc.assert(
      fc.property(withCents, (values) => {
        expect(() => sumPesos(values)).toThrow(RangeError);
      }),
    );
  });

  it('refuses NaN and infinities', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 5 }), fc.constantFrom(Number.NaN, Infinity, -Infinity), fc.nat(), (values, bad, at) => {
        const copy = [...values];
        copy.splice(at % (copy.length + 1), 0, bad);
        expect(() => sumPesos(copy)).toThrow(RangeError);
      }),
    );
  });
});

describe('PesosSchema / PositivePesosSchema (every boundary that takes an amount)', () => {
  const anyNumber = fc.oneof(
    fc.maxSafeInteger(),
    fc.double(),
    fc.integer({ min: 0, max: 1_000_000_000 }).map((n) => n + 0.5),
    fc.constantFrom(0, -0, MAX, MAX + 1, MAX + 2, 2 ** 60, 1e300, Number.NaN, Infinity, -Infinity, Number.MIN_VALUE),
  );

  it('accepts exactly the safe non-negative integers', () => {
    fc.assert(
      fc.property(anyNumber, (v) => {
        const r = PesosSchema.safeParse(v);
        expect(r.success, String(v)).toBe(Number.isSafeInteger(v) && v >= 0);
        if (r.success) expect(r.data).toBe(v);
      }),
    );
  });

  it('PositivePesosSchema is the same with zero refused', () => {
    fc.assert(
      fc.property(anyNumber, (v) => {
        expect(PositivePesosSchema.safeParse(v).success, String(v)).toBe(Number.isSafeInteger(v) && v > 0);
      }),
    );
    expect(messages(PositivePesosSchema.safeParse(0))).toEqual(['El valor debe ser mayor que cero']);
  });

  it('tells the teller why, in Spanish', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX, max: -1 }), (n) => {
        expect(messages(PesosSchema.safeParse(n))).toEqual(['El valor no puede ser negativo']);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 1, max: 99 }), (n, cents) => {
        expect(messages(PesosSchema.safeParse(n + cents / 100))).toEqual(['El valor debe ser un número entero de pesos, sin centavos']);
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: MAX + 1, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true }), (v) => {
        expect(messages(PesosSchema.safeParse(v))).toContain('El valor es demasiado grande');
      }),
    );
    for (const v of [Number.NaN, Infinity, -Infinity]) expect(messages(PesosSchema.safeParse(v))).toEqual(['El valor debe ser un número de pesos']);
  });

  it('refuses what is not a number, even a string of digits', () => {
    fc.assert(
      fc.property(
        fc.anything().filter((v) => typeof v !== 'number'),
        (v) => {
          expect(PesosSchema.safeParse(v).success).toBe(false);
          expect(PositivePesosSchema.safeParse(v).success).toBe(false);
        },
      ),
    );
    expect(PesosSchema.safeParse('1000').success).toBe(false);
  });
});
