import type { CashMovement } from '../../../domain/central-api';
import type { Account } from '../../../domain/accounts/account';
import { samePerson, type PersonId } from '../../../domain/accounts/person';
import type { CashDeclaration } from '../../../domain/uiaf/declaration';

/**
 * What a cash operation tells central for the UIAF cash report (domain/central-api/cash-report.ts): who moved
 * the bills and the declaration's reportable fields. The declaration names the transactor when there is one;
 * otherwise the name is the account's record of that person, if they are a holder or authorized.
 */
export const cashMovement = (account: Account, transactor: { id: PersonId; name?: string | undefined }, declaration: CashDeclaration | undefined): CashMovement => {
  const who = declaration?.transactor ?? transactor;
  const name = who.name ?? [...account.holders, ...account.authorized].find((p) => samePerson(p.id, who.id))?.name;
  const party = (p: { id: PersonId; name?: string | undefined }, n: string | undefined) => ({ type: p.id.type, number: p.id.number, ...(n ? { name: n.slice(0, 120) } : {}) });
  return {
    transactor: party(who, name),
    declaration: declaration
      ? {
          originOrDestination: declaration.originOrDestination,
          economicActivity: declaration.economicActivity,
          pep: declaration.pep,
          ...(declaration.onBehalfOf ? { onBehalfOf: party(declaration.onBehalfOf, declaration.onBehalfOf.name) } : {}),
        }
      : null,
  };
};
