import type { Account } from '../accounts/account';
import { isInactiveAccount } from '../accounts/activity';
import { includesPerson } from '../accounts/person';
import { type ApprovalReason, approvalReason } from '../approval/reasons';
import { formatReceiptDate } from '../calendar/bogota-time';
import { addBusinessDays, nextBusinessDayOnOrAfter } from '../calendar/business-days';
import type { IsoDate } from '../calendar/iso-date';
import { type DenominationCount, totalOfCount } from '../money/denominations';
import { type Pesos, formatPesos, sumPesos } from '../money/pesos';
import type { RulesConfig } from '../rules-config/config';
import { applyFeeRule, feeFromBrackets } from '../rules-config/fees';
import { type DomainError, domainError } from '../rules-config/result';
import { type CashUiafResult, type CashDepositRecord, type StructuringAlert, detectStructuring, evaluateCashUiaf } from '../uiaf/thresholds';
import { withdrawableBalance } from '../withdrawal/embargo';
import { bankName, resolveBank, unknownBankMessage } from '../cheque/banks';
import { findPlaza, resolvePlaza, unknownPlazaMessage } from '../cheque/plaza-match';
import { type PendingChargeItem, chargeName, chargeableAfterCredit } from './pending-charges';
import { type DepositSlip, sameCity } from './slip';

export interface DepositContext {
  readonly account: Account;
  /** City of the office where the teller works: a listed plaza's name or DANE code (domain/cheque/plazas). */
  readonly officeCity: string;
  /** Business date of the operation. */
  readonly on: IsoDate;
  readonly extraHolidays?: readonly IsoDate[];
  /** Cash already deposited today into this account (for the daily tope). */
  readonly cashDepositedTodayToAccount: Pesos;
  /** Cash the customer already transacted this calendar month (UIAF multiple threshold). */
  readonly customerMonthCashBefore: Pesos;
  /** Recent cash deposits to this account or by this depositor (structuring window). */
  readonly recentCashDeposits: readonly CashDepositRecord[];
  /** Inembargable protection already applied to the holder's other savings accounts (domain/withdrawal/embargo.ts). */
  readonly protectedUsedElsewhere?: Pesos;
  /**
   * What central said the account owes now (cargos pendientes), oldest first. Absent when it could not be asked:
   * the figure it last published with the account (`balances.pendingCharges`) stands in.
   */
  readonly pendingCharges?: readonly PendingChargeItem[];
}

export type ChequeRoute = 'canje' | 'remesa';

export interface DepositHold {
  readonly chequeIndex: number;
  readonly route: ChequeRoute;
  readonly amount: Pesos;
  /** Canje: the clearing date. Remesa: the expected date; funds are released when the remesa is `pagada`. */
  readonly releaseOn: IsoDate;
}

export interface CommissionLine {
  readonly kind: 'remesa' | 'otra-ciudad';
  readonly amount: Pesos;
  readonly chequeIndex?: number;
}

export interface DepositPlan {
  readonly cash: Pesos;
  readonly chequesTotal: Pesos;
  readonly total: Pesos;
  /** What the service adds to each balance bucket of the account. */
  readonly credits: { readonly available: Pesos; readonly inCanje: Pesos; readonly onHold: Pesos };
  readonly holds: readonly DepositHold[];
  /** Debited from the available balance after the credits, out of what an embargo leaves free (seed 003 cl. 3.8, 4.2 h, 8.5). */
  readonly commission: { readonly total: Pesos; readonly lines: readonly CommissionLine[] };
  readonly approvalReasons: readonly ApprovalReason[];
  readonly uiaf: CashUiafResult & { readonly structuring: StructuringAlert | null; readonly declarationProvided: boolean };
  /** Things the service must have before posting, besides approvals. */
  readonly pending: readonly 'UIAF_DECLARATION'[];
  readonly depositorIsKnown: boolean;
  /** Spanish notes for the teller (not errors). */
  readonly notices: readonly string[];
}

export type DepositEvaluation = { ok: true; plan: DepositPlan } | { ok: false; errors: DomainError[] };

const chequeKey = (c: DepositSlip['cheques'][number]): string => `${c.bank.toUpperCase()}|${c.number}|${c.drawerAccount}`;

/**
 * What the deposit's commission may take once central applied its cash (central/operations/apply.ts): the cash is
 * credited, the account's pending charges are paid first with what the embargo leaves them (`chargeableAfterCredit`), and
 * the fee comes after, out of what an embargo leaves free (domain/withdrawal/embargo.ts), never the retained money.
 * When the period's inembargable amount is unknown central keeps the whole embargo out of reach, and so does this.
 */
