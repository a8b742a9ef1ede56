import type { PersonId } from '../accounts/person';
import { samePerson } from '../accounts/person';
import { type IsoDate, addDays } from '../calendar/iso-date';
import { formatPesos, type Pesos } from '../money/pesos';
import type { RulesConfig } from '../rules-config/config';

/**
 * Cash transaction reporting (domain-co §2): one transaction ≥ $10.000.000, or the customer's cash in the
 * calendar month reaching ≥ $50.000.000. Cheques are not cash and never count.
 */
export interface CashUiafInput {
  readonly cash: Pesos;
  /** Cash the same customer already transacted this calendar month (deposits and withdrawals, RTE). */
  readonly customerMonthCashBefore: Pesos;
}

export interface CashUiafResult {
  readonly individual: boolean;
  readonly multiple: boolean;
  /** The monthly sum crosses the threshold with this transaction: alert the Oficial de Cumplimiento once. */
  readonly crossesMonthly: boolean;
  /** The declaración de origen/destino de fondos must be complete and signed before posting. */
  readonly declarationRequired: boolean;
  /** Goes into the monthly Reporte de Transacciones en Efectivo. */
  readonly reportable: boolean;
  readonly monthTotal: Pesos;
  /** Why the declaration is asked, in Spanish, so the teller can tell the customer; null when it is not. */
  readonly why: string | null;
}

export const evaluateCashUiaf = (input: CashUiafInput, rules: RulesConfig): CashUiafResult => {
  const { individualCashThreshold, monthlyCashThreshold, declarationOnMonthlyThreshold } = rules.uiaf;
  const monthTotal = input.customerMonthCashBefore + input.cash;
  const individual = input.cash >= individualCashThreshold;
  const multiple = input.cash > 0 && monthTotal >= monthlyCashThreshold;
  const crossesMonthly = multiple && input.customerMonthCashBefore < monthlyCashThreshold;
  const declarationRequired = individual || (multiple && declarationOnMonthlyThreshold);
  // QA: a 5th deposit of $ 6.000.000 was asked for a declaration with nothing saying it was the month's total.
  const reasons = [
    individual ? `Esta operación en efectivo es de ${formatPesos(input.cash)} (desde ${formatPesos(individualCashThreshold)} en una sola operación la UIAF exige la declaración).` : null,
    multiple && declarationOnMonthlyThreshold
      ? `El efectivo del cliente este mes (consignaciones y retiros) llega a ${formatPesos(monthTotal)} con esta operación (desde ${formatPesos(monthlyCashThreshold)} en el mes la UIAF exige la declaración).`
      : null,
  ].filter((r): r is string => r !== null);
  return {
    individual,
    multiple,
    crossesMonthly,
    declarationRequired,
    reportable: individual || multiple,
    monthTotal,
    why: declarationRequired ? reasons.join(' ') : null,
  };
};

export interface CashDepositRecord {
  readonly on: IsoDate;
  readonly amount: Pesos;
  readonly accountNumber: string;
  readonly depositor: PersonId;
  /** When it was posted (ISO instant), where known: the order of deposits of the same day. */
  readonly at?: string;
}

export interface StructuringAlert {
  readonly by: 'account' | 'depositor' | 'both';
  /** Qualifying deposits in the window, the current one included. */
  readonly count: number;
  readonly total: Pesos;
  readonly windowFrom: IsoDate;
  readonly windowTo: IsoDate;
  /** The deposits that formed it, the current one last: what the Oficial de Cumplimiento reads for the ROS. */
  readonly deposits: readonly CashDepositRecord[];
}

/** "Just under" the individual threshold: [threshold − margin, threshold). */
export const isJustUnder = (amount: Pesos, rules: RulesConfig): boolean => {
  const t = rules.uiaf.individualCashThreshold;
  return amount < t && amount >= t - rules.uiaf.structuring.margin;
};

/**
 * Possible structuring (fraccionamiento): the current cash deposit is just under the threshold and, counting it,
 * at least `minCount` such deposits went to the same account or came from the same depositor within the window.
 * The alert goes to the supervisor and never to the customer (tipping-off, domain-co §2).
 */
export const detectStructuring = (
  current: CashDepositRecord,
  recent: readonly CashDepositRecord[],
  rules: RulesConfig,
): StructuringAlert | null => {
  if (!isJustUnder(current.amount, rules)) return null;
  const { windowDays, minCount } = rules.uiaf.structuring;
  const windowFrom = addDays(current.on, -(windowDays - 1));
  const inWindow = recent.filter((r) => r.on >= windowFrom && r.on <= current.on && isJustUnder(r.amount, rules));
  const byAccount = inWindow.filter((r) => r.accountNumber === current.accountNumber);
  const byDepositor = inWindow.filter((r) => samePerson(r.depositor, current.depositor));
  const accountHit = byAccount.length + 1 >= minCount;
  const depositorHit = byDepositor.length + 1 >= minCount;
  if (!accountHit && !depositorHit) return null;
  const matched = new Set([...(accountHit ? byAccount : []), ...(depositorHit ? byDepositor : [])]);
  // In posting order: by day, then by instant within the day (QA: the desk read 9,5 M, 9,9 M, 9,2 M for deposits
  // posted 9,9 M, 9,5 M, 9,2 M, the store's order by amount kept for same-day deposits).
  const deposits = [...[...matched].sort((a, b) => a.on.localeCompare(b.on) || (a.at ?? '').localeCompare(b.at ?? '')), current];
  return {
    by: accountHit && depositorHit ? 'both' : accountHit ? 'account' : 'depositor',
    count: deposits.length,
    total: deposits.reduce((sum, r) => sum + r.amount, 0),
    windowFrom,
    windowTo: current.on,
    deposits,
  };
};

/**
 * A supervisor's rejection of a structuring alert stands for that account and that depositor for one window
 * counted from the day of the alert: another cash deposit to the account or by the depositor that raises the
 * alert again in those days is the same pattern, so it is refused instead of going back to a supervisor as if
 * new. Only a supervisor's reconsideration lifts it earlier.
 */
export const rejectionHoldsUntil = (alertOn: IsoDate, rules: RulesConfig): IsoDate => addDays(alertOn, rules.uiaf.structuring.windowDays - 1);

/** The earliest alert date whose rejection still stands on `on`. */
export const rejectionsStandingSince = (on: IsoDate, rules: RulesConfig): IsoDate => addDays(on, -(rules.uiaf.structuring.windowDays - 1));
