import type { SessionState, User } from '../../../domain/contract/session';
import type { Caller } from '../../core/dispatcher';
import { AppError } from '../../core/errors';
import type { Clock } from '../../core/runtime';
import { inTransaction, type Db } from '../../store/db';
import type { UsersRepo } from '../../store/users/repo';
import type { Journal } from '../journal/writer';
import { attemptsLeftPhrase, checkSupervisor } from './check-supervisor';
import { lapsesAtPhrase, lockoutLapsesAt } from './lockout';
import { DUMMY_HASH, verifyPassword } from './password';
import { journalUnknownUser } from './unknown-user';

export interface SessionPolicy {
  idleLockSeconds: number;
  maxFailedAttempts: number;
  /** 0: a lock-out lasts until a supervisor frees the user. */
  lockoutMinutes: number;
}

interface Current {
  user: User;
  locked: boolean;
  lastActivity: number;
}

/** The refusal of a locked-out user says the way out: when it lapses (if it does) or a supervisor freeing it. */
const lockedOutAtLogin = (lockedUntil: string | null) => {
  const lapse = lapsesAtPhrase(lockedUntil);
  return lapse
    ? `Usuario bloqueado por intentos fallidos: ${lapse}, o antes lo desbloquea un supervisor con "Desbloquear usuario" (F2) en esta pantalla.`
    : 'Usuario bloqueado por intentos fallidos. Un supervisor debe desbloquearlo: "Desbloquear usuario" (F2) en esta pantalla.';
};
const lockedOutAtLock = (lockedUntil: string | null) => {
  const lapse = lapsesAtPhrase(lockedUntil);
  return lapse
    ? `Usuario bloqueado por intentos fallidos: ${lapse}. Antes, cierre la sesión: en la pantalla de ingreso un supervisor lo desbloquea (F2).`
    : 'Usuario bloqueado por intentos fallidos. Cierre la sesión: en la pantalla de ingreso un supervisor lo desbloquea (F2).';
};

/**
 * One signed-in user per workstation, as at a real counter. The idle lock is enforced here, in the core: every
 * call checks it, so a UI that stopped reporting activity cannot keep a session open.
 */
