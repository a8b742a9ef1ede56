import type { User } from '../../../domain/contract/session';
import { applyCount, totalOfCount, type DenominationCount } from '../../../domain/money/denominations';
import { formatPesos } from '../../../domain/money/pesos';
import { AppError } from '../../core/errors';
import type { TillRepo, TillSessionRecord } from '../../store/till/repo';
import { tillDayRefusal } from '../../../domain/till/business-day';

/** A till opened for an earlier business day takes nothing more until it is closed (its report files it all under that day). */
export const requireTodaysTill = (till: TillSessionRecord, today: string): void => {
  const refusal = tillDayRefusal(till.businessDate, today);
  if (refusal) throw new AppError(refusal.code, refusal.message, { openedFor: till.businessDate });
};

/**
 * The open till of this workstation, which must be the caller's (nobody posts into someone else's cash) and
 * opened for `today`, the business date of the posting.
 */
export const requireOwnTill = (tills: TillRepo, tillCode: string, user: User, today: string): TillSessionRecord => {
  const till = tills.findOpen(tillCode);
  if (!till) throw new AppError('TILL_NOT_OPEN', `La caja ${tillCode} no está abierta. Ábrala con F2 antes de registrar comprobantes.`);
  if (till.tellerId !== user.id) {
    throw new AppError('TILL_NOT_YOURS', `La caja ${tillCode} está abierta por otro cajero. Solo quien abrió la caja registra en ella.`);
  }
  requireTodaysTill(till, today);
  return till;
};

/**
 * Cash into (+1) or out of (−1) the till by denomination. Paying out refuses when any denomination would go below
 * zero: the teller cannot hand over bills the till does not have.
 */
export const moveCash = (
  tills: TillRepo,
  till: TillSessionRecord,
  move: { id: string; kind: string; reference: string; count: DenominationCount; sign: 1 | -1; at: string },
): void => {
  const amount = totalOfCount(move.count);
  if (amount === 0) return;
  let position: DenominationCount;
  try {
    position = applyCount(till.position, move.count, move.sign);
  } catch {
    throw new AppError('TILL_CASH_SHORT', `La caja no tiene las piezas para entregar ${formatPesos(amount)} con esa mezcla. Solicite provisión a la bóveda o pague con otra mezcla.`);
  }
  tills.addMovement(
    { id: move.id, tillSessionId: till.id, kind: move.kind, reference: move.reference, delta: move.count, amount: move.sign * amount, at: move.at },
    position,
    totalOfCount(position),
  );
};
