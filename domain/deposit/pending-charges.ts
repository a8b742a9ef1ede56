import type { Account } from '../accounts/account';
import type { IsoDate } from '../calendar/iso-date';
import { type Pesos, formatPesos } from '../money/pesos';
import type { RulesConfig } from '../rules-config/config';
import { chargeableBalance, withdrawableBalance } from '../withdrawal/embargo';

/**
 * A returned cheque's pending charge (cargo pendiente) as the deposit sees it: the cheques of the returned deposit
 * and what is owed of it (or, once paid, what the deposit paid of it). Central keeps the charges and pays them
 * out of the account's next credits, oldest first (central/cheques/pending-charges.ts).
 */
export interface PendingChargeItem {
  readonly cheques: readonly { readonly number: string }[];
  readonly amount: number;
}

/** What a deposit pays of the account's charges: `credit` is the part that becomes available now (the cash). */
export interface PendingChargePayment<C extends PendingChargeItem = PendingChargeItem> {
  readonly paid: number;
  /** The charges paid, each with what was paid of it (and whatever else the caller's charges carry). */
  readonly charges: C[];
  /** Owed after the deposit: the cheques, when they clear, and later credits pay it. */
  readonly stillOwed: number;
  /** What the credit would have paid but an embargo retains for the court: it stays owed (`chargeableBalance`). */
  readonly keptByEmbargo?: number;
}

/**
 * The rule central applies (central/cheques/pending-charges.ts) and the branch predicts: `credit` — what the credit
 * may pay, on an embargoed account less than it brings (`creditPaysCharges`) — pays the charges oldest first, each up
 * to what is owed of it.
 */
export const payPendingCharges = <C extends PendingChargeItem>(credit: number, owed: readonly C[]): PendingChargePayment<C> => {
  let left = Math.max(0, credit);
  const charges: C[] = [];
  for (const c of owed) {
    if (left <= 0) break;
    const amount = Math.min(left, c.amount);
    if (amount > 0) charges.push({ ...c, amount });
    left -= amount;
  }
  const paid = charges.reduce((s, c) => s + c.amount, 0);
  return { paid, charges, stillOwed: owed.reduce((s, c) => s + c.amount, 0) - paid };
};

/**
 * What the account's charges may take once a credit joined its available balance, as central pays them
 * (central/accounts/ledger.ts `payPendingCharges`): only what the embargo leaves them (`chargeableBalance`), never
 * the retained money. When the period's inembargable amount is unknown central keeps the whole embargo out of reach,
 * and so does this.
 */
export const chargeableAfterCredit = (account: Account, credit: Pesos, on: IsoDate, rules: RulesConfig, protectedUsedElsewhere: Pesos = 0): Pesos => {
  const available = account.balances.available + Math.max(0, credit);
  const w = withdrawableBalance({ ...account, balances: { ...account.balances, available } }, on, rules, protectedUsedElsewhere);
  return w.ok ? chargeableBalance(w.value) : Math.max(0, available - (account.embargo?.amount ?? 0));
};

/**
 * What a credit to `account` pays of `owed`, oldest first, and what an embargo kept it from paying. Only the credit
 * pays: central pays an owing account whenever money arrives, so before the credit nothing was left to pay with.
 */
export const creditPaysCharges = <C extends PendingChargeItem>(
  account: Account,
  credit: Pesos,
  owed: readonly C[],
  on: IsoDate,
  rules: RulesConfig,
  protectedUsedElsewhere: Pesos = 0,
): PendingChargePayment<C> => {
  const brought = Math.max(0, credit);
  const payment = payPendingCharges(Math.min(brought, chargeableAfterCredit(account, credit, on, rules, protectedUsedElsewhere)), owed);
  const kept = Math.min(brought, payment.paid + payment.stillOwed) - payment.paid;
  return kept > 0 ? { ...payment, keptByEmbargo: kept } : payment;
};

/** "cheque devuelto N° 123456" or "cheques devueltos N° 12, 34": how the customer recognises the charge. */
export const chargeName = (c: PendingChargeItem): string =>
  c.cheques.length === 0 ? 'cheque devuelto' : `${c.cheques.length > 1 ? 'cheques devueltos' : 'cheque devuelto'} N° ${c.cheques.map((x) => x.number).join(', ')}`;

/** Why a credit to an embargoed account pays less of the charges than it brings, said alike wherever it is said. */
const EMBARGO_KEEPS = 'lo retenido por embargo no paga cargos del banco';

