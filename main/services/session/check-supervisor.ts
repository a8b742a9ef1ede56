import type { User } from '../../../domain/contract/session';
import { MakerCheckerError, assertMakerIsNotChecker } from '../../../domain/approval/request';
import { AppError } from '../../core/errors';
import { inTransaction, type Db } from '../../store/db';
import type { UsersRepo } from '../../store/users/repo';
import type { Journal } from '../journal/writer';
import { DUMMY_HASH, verifyPassword } from './password';
import { journalUnknownUser } from './unknown-user';

const LOCKED_OUT = 'El usuario del supervisor está bloqueado por intentos fallidos. Otro supervisor debe aprobar.';

/**
 * A supervisor proves who they are at any workstation with their own user and password (over the shoulder or
 * at the desk). Failed attempts count towards the same lock-out as log-in. Maker ≠ checker: neither the one
 * who asked nor the one signed in at this workstation may decide.
 */
export const checkSupervisor = async (
  deps: { db: Db; users: UsersRepo; journal: Journal; maxFailedAttempts: number },
  input: {
    username: string;
    password: string;
    makers: readonly string[];
    context: string;
    /** Extra journal details for a failed attempt (e.g. the approval id). */
    details?: Record<string, string>;
    /** Report maker = checker before "not a supervisor", so a teller typing their own password learns the rule. */
    makersFirst?: boolean;
  },
): Promise<User> => {
  const sup = deps.users.findByUsername(input.username);
  const passwordOk = await verifyPassword(input.password, sup?.passwordHash ?? DUMMY_HASH);
  if (!sup) {
    journalUnknownUser(deps.journal, { context: input.context, ...input.details });
    throw new AppError('INVALID_CREDENTIALS', 'Usuario o contraseña del supervisor incorrectos.');
  }
  if (sup.lockedOut) throw new AppError('USER_LOCKED_OUT', LOCKED_OUT);
  if (!passwordOk) {
    const attempts = sup.failedAttempts + 1;
    const lockedOut = attempts >= deps.maxFailedAttempts;
    inTransaction(deps.db, () => {
      deps.users.recordAttempts(sup.id, attempts, lockedOut);
      deps.journal.record(lockedOut ? 'user_locked_out' : 'login_failed', sup.id, { attempts, context: input.context, ...input.details });
    });
    if (lockedOut) throw new AppError('USER_LOCKED_OUT', LOCKED_OUT);
    throw new AppError('INVALID_CREDENTIALS', 'Usuario o contraseña del supervisor incorrectos. Vuelva a escribirlos.');
  }
  // The right password for the wrong person (a teller, or the maker approving their own operation) is an
  // attempt the auditor asks about, as a wrong password is: it is journaled under the user who typed it.
  const refuse = (code: string, message: string): never => {
    inTransaction(deps.db, () => deps.journal.record('approval', sup.id, { action: 'autorizacion_rehusada', code, context: input.context, ...input.details }));
    throw new AppError(code, message);
  };
  const checkRole = () => {
    if (sup.role !== 'supervisor') refuse('NOT_A_SUPERVISOR', `${sup.displayName} no es supervisor. La aprobación la da un supervisor con su propio usuario.`);
  };
  if (!input.makersFirst) checkRole();
  try {
    for (const m of input.makers) assertMakerIsNotChecker(m, sup.id);
  } catch (e) {
    if (e instanceof MakerCheckerError) refuse(e.code, e.message);
    throw e;
  }
  checkRole();
  if (sup.failedAttempts > 0) deps.users.recordAttempts(sup.id, 0, false);
  return { id: sup.id, username: sup.username, displayName: sup.displayName, role: sup.role };
};
