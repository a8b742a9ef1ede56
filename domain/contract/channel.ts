import { z } from 'zod';

/** Errors any channel may return, besides its own codes. */
export const COMMON_ERROR_CODES = [
  'INVALID_REQUEST',
  'UNKNOWN_CHANNEL',
  'NOT_AUTHENTICATED',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'INTERNAL',
  /** The UI lost its link to the core (browser host restarted, WebSocket dropped); nothing was sent. */
  'CORE_UNREACHABLE',
  /** The request left for the core and the link dropped before its answer: the core may have applied it. */
  'CORE_NO_ANSWER',
] as const;
export type CommonErrorCode = (typeof COMMON_ERROR_CODES)[number];

/**
 * What a transport answers for the two ways of losing the core. They must read differently: after a lost answer
 * a withdrawal may have been paid from the till, and "vuelva a intentar" invited a second payment (QA, s24).
 */
export const CORE_UNREACHABLE_ERROR = {
  code: 'CORE_UNREACHABLE',
  message: 'Sin conexión con el núcleo de Caja. Espere unos segundos y vuelva a intentar.',
} as const satisfies { code: CommonErrorCode; message: string };
export const CORE_NO_ANSWER_ERROR = {
  code: 'CORE_NO_ANSWER',
  message:
    'No se sabe si la operación quedó registrada: NO la repita ni entregue/reciba efectivo por ella hasta verificar. Al restablecerse, revise Inicio (comprobantes registrados / pendientes).',
} as const satisfies { code: CommonErrorCode; message: string };

/**
 * Who may call a channel. `public` needs no session (log-in, status); `user` needs an unlocked session of any
 * role; `supervisor` needs an unlocked supervisor session. Approvals by a supervisor at a teller's workstation
 * carry the supervisor's credentials in the request instead, so the teller's session stays open.
 */
export type Access = 'public' | 'user' | 'supervisor';

export interface ChannelSpec<Q extends z.ZodType, S extends z.ZodType, E extends string> {
  readonly request: Q;
  readonly response: S;
  /** Feature error codes this channel may return; each one reaches the teller with a Spanish message. */
  readonly errors: readonly E[];
  readonly access: Access;
}

/** Declares a channel; the generic parameters keep the literal error codes. */
export const channel = <Q extends z.ZodType, S extends z.ZodType, const E extends string = never>(
  spec: Omit<ChannelSpec<Q, S, E>, 'errors'> & { errors?: readonly E[] },
): ChannelSpec<Q, S, E> => ({ ...spec, errors: spec.errors ?? [] });

export const AppErrorSchema = z.object({
  code: z.string(),
  /** Spanish, for the teller: what happened and what to do next. */
  message: z.string(),
  /** Structured data for the UI (field paths, limits, ids). Never PII beyond what the screen already shows. */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorSchema>;

/** State-changing requests carry one so that a double Enter, a retry or a restart never applies twice. */
export const IdempotencyKey = z.string().uuid({ message: 'Clave de idempotencia inválida' });
