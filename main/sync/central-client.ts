import type { z } from 'zod';
import {
  buildPath,
  canonicalJson,
  centralApi,
  CentralErrorSchema,
  type CentralReqInput,
  type CentralRes,
  type CentralRoute,
  type RouteSpec,
} from '../../domain/central-api';

/**
 * Typed client for the central API, driven by the `centralApi` route table. Every request is validated before
 * it leaves and every answer before it is believed. The failure kinds matter to the outbox:
 * `rejected` = central answered (the outcome is known); `network` / `timeout` = the request may or may not
 * have reached central, so the outcome is unknown and must be asked for before anything is resent.
 */
export type CentralFailureKind = 'rejected' | 'network' | 'timeout';
export type CentralCall<R extends CentralRoute> =
  | { ok: true; data: CentralRes<R> }
  | { ok: false; kind: CentralFailureKind; status?: number; error: { code: string; message: string; details?: Record<string, unknown> } };

export interface CentralClient {
  call<R extends CentralRoute>(route: R, req: CentralReqInput<R>): Promise<CentralCall<R>>;
  /**
   * Posts an already-serialized `postOperations` body (the outbox's stored canonical text) so that a resend is byte for
   * byte what was sent first. The caller vouches that `body` is valid for the route.
   */
  postBatchRaw(body: string): Promise<CentralCall<'postOperations'>>;
  readonly url: string;
}

export interface CentralClientOptions {
  url: string;
  token: string;
  /** Per request; after it the outcome is unknown. */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export const DEFAULT_CENTRAL_TIMEOUT_MS = 10_000;

type AnySpec = RouteSpec<z.ZodType, z.ZodType, string>;

const failure = <R extends CentralRoute>(kind: CentralFailureKind, code: string, message: string, status?: number, details?: Record<string, unknown>): CentralCall<R> => ({
  ok: false,
  kind,
  ...(status !== undefined ? { status } : {}),
  error: { code, message, ...(details ? { details } : {}) },
});

const UNREACHABLE = 'No hay comunicación con central. La operación queda en cola y se enviará al restablecerse.';

/**
 * Failures raised before any byte of the request left this machine: central cannot have acted on it. Anything
 * else (a connection reset or closed after the request was written) may come after central applied it.
 */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
const notSent = (err: unknown): boolean => {
  const e = err as { code?: unknown; cause?: { code?: unknown; message?: unknown } } | null;
  // fetch refuses some ports outright ("bad port") without connecting.
  if (e?.cause?.message === 'bad port') return true;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' && NOT_SENT.has(code);
};

export const createCentralClient = (opts: CentralClientOptions): CentralClient => {
  const base = opts.url.replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? DEFAULT_CENTRAL_TIMEOUT_MS;
  const doFetch = opts.fetchImpl ?? fetch;

  const send = async <R extends CentralRoute>(route: R, spec: AnySpec, path: string, query: string, body: string | undefined): Promise<CentralCall<R>> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (spec.auth !== 'none') headers.authorization = `Bearer ${opts.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    let text: string;
    try {
      res = await doFetch(`${base}${path}${query ? `?${query}` : ''}`, {
        method: spec.method,
        headers,
        ...(body !== undefined ? { body } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await res.text();
    } catch (err) {
      const name = err instanceof Error ? err.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') {
        return failure('timeout', 'CENTRAL_TIMEOUT', 'Central no respondió a tiempo. El resultado se confirmará antes de reenviar.');
      }
      if (notSent(err)) return failure('network', 'CENTRAL_UNREACHABLE', UNREACHABLE);
      return failure('network', 'CENTRAL_CONNECTION_LOST', 'Se cortó la comunicación con central durante la operación. El resultado se confirmará antes de reenviar.');
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      // Not central's answer (a proxy page, a cut body): nothing can be concluded about the outcome.
      return failure('network', 'CENTRAL_BAD_ANSWER', 'Central respondió algo ilegible. Se reintentará.', res.status);
    }
    if (res.status !== 200) {
      const e = CentralErrorSchema.safeParse(json);
      if (!e.success) return failure('network', 'CENTRAL_BAD_ANSWER', 'Central respondió algo ilegible. Se reintentará.', res.status);
      // A refusal's details (what a route's error says beyond its message) reach the service that asked.
      return failure('rejected', e.data.error.code, e.data.error.message, res.status, e.data.error.details);
    }
    const parsed = spec.response.safeParse(json);
    if (!parsed.success) {
      // A 200 we cannot read may still mean central applied something: treat as unknown, not as refused.
      return failure('network', 'CENTRAL_BAD_ANSWER', `Respuesta de central inválida en ${route}. Se reintentará.`, res.status);
    }
    return { ok: true, data: parsed.data as CentralRes<R> };
  };

  return {
    url: base,
    call: async (route, req) => {
      const spec = centralApi[route] as AnySpec;
      const checked = spec.request.safeParse(req);
      if (!checked.success) {
        const first = checked.error.issues[0];
        return failure('rejected', 'INVALID_REQUEST', `Solicitud a central inválida${first ? `: ${first.message}` : ''}.`);
      }
      const { path, rest } = buildPath(spec.path, checked.data as Record<string, unknown>);
      if (spec.method === 'GET') {
        const pairs = Object.entries(rest)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]): [string, string] => [k, String(v)]);
        return send(route, spec, path, new URLSearchParams(pairs).toString(), undefined);
      }
      return send(route, spec, path, '', canonicalJson(rest));
    },
    postBatchRaw: (body) => send('postOperations', centralApi.postOperations as AnySpec, centralApi.postOperations.path, '', body),
  };
};
