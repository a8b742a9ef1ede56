import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { z } from 'zod';
import { centralApi, type CentralReq, type CentralRes, type CentralRoute, type RouteSpec } from '../../domain/central-api';
import type { Caller, HandlerResult } from './result';

/**
 * HTTP + JSON over node:http, driven by the `centralApi` route table: match, authenticate, validate the
 * request, run the handler, validate the response, log. Handlers never see raw HTTP.
 */
export interface Ctx {
  caller: Caller;
}
export type Handler<R extends CentralRoute> = (req: CentralReq<R>, ctx: Ctx) => HandlerResult<CentralRes<R>>;
/** A missing handler is a compile error. */
export type Handlers = { [R in CentralRoute]: Handler<R> };

/** One line per request. Only the route pattern is logged, never ids, query strings, bodies or names. */
export interface RequestLogEntry {
  method: string;
  route: string;
  status: number;
  durationMs: number;
  workstation: string | null;
}

export interface HttpOptions {
  handlers: Handlers;
  authenticate: (header: string | undefined) => Caller | null;
  demo: boolean;
  log: (entry: RequestLogEntry) => void;
  onError: (err: unknown) => void;
}

export const MAX_BODY_BYTES = 1024 * 1024;
type AnySpec = RouteSpec<z.ZodType, z.ZodType, string>;

interface Compiled {
  name: CentralRoute;
  spec: AnySpec;
  regex: RegExp;
  params: string[];
}

const compile = (): Compiled[] =>
  (Object.keys(centralApi) as CentralRoute[]).map((name) => {
    const spec = centralApi[name] as AnySpec;
    const params: string[] = [];
    const pattern = spec.path
      .split(/(\/:[A-Za-z]+)/)
      .map((part) => {
        if (part.startsWith('/:')) {
          params.push(part.slice(2));
          return '/([^/:]+)';
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('');
    return { name, spec, regex: new RegExp(`^${pattern}$`), params };
  });

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'PAYLOAD_TOO_LARGE', 'La solicitud es demasiado grande. Envíe lotes más pequeños.'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const send = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
};
const errorBody = (code: string, message: string, details?: Record<string, unknown>) => ({ error: { code, message, ...(details ? { details } : {}) } });

export const createCentralHttpServer = (opts: HttpOptions): Server => {
  const routes = compile();
  const handle = async (req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://central.invalid');
    let route: Compiled | undefined;
    let match: RegExpExecArray | null = null;
    let pathMatched = false;
    for (const r of routes) {
      const m = r.regex.exec(url.pathname);
      if (!m) continue;
      pathMatched = true;
      if (r.spec.method === req.method) {
        route = r;
        match = m;
        break;
      }
    }
    if (!route || !match) {
      entry.status = pathMatched ? 405 : 404;
      send(res, entry.status, errorBody(pathMatched ? 'METHOD_NOT_ALLOWED' : 'NOT_FOUND', 'Ruta no disponible en central.'));
      return;
    }
    entry.route = route.spec.path;
    if (route.spec.auth === 'demo' && !opts.demo) {
      entry.status = 404;
      send(res, 404, errorBody('NOT_FOUND', 'Ruta no disponible en central.'));
      return;
    }
    let caller: Caller | null = null;
    if (route.spec.auth !== 'none') {
      caller = opts.authenticate(req.headers.authorization);
      if (!caller) {
        entry.status = 401;
        res.setHeader('www-authenticate', 'Bearer');
        send(res, 401, errorBody('UNAUTHENTICATED', 'La estación no está autorizada ante central. Verifique el token de la estación con soporte.'));
        return;
      }
      entry.workstation = caller.workstation;
    }
    let input: Record<string, unknown> = {};
    if (req.method === 'POST') {
      const text = await readBody(req);
      try {
        const parsed: unknown = text === '' ? {} : JSON.parse(text);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new TypeError('not an object');
        input = parsed as Record<string, unknown>;
      } catch {
        throw new HttpError(400, 'INVALID_REQUEST', 'El cuerpo de la solicitud no es JSON válido.');
      }
    } else {
      input = Object.fromEntries(url.searchParams);
    }
    route.params.forEach((p, i) => {
      input[p] = decodeURIComponent(match[i + 1] ?? '');
    });
    const parsed = route.spec.request.safeParse(input);
    if (!parsed.success) {
      // Paths and messages only: the offending values may be PII.
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      throw Object.assign(new HttpError(400, 'INVALID_REQUEST', 'La solicitud a central no es válida.'), { issues });
    }
    const handler = opts.handlers[route.name] as (req: unknown, ctx: Ctx) => HandlerResult<unknown>;
    // `none` routes get an anonymous caller; they must not depend on it.
    const result = handler(parsed.data, { caller: caller ?? { workstation: '', branch: '' } });
    if (!result.ok) {
      entry.status = result.status;
      send(res, result.status, errorBody(result.code, result.message, result.details));
      return;
    }
    const out = route.spec.response.safeParse(result.value);
    if (!out.success) throw new Error(`response of ${route.name} does not match its schema: ${out.error.message}`);
    entry.status = 200;
    send(res, 200, out.data);
  };

  return createServer((req, res) => {
    const started = performance.now();
    const entry: RequestLogEntry = { method: req.method ?? '?', route: '(unmatched)', status: 500, durationMs: 0, workstation: null };
    handle(req, res, entry)
      .catch((err: unknown) => {
        if (err instanceof HttpError) {
          entry.status = err.status;
          const issues = (err as HttpError & { issues?: unknown }).issues;
          if (!res.headersSent) send(res, err.status, errorBody(err.code, err.message, issues ? { issues } : undefined));
          return;
        }
        opts.onError(err);
        entry.status = 500;
        if (!res.headersSent) send(res, 500, errorBody('INTERNAL', 'Error interno de central. Reintente; si persiste avise a soporte.'));
      })
      .finally(() => {
        entry.durationMs = Math.round((performance.now() - started) * 10) / 10;
        opts.log(entry);
      });
  });
};
