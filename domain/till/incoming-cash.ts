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
  const prompt = `${whereItStands(positionTotal, after, h.limit, blind)} ${recommendation(after, surplus, h.target, blind)}`;
  return { state, after, surplus, prompt };
};

/**
 * The tense follows the till: a till already over its limit "ya supera" it (QA: "quedaría por encima" was said of
 * a till that was over before the deposit). Under blind close it names no cash of the till.
 */
const whereItStands = (positionTotal: Pesos, after: Pesos, limit: Pesos, blind: boolean): string => {
  if (positionTotal > limit) return `La caja ya supera su límite de ${formatPesos(limit)} y con este efectivo lo superaría aún más.`;
  const where = after > limit ? 'por encima de' : 'cerca de';
  return blind
    ? `Con este efectivo la caja quedaría ${where} su límite de ${formatPesos(limit)}.`
    : `Con este efectivo la caja quedaría en ${formatPesos(after)}, ${where} su límite de ${formatPesos(limit)}.`;
};

/**
 * The limit is the bank's policy, not a block: the screen recommends, and says where the amount comes from — down
 * to the target once this cash is in, rounded up to the step (a whole million under blind close, so a deposit of
 * $ 100.000 may move it by a million) — so the teller can tell why it changed from one deposit to the next.
 */
const recommendation = (after: Pesos, surplus: Pesos, target: Pesos, blind: boolean): string => {
  if (surplus === 0) return 'Se recomienda trasladar efectivo a la bóveda en cuanto pueda.';
  const rounded = blind ? 'al millón' : 'a los $ 10.000';
  return after - surplus <= target
    ? `Se recomienda trasladar ${formatPesos(surplus)} a la bóveda antes de registrar, para que con este efectivo la caja baje a su meta de ${formatPesos(target)} (redondeado hacia arriba ${rounded}).`
    : `Se recomienda trasladar ${formatPesos(surplus)} a la bóveda antes de registrar, todo lo que la caja puede enviar; aun así quedaría por encima de su meta de ${formatPesos(target)}.`;
};