const freeAfterCash = (account: Account, cash: Pesos, owed: Pesos, ctx: DepositContext, rules: RulesConfig): { amount: Pesos; retained: Pesos } => {
  const available = account.balances.available + cash - Math.min(owed, chargeableAfterCredit(account, cash, ctx.on, rules, ctx.protectedUsedElsewhere ?? 0));
  const after = { ...account, balances: { ...account.balances, available } };
  const w = withdrawableBalance(after, ctx.on, rules, ctx.protectedUsedElsewhere ?? 0);
  if (w.ok) return { amount: w.value.withdrawable, retained: w.value.retained };
  const retained = Math.min(available, account.embargo?.amount ?? 0);
  return { amount: available - retained, retained };
};

/**
 * The least cash to add to the deposit so that central can take the fee: found by bisection, since what is free
 * never shrinks as cash grows. Not simply the shortfall: more cash first pays what is still owed and, under an
 * embargo, may fill the retention before any of it becomes free.
 */
const moreCashFor = (fee: Pesos, account: Account, cash: Pesos, owed: Pesos, ctx: DepositContext, rules: RulesConfig): Pesos => {
  const covers = (extra: Pesos) => freeAfterCash(account, cash + extra, owed, ctx, rules).amount >= fee;
  // Enough in any case: every charge paid, then the fee on top of the whole embargo.
  let low = 0;
  let high = owed + fee + (account.embargo?.amount ?? 0);
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (covers(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
};

/**
 * Validates a deposit comprobante and plans its effects. Every problem is reported at once so the teller can
 * correct the slip in one pass. Seed 003 clause references are in the comments of each rule.
 */
export const evaluateDeposit = (slip: DepositSlip, ctx: DepositContext, rules: RulesConfig): DepositEvaluation => {
  const { account } = ctx;
  const errors: DomainError[] = [];
  const notices: string[] = [];
  const approvals: ApprovalReason[] = [];

  if (slip.accountNumber !== account.number) {
    errors.push(domainError('ACCOUNT_MISMATCH', 'El número de cuenta del comprobante no corresponde a la cuenta consultada. Verifique el número con el cliente (cláusula 3.10).'));
  }
  // Cl. 3.7: anyone may deposit to a customer's account; a cancelled contract has no account to credit (cl. 7.3).
  if (account.state === 'cancelada') {
    errors.push(domainError('ACCOUNT_CANCELLED', 'La cuenta está cancelada y no recibe consignaciones. Confirme el número de cuenta con el cliente.'));
  }
  if (account.state === 'bloqueada') {
    // Cl. 7.2 blocks disposal of funds; cl. 3.7 obliges the bank to accept deposits. Policy is configurable.
    if (rules.depositToBlockedAccount === 'refuse') {
      errors.push(domainError('ACCOUNT_BLOCKED', 'La cuenta está bloqueada y la política de la entidad no permite recibir consignaciones. Remita al cliente al director de la oficina.'));
    } else {
      if (rules.depositToBlockedAccount === 'approval') approvals.push(approvalReason('BLOCKED_ACCOUNT_DEPOSIT'));
      notices.push('La cuenta está bloqueada: la consignación se abona, pero el titular no podrá disponer de los fondos mientras dure el bloqueo (cláusula 7.2).');
    }
  }
  if (account.state === 'embargada') notices.push('La cuenta tiene embargo: lo consignado queda sujeto a la orden de embargo (cláusulas 7.2 y 8.5).');
  // Six months without a customer movement is inactive too (cl. 7.1), whatever the state still says: as the transfer's destination.
  if (account.state !== 'cancelada' && isInactiveAccount(account, ctx.on, rules.inactivityMonths)) notices.push('La cuenta está inactiva: la consignación se recibe; la inactividad solo restringe débitos (cláusula 7.1).');

  // A company cannot stand at the counter: the UIAF asks for the natural person who hands over the money (domain-co §2).
  const company = account.owner === 'juridica' ? account.holders.find((h) => includesPerson([h], slip.depositor.id)) : undefined;
  if (company) {
    errors.push(
      domainError(
        'DEPOSITOR_NOT_A_PERSON',
        `${company.name.replace(/\.$/, '')} es una persona jurídica: identifique a la persona que entrega el dinero (F2 para su representante legal o persona autorizada, o el documento y el nombre de quien consigna).`,
      ),
    );
  }
  const knownPeople = [...account.holders, ...account.authorized, ...account.legalRepresentatives];
  const depositorIsKnown = includesPerson(knownPeople, slip.depositor.id);
  if (!depositorIsKnown && (slip.depositor.name ?? '').trim() === '') {
    errors.push(domainError('DEPOSITOR_NAME_REQUIRED', 'Quien consigna no es titular de la cuenta: registre su nombre completo además del documento (cláusula 3.1).'));
  }

  const cash = totalOfCount(slip.cash as DenominationCount);
  const chequesTotal = sumPesos(slip.cheques.map((c) => c.amount));
  const total = sumPesos([cash, chequesTotal]);
  if (total === 0) errors.push(domainError('DEPOSIT_EMPTY', 'La consignación no tiene efectivo ni cheques. Cuente el efectivo o registre los cheques.'));

  // Cl. 3.1: cheques only at offices.
  if (slip.cheques.length > 0 && slip.channel !== 'oficina') {
    errors.push(domainError('CHEQUES_ONLY_AT_OFFICE', 'Los cheques solo se reciben en las oficinas del banco (cláusula 3.1). Reciba solo el efectivo.'));
  }
  const seen = new Map<string, number>();
  slip.cheques.forEach((c, i) => {
    const key = chequeKey(c);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(domainError('CHEQUE_DUPLICATED', `El cheque No. ${c.number} del banco ${bankName(c.bank)} está registrado dos veces (filas ${first + 1} y ${i + 1}).`, { rows: [first, i] }));
    } else seen.set(key, i);
  });

  // Cl. 3.9 and 3.11: the slip's total must match what was received.
  if (slip.declaredTotal !== total) {
    errors.push(
      domainError(
        'DECLARED_TOTAL_MISMATCH',
        `El total escrito en el comprobante (${formatPesos(slip.declaredTotal)}) no coincide con lo recibido: efectivo ${formatPesos(cash)} + cheques ${formatPesos(chequesTotal)} = ${formatPesos(total)}. Corrija el comprobante con el cliente antes de continuar.`,
        { declaredTotal: slip.declaredTotal, cash, chequesTotal, total },
      ),
    );
  }

  // Cheques: same city → canje; other city → remesa al cobro (cl. 3.9), if the bank accepts them.
  const extra = ctx.extraHolidays ?? [];
  // Cheques received on a non-business day enter the next business day's clearing session (domain-co §9).
  const clearingStart = nextBusinessDayOnOrAfter(ctx.on, extra);
  const holds: DepositHold[] = [];
  const commissionLines: CommissionLine[] = [];
  // The route follows the plazas' DANE codes, never the text: a misspelt or unknown plaza is refused, not taken
  // for another city (which charged remesa commission and a long hold).
  const officePlaza = resolvePlaza(ctx.officeCity);
  if (slip.cheques.length > 0 && !officePlaza) {
    errors.push(domainError('OFFICE_PLAZA_UNKNOWN', `La ciudad de esta oficina (${ctx.officeCity}) no está en la lista de plazas: no se pueden recibir cheques hasta corregir la configuración. Informe a soporte.`));
  }
  slip.cheques.forEach((c, i) => {
    if (!resolveBank(c.bank)) errors.push(domainError('CHEQUE_BANK_UNKNOWN', unknownBankMessage(c.bank, i + 1), { row: i, bank: c.bank }));
    const plaza = findPlaza(c.city);
    if (!plaza) {
      errors.push(domainError('CHEQUE_PLAZA_UNKNOWN', `Cheque de la fila ${i + 1}: ${unknownPlazaMessage(c.city)}`, { row: i, city: c.city }));
      return;
    }
    if (!officePlaza) return;
    if (plaza.code === officePlaza.code) {
      holds.push({ chequeIndex: i, route: 'canje', amount: c.amount, releaseOn: addBusinessDays(clearingStart, rules.canje.businessDays, extra) });
      return;
    }
    if (!rules.remesa.acceptOtherCityCheques) {
      errors.push(domainError('CHEQUE_OTHER_CITY_REFUSED', `El cheque No. ${c.number} es de otra plaza (${plaza.name}) y la entidad no recibe cheques de otras plazas (cláusula 3.9). Devuélvalo al cliente.`, { row: i }));
      return;
    }
    holds.push({ chequeIndex: i, route: 'remesa', amount: c.amount, releaseOn: addBusinessDays(clearingStart, rules.remesa.businessDays, extra) });
    commissionLines.push({ kind: 'remesa', amount: applyFeeRule(c.amount, rules.remesa.commission), chequeIndex: i });
  });
  if (holds.some((h) => h.route === 'remesa')) notices.push('Los cheques de otras plazas se reciben como remesa al cobro: su valor estará disponible cuando el banco girado los pague (cláusula 3.9).');

  // Cl. 3.8: deposits into an account of another city pay the published commission.
  if (!sameCity(account.city, ctx.officeCity) && total > 0) {
    commissionLines.push({ kind: 'otra-ciudad', amount: feeFromBrackets(total, rules.otherCityDepositCommission) });
  }
  const commissionTotal = sumPesos(commissionLines.map((l) => l.amount));
  const charges = ctx.pendingCharges ?? [];
  const owed = ctx.pendingCharges ? sumPesos(charges.map((c) => c.amount)) : (account.balances.pendingCharges ?? 0);
  const free = freeAfterCash(account, cash, owed, ctx, rules);
  if (commissionTotal > free.amount) {
    const more = moreCashFor(commissionTotal, account, cash, owed, ctx, rules);
    const cover = `Para registrarla, el cliente debe consignar además al menos ${formatPesos(more)} en efectivo.`;
    const named = charges.length > 0 ? ` (${charges.map(chargeName).join('; ')})` : '';
    // Without central's answer the figure is its last published one: said so, since another till may have paid it.
    const has = ctx.pendingCharges ? 'tiene' : 'tiene, según los últimos datos de central,';
    const embargo = free.retained > 0 ? ` (lo retenido por embargo, ${formatPesos(free.retained)}, no paga comisiones: cláusulas 7.2 y 8.5)` : '';
    errors.push(
      domainError(
        'COMMISSION_NOT_COVERED',
        owed > 0
          ? `La comisión (${formatPesos(commissionTotal)}) no alcanza: la cuenta ${has} cargos pendientes por ${formatPesos(owed)}${named} que esta consignación paga primero, y con lo que queda la cuenta tiene libres ${formatPesos(free.amount)}${embargo}. ${cover}`
          : free.retained > 0
            ? `La comisión (${formatPesos(commissionTotal)}) no se puede debitar de lo retenido por embargo (${formatPesos(free.retained)}, cláusulas 7.2 y 8.5): con el efectivo de esta consignación la cuenta tiene libres ${formatPesos(free.amount)}. ${cover}`
            : `La comisión (${formatPesos(commissionTotal)}) supera el saldo disponible más el efectivo consignado (${formatPesos(free.amount)}). ${cover}`,
        { commission: commissionTotal, free: free.amount, embargoRetained: free.retained, pendingCharges: owed, moreCash: more },
      ),
    );
  }

  // Cl. 3.6 / 3.7: cash topes. Above them a supervisor decides (an exception, not an automatic refusal).
  const { cashPerTransaction, cashPerDay } = rules.depositTopes;
  if (cash > cashPerTransaction) {
    approvals.push(approvalReason('LIMIT_EXCEEDED_DEPOSIT_TRANSACTION', `Efectivo ${formatPesos(cash)}; tope ${formatPesos(cashPerTransaction)}.`, { cash, limit: cashPerTransaction }));
  }
  if (cash > 0 && ctx.cashDepositedTodayToAccount + cash > cashPerDay) {
    approvals.push(
      approvalReason('LIMIT_EXCEEDED_DEPOSIT_DAY', `Efectivo del día con esta consignación ${formatPesos(ctx.cashDepositedTodayToAccount + cash)}; tope ${formatPesos(cashPerDay)}.`, {
        dayTotal: ctx.cashDepositedTodayToAccount + cash,
        limit: cashPerDay,
      }),
    );
  }

  // UIAF (domain-co §2): cash only.
  const uiaf = evaluateCashUiaf({ cash, customerMonthCashBefore: ctx.customerMonthCashBefore }, rules);
  const structuring = cash > 0 ? detectStructuring({ on: ctx.on, amount: cash, accountNumber: account.number, depositor: slip.depositor.id }, ctx.recentCashDeposits, rules) : null;
  if (structuring) {
    // The deposits (other people's documents among them) stay with the alert's record, off the teller's screen.
    const { deposits: _deposits, ...facts } = structuring;
    approvals.push(approvalReason('STRUCTURING_ALERT', `${structuring.count} consignaciones entre el ${formatReceiptDate(structuring.windowFrom)} y el ${formatReceiptDate(structuring.windowTo)}.`, facts));
  }
  const declaration = slip.declaration;
  if (declaration !== undefined) {
    if (declaration.direction !== 'deposito' || declaration.amount !== cash || declaration.accountNumber !== account.number || declaration.date !== ctx.on) {
      errors.push(domainError('UIAF_DECLARATION_MISMATCH', 'La declaración de origen de fondos no corresponde a esta consignación (tipo, valor en efectivo, cuenta o fecha). Diligénciela de nuevo.'));
    }
  }
  const declarationProvided = declaration !== undefined;
  const pending: 'UIAF_DECLARATION'[] = uiaf.declarationRequired && !declarationProvided ? ['UIAF_DECLARATION'] : [];

  if (errors.length > 0) return { ok: false, errors };
  const inCanje = sumPesos(holds.filter((h) => h.route === 'canje').map((h) => h.amount));
  const onHold = sumPesos(holds.filter((h) => h.route === 'remesa').map((h) => h.amount));
  return {
    ok: true,
    plan: {
      cash,
      chequesTotal,
      total,
      credits: { available: cash, inCanje, onHold },
      holds,
      commission: { total: commissionTotal, lines: commissionLines },
      approvalReasons: approvals,
      uiaf: { ...uiaf, structuring, declarationProvided },
      pending,
      depositorIsKnown,
      notices,
    },
  };
};
