/**
 * Canonical encoding of journal data: JSON with object keys sorted by UTF-16 code units (as RFC 8785 does), no
 * whitespace, integers only, UTF-8 bytes. The same value always gives the same bytes, so a hash over them is
 * reproducible by any verifier. Floats are refused rather than formatted: two runtimes may print a float
 * differently, and journal amounts are integer pesos anyway.
 *
 * Written by hand instead of JSON.stringify + TextEncoder because domain/ has neither DOM nor Node types, and
 * because the verifier re-encodes a million entries: bytes go straight into one reusable buffer.
 */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;
export type JsonObject = { readonly [key: string]: JsonValue };

export type CanonicalErrorReason =
  | 'NOT_INTEGER'
  | 'UNSUPPORTED_TYPE'
  | 'UNDEFINED_VALUE'
  | 'SPARSE_ARRAY'
  | 'NOT_PLAIN_OBJECT'
  | 'TOO_DEEP';

const REASON_TEXT: Readonly<Record<CanonicalErrorReason, string>> = {
  NOT_INTEGER: 'solo se admiten números enteros (sin decimales, NaN ni infinitos)',
  UNSUPPORTED_TYPE: 'el tipo de dato no existe en JSON (undefined, función, símbolo, bigint)',
  UNDEFINED_VALUE: 'un campo tiene valor undefined; omítalo o use null',
  SPARSE_ARRAY: 'la lista tiene posiciones vacías',
  NOT_PLAIN_OBJECT: 'solo se admiten objetos simples (no Date, Map, clases)',
  TOO_DEEP: `el dato tiene más de ${64} niveles o es circular`,
};

/** Thrown for any value that has no canonical form. `path` locates it, e.g. `['payload', 'lines', 2, 'amount']`. */
export class CanonicalEncodingError extends Error {
  override readonly name = 'CanonicalEncodingError';
  readonly code = 'JOURNAL_NOT_CANONICAL';
  constructor(
    readonly reason: CanonicalErrorReason,
    readonly path: readonly (string | number)[],
  ) {
    super(`El registro del diario no se puede codificar en ${path.length ? path.join('.') : '(raíz)'}: ${REASON_TEXT[reason]}.`);
  }
}

export const MAX_DEPTH = 64;
const HEX = '0123456789abcdef';

/** A growable byte buffer reused across entries; `view()` is valid until the next write or `reset()`. */
export class ByteWriter {
  private buf: Uint8Array;
  private len = 0;
  private readonly path: (string | number)[] = [];
  private readonly digits = new Uint8Array(20);

  constructor(initialSize = 512) {
    this.buf = new Uint8Array(initialSize);
  }

  reset(): void {
    this.len = 0;
    this.path.length = 0;
  }

  get length(): number {
    return this.len;
  }

  view(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }

