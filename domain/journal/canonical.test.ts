import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalBytes, CanonicalEncodingError, isCanonicalJson, type JsonValue } from './canonical';

/**
 * Independent reference: JSON.stringify per leaf, keys sorted by hand, UTF-8 by TextEncoder (tests only). Objects
 * are not rebuilt with sorted keys because JS always lists integer-like keys ("0", "10") first.
 */
const stringifySorted = (v: unknown): string => {
  if (Array.isArray(v)) return `[${v.map(stringifySorted).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${stringifySorted(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
};
const reference = (v: unknown): Uint8Array => new TextEncoder().encode(stringifySorted(v));

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }), // includes lone surrogates and astral characters
  fc.constantFrom('', '"', '\\', '\n\r\t\b\f', '\u0000\u001f\u007f', 'ñandú €', '😀', '\ud800', '\udc00x', '\u2028'),
);
const json: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.maxSafeInteger(),
    text,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(text, tie('value'), { maxKeys: 5 }),
  ),
})).value;

const bytesToString = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('canonical encoding', () => {
  it('property: equals sorted-key JSON.stringify in UTF-8 for every integer-only JSON value', () => {
    fc.assert(
      fc.property(json, (v) => {
        expect(canonicalBytes(v)).toEqual(reference(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('property: key insertion order does not matter', () => {
    fc.assert(
      fc.property(fc.dictionary(text, json, { maxKeys: 8 }), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalBytes(reversed)).toEqual(canonicalBytes(obj));
      }),
    );
  });

  it('has no whitespace and sorts keys by UTF-16 code units', () => {
    expect(bytesToString(canonicalBytes({ b: [1, { d: true, c: null }], a: 'x', B: -5, é: 0 }))).toBe(
      '{"B":-5,"a":"x","b":[1,{"c":null,"d":true}],"é":0}',
    );
  });

  it('sorts integer-like keys as strings, not in JS property order', () => {
    expect(bytesToString(canonicalBytes({ a: 3, 9: 2, 10: 1, '': 0 }))).toBe('{"":0,"10":1,"9":2,"a":3}');
  });

  it('keeps a lone surrogate distinct from U+FFFD (lossless)', () => {
    expect(canonicalBytes('\ud800')).not.toEqual(canonicalBytes('\ufffd'));
    expect(bytesToString(canonicalBytes('\ud800'))).toBe('"\\ud800"');
  });

  it('writes -0 as 0 and the safe-integer extremes exactly', () => {
    expect(bytesToString(canonicalBytes(-0))).toBe('0');
    expect(bytesToString(canonicalBytes([Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]))).toBe('[9007199254740991,-9007199254740991]');
  });

  const refused: [string, unknown, string, (string | number)[]][] = [
    ['float', { amount: 1.5 }, 'NOT_INTEGER', ['amount']],
    ['NaN', [NaN], 'NOT_INTEGER', [0]],
    ['Infinity', { a: { b: Infinity } }, 'NOT_INTEGER', ['a', 'b']],
    ['unsafe integer', 2 ** 53, 'NOT_INTEGER', []],
    ['undefined field', { a: undefined }, 'UNDEFINED_VALUE', ['a']],
    ['undefined item', [1, undefined], 'UNDEFINED_VALUE', [1]],
    ['sparse array', [1, , 3], 'SPARSE_ARRAY', [1]], // eslint-disable-line no-sparse-arrays
    ['Date', { at: new Date(0) }, 'NOT_PLAIN_OBJECT', ['at']],
    ['Map', new Map(), 'NOT_PLAIN_OBJECT', []],
    ['class instance', new (class Foo {
      readonly x = 1;
    })(), 'NOT_PLAIN_OBJECT', []],
    ['symbol key', { [Symbol('s')]: 1 }, 'NOT_PLAIN_OBJECT', []],
    ['bigint', { n: 1n }, 'UNSUPPORTED_TYPE', ['n']],
    ['function', { f: () => 1 }, 'UNSUPPORTED_TYPE', ['f']],
  ];
  it.each(refused)('refuses %s with a typed error and its path', (_name, value, reason, path) => {
    let caught: unknown;
    try {
      canonicalBytes(value);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CanonicalEncodingError);
    const err = caught as CanonicalEncodingError;
    expect(err.code).toBe('JOURNAL_NOT_CANONICAL');
    expect(err.reason).toBe(reason);
    expect(err.path).toEqual(path);
    expect(err.message).toMatch(/^El registro del diario no se puede codificar/);
    expect(isCanonicalJson(value)).toBe(false);
  });

  it('refuses cycles instead of overflowing the stack', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => canonicalBytes(a)).toThrow(CanonicalEncodingError);
  });

  it('accepts objects without prototype', () => {
    const o = Object.assign(Object.create(null) as object, { z: 1, a: 2 });
    expect(bytesToString(canonicalBytes(o))).toBe('{"a":2,"z":1}');
  });
});
