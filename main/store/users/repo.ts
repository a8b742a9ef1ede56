import type { Role, User } from '../../../domain/contract/session';
import type { Db } from '../db';

export interface UserRecord extends User {
  passwordHash: string;
  failedAttempts: number;
  lockedOut: boolean;
  /** When a lock-out lapses by itself (ISO instant); null when only a supervisor frees it. */
  lockedUntil: string | null;
}

interface Row {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  failed_attempts: number;
  locked_out: number;
  locked_until: string | null;
}

const toRecord = (r: Row): UserRecord => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  passwordHash: r.password_hash,
  failedAttempts: r.failed_attempts,
  lockedOut: r.locked_out === 1,
  lockedUntil: r.locked_until,
});

export const usersRepo = (db: Db) => {
  const byUsername = db.prepare<[string], Row>('SELECT * FROM users WHERE username = ?');
  const byId = db.prepare<[string], Row>('SELECT * FROM users WHERE id = ?');
  const insert = db.prepare(
    'INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const setAttempts = db.prepare('UPDATE users SET failed_attempts = ?, locked_out = ?, locked_until = ? WHERE id = ?');
  const count = db.prepare('SELECT COUNT(*) FROM users').pluck();
  return {
    findByUsername: (username: string) => {
      const r = byUsername.get(username);
      return r ? toRecord(r) : undefined;
    },
    findById: (id: string) => {
      const r = byId.get(id);
      return r ? toRecord(r) : undefined;
    },
    insert: (u: { id: string; username: string; displayName: string; role: Role; passwordHash: string; createdAt: string }) => {
      insert.run(u.id, u.username, u.displayName, u.role, u.passwordHash, u.createdAt);
    },
    /** `lockedUntil` only with a lock-out that lapses; any other call clears it. */
    recordAttempts: (id: string, failedAttempts: number, lockedOut: boolean, lockedUntil: string | null = null) => {
      setAttempts.run(failedAttempts, lockedOut ? 1 : 0, lockedOut ? lockedUntil : null, id);
    },
    count: () => count.get() as number,
  };
};
export type UsersRepo = ReturnType<typeof usersRepo>;
