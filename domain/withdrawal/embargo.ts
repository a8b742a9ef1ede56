import type { Account } from '../accounts/account';
import type { IsoDate } from '../calendar/iso-date';
import { type Pesos, formatPesos } from '../money/pesos';
import type { RulesConfig } from '../rules-config/config';
import { inembargableFor } from '../rules-config/lookup';
import { type DomainError, type Result, domainError, ok } from '../rules-config/result';

export interface Withdrawable {
  readonly available: Pesos;
  /** Protected by the inembargable amount of the current period (natural persons, not alimentos). */
  readonly protectedAmount: Pesos;
  /** Retained for the embargo. */
  readonly retained: Pesos;
  readonly withdrawable: Pesos;
  /** In canje or remesa al cobro: the customer sees it on the statement but may not dispose of it yet (cl. 3.9). */
  readonly inCanje: Pesos;
}

/**
 * The retention an embargo keeps (seed 003 cl. 7.2 and 8.5, domain-co §3): on the order the bank sets aside what
 * exceeds the inembargable amount (`protectedAmount`, zero for jurídicas and alimentos), up to the order's amount;
 * money arriving later is retained too until the order is covered; and what is retained stays retained whatever
 * the customer withdraws afterwards — only lifting the order releases it. So the new retention is the kept one
 * (`kept`, what central retained so far) brought up to what the balance retains now, never above the order. It is
 * never more than the balance: a credit taken back (a returned cheque, a reversed deposit) takes with it the
 * retention it brought, since that money never was the customer's to retain. A higher inembargable amount in a
 * new period does not lower it: the kept part was retained when it was not protected.
 */
export const embargoRetention = (order: { readonly amount: Pesos; readonly retained?: Pesos | undefined }, available: Pesos, protectedAmount: Pesos): Pesos =>
  Math.min(order.amount, available, Math.max(order.retained ?? 0, available - protectedAmount));

/**
 * What the customer may dispose of. Canje and holds are already outside `available` (cl. 3.9). For an embargoed
 * account the bank retains up to the embargo amount, but never touches the inembargable amount of a natural
 * person's savings (cl. 8.5; periods 1-Oct → 30-Sep, domain-co §3), and keeps what it retained
 * (`embargoRetention`: `account.embargo.retained` is what central kept so far; without it, as from an older central,
 * the retention is computed from the balance of the moment). Jurídicas and child-support orders have no protected
 * amount. `protectedUsedElsewhere` is the protection already applied to the person's other savings accounts, since
 * the cap applies to the sum of balances (domain-co §3).
 */
export const withdrawableBalance = (account: Account, on: IsoDate, rules: RulesConfig, protectedUsedElsewhere: Pesos = 0): Result<Withdrawable> => {
  const { available, inCanje } = account.balances;
  if (account.state !== 'embargada' || account.embargo === null) return ok({ available, protectedAmount: 0, retained: 0, withdrawable: available, inCanje });
  let protectedAmount = 0;
  if (account.owner === 'natural' && !account.embargo.alimentos) {
    const cap = inembargableFor(on, rules);
    if (!cap.ok) return cap;
    protectedAmount = Math.min(available, Math.max(0, cap.value - protectedUsedElsewhere));
  }
  const retained = embargoRetention(account.embargo, available, protectedAmount);
  return ok({ available, protectedAmount, retained, withdrawable: available - retained, inCanje });
};

/**
 * What the bank's own charges (a returned cheque's cargo pendiente) may take from the
 * available balance: never what the embargo retains for the court (cl. 8.5, domain-co §3). While anything is
 * retained, not the protected part either: a charge paid out of the protected money would leave a balance that the
 * next credits fill back up to the protection before the retention grows, so the court would wait for the bank's
 * fee. A balance the protection covers whole retains nothing and pays from it. Paying this much leaves the retention
 * as it was.
 */