export const createSessionService = (deps: {
  db: Db;
  users: UsersRepo;
  clock: Clock;
  journal: Journal;
  policy: SessionPolicy;
  onChange: (s: SessionState) => void;
}) => {
  const { users, clock, journal, policy } = deps;
  let current: Current | null = null;
  // Failures of usernames that do not exist, counted as a real user's would be: the answers (attempts left, then
  // locked out) read the same, so the log-in screen does not tell which usernames exist. Kept in memory only:
  // there is no user to lock, and a restart forgetting them reveals nothing. Each one is journaled all the same.
  const unknownFailures = new Map<string, { attempts: number; lockedUntil: string | null }>();
  const UNKNOWN_REMEMBERED = 1000;

  const state = (): SessionState =>
    current
      ? { state: current.locked ? 'locked' : 'active', user: current.user, idleLockSeconds: policy.idleLockSeconds }
      : { state: 'signed_out' };

  const changed = () => deps.onChange(state());

  /** Locks an idle session; returns true when it did. */
  const checkIdle = (): boolean => {
    if (!current || current.locked) return false;
    if (clock.now().getTime() - current.lastActivity < policy.idleLockSeconds * 1000) return false;
    current.locked = true;
    journal.record('session_lock', current.user.id, { reason: 'inactividad' });
    changed();
    return true;
  };

  /** Counts a failed password; at the limit the user is locked out (until it lapses or a supervisor frees them). */
  const failAttempt = (u: { id: string; failedAttempts: number }, atLock = false) => {
    const attempts = u.failedAttempts + 1;
    const lockedOut = attempts >= policy.maxFailedAttempts;
    users.recordAttempts(u.id, attempts, lockedOut);
    journal.record(lockedOut ? 'user_locked_out' : 'login_failed', u.id, { attempts });
    if (lockedOut) throw lockedOutError(users.findById(u.id)?.lockedUntil ?? null, atLock);
    throw wrongPassword(policy.maxFailedAttempts - attempts, atLock);
  };

  const lockedOutError = (lockedUntil: string | null, atLock = false) =>
    new AppError('USER_LOCKED_OUT', atLock ? lockedOutAtLock(lockedUntil) : lockedOutAtLogin(lockedUntil), lockedUntil ? { lockedUntil } : undefined);

  // The lock screen asks only the password: naming the username there would have the teller doubt what they
  // never typed.
  const wrongPassword = (left: number, atLock = false) =>
    new AppError(
      'INVALID_CREDENTIALS',
      `${atLock ? 'Contraseña incorrecta' : 'Usuario o contraseña incorrectos'}. ${attemptsLeftPhrase(left)}.`,
      { attemptsLeft: left },
    );

  const failUnknown = (username: string): never => {
    const key = username.trim().toLowerCase();
    let seen = unknownFailures.get(key);
    // A "lock-out" lapses as a real user's does, so the answer after it reads the same too.
    if (seen?.lockedUntil && clock.now().getTime() >= Date.parse(seen.lockedUntil)) seen = undefined;
    if (seen && seen.attempts >= policy.maxFailedAttempts) throw lockedOutError(seen.lockedUntil);
    const attempts = (seen?.attempts ?? 0) + 1;
    if (!unknownFailures.has(key) && unknownFailures.size >= UNKNOWN_REMEMBERED) unknownFailures.delete(unknownFailures.keys().next().value as string);
    const lockedUntil = attempts >= policy.maxFailedAttempts ? lockoutLapsesAt(clock, policy.lockoutMinutes) : null;
    unknownFailures.set(key, { attempts, lockedUntil });
    journalUnknownUser(journal, 'login_failed', { attempts });
    if (attempts >= policy.maxFailedAttempts) throw lockedOutError(lockedUntil);
    throw wrongPassword(policy.maxFailedAttempts - attempts);
  };

  return {
    state,
    checkIdle,

    caller: (channel: string): Caller => {
      checkIdle();
      if (!current) return { state: 'signed_out' };
      if (current.locked) return { state: 'locked', user: current.user };
      // Only the teller's own keys and clicks count, which the UI reports (throttled) as session.touch. Calls
      // do not: the UI reads queues, transfers and the sync state on timers, which would keep an unattended
      // counter open for ever; a teller's action always starts with a key or a click anyway.
      if (channel === 'session.touch') current.lastActivity = clock.now().getTime();
      return { state: 'active', user: current.user };
    },

    login: async (username: string, password: string): Promise<SessionState> => {
      if (current) {
        throw new AppError('SESSION_ALREADY_OPEN', `Ya hay una sesión abierta de ${current.user.displayName}. Ciérrela antes de ingresar con otro usuario.`);
      }
      const u = users.findByUsername(username);
      const ok = await verifyPassword(password, u?.passwordHash ?? DUMMY_HASH);
      if (!u) return failUnknown(username);
      if (u.lockedOut) throw lockedOutError(u.lockedUntil);
      if (!ok) failAttempt(u);
      users.recordAttempts(u.id, 0, false);
      const user: User = { id: u.id, username: u.username, displayName: u.displayName, role: u.role };
      current = { user, locked: false, lastActivity: clock.now().getTime() };
      journal.record('login', u.id, { role: u.role });
      changed();
      return state();
    },

    unlock: async (password: string): Promise<SessionState> => {
      if (!current?.locked) throw new AppError('NOT_LOCKED', 'La sesión no está bloqueada.');
      const u = users.findById(current.user.id);
      if (!u || u.lockedOut) throw lockedOutError(u?.lockedUntil ?? null, true);
      if (!(await verifyPassword(password, u.passwordHash))) failAttempt(u, true);
      users.recordAttempts(u.id, 0, false);
      current.locked = false;
      current.lastActivity = clock.now().getTime();
      journal.record('session_unlock', u.id, {});
      changed();
      return state();
    },

    lock: (): SessionState => {
      if (current && !current.locked) {
        current.locked = true;
        journal.record('session_lock', current.user.id, { reason: 'solicitud' });
        changed();
      }
      return state();
    },

    /** A supervisor, never the user themselves, frees a locked-out user; asked before saying whether it was locked. */
    unlockUser: async (username: string, supervisor: { username: string; password: string }): Promise<{ displayName: string }> => {
      const target = users.findByUsername(username);
      const sup = await checkSupervisor(
        { db: deps.db, users, journal, maxFailedAttempts: policy.maxFailedAttempts },
        { username: supervisor.username, password: supervisor.password, makers: target ? [target.id] : [], context: 'desbloqueo de usuario' },
      );
      if (!target?.lockedOut) {
        throw new AppError('USER_NOT_LOCKED_OUT', `El usuario ${username} no está bloqueado: puede ingresar con su contraseña.`);
      }
      inTransaction(deps.db, () => {
        users.recordAttempts(target.id, 0, false);
        journal.record('user_unlocked', sup.id, { user: target.id });
      });
      return { displayName: target.displayName };
    },

    logout: (): SessionState => {
      if (current) {
        journal.record('logout', current.user.id, current.locked ? { fromLock: true } : {});
        current = null;
        changed();
      }
      return state();
    },
  };
};
export type SessionService = ReturnType<typeof createSessionService>;
