import { z } from 'zod';
import type { Access, Channel, Req, Res } from '../../domain/contract';
import { isChannel, specOf } from '../../domain/contract';
import type { User } from '../../domain/contract/session';
import { AppError, internalError } from './errors';

/** Who is calling, as the session service sees it at the moment of the call. */
export type Caller =
  | { state: 'signed_out' }
  | { state: 'locked'; user: User }
  | { state: 'active'; user: User };

export interface CallContext {
  caller: Caller;
  /** The signed-in user; present whenever the channel's access is `user` or `supervisor`. */
  user: User;
}

export type Handler<C extends Channel> = (req: Req<C>, ctx: CallContext) => Promise<Res<C>> | Res<C>;
export type Handlers = { [C in Channel]: Handler<C> };
/** The handlers of one feature: `FeatureHandlers<'till'>` has exactly the `till.*` channels. */
export type FeatureHandlers<N extends string> = { [C in Channel as C extends `${N}.${string}` ? C : never]: Handler<C> };

export interface DispatchOptions {
  handlers: Handlers;
  /** Reads the session (and refreshes the idle timer for user calls). */
  caller: (channel: Channel) => Caller;
  correlationId: () => string;
  log: (entry: { level: 'error' | 'warn'; msg: string; channel: string; correlationId?: string; err?: unknown }) => void;
}

export type WireResult = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };

const fail = (code: string, message: string, details?: Record<string, unknown>): WireResult => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});

const describeIssues = (error: z.ZodError) =>
  error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));

const accessError = (access: Access, caller: Caller): WireResult | null => {
  if (access === 'public') return null;
  if (caller.state === 'signed_out') return fail('NOT_AUTHENTICATED', 'Debe iniciar sesión para continuar.');
  if (caller.state === 'locked') return fail('SESSION_LOCKED', 'La sesión está bloqueada. Escriba su contraseña para continuar.');
  if (access === 'supervisor' && caller.user.role !== 'supervisor') {
    return fail('FORBIDDEN', 'Esta operación la realiza un supervisor.');
  }
  return null;
};

/**
 * The one entry point from any UI transport into the core. Unknown channels and invalid payloads are refused
 * with a typed error before any handler runs; handler failures come back as values, never as thrown errors.
 */
export const createDispatcher = (opts: DispatchOptions) => {
  return async (channel: string, payload: unknown): Promise<WireResult> => {
    if (!isChannel(channel)) return fail('UNKNOWN_CHANNEL', 'Operación desconocida para esta versión de Caja.', { channel });
    const spec = specOf(channel);
    const caller = opts.caller(channel);
    const denied = accessError(spec.access, caller);
    if (denied) return denied;
    const parsed = spec.request.safeParse(payload ?? {});
    if (!parsed.success) {
      const issues = describeIssues(parsed.error);
      const first = issues[0];
      // Every problem at once, as a refused comprobante lists them (`errors`, what the UI shows), each said once.
      const errors = [...new Set(issues.map((i) => i.message))].map((message) => ({ code: 'INVALID_REQUEST', message }));
      return fail('INVALID_REQUEST', first ? `Datos inválidos: ${first.message}` : 'Datos inválidos.', { issues, errors });
    }
    const handler = opts.handlers[channel] as (req: unknown, ctx: CallContext) => Promise<unknown> | unknown;
    try {
      const user = caller.state === 'signed_out' ? undefined : caller.user;
      const data = await handler(parsed.data, { caller, user: user as User });
      return { ok: true, data: spec.response.parse(data) };
    } catch (err) {
      if (err instanceof AppError) {
        if (!spec.errors.includes(err.code) && !['FORBIDDEN', 'NOT_AUTHENTICATED', 'SESSION_LOCKED'].includes(err.code)) {
          opts.log({ level: 'warn', msg: `undeclared error code ${err.code}`, channel });
        }
        return { ok: false, error: err.toShape() };
      }
      const correlationId = opts.correlationId();
      opts.log({ level: 'error', msg: 'handler failed', channel, correlationId, err });
      return { ok: false, error: internalError(correlationId) };
    }
  };
};

export type Dispatch = ReturnType<typeof createDispatcher>;
