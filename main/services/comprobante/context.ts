import type { Account } from '../../../domain/accounts/account';
import { addDays } from '../../../domain/calendar/iso-date';
import type { CashDepositRecord } from '../../../domain/uiaf/thresholds';
import type { PersonId } from '../../../domain/accounts/person';
import type { ComprobanteDeps } from './deps';
import { docKey, parseDocKey } from './errors';

/** First day of the calendar month of a business date (UIAF monthly accumulator, GMF monthly cap). */
export const monthStart = (on: string): string => `${on.slice(0, 7)}-01`;

/**
 * The customer whose monthly cash the UIAF accumulator counts (domain-co §2, "per-client monthly cash
 * accumulator"): the account's first holder, from this workstation's own comprobantes.
 */
export const customerOf = (account: Account): string => {
  const h = account.holders[0];
  return h ? docKey(h.id) : `CUENTA:${account.number}`;
};

export const customerMonthCash = (deps: ComprobanteDeps, account: Account, on: string): number =>
  deps.comprobantes.customerCash(customerOf(account), monthStart(on), on);

export const recentCashDeposits = (deps: ComprobanteDeps, on: string): CashDepositRecord[] => {
  const { windowDays, margin } = deps.rules.uiaf.structuring;
  const threshold = deps.rules.uiaf.individualCashThreshold;
  const from = addDays(on, -(windowDays - 1));
  // Only deposits just under the threshold can make a structuring alert (domain/uiaf isJustUnder).
  return deps.comprobantes.recentCashDeposits(from, on, threshold - margin, threshold).map((r) => ({
    on: r.on,
    amount: r.amount,
    accountNumber: r.accountNumber,
    depositor: parseDocKey(r.depositor) as PersonId,
  }));
};
