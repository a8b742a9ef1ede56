/** What a route handler returns: the response body, or a typed failure with its HTTP status. */
export interface Failure {
  ok: false;
  status: number;
  code: string;
  /** Spanish, for the teller. */
  message: string;
  details?: Record<string, unknown>;
}
export type HandlerResult<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): HandlerResult<T> => ({ ok: true, value });
export const fail = (status: number, code: string, message: string, details?: Record<string, unknown>): Failure => ({
  ok: false,
  status,
  code,
  message,
  ...(details ? { details } : {}),
});

/** Who is calling, resolved from the bearer token. */
export interface Caller {
  workstation: string;
  branch: string;
}
