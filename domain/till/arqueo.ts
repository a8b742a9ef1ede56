import { DENOMINATIONS, countOf, totalOfCount, type Denomination, type DenominationCount } from '../money/denominations';
import type { Pesos } from '../money/pesos';

/**
 * Blind arqueo (teller-anchors §4 item 12): the teller counts by denomination without seeing the expected
 * position; the core compares. `difference` = counted − expected, so a faltante (shortage) is negative and a
 * sobrante (overage) positive.
 */
export type ArqueoOutcome = 'cuadrada' | 'faltante' | 'sobrante';

export interface DenominationDifference {
  denomination: Denomination;
  expected: number;
  counted: number;
  /** counted − expected, in pieces. */
  pieces: number;
}

export interface ArqueoResult {
  expectedTotal: Pesos;
  countedTotal: Pesos;
  difference: number;
  outcome: ArqueoOutcome;
  /** Only the denominations that differ, largest first. */
  byDenomination: DenominationDifference[];
}

export const compareCount = (expected: DenominationCount, counted: DenominationCount): ArqueoResult => {
  const expectedTotal = totalOfCount(expected);
  const countedTotal = totalOfCount(counted);
  const difference = countedTotal - expectedTotal;
  const byDenomination: DenominationDifference[] = [];
  for (const d of DENOMINATIONS) {
    const e = countOf(expected, d);
    const c = countOf(counted, d);
    if (e !== c) byDenomination.push({ denomination: d, expected: e, counted: c, pieces: c - e });
  }
  return { expectedTotal, countedTotal, difference, outcome: difference === 0 ? 'cuadrada' : difference < 0 ? 'faltante' : 'sobrante', byDenomination };
};

/**
 * What the close flow does after count number `countNumber` (1-based, never reset within one arqueo). A difference
 * above the threshold on the first count asks for a second blind count (the teller is not told the amount, so the
 * recount stays blind); any difference after that is final and must be booked with a reason and a supervisor's
 * approval.
 *
 * Blind close with dual control (teller-anchors §2 row 18, §4 item 12; domain-co dual control; `TillPolicy.blindClose`):
 * once a count of this arqueo has shown the teller a difference (`differenceShown`), the teller knows the expected
 * cash, so no later count is blind. Such a count may still square, but the teller cannot close on it alone: it goes
 * to a supervisor like a difference (`aprobar` with outcome `cuadrada`), who sees every count of the arqueo.
 */
export type CountDecision =
  | { next: 'cerrar' }
  | { next: 'recontar' }
  | { next: 'aprobar'; outcome: ArqueoOutcome; amount: Pesos };

export const decideAfterCount = (result: Pick<ArqueoResult, 'difference'>, countNumber: number, threshold: Pesos, differenceShown = false): CountDecision => {
  const d = result.difference;
  if (d === 0) return differenceShown ? { next: 'aprobar', outcome: 'cuadrada', amount: 0 } : { next: 'cerrar' };
  if (countNumber <= 1 && !differenceShown && Math.abs(d) > threshold) return { next: 'recontar' };
  return { next: 'aprobar', outcome: d < 0 ? 'faltante' : 'sobrante', amount: Math.abs(d) };
};

/**
 * The state a count is journaled with: its decision, except that a count which squares after a shown difference
 * says so (it still goes to the supervisor, see decideAfterCount) instead of reading as a difference.
 */
export type CountJournalState = CountDecision['next'] | 'aprobar_cuadrado';
export const countJournalState = (decision: CountDecision): CountJournalState =>
  decision.next === 'aprobar' && decision.outcome === 'cuadrada' ? 'aprobar_cuadrado' : decision.next;

/** Reasons a teller picks for a difference (Spanish, as booked); free text completes them. */
export const DIFFERENCE_REASONS = {
  ERROR_PAGO: 'Error al pagar un retiro (se entregó de más o de menos)',
  ERROR_RECIBO: 'Error al recibir una consignación',
  BILLETE_FALSO: 'Billete falso o deteriorado retenido',
  CONTEO_APERTURA: 'Diferencia en el conteo de apertura',
  NO_IDENTIFICADA: 'Causa no identificada',
} as const;
export type DifferenceReasonCode = keyof typeof DIFFERENCE_REASONS;
export const DIFFERENCE_REASON_CODES = Object.keys(DIFFERENCE_REASONS) as DifferenceReasonCode[];
