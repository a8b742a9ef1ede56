import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, CanonicalJsonError } from './canonical';
import { buildPath } from './index';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('drops undefined members like JSON.stringify and escapes strings the same way', () => {
    expect(canonicalJson({ a: undefined, b: 'ñ"\n' })).toBe(`{"b":${JSON.stringify('ñ"\n')}}`);
  });

  it('refuses non-finite numbers instead of writing null', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(CanonicalJsonError);
  });

  it('does not depend on member insertion order, and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const reversed = JSON.parse(JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).reverse()) : x))) as unknown;
        expect(canonicalJson(reversed)).toBe(canonicalJson(v));
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });
});

describe('buildPath', () => {
  it('fills :params from the request and leaves the rest', () => {
    expect(buildPath('/v1/holds/:holdId:release', { holdId: 'h 1', x: 2 })).toEqual({ path: '/v1/holds/h%201:release', rest: { x: 2 } });
    expect(buildPath('/v1/operations:batch', { operations: [] })).toEqual({ path: '/v1/operations:batch', rest: { operations: [] } });
  });
});
