import { z } from 'zod';
import { channel } from './channel';
import { SupervisorCredentials } from './supervisor';

export const RoleSchema = z.enum(['cajero', 'supervisor']);
export type Role = z.infer<typeof RoleSchema>;

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
});
export type User = z.infer<typeof UserSchema>;

export const SessionStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('signed_out') }),
  z.object({ state: z.literal('active'), user: UserSchema, idleLockSeconds: z.number().int().positive() }),
  /** Locked by inactivity or on request: the same user unlocks with the password; nothing in progress is lost. */
  z.object({ state: z.literal('locked'), user: UserSchema, idleLockSeconds: z.number().int().positive() }),
]);
export type SessionState = z.infer<typeof SessionStateSchema>;

const Username = z.string().trim().min(1, 'Escriba su usuario').max(64, 'Usuario demasiado largo');
const Password = z.string().min(1, 'Escriba su contraseña').max(256, 'Contraseña demasiado larga');

export const sessionChannels = {
  'session.current': channel({
    access: 'public',
    request: z.object({}),
    response: SessionStateSchema,
  }),
  'session.login': channel({
    access: 'public',
    request: z.object({ username: Username, password: Password }),
    response: SessionStateSchema,
    errors: ['INVALID_CREDENTIALS', 'USER_LOCKED_OUT', 'SESSION_ALREADY_OPEN'],
  }),
  'session.unlock': channel({
    access: 'public',
    request: z.object({ password: Password }),
    response: SessionStateSchema,
    errors: ['INVALID_CREDENTIALS', 'USER_LOCKED_OUT', 'NOT_LOCKED'],
  }),
  'session.lock': channel({ access: 'user', request: z.object({}), response: SessionStateSchema }),
  /**
   * Public so that a locked workstation can be handed over from the lock screen ("Cerrar sesión"), also after
   * the user locked themselves out there: ending a session shows nothing, and the till stays with its teller.
   */
  'session.logout': channel({ access: 'public', request: z.object({}), response: SessionStateSchema }),
  /**
   * A supervisor frees a user locked out by failed passwords, at the log-in screen with their own user and
   * password: nobody can be signed in for it, since the locked-out user cannot. Journaled under the supervisor.
   */
  'session.unlockUser': channel({
    access: 'public',
    request: z.object({
      lockedUsername: Username,
      supervisor: z.object(SupervisorCredentials),
    }),
    response: z.object({ displayName: z.string() }),
    errors: ['INVALID_CREDENTIALS', 'USER_LOCKED_OUT', 'NOT_A_SUPERVISOR', 'MAKER_IS_CHECKER', 'USER_NOT_LOCKED_OUT'],
  }),
  /** The UI reports keyboard/mouse activity (throttled) so the core's idle lock counts real use. */
  'session.touch': channel({ access: 'user', request: z.object({}), response: z.object({}) }),
} as const;
