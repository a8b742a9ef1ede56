import { BILLS, DENOMINATIONS, countOf, totalOfCount, type DenominationCount } from '../money/denominations';
import { formatPesos, type Pesos } from '../money/pesos';
import { perMilleOf, type TillPolicy } from './policy';

/**
 * Cash-holding limit of a till (O-BP, teller-anchors §4 item 14): `ok` below the warning level, `cerca` from
 * the warning level up to the limit (prompt to move the surplus to the vault before the limit is crossed),
 * `excedido` above it (closing is blocked until the surplus goes to the vault).
 */
export type HoldingState = 'ok' | 'cerca' | 'excedido';

export interface HoldingCheck {
  state: HoldingState;
  limit: Pesos;
  warnAt: Pesos;
  /** What the till should hold at most after sending its surplus. */
  target: Pesos;
  /** What to send to the vault to come down to the target; 0 when state is `ok`. */
  surplus: Pesos;
  /** Spanish prompt for the teller, null when nothing is to be done. */
  prompt: string | null;
}

/**
 * The step a blind teller's amount to send is rounded to. Rounded to 10.000 it gave the till's cash away (capped
 * at the cash, "Traslade $ 3.790.000" for $ 3.796.950); to whole millions it says no more than the cash's
 * million, which does not help square a count.
 */
export const BLIND_STEP = 1_000_000;

/**
 * What to send to the vault so that a till that will hold `after` pesos comes down to the target: rounded up to
 * whole `step` (10.000: a bill mix exists for it; BLIND_STEP under blind close), at most what the till holds now
 * (`onHand`), rounded down. The one rule behind the menu's prompt, a deposit's warning and the close gate, so the
 * teller is never told three different amounts.
 */
export const surplusToTarget = (after: Pesos, onHand: Pesos, target: Pesos, step = 10_000): Pesos =>
  Math.max(0, Math.min(onHand - (onHand % step), Math.ceil((after - target) / step) * step));

/**
 * `blind`: the prompt is for a teller under blind close, so it names the limit and what to send, never the till's
 * cash, and what to send is rounded to BLIND_STEP.
 */
export const checkHolding = (positionTotal: Pesos, policy: TillPolicy, blind = false): HoldingCheck => {
  const limit = policy.maxHolding;
  const warnAt = perMilleOf(limit, policy.warnPerMille);
  const target = perMilleOf(limit, policy.targetPerMille);
  if (positionTotal < warnAt) return { state: 'ok', limit, warnAt, target, surplus: 0, prompt: null };
  const surplus = surplusToTarget(positionTotal, positionTotal, target, blind ? BLIND_STEP : 10_000);
  const state: HoldingState = positionTotal > limit ? 'excedido' : 'cerca';
  const holds = blind ? 'La caja' : `La caja tiene ${formatPesos(positionTotal)} y`;
  // QA: "trasladar $ 25.000.000" for $ 400.000 over read as arbitrary: the amount brings the till down to its
  // target, not just under the limit, and the prompt says so (the target is policy, never the blind till's cash).
  const why = `para que baje a su meta de ${formatPesos(target)}`;
  const prompt =
    state === 'excedido'
      ? `${holds} supera su límite de ${formatPesos(limit)}. Se recomienda trasladar ${formatPesos(surplus)} a la bóveda (F10) antes de recibir más efectivo, ${why}.`
      : blind
        ? `La caja está cerca de su límite de ${formatPesos(limit)}. Traslade ${formatPesos(surplus)} a la bóveda (F10) ${why}.`
        : `La caja tiene ${formatPesos(positionTotal)}, cerca de su límite de ${formatPesos(limit)}. Traslade ${formatPesos(surplus)} a la bóveda (F10) ${why}.`;
  return { state, limit, warnAt, target, surplus, prompt };
};

/**
 * Whether receiving `incoming` more pesos would cross the limit: the prompt comes before, not after. Told to a blind
 * receiver as a yes/no only (never the amount): it bounds the amount from below by what the till lacks to its limit,
 * which the teller under blind close knows only roughly, and does not help type a count that must match piece by piece.
 */
export const wouldCrossLimit = (positionTotal: Pesos, incoming: Pesos, policy: Pick<TillPolicy, 'maxHolding'>): boolean =>
  positionTotal + incoming > policy.maxHolding;

/**
 * Why a send to another till would leave it over its holding limit, or null: counted with what is already on its way to
 * it (provisions in transit are not in its position until accepted, QA s36 F8: two provisions of $ 50.000.000 and
 * $ 9.000.000 each fit alone and together crossed $ 60.000.000). The vault and till-to-till sends say it alike.
 */
export const sendOverLimit = (t: { tillCode: string; position: Pesos; inTransit: Pesos; amount: Pesos; limit: Pesos }): string | null => {
  const after = t.position + t.inTransit + t.amount;
  if (after <= t.limit) return null;
  const transit = t.inTransit > 0 ? ` y los ${formatPesos(t.inTransit)} que ya van en camino hacia ella` : '';
  return `Con este traslado${transit} la caja ${t.tillCode} quedaría en ${formatPesos(after)}, por encima de su límite de ${formatPesos(t.limit)}. Envíe como máximo ${formatPesos(Math.max(0, t.limit - t.position - t.inTransit))}.`;
};

/**
 * A bill mix for sending `amount` to the vault from `position`, largest bills first (the vault wants big bills,
 * the till keeps change). Returns null when the till's pieces cannot make the exact amount this way.
 */
export const surplusMix = (position: DenominationCount, amount: Pesos): DenominationCount | null => {
  let left = amount;
  const out: DenominationCount = {};
  for (const d of [...BILLS, ...DENOMINATIONS.filter((x) => !(BILLS as readonly number[]).includes(x))]) {
    const take = Math.min(countOf(position, d), Math.floor(left / d));
    if (take > 0) {
      out[`${d}`] = take;
      left -= take * d;
    }
  }
  return left === 0 && totalOfCount(out) === amount ? out : null;
};