/**
 * What stays owed after a deposit pays what it can, said alike on the review and the receipt: the customer hears
 * before posting what the paper will print. Null when nothing stays owed.
 */
export const stillOwedText = (p: { paid: number; stillOwed: number; keptByEmbargo?: number | undefined }, withCheques: boolean): string | null => {
  if (p.stillOwed <= 0) return null;
  const who = withCheques ? 'los cheques, al pagarse, y los próximos abonos' : 'los próximos abonos a la cuenta';
  const how = (p.keptByEmbargo ?? 0) > 0 ? `${EMBARGO_KEEPS}; ${who} lo pagan con lo que el embargo deje libre` : `${who} lo pagan primero`;
  return `${p.paid > 0 ? 'Queda un cargo pendiente' : 'La cuenta tiene cargos pendientes'} de ${formatPesos(p.stillOwed)}: ${how}.`;
};

/** Which credit pays the charges: the deposit's own account, or a transfer's destination. */
export type ChargedCredit = 'deposit' | 'transfer';
const CREDIT: Record<ChargedCredit, { account: string; pays: string; less: string }> = {
  deposit: { account: 'la cuenta', pays: 'esta consignación', less: 'se abona a la cuenta menos de lo consignado' },
  transfer: { account: 'la cuenta de destino', pays: 'este traslado', less: 'se abona a la cuenta de destino menos de lo trasladado' },
};

/** When central cannot be asked: the last pending charges it published for the account (reference data), if any. */
export const unknownChargesText = (lastKnown: number, credit: ChargedCredit = 'deposit'): string => {
  const c = CREDIT[credit];
  return lastKnown > 0
    ? `Central no respondió: según sus últimos datos ${c.account} tenía cargos pendientes por cheques devueltos de ${formatPesos(lastKnown)}; si siguen pendientes, ${c.pays} los paga primero y ${c.less}.`
    : `No se pudo consultar en central si ${c.account} tiene cargos pendientes por cheques devueltos: si los tiene, ${c.pays} los paga primero y ${c.less}.`;
};

/**
 * Said on the deposit's review: what central says is owed, or that it could not be asked (`lastKnown`: see above).
 * `payment`: what the deposit pays of it, when an embargo keeps it from paying all it brings.
 */
export const pendingChargesNotice = (owed: readonly PendingChargeItem[] | null, lastKnown = 0, payment?: PendingChargePayment): string | null => {
  if (owed === null) return unknownChargesNotice(lastKnown, 'deposit');
  const total = owed.reduce((s, c) => s + c.amount, 0);
  if (total <= 0) return null;
  const head = `Esta cuenta tiene cargos pendientes por ${formatPesos(total)} (${owed.map(chargeName).join('; ')})`;
  if (payment && (payment.keptByEmbargo ?? 0) > 0) {
    return `${head}; ${payment.paid > 0 ? `esta consignación paga ${formatPesos(payment.paid)}, lo que el embargo deja libre` : 'esta consignación no los paga'}: ${EMBARGO_KEEPS}.`;
  }
  return `${head}; esta consignación los paga primero.`;
};

/** Said on a deposit's or a transfer's review when central did not answer in time: the last known figure. */
export const unknownChargesNotice = (lastKnown: number, credit: ChargedCredit): string => `${unknownChargesText(lastKnown, credit)} Infórmelo al cliente.`;

/** A payment as the journal keeps it (deposit and transfer alike): what was owed, what was paid, of which cheques. */
export const paymentJournal = (p: PendingChargePayment) => ({
  owed: p.paid + p.stillOwed,
  paid: p.paid,
  charges: p.charges.map((c) => ({ cheques: c.cheques.map((x) => x.number), amount: c.amount })),
});

/** The charges a payment paid, as the review screens show them. */
export const paidChargesView = (p: PendingChargePayment) => p.charges.map((c) => ({ cheques: c.cheques.map((x) => ({ number: x.number })), amount: c.amount }));

/**
 * Said on a transfer's review: when central says the destination owes, the transfer's credit pays it first, so the
 * destination receives less than the amount debited; when central did not answer (`payment` null), the last known
 * figure, as the deposit says it; on an embargoed destination, that the retained money does not pay. Nothing is said
 * when it owes nothing.
 */