  private ensure(extra: number): void {
    const need = this.len + extra;
    if (need <= this.buf.length) return;
    const next = new Uint8Array(Math.max(need, this.buf.length * 2));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  /** ASCII text known to need no escaping (punctuation, literals). */
  raw(ascii: string): void {
    this.ensure(ascii.length);
    const b = this.buf;
    let n = this.len;
    for (let i = 0; i < ascii.length; i++) b[n++] = ascii.charCodeAt(i);
    this.len = n;
  }

  /** A 64-character lowercase hex digest, written as its ASCII text. Returns false (writing nothing) otherwise. */
  hexDigest(hex: string): boolean {
    if (hex.length !== 64) return false;
    this.ensure(64);
    const b = this.buf;
    let n = this.len;
    for (let i = 0; i < 64; i++) {
      const c = hex.charCodeAt(i);
      if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
      b[n++] = c;
    }
    this.len = n;
    return true;
  }

  /** A JSON string literal, escaped exactly as JSON.stringify does, encoded as UTF-8. */
  string(s: string): void {
    // Worst case: every UTF-16 unit becomes a 6-byte \uXXXX escape.
    this.ensure(s.length * 6 + 2);
    const b = this.buf;
    let n = this.len;
    b[n++] = 0x22;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c !== 0x22 && c !== 0x5c) {
          b[n++] = c;
          continue;
        }
        b[n++] = 0x5c;
        if (c === 0x22 || c === 0x5c) b[n++] = c;
        else if (c === 0x08) b[n++] = 0x62; // \b
        else if (c === 0x0c) b[n++] = 0x66; // \f
        else if (c === 0x0a) b[n++] = 0x6e; // \n
        else if (c === 0x0d) b[n++] = 0x72; // \r
        else if (c === 0x09) b[n++] = 0x74; // \t
        else n = escapeUnit(b, n, c);
      } else if (c < 0x800) {
        b[n++] = 0xc0 | (c >> 6);
        b[n++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          b[n++] = 0xf0 | (cp >> 18);
          b[n++] = 0x80 | ((cp >> 12) & 0x3f);
          b[n++] = 0x80 | ((cp >> 6) & 0x3f);
          b[n++] = 0x80 | (cp & 0x3f);
          i++;
        } else {
          // A lone surrogate has no UTF-8 form; JSON.stringify escapes it, so do we (and stay lossless).
          b[n++] = 0x5c;
          n = escapeUnit(b, n, c);
        }
      } else {
        b[n++] = 0xe0 | (c >> 12);
        b[n++] = 0x80 | ((c >> 6) & 0x3f);
        b[n++] = 0x80 | (c & 0x3f);
      }
    }
    b[n++] = 0x22;
    this.len = n;
  }

  /** A safe integer in plain decimal; -0 is written as 0 (JSON has no negative zero). */
  integer(value: number): void {
    if (!Number.isSafeInteger(value)) throw new CanonicalEncodingError('NOT_INTEGER', [...this.path]);
    this.ensure(17);
    const b = this.buf;
    let n = this.len;
    if (value === 0) {
      b[n++] = 0x30;
      this.len = n;
      return;
    }
    let v = value;
    if (v < 0) {
      b[n++] = 0x2d;
      v = -v;
    }
    const d = this.digits;
    let k = 0;
    while (v > 0) {
      d[k++] = 0x30 + (v % 10);
      v = Math.floor(v / 10);
    }
    while (k > 0) b[n++] = d[--k] ?? 0x30;
    this.len = n;
  }

  /** Any JSON-safe value in canonical form; throws CanonicalEncodingError with the offending path. */
  value(v: unknown, depth = 0): void {
    if (depth > MAX_DEPTH) throw new CanonicalEncodingError('TOO_DEEP', [...this.path]);
    if (v === null) return this.raw('null');
    switch (typeof v) {
      case 'boolean':
        return this.raw(v ? 'true' : 'false');
      case 'number':
        return this.integer(v);
      case 'string':
        return this.string(v);
      case 'object':
        return Array.isArray(v) ? this.array(v, depth) : this.object(v, depth);
      case 'undefined':
        throw new CanonicalEncodingError('UNDEFINED_VALUE', [...this.path]);
      default:
        throw new CanonicalEncodingError('UNSUPPORTED_TYPE', [...this.path]);
    }
  }

  private array(a: readonly unknown[], depth: number): void {
    this.raw('[');
    for (let i = 0; i < a.length; i++) {
      if (!(i in a)) throw new CanonicalEncodingError('SPARSE_ARRAY', [...this.path, i]);
      if (i > 0) this.raw(',');
      this.path.push(i);
      this.value(a[i], depth + 1);
      this.path.pop();
    }
    this.raw(']');
  }

  private object(o: object, depth: number): void {
    const proto: unknown = Object.getPrototypeOf(o);
    if ((proto !== Object.prototype && proto !== null) || Object.getOwnPropertySymbols(o).length > 0) {
      throw new CanonicalEncodingError('NOT_PLAIN_OBJECT', [...this.path]);
    }
    const record = o as Record<string, unknown>;
    // Default sort compares UTF-16 code units, the order RFC 8785 prescribes.
    const keys = Object.keys(record).sort();
    this.raw('{');
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] ?? '';
      if (i > 0) this.raw(',');
      this.string(key);
      this.raw(':');
      this.path.push(key);
      const item = record[key];
      if (item === undefined) throw new CanonicalEncodingError('UNDEFINED_VALUE', [...this.path]);
      this.value(item, depth + 1);
      this.path.pop();
    }
    this.raw('}');
  }
}

/** `\u00XX` / `\udXXX` tail (the backslash is already written), lowercase hex like JSON.stringify. */
const escapeUnit = (b: Uint8Array, n: number, c: number): number => {
  b[n++] = 0x75;
  b[n++] = HEX.charCodeAt((c >> 12) & 0xf);
  b[n++] = HEX.charCodeAt((c >> 8) & 0xf);
  b[n++] = HEX.charCodeAt((c >> 4) & 0xf);
  b[n++] = HEX.charCodeAt(c & 0xf);
  return n;
};

/** Canonical UTF-8 bytes of a JSON-safe value (a fresh array, safe to keep). */
export const canonicalBytes = (value: unknown): Uint8Array => {
  const w = new ByteWriter(256);
  w.value(value);
  return w.view().slice();
};

/** Whether a value has a canonical form; for zod refinements at the boundary. */
export const isCanonicalJson = (value: unknown): value is JsonValue => {
  try {
    new ByteWriter(256).value(value);
    return true;
  } catch (e) {
    if (e instanceof CanonicalEncodingError) return false;
    throw e;
  }
};
