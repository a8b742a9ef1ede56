import type { Account } from '../accounts/account';
import { includesPerson, nameOn, type PersonId } from '../accounts/person';
import { maskDocument } from '../identity/document';

/**
 * Who stood at the counter for a reactivation, as the supervisor reads it before deciding (seed 003 cl. 7.1): each
 * person's name and role on the account (titular, representante legal) or, for a company's written authorization,
 * that they bring the letter; and the masked document.
 */
export const reactivationPresenters = (account: Account, presenters: readonly PersonId[]): string =>
  presenters
    .map((id) => {
      const known = [...account.holders, ...account.legalRepresentatives];
      const role = includesPerson(account.legalRepresentatives, id)
        ? 'representante legal'
        : includesPerson(account.holders, id)
          ? 'titular'
          : account.owner === 'juridica'
            ? 'portador de la autorización escrita'
            : 'no registrado en la cuenta';
      const name = includesPerson(known, id) ? `${nameOn(known, id)}, ` : '';
      return `${name}${role} (${maskDocument(id)})`;
    })
    .join('; ');
