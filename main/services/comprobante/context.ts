import type { Account } from '../../../domain/accounts/account';
import { addDays } from '../../../domain/calendar/iso-date';
import type { CashDepositRecord } from '../../../domain/uiaf/thresholds';
import { cashTotal, mergeCashOperations } from '../../../domain/uiaf/merge';
import type { PersonId } from '../../../domain/accounts/person';
import { customerKey, type NearThresholdRequest } from '../../../domain/central-api/cash-report';
import type { CashDeclaration } from '../../../domain/uiaf/declaration';
import { protectionUsedElsewhere } from '../../../domain/withdrawal/embargo';
import type { AuthorizedTaken } from '../../../domain/withdrawal/authorized-conditions';
import type { ComprobanteDeps } from './deps';
import { NO_ACTIVITY } from './remote-activity';
import { docKey, parseDocKey } from './errors';
import { bogotaDate } from '../../../domain/calendar/bogota-time';

/** `AAAA-MM` of a business date: the key of central's cash register. */
const monthOf = (on: string): string => on.slice(0, 7);
/** First day of the calendar month of a business date (UIAF monthly accumulator, GMF monthly cap). */
export const monthStart = (on: string): string => `${monthOf(on)}-01`;

/**
 * The customer whose monthly cash the UIAF accumulator counts (domain-co §2, "per-client monthly cash
 * accumulator"): the account's first holder.
 */
export const customerOf = (account: Account): string => customerKey(account.holders[0]?.id, account.number);

/**
 * The customer's cash this month: central's operations (every workstation, this one's included) merged by key with
 * this workstation's own comprobantes, so one central has counts once and one still in the outbox counts too; one
 * reversed here counts nothing. Without an answer from central ever, this workstation's alone.
 */
export const customerMonthCash = (deps: ComprobanteDeps, account: Account, on: string): number => {
  const customer = customerOf(account);
  const own = deps.comprobantes.customerCashOperations(customer, monthStart(on), on).map((r) => ({ key: r.key ?? `local:${r.sequence}`, amount: r.amount, reversed: r.reversed === 1 }));
  const live = own.filter((o) => !o.reversed).map(({ key, amount }) => ({ key, amount }));
  const central = deps.remoteCash?.operations(customer, monthOf(on)) ?? null;
  if (central === null) return cashTotal(live);
  const reversed = new Set(own.filter((o) => o.reversed).map((o) => o.key));
  return cashTotal(mergeCashOperations(central.map(({ key, amount }) => ({ key, amount })), live, reversed));
};

/** The office on a UIAF declaration is this workstation's, whatever the screen filled in: it is a fact, not a statement. */
export const declaredAtThisOffice = <T extends { declaration?: CashDeclaration | undefined }>(deps: ComprobanteDeps, x: T): T =>
  x.declaration ? { ...x, declaration: { ...x.declaration, office: { code: deps.workstation.branchCode, city: deps.officeCity } } } : x;

/**
 * Fetches what central knows of the account at the bank's other workstations (the customer's cash this month,
 * the account's activity today) before an evaluation or posting reads it, in parallel, with a bounded wait.
 */
export const prefetchCentralFigures = async (deps: ComprobanteDeps, accountNumber: string): Promise<void> => {
  const account = deps.accounts.get(accountNumber)?.account;
  if (!account) return;
  const on = bogotaDate(deps.clock.now());
  await Promise.all([deps.remoteCash?.refresh(customerOf(account), monthOf(on)), deps.remoteActivity?.refresh(account.number, on)]);
};

const elsewhere = (deps: ComprobanteDeps, accountNumber: string, on: string) =>
  deps.remoteActivity?.elsewhere(accountNumber, on) ?? NO_ACTIVITY;

/** Withdrawals from the account today at this workstation and the others (seed 003 cl. 3.12 daily limits). */
export const withdrawalsToday = (deps: ComprobanteDeps, accountNumber: string, on: string): { count: number; amount: number } => {
  const own = deps.comprobantes.accountDay(accountNumber, on, 'retiro');
  const other = elsewhere(deps, accountNumber, on).withdrawals;
  return { count: own.count + other.count, amount: own.total + other.amount };
};

/**
 * What each person present already took (or ordered) from the account today at this workstation, from its own
 * comprobantes, for an authorized person's maximum per day (seed 003 cl. 3.5). The other workstations' part is
 * central's to add, at the hold (central/holds/payees.ts): it is the authoritative check.
 */
export const authorizedTakenToday = (deps: ComprobanteDeps, accountNumber: string, presenters: readonly PersonId[], on: string): AuthorizedTaken[] =>
  presenters.map((person) => ({ person, amount: deps.comprobantes.personDay(accountNumber, on, docKey(person)) }));

/** Cash deposited to the account today, everywhere (the daily cash tope). */
export const cashInToday = (deps: ComprobanteDeps, accountNumber: string, on: string): number =>
  deps.comprobantes.accountDay(accountNumber, on, 'deposito').cashIn + elsewhere(deps, accountNumber, on).cashIn;

