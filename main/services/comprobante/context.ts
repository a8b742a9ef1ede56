import type { Account } from '../../../domain/accounts/account';
import { addDays } from '../../../domain/calendar/iso-date';
import type { CashDepositRecord } from '../../../domain/uiaf/thresholds';
import type { PersonId } from '../../../domain/accounts/person';
import { customerKey } from '../../../domain/central-api/cash-report';
import type { CashDeclaration } from '../../../domain/uiaf/declaration';
import type { ComprobanteDeps } from './deps';
import { parseDocKey } from './errors';
import { bogotaDate } from '../../core/runtime';

/** `AAAA-MM` of a business date: the key of central's cash register. */
const monthOf = (on: string): string => on.slice(0, 7);
/** First day of the calendar month of a business date (UIAF monthly accumulator, GMF monthly cap). */
export const monthStart = (on: string): string => `${monthOf(on)}-01`;

/**
 * The customer whose monthly cash the UIAF accumulator counts (domain-co §2, "per-client monthly cash
 * accumulator"): the account's first holder.
 */
export const customerOf = (account: Account): string => customerKey(account.holders[0]?.id, account.number);

/** This workstation's own comprobantes, plus the customer's cash at the bank's other workstations (central). */
export const customerMonthCash = (deps: ComprobanteDeps, account: Account, on: string): number =>
  deps.comprobantes.customerCash(customerOf(account), monthStart(on), on) + (deps.remoteCash?.elsewhere(customerOf(account), monthOf(on)) ?? 0);

/** The office on a UIAF declaration is this workstation's, whatever the screen filled in: it is a fact, not a statement. */
export const declaredAtThisOffice = <T extends { declaration?: CashDeclaration | undefined }>(deps: ComprobanteDeps, x: T): T =>
  x.declaration ? { ...x, declaration: { ...x.declaration, office: { code: deps.workstation.branchCode, city: deps.officeCity } } } : x;

/** Fetches the account's customer's cash elsewhere this month before an evaluation or posting reads it (bounded wait). */
export const prefetchCustomerCash = async (deps: ComprobanteDeps, accountNumber: string): Promise<void> => {
  const account = deps.accounts.get(accountNumber)?.account;
  if (account) await deps.remoteCash?.refresh(customerOf(account), monthOf(bogotaDate(deps.clock.now())));
};

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