export const chargeableBalance = (w: Withdrawable): Pesos => (w.retained > 0 ? Math.max(0, w.withdrawable - w.protectedAmount) : w.withdrawable);

/**
 * How much of a natural person's inembargable amount their other savings at the bank already take (domain-co
 * §3: the cap applies to the sum of the person's balances in the entity). Accounts that are not embargoed take
 * it first — their balance is at the person's disposal anyway; embargoed ones take it in account-number order,
 * so two embargoed accounts never both count on the same protection. Only individual accounts of the same sole
 * holder count: the share of a joint balance is not the bank's to decide at the counter.
 */
export const protectionUsedElsewhere = (account: Account, others: readonly Account[]): Pesos => {
  const holder = account.holders[0]?.id;
  if (account.kind !== 'individual' || account.owner !== 'natural' || !holder) return 0;
  return others
    .filter((o) => o.number !== account.number && o.kind === 'individual' && o.state !== 'cancelada')
    .filter((o) => o.holders[0]?.id.type === holder.type && o.holders[0].id.number === holder.number)
    .filter((o) => o.state !== 'embargada' || o.number < account.number)
    .reduce((sum, o) => sum + o.balances.available, 0);
};

/** The most the debit could be, said first in the refusal; `cash` when it is paid in cash (the $ 50 coin is the smallest). */
export interface MostAllowed {
  readonly verb: 'retirar' | 'trasladar';
  readonly amount: Pesos;
  readonly cash?: Pesos;
}

/**
 * The refusal when a debit does not fit, the same for a withdrawal and a transfer: what the debit adds up to
 * against what may be disposed of (on an embargoed account, why it is less than the balance the customer sees on
 * their statement), then the most that fits with its charges, so the teller can offer it without trying amounts.
 */
export const insufficientFunds = (b: Withdrawable, debitTotal: Pesos, what: string, most?: MostAllowed): DomainError | null => {
  if (debitTotal <= b.withdrawable) return null;
  const why = b.retained > 0 ? ` (saldo ${formatPesos(b.available)} menos ${formatPesos(b.retained)} retenidos por embargo)` : '';
  const offer =
    most === undefined
      ? ''
      : most.amount <= 0
        ? ` No alcanza para ${most.verb} nada.`
        : ` Puede ${most.verb} hasta ${formatPesos(most.amount)}${most.cash !== undefined && most.cash !== most.amount ? ` (${formatPesos(most.cash)} en efectivo)` : ''}.`;
  // Named only when there is canje: on an account without cheques the clause reads as if some were held back.
  const canje = b.inCanje > 0 ? ` Los ${formatPesos(b.inCanje)} en canje o remesa al cobro no están disponibles hasta el pago de los cheques (cláusula 3.9).` : '';
  return domainError('INSUFFICIENT_FUNDS', `Saldo insuficiente: ${what} suma ${formatPesos(debitTotal)} y se puede disponer de ${formatPesos(b.withdrawable)}${why}.${offer}${canje}`, {
    withdrawable: b.withdrawable,
    debitTotal,
    ...(most ? { most: most.amount } : {}),
  });
};

/**
 * The account panel's note on an embargoed account: the order (authority, oficio) when central gave them, and for a
 * child-support order why the inembargable amount does not protect the balance (CGP art. 594 num. 2).
 */
export const embargoNotice = (account: Account): string | null => {
  const e = account.embargo;
  if (account.state !== 'embargada' || e === null) return null;
  const order = [e.authority, e.reference].filter((x): x is string => (x ?? '').trim() !== '').join(', ');
  const head = `Cuenta embargada${order ? ` (${order})` : ''}`;
  return e.alimentos
    ? `${head}: embargo por alimentos, al que no se aplica el monto inembargable (CGP art. 594 num. 2); se retienen hasta ${formatPesos(e.amount)} del saldo (cláusulas 7.2 y 8.5).`
    : `${head}: parte del saldo está retenida por orden de autoridad (cláusulas 7.2 y 8.5).`;
};
