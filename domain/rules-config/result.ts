import type { AppErrorShape } from '../contract/channel';

/**
 * Outcome of a domain rule (docs/conventions.md, Errors). The error is the contract's `AppErrorShape`, so a
 * service can hand it to the UI unchanged: an UPPER_SNAKE code and a Spanish message for the teller.
 */
export type DomainError = AppErrorShape;
export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: string, message: string, details?: Record<string, unknown>): Result<T> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
export const domainError = (code: string, message: string, details?: Record<string, unknown>): DomainError =>
  details === undefined ? { code, message } : { code, message, details };