export const destinationChargesNotice = (payment: PendingChargePayment | null, lastKnown = 0): string | null => {
  if (payment === null) return unknownChargesNotice(lastKnown, 'transfer');
  const owed = `La cuenta de destino tiene cargos pendientes por ${formatPesos(payment.paid + payment.stillOwed)}`;
  if ((payment.keptByEmbargo ?? 0) > 0) {
    return payment.paid > 0
      ? `${owed} (${payment.charges.map(chargeName).join('; ')}); este traslado paga primero ${formatPesos(payment.paid)}, lo que el embargo deja libre (${EMBARGO_KEEPS}), y se abona a la cuenta el resto.`
      : `${owed}; este traslado no los paga (${EMBARGO_KEEPS}) y se abona completo.`;
  }
  return payment.paid <= 0
    ? null
    : `${owed} (${payment.charges.map(chargeName).join('; ')}); este traslado paga primero ${formatPesos(payment.paid)} y se abona a la cuenta el resto.`;
};

/** A payment reduced to what the customer can check: the total and, per charge, its cheques and what was paid of it. */
export interface PaidCharges {
  readonly paid: number;
  readonly charges: readonly { readonly cheques: readonly string[]; readonly amount: number }[];
}

/** What central says a credit paid (its acknowledgement's `pendingChargesPaid`, absent when none), as `PaidCharges`. */
export const centralPaidCharges = (paid: { amount: number; charges: readonly PendingChargeItem[] } | undefined): PaidCharges => ({
  paid: paid?.amount ?? 0,
  charges: (paid?.charges ?? []).map((c) => ({ cheques: c.cheques.map((x) => x.number), amount: c.amount })),
});

const sameCharges = (a: PaidCharges, b: PaidCharges): boolean =>
  a.paid === b.paid &&
  a.charges.length === b.charges.length &&
  a.charges.every((c, i) => c.amount === b.charges[i]?.amount && c.cheques.join(',') === b.charges[i]?.cheques.join(','));

/**
 * Central pays the charges when the credit reaches it, which may be after another workstation's credit paid them:
 * what it paid can differ from what the receipt printed (`printed` null: the receipt claimed no payment). Null when
 * they agree.
 */
export const chargesDifference = (printed: PaidCharges | null, central: PaidCharges): { printed: PaidCharges; central: PaidCharges } | null => {
  const p = printed ?? { paid: 0, charges: [] };
  return sameCharges(p, central) ? null : { printed: p, central };
};

const chargesText = (c: PaidCharges): string =>
  `${formatPesos(c.paid)} (${c.charges.map((x) => chargeName({ cheques: x.cheques.map((number) => ({ number })), amount: x.amount })).join('; ')})`;

/** What the teller and the supervisor are told of a difference: what was printed, what central paid, what to do. */
export const chargesDifferenceText = (sequence: string, d: { printed: PaidCharges; central: PaidCharges }): string => {
  const more = d.printed.paid - d.central.paid;
  const credited =
    more === 0 ? 'a la cuenta se abonó lo mismo, pero se pagó otro cargo' : `a la cuenta se abonaron ${formatPesos(Math.abs(more))} ${more > 0 ? 'más' : 'menos'} de lo impreso`;
  return (
    `El cargo pendiente pagado difiere de lo impreso: el comprobante ${sequence} ${d.printed.paid > 0 ? `imprimió como pagado ${chargesText(d.printed)}` : 'no imprimió cargo pagado'} y central ${d.central.paid > 0 ? `pagó ${chargesText(d.central)}` : 'no pagó ningún cargo con él'}; ${credited}. ` +
    'Informe al cliente lo que pagó central (el recibo impreso no lo dice; una copia repite lo impreso) y avise al supervisor.'
  );
};

/**
 * What a deposit leaves available today (the summary's "Disponible hoy"): the cash credit less the commission and
 * what it pays of the account's charges. `lastKnownUnconfirmed`: central did not answer and its last figures had
 * this much owed; the workstation takes it as paid first, as the notice beside it says, instead of showing the
 * whole cash as available (QA: "Disponible hoy $ 100.000" next to "Cargo pendiente $ 15.000"). It can only pay
 * out of what the credit leaves.
 */
export const availableToday = (p: { cash: number; commission: number; paid: number; lastKnownUnconfirmed?: number }): { net: number; assumedPaid: number } => {
  const before = p.cash - p.commission - p.paid;
  const assumedPaid = p.paid === 0 ? Math.min(Math.max(0, p.lastKnownUnconfirmed ?? 0), Math.max(0, before)) : 0;
  return { net: before - assumedPaid, assumedPaid };
};
