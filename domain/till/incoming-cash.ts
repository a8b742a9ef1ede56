import { formatPesos, type Pesos } from '../money/pesos';
import { BLIND_STEP, surplusToTarget, type HoldingState } from './holding';

/**
 * Cash about to come into the till (a deposit before it is confirmed) against the till's holding limit (O-BP,
 * teller-anchors §2 row 8 "prompt sell to vault before breach"; issue 7): the teller is warned before the
 * limit is crossed, not after, and offered the surplus to send to the vault first.
 */
export interface IncomingCashCheck {
  state: HoldingState;
  /** The till's cash after the incoming cash. */
  after: Pesos;
  /** What to send to the vault now, from the cash already in the till, so that after the incoming cash the till is at the target. */
  surplus: Pesos;
  /** Spanish, null when nothing is to be done. */
  prompt: string | null;
}

/**
 * `blind`: for a teller under blind close, the prompt does not say what the till would hold (it would tell its
 * cash), and what to send is rounded to BLIND_STEP.
 */
export const checkIncomingCash = (positionTotal: Pesos, incoming: Pesos, h: { limit: Pesos; warnAt: Pesos; target: Pesos }, blind = false): IncomingCashCheck => {
  const after = positionTotal + incoming;
  if (after < h.warnAt) return { state: 'ok', after, surplus: 0, prompt: null };
  const surplus = surplusToTarget(after, positionTotal, h.target, blind ? BLIND_STEP : 10_000);
  const state: HoldingState = after > h.limit ? 'excedido' : 'cerca';
  const send = surplus > 0 ? ` Traslade ${formatPesos(surplus)} a la bóveda antes de confirmar.` : ' Traslade efectivo a la bóveda en cuanto pueda.';
  const where = state === 'excedido' ? 'por encima de' : 'cerca de';
  const prompt = blind
    ? `Con este efectivo la caja quedaría ${where} su límite de ${formatPesos(h.limit)}.${send}`
    : `Con este efectivo la caja quedaría en ${formatPesos(after)}, ${where} su límite de ${formatPesos(h.limit)}.${send}`;
  return { state, after, surplus, prompt };
};
