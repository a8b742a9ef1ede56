import type { Account } from '../accounts/account';
import type { AuthorizedPerson } from '../accounts/authorized';
import { type PersonId, includesPerson, samePerson } from '../accounts/person';
import { formatReceiptDate } from '../calendar/bogota-time';
import type { IsoDate } from '../calendar/iso-date';
import { type Pesos, formatPesos } from '../money/pesos';
import { type DomainError, domainError } from '../rules-config/result';

/** What one person already took (or ordered) from the account today, before this debit: withdrawals and transfers. */
export interface AuthorizedTaken {
  readonly person: PersonId;
  readonly amount: Pesos;
}

/** The debit an authorized person orders: how it is paid out, and its amount (without GMF or fees). */
export interface AuthorizedDebit {
  readonly amount: Pesos;
  readonly payout: 'efectivo' | 'cheque-gerencia' | 'traslado';
  /**
   * What each person present already took today from this account (a person absent from the list took nothing). The
   * branch counts its own comprobantes; central, every workstation's holds.
   */
  readonly takenToday?: readonly AuthorizedTaken[] | undefined;
}

const takenBy = (debit: AuthorizedDebit, id: PersonId): Pesos =>
  (debit.takenToday ?? []).filter((t) => samePerson(t.person, id)).reduce((sum, t) => sum + t.amount, 0);

const SCOPE_WORDS: Record<Exclude<AuthorizedDebit['payout'], 'efectivo'>, string> = {
  'cheque-gerencia': 'retirar con cheque de gerencia',
  traslado: 'ordenar traslados a otra cuenta',
};

/** The authorized persons marked as present: each takes (or orders) the money, so each must be entitled to it. */
const markedAuthorized = (account: Account, presenters: readonly PersonId[]): AuthorizedPerson[] =>
  account.authorized.filter((a) => presenters.some((p) => samePerson(a.id, p)));

/**
 * What the teller does about a breach: with no holder present the holder must act (renew, widen) or come himself; with
 * a holder present the holder alone may withdraw, so the teller unmarks the person the mandate does not cover.
 */
const nextStep = (a: AuthorizedPerson, holderPresent: boolean, alone: string): string =>
  holderPresent
    ? `Desmarque a ${a.name} en «Presentes e identificados»: el titular presente puede retirar solo, y el comprobante no puede nombrar como quien recibe el dinero a quien no está autorizado para ello (cláusulas 2.1 y 3.5).`
    : alone;

/**
 * The way out for a cash-only person alone: on Retiro the teller switches the payout to cash; a transfer has no cash
 * to pay, so the teller sends the person to Retiro (F4) instead (QA s37 Q6: "Pague en efectivo" on a transfer).
 */
const cashOnlyStep = (a: AuthorizedPerson, payout: Exclude<AuthorizedDebit['payout'], 'efectivo'>): string => {
  const widen = 'o el titular debe ampliar la autorización en la oficina (cláusula 3.5).';
  if (payout !== 'traslado') return `Pague en efectivo, ${widen}`;
  const upTo = a.maxPerWithdrawal === null ? '' : `, hasta ${formatPesos(a.maxPerWithdrawal)}`;
  return `${a.name} puede retirar en efectivo en Retiro (F4)${upTo}, ${widen}`;
};

/**
 * Seed 003 cl. 2.1 and 3.5: an authorized person withdraws only within the conditions the holders registered
 * (domain/accounts/authorized.ts). Each breach is a refusal, never a supervisor's exception: the conditions are part
 * of the deposit contract, a payment outside them is not made to someone the customer authorized (cl. 2.1 gives
 * discharge only for payments to the authorized person within the mandate), and only the holders may widen a
 * mandate they gave, at the office; the branch cannot widen it for them. Without `debit` (who is present, before an
 * amount) only the validity is judged.
 *
 * A holder present does not lift the conditions of an authorized person marked with him: everyone marked is named on
 * the receipt and the journal as taking the money (cl. 2.1: "los pagos ... a titular autorizado ... se reputarán
 * válidos y constituyen pleno descargo" only within the mandate), so a lapsed or exceeded mandate would put on the
 * legal paper someone not entitled to receive it. Refused rather than silently left off: the teller, and the customer,
 * must see who the paper names; the refusal tells the teller to unmark that person (the holder alone may withdraw).
 */
