import { createHash } from 'node:crypto';
import { canonicalJson } from '../../domain/central-api/canonical';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Binds a request to its idempotency key: equal requests hash equal whatever their key order. */
export const requestHash = (value: unknown): string => sha256Hex(canonicalJson(value));

/** A UUID (v4 layout) derived from `parts`: the same request always gets the same operation key at central. */
export const derivedKey = (...parts: string[]): string => {
  const h = sha256Hex(parts.join('\u0000'));
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
