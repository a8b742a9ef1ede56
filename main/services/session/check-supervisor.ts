import type { User } from '../../../domain/contract/session';
import { MakerCheckerError, assertMakerIsNotChecker } from '../../../domain/approval/request';
import { AppError } from '../../core/errors';
import { inTransaction, type Db } from '../../store/db';
import type { UsersRepo } from '../../store/users/repo';
import type { Journal } from '../journal/writer';
import { DUMMY_HASH, verifyPassword } from './password';
import { lapsesAtPhrase } from './lockout';
import { journalUnknownUser } from './unknown-user';

/** The refusal says the way out: when the lock-out lapses, or another supervisor freeing it; never the user themselves. */
const lockedOut = (lockedUntil: string | null) => {
  const lapse = lapsesAtPhrase(lockedUntil);
  return new AppError(
    'USER_LOCKED_OUT',
    lapse
      ? `El usuario del supervisor está bloqueado por intentos fallidos: ${lapse} o lo libera otro supervisor en la pantalla de ingreso (F2). Mientras tanto, otro supervisor puede aprobar.`
      : 'El usuario del supervisor está bloqueado por intentos fallidos: lo libera otro supervisor en la pantalla de ingreso (F2). Mientras tanto, otro supervisor puede aprobar.',
    lockedUntil ? { lockedUntil } : undefined,
  );
};

export const attemptsLeftPhrase = (left: number) => (left === 1 ? 'Le queda 1 intento' : `Le quedan ${left} intentos`);

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
    journalUnknownUser(deps.journal, 'approval_failed', { context: input.context, ...input.details });
    throw new AppError('INVALID_CREDENTIALS', 'Usuario o contraseña del supervisor incorrectos. Vuelva a escribirlos.');
  }
  if (sup.lockedOut) throw lockedOut(sup.lockedUntil);
  if (!passwordOk) {
    const attempts = sup.failedAttempts + 1;
    const nowLockedOut = attempts >= deps.maxFailedAttempts;
    // Journaled as a failed approval, not a log-in: the supervisor was signing an approval, not entering.
    inTransaction(deps.db, () => {
      deps.users.recordAttempts(sup.id, attempts, nowLockedOut);
      deps.journal.record(nowLockedOut ? 'user_locked_out' : 'approval_failed', sup.id, { attempts, context: input.context, ...input.details });
    });
    if (nowLockedOut) throw lockedOut(deps.users.findById(sup.id)?.lockedUntil ?? null);
    const left = deps.maxFailedAttempts - attempts;
    // The attempts left, as the log-in screen says them: the supervisor learns before the last one.
    throw new AppError('INVALID_CREDENTIALS', `Usuario o contraseña del supervisor incorrectos. ${attemptsLeftPhrase(left)}.`, { attemptsLeft: left });
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