/** The part of the account's monthly 350 UVT GMF exemption used so far this month, everywhere (ET art. 879 num. 1). */
export const gmfCapUsedInMonth = (deps: ComprobanteDeps, accountNumber: string, on: string): number =>
  deps.comprobantes.gmfExemptUsed(accountNumber, monthStart(on), on) + elsewhere(deps, accountNumber, on).gmfCapUsedInMonth;

/** What central is asked for the structuring window of a deposit to `accountNumber` by `depositor` on `on`. */
const nearThresholdRequest = (deps: ComprobanteDeps, accountNumber: string, depositor: PersonId, on: string): NearThresholdRequest => {
  const { windowDays, margin } = deps.rules.uiaf.structuring;
  const threshold = deps.rules.uiaf.individualCashThreshold;
  return { account: accountNumber, depositorType: depositor.type, depositorNumber: depositor.number, from: addDays(on, -(windowDays - 1)), to: on, min: threshold - margin, max: threshold };
};

/** Asks central for near-threshold deposits at other workstations before a deposit is evaluated (bounded wait). */
export const prefetchNearThreshold = async (deps: ComprobanteDeps, accountNumber: string, depositor: PersonId): Promise<void> => {
  await deps.remoteStructuring?.refresh(nearThresholdRequest(deps, accountNumber, depositor, bogotaDate(deps.clock.now())));
};

/** Structuring rejections standing at the bank's other workstations for the account or the depositor (central's last answer). */
export const rejectionsElsewhere = (deps: ComprobanteDeps, accountNumber: string, depositor: PersonId, on: string) =>
  deps.remoteStructuring?.rejections(nearThresholdRequest(deps, accountNumber, depositor, on)) ?? [];

/**
 * The structuring window: central's near-threshold cash deposits (every workstation's) merged by key with this
 * workstation's own, as the monthly cash is (customerMonthCash): one central has counts once, one still in the
 * outbox counts too, one reversed here counts nothing.
 */
export const recentCashDeposits = (deps: ComprobanteDeps, on: string, accountNumber: string, depositor: PersonId): CashDepositRecord[] => {
  const req = nearThresholdRequest(deps, accountNumber, depositor, on);
  // Only deposits just under the threshold can make a structuring alert (domain/uiaf isJustUnder).
  const own = deps.comprobantes.recentCashDeposits(req.from, on, req.min, req.max).map((r) => ({
    key: r.key ?? `local:${r.sequence}`,
    reversed: r.reversed === 1,
    record: { on: r.on, at: r.at, amount: r.amount, accountNumber: r.accountNumber, depositor: parseDocKey(r.depositor) as PersonId },
  }));
  const live = own.filter((o) => !o.reversed).map((o) => ({ ...o.record, key: o.key }));
  const central = deps.remoteStructuring?.deposits(req) ?? [];
  return mergeCashOperations(central, live, new Set(own.filter((o) => o.reversed).map((o) => o.key)));
};

/** The inembargable amount the holder's other accounts already take (domain/withdrawal/embargo.ts); 0 unless embargoed. */
export const protectionElsewhere = (deps: Pick<ComprobanteDeps, 'accounts'>, account: Account): number => {
  const holder = account.holders[0]?.id;
  return account.state === 'embargada' && holder ? protectionUsedElsewhere(account, deps.accounts.ofHolder(holder)) : 0;
};

/**
 * Said on the summary, where the teller reads the UIAF check, when central did not answer now for the customer's
 * month, the account's day or (for a deposit by `depositor`) the structuring window: the monthly accumulation, the
 * structuring alert and the per-account limits were then judged with this workstation's operations alone (plus what
 * central answered earlier, if it did), so the teller knows the check was partial instead of trusting it blindly.
 */
export const centralFiguresNotice = (deps: ComprobanteDeps, account: Account, depositor?: PersonId): string | null => {
  const on = bogotaDate(deps.clock.now());
  const cash = deps.remoteCash?.known(customerOf(account), monthOf(on)) ?? false;
  const activity = deps.remoteActivity?.known(account.number, on) ?? false;
  const structuring = depositor ? (deps.remoteStructuring?.known(nearThresholdRequest(deps, account.number, depositor, on)) ?? false) : true;
  if (cash && activity && structuring) return null;
  const earlier = deps.remoteCash?.stale(customerOf(account), monthOf(on)) ?? false;
  const checks = depositor ? 'el umbral mensual UIAF, la alerta de fraccionamiento y los límites diarios de la cuenta' : 'el umbral mensual UIAF y los límites diarios de la cuenta';
  const missed = earlier ? 'lo que el cliente haya hecho en otras cajas después de esa respuesta' : 'lo que el cliente haya hecho en otras cajas';
  return `Sin conexión con central: la acumulación del mes es solo de esta estación${earlier ? ' (más lo que central informó antes de perder la conexión)' : ''}; ${checks} no cuentan ${missed}. Si sabe de operaciones del cliente en otras cajas hoy o este mes, consulte al supervisor antes de registrar.`;
};
