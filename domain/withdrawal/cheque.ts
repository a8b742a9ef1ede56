import type { Account } from '../accounts/account';
import { type Person, type PersonId, includesPerson, samePerson } from '../accounts/person';
import { formatDocument } from '../identity/document';
import { type Result, fail, ok } from '../rules-config/result';

export interface ChequeBeneficiaries {
  /** Whom the cheque is made out to: one person, or every holder of a conjunta. */
  readonly beneficiaries: readonly Person[];
  readonly toHolder: boolean;
}

/**
 * Whom a cheque de gerencia is made out to (cl. 4 parágrafo: "a nombre de EL CLIENTE", or of a third party at its
 * request). The holders come from the account, never from the screen: a conjunta's cheque names every holder, since
 * all of them are indispensable to dispose of its funds (cl. 2.4.3); otherwise the holder who is present (a
 * colectiva's "o"), or the account's holder when an authorized person or a legal representative withdraws. A
 * single holder of a conjunta named by hand is refused rather than paid to one of them.
 */
export const chequeBeneficiaries = (account: Account, presenters: readonly PersonId[], named: Person | undefined): Result<ChequeBeneficiaries> => {
  const { holders } = account;
  if (named !== undefined && !includesPerson(holders, named.id)) return ok({ beneficiaries: [named], toHolder: false });
  if (account.kind === 'conjunta') {
    if (named !== undefined) {
      return fail(
        'CHEQUE_ALL_HOLDERS_REQUIRED',
        `La cuenta es conjunta: el cheque de gerencia al titular se gira a nombre de todos los titulares (${holders.map((h) => h.name).join(' Y ')}), no de uno solo (cláusula 2.4.3).`,
      );
    }
    return ok({ beneficiaries: holders, toHolder: true });
  }
  // The account's record of the holder, not the name the screen sent.
  const holder = holders.find((h) => (named ? samePerson(h.id, named.id) : presenters.some((p) => samePerson(p, h.id))));
  return ok({ beneficiaries: holder ? [holder] : holders.slice(0, 1), toHolder: true });
};

/** The payee as the cheque, the confirmation and the receipt spell it: "ANA PÉREZ (CC 1.020.304.050) Y LUIS GÓMEZ (CC 79.123.456)". */
export const payeeLine = (beneficiaries: readonly Person[]): string => beneficiaries.map((b) => `${b.name} (${formatDocument(b.id)})`).join(' Y ');
