import { formatBogotaTime } from '../../../domain/calendar/bogota-time';
import type { Clock } from '../../core/runtime';
import { inTransaction, type Db } from '../../store/db';
import type { UserRecord, UsersRepo } from '../../store/users/repo';
import type { Journal } from '../journal/writer';

/**
 * A lock-out that lapses by itself `lockoutMinutes` after it began (0: it never does, only a supervisor frees the
 * user at the log-in screen, F2). Without a lapse, a branch with one supervisor who mistyped five times in an
 * approval panel could approve nothing at that workstation again: the lock-out is per workstation and the
 * supervisor cannot free themselves. Every reader of users goes through here, so a lapsed lock-out is cleared and
 * journaled ("Bloqueo vencido") the first time the user is looked at after it lapsed, whoever looks.
 */
export const lapsingLockout = (repo: UsersRepo, deps: { db: Db; clock: Clock; journal: Journal; lockoutMinutes: number }): UsersRepo => {
  const current = (u: UserRecord | undefined): UserRecord | undefined => {
    if (!u?.lockedOut || u.lockedUntil === null) return u;
    if (deps.clock.now().getTime() < Date.parse(u.lockedUntil)) return u;
    const lockedUntil = u.lockedUntil;
    inTransaction(deps.db, () => {
      repo.recordAttempts(u.id, 0, false);
      deps.journal.record('user_lockout_lapsed', u.id, { lockedUntil });
    });
    return { ...u, failedAttempts: 0, lockedOut: false, lockedUntil: null };
  };
  return {
    ...repo,
    findByUsername: (username) => current(repo.findByUsername(username)),
    findById: (id) => current(repo.findById(id)),
    recordAttempts: (id, failedAttempts, lockedOut) =>
      repo.recordAttempts(id, failedAttempts, lockedOut, lockedOut ? lockoutLapsesAt(deps.clock, deps.lockoutMinutes) : null),
  };
};

/** When a lock-out starting now lapses; null when lock-outs do not lapse. */
export const lockoutLapsesAt = (clock: Clock, lockoutMinutes: number): string | null =>
  lockoutMinutes > 0 ? new Date(clock.now().getTime() + lockoutMinutes * 60_000).toISOString() : null;

/** The way out of a lock-out, said in the refusal: when it lapses, if it does. */
export const lapsesAtPhrase = (lockedUntil: string | null): string | null =>
  lockedUntil === null ? null : `se desbloquea a las ${formatBogotaTime(lockedUntil)}`;
