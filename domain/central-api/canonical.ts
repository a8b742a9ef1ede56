/**
 * Canonical JSON: object keys sorted by UTF-16 code unit order, no whitespace, `undefined` members dropped (as
 * JSON.stringify does), arrays kept in order. Both the branch and central hash this text with SHA-256 to bind
 * an idempotency key to what it was sent with, so the encoding must not depend on key insertion order.
 * Non-finite numbers cannot be encoded and are refused rather than turned into `null`.
 */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json | undefined };

export class CanonicalJsonError extends Error {
  readonly code = 'NOT_CANONICAL_JSON';
}

export const canonicalJson = (value: unknown): string => {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError('Número no representable en JSON');
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((v: unknown) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      }
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new CanonicalJsonError(`Tipo no representable en JSON: ${typeof value}`);
  }
};