export const authorizedConditionErrors = (account: Account, presenters: readonly PersonId[], on: IsoDate, debit?: AuthorizedDebit): DomainError[] => {
  const errors: DomainError[] = [];
  const holderPresent = presenters.some((p) => includesPerson(account.holders, p));
  for (const a of markedAuthorized(account, presenters)) {
    const person = { type: a.id.type, number: a.id.number };
    if (a.validUntil !== null && on > a.validUntil) {
      errors.push(
        domainError(
          'AUTHORIZATION_EXPIRED',
          `La autorización de ${a.name} venció el ${formatReceiptDate(a.validUntil)}: no puede disponer de la cuenta. ${nextStep(a, holderPresent, 'El titular debe renovarla en la oficina o retirar él mismo (cláusulas 2.1 y 3.5).')}`,
          { person, validUntil: a.validUntil },
        ),
      );
      continue;
    }
    if (debit === undefined) continue;
    const breaches: { code: 'AUTHORIZATION_OUT_OF_SCOPE' | 'AUTHORIZATION_AMOUNT_EXCEEDED' | 'AUTHORIZATION_DAY_EXCEEDED'; what: string; alone: string; details: Record<string, unknown> }[] = [];
    if (a.payouts === 'efectivo' && debit.payout !== 'efectivo') {
      breaches.push({
        code: 'AUTHORIZATION_OUT_OF_SCOPE',
        what: `La autorización de ${a.name} cubre solo retiros en efectivo pagados a ${a.name}: no puede ${SCOPE_WORDS[debit.payout]}.`,
        alone: cashOnlyStep(a, debit.payout),
        details: { person, payouts: a.payouts },
      });
    }
    if (a.maxPerWithdrawal !== null && debit.amount > a.maxPerWithdrawal) {
      breaches.push({
        code: 'AUTHORIZATION_AMOUNT_EXCEEDED',
        what: `La autorización de ${a.name} permite hasta ${formatPesos(a.maxPerWithdrawal)} por operación y el valor es ${formatPesos(debit.amount)}.`,
        alone: 'Reduzca el valor: es una condición registrada por el titular y ningún supervisor puede ampliarla (cláusula 3.5).',
        details: { person, max: a.maxPerWithdrawal, amount: debit.amount },
      });
    }
    // The day's maximum closes the way around the one per withdrawal (the amount split into several, at one till or
    // several). A refusal like the others, never a supervisor's exception: the supervisor may waive the bank's own daily
    // limits (cl. 3.12), which are the bank's to bend, but this one the holders set on their mandate, and a payment
    // beyond it is not a payment to someone they authorized (cl. 2.1).
    const taken = takenBy(debit, a.id);
    if (a.maxPerDay !== null && taken + debit.amount > a.maxPerDay) {
      const left = Math.max(0, a.maxPerDay - taken);
      breaches.push({
        code: 'AUTHORIZATION_DAY_EXCEEDED',
        what: `La autorización de ${a.name} permite hasta ${formatPesos(a.maxPerDay)} por día: hoy ya retiró u ordenó ${formatPesos(taken)} de esta cuenta y con ${formatPesos(debit.amount)} serían ${formatPesos(taken + debit.amount)}.`,
        alone:
          left > 0
            ? `Reduzca el valor a ${formatPesos(left)} como máximo, o el titular debe retirar él mismo: es una condición registrada por el titular y ningún supervisor puede ampliarla (cláusula 3.5).`
            : 'Hoy no puede retirar más de esta cuenta: el titular debe retirar él mismo; es una condición registrada por el titular y ningún supervisor puede ampliarla (cláusula 3.5).',
        details: { person, max: a.maxPerDay, taken, amount: debit.amount },
      });
    }
    // With the holder present the way out is one for every breach (unmark the person): said once, after the last.
    breaches.forEach((b, i) => {
      const step = holderPresent ? (i === breaches.length - 1 ? nextStep(a, true, '') : '') : b.alone;
      errors.push(domainError(b.code, step === '' ? b.what : `${b.what} ${step}`, b.details));
    });
  }
  return errors;
};

/** What `mandateErrors` refuses with: the codes central answers a hold with too (domain/central-api/holds.ts). */
export const MANDATE_REFUSAL_CODES = ['PERSON_NOT_AUTHORIZED', 'AUTHORIZATION_EXPIRED', 'AUTHORIZATION_OUT_OF_SCOPE', 'AUTHORIZATION_AMOUNT_EXCEEDED', 'AUTHORIZATION_DAY_EXCEEDED'] as const;

/**
 * Cl. 4, 2.1 and 3.5 for a natural person's individual or colectiva account: only a holder, or an authorized person
 * within the conditions the holders registered, disposes of its funds. A conjunta (every holder signs) and a
 * jurídica (its legal representative) are judged otherwise (authorization.ts), so nothing here binds them.
 *
 * The branch judges it on its copy of the account; central judges it again on its own registration when a hold names
 * who is paid (domain/central-api/holds.ts `payee`), with this same function: a mandate the holders narrowed or
 * revoked after the branch read the account pays no one, whatever the branch's copy says.
 */
export const mandateErrors = (account: Account, presenters: readonly PersonId[], on: IsoDate, debit?: AuthorizedDebit): DomainError[] => {
  if (account.owner === 'juridica' || account.kind === 'conjunta' || presenters.length === 0) return [];
  if (!presenters.some((p) => includesPerson([...account.holders, ...account.authorized], p))) {
    return [domainError('PERSON_NOT_AUTHORIZED', 'Quien se presenta no es titular ni persona autorizada de la cuenta. Solo ellos pueden retirar (cláusula 4).')];
  }
  return authorizedConditionErrors(account, presenters, on, debit);
};

/**
 * The registered conditions as the teller reads them beside the person: "Vigente hasta 31/12/2026 · hasta $ 500.000
 * por retiro · hasta $ 1.000.000 por día · solo efectivo". The day's maximum only when registered: most mandates have none.
 */
export const authorizedConditionsLine = (a: AuthorizedPerson, on: IsoDate): string => {
  const validity = a.validUntil === null ? 'sin vencimiento' : on > a.validUntil ? `VENCIDA el ${formatReceiptDate(a.validUntil)}` : `vigente hasta ${formatReceiptDate(a.validUntil)}`;
  const limit = a.maxPerWithdrawal === null ? 'sin tope por retiro' : `hasta ${formatPesos(a.maxPerWithdrawal)} por retiro`;
  const day = a.maxPerDay === null ? '' : ` · hasta ${formatPesos(a.maxPerDay)} por día`;
  const scope = a.payouts === 'efectivo' ? 'solo efectivo a la persona autorizada' : 'efectivo, cheque de gerencia o traslado';
  return `Autorización ${validity} · ${limit}${day} · ${scope}`;
};
