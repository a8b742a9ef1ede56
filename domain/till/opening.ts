import { formatReceiptDate, formatReceiptDateTime } from '../calendar/bogota-time';
import { DENOMINATIONS, type DenominationCount } from '../money/denominations';
import { formatPesos } from '../money/pesos';
import { compareCount, type ArqueoResult } from './arqueo';

/** What the till held when it was last closed: the cash its close counted, which stays in it until the next opening. */
export interface LastClose {
  closedTillId: string;
  businessDate: string;
  closedAt: string | null;
  count: DenominationCount;
  total: number;
}

/**
 * The next opening against the last close (QA M1): the cash counted at the close carries over by denomination,
 * so an opening count that differs is a difference (sobrante/faltante) a supervisor approves, never cash that
 * silently appears or leaves the branch. The first opening of a till has no close to compare with.
 */
export const openingAgainstClose = (last: LastClose | null, counted: DenominationCount): ArqueoResult | null => {
  if (!last) return null;
  const cmp = compareCount(last.count, counted);
  return cmp.byDenomination.length === 0 ? null : cmp;
};

/** The approval names the close and the exact count it covers: another count needs its own approval. */
export const openingSubject = (closedTillId: string, counted: DenominationCount): string =>
  `till_opening:${closedTillId}:${DENOMINATIONS.map((d) => counted[`${d}`] ?? 0).join('.')}`;

/** The refusal of an opening whose count differs from the last close, in the teller's words. */
export const openingDifferenceMessage = (tillCode: string, last: LastClose, cmp: ArqueoResult): string => {
  const what = cmp.difference === 0 ? 'la misma suma con otras denominaciones' : `${cmp.difference < 0 ? 'faltante' : 'sobrante'} de ${formatPesos(Math.abs(cmp.difference))}`;
  return `La caja ${tillCode} se cerró el ${formatReceiptDate(last.businessDate)} con ${formatPesos(last.total)} y usted contó ${formatPesos(cmp.countedTotal)}: ${what}. Cuente de nuevo o pida la aprobación del supervisor para abrir con su conteo.`;
};

/**
 * The store has no close of the till (a reinstall) and central did not answer: the count cannot be compared with
 * the last close, so a supervisor approves the count itself. The subject names the till and the exact count.
 */
export const openingUnverifiedSubject = (tillCode: string, counted: DenominationCount): string =>
  `till_opening_unverified:${tillCode}:${DENOMINATIONS.map((d) => counted[`${d}`] ?? 0).join('.')}`;

export const openingUnverifiedMessage = (tillCode: string): string =>
  `No se pudo consultar en central el último cierre de la caja ${tillCode} (esta estación no lo tiene): la apertura no se puede comparar con el último cierre. Pida la aprobación del supervisor para abrir con su conteo, o reintente cuando central responda.`;

/**
 * The till's latest opening, at central, after its last close and never closed: the machine died or was replaced
 * with the till open. `teller`: who opened it, by name when known.
 */
export interface LeftOpen {
  sessionId: string;
  businessDate: string;
  openedAt: string;
  amount: number;
  teller: string | null;
}

/**
 * An opening after a till left open is compared with nothing (OPENING_UNVERIFIED's semantics, not a difference):
 * the last close is stale, since the session left open moved cash that no close counted, so even its very count
 * proves nothing. The supervisor approves the count itself; the subject names the session left open and the count.
 */
export const openingLeftOpenSubject = (sessionId: string, counted: DenominationCount): string =>
  `till_opening_left_open:${sessionId}:${DENOMINATIONS.map((d) => counted[`${d}`] ?? 0).join('.')}`;

export const leftOpenSince = (left: LeftOpen): string => `quedó abierta en central desde el ${formatReceiptDate(left.businessDate)} sin cierre`;

export const openingLeftOpenMessage = (left: LeftOpen, last: LastClose): string => {
  const who = left.teller ? `la abrió ${left.teller}` : 'se abrió';
  return (
    `La caja ${leftOpenSince(left)}: ${who} el ${formatReceiptDateTime(left.openedAt).slice(0, 16)} con ${formatPesos(left.amount)} y central no recibió su cierre ` +
    `(el equipo se apagó o se reemplazó con la caja abierta). Lo que esa sesión movió no se contó, así que su conteo no se puede comparar con el último ` +
    `cierre (${formatReceiptDate(last.businessDate)}, ${formatPesos(last.total)}). Pida la aprobación del supervisor para abrir con su conteo.`
  );
};
