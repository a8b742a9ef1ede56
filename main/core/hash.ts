import { createHash } from 'node:crypto';
import { canonicalJson } from '../../domain/central-api/canonical';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Binds a request to its idempotency key: equal requests hash equal whatever their key order. */
export const requestHash = (value: unknown): string => sha256Hex(canonicalJson(value));
