import type { Role } from '../../../domain/contract/session';
import type { Clock, Ids } from '../../core/runtime';
import type { UsersRepo } from '../../store/users/repo';
import { hashPassword } from '../session/password';

/** Demo staff of branch 001; printed by `npm start`. Only seeded into an empty database. */
export const DEMO_USERS: readonly { username: string; displayName: string; role: Role; password: string }[] = [
  { username: 'cajero1', displayName: 'Ana Gómez', role: 'cajero', password: 'Caja.2026' },
  { username: 'cajero2', displayName: 'Luis Pérez', role: 'cajero', password: 'Caja.2026' },
  { username: 'supervisor1', displayName: 'Marta Rojas', role: 'supervisor', password: 'Super.2026' },
];

export const seedDemoUsers = async (deps: { users: UsersRepo; clock: Clock; ids: Ids }): Promise<boolean> => {
  if (deps.users.count() > 0) return false;
  for (const u of DEMO_USERS) {
    deps.users.insert({
      id: deps.ids.uuid(),
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      passwordHash: await hashPassword(u.password),
      createdAt: deps.clock.now().toISOString(),
    });
  }
  return true;
};
