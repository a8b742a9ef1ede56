import { AccountSchema as DomainAccountSchema, type Account as DomainAccount } from '../accounts/account';
import type { AuthorizedPersonInput } from '../accounts/authorized';
import type { Person } from '../accounts/person';
import type { AuthorizedRef, Account as CentralAccount, PersonRef } from './reference';

/**
 * Central publishes accounts in its wire shape (flat document fields, `embargoAmount` beside the order's
 * details); the branch's rules work on `domain/accounts`. This maps one to the other and runs the domain
 * invariants (seed 003 cl. 2.4, 2.7, 7.2), so reference data that breaks them is refused, not half-used.
 */
export type ToDomainAccountResult =
  | { ok: true; value: DomainAccount }
  | { ok: false; error: { code: 'REFERENCE_ACCOUNT_INVALID'; message: string; issues: { path: string; message: string }[] } };

const person = (p: PersonRef): Person => ({ id: { type: p.documentType, number: p.documentNumber }, name: p.name });
/** The registered conditions travel with the person; one central leaves out is no condition (the domain's default). */
const authorizedPerson = (p: AuthorizedRef): AuthorizedPersonInput => ({
  ...person(p),
  ...(p.validUntil != null ? { validUntil: p.validUntil } : {}),
  ...(p.maxPerWithdrawal != null ? { maxPerWithdrawal: p.maxPerWithdrawal } : {}),
  ...(p.maxPerDay != null ? { maxPerDay: p.maxPerDay } : {}),
  ...(p.payouts !== undefined ? { payouts: p.payouts } : {}),
});

export const toDomainAccount = (a: CentralAccount): ToDomainAccountResult => {
  // An embargada account always carries its frozen amount; the order's details may be missing in old data.
  const embargoed = a.state === 'embargada' || a.embargoAmount > 0;
  const parsed = DomainAccountSchema.safeParse({
    number: a.number,
    kind: a.kind,
    owner: a.owner,
    holders: a.holders.map(person),
    authorized: a.authorized.map(authorizedPerson),
    legalRepresentatives: a.legalRepresentatives.map(person),
    state: a.state,
    gmfExempt: a.gmfExempt,
    balances: { available: a.balances.available, inCanje: a.balances.inCanje, onHold: a.balances.onHold, ...(a.balances.pendingCharges ? { pendingCharges: a.balances.pendingCharges } : {}) },
    embargo: embargoed
      ? {
          amount: a.embargoAmount,
          // What central kept retained so far; an older central does not say, and the rule of the moment applies.
          ...(a.balances.embargoRetained !== undefined ? { retained: a.balances.embargoRetained } : {}),
          alimentos: a.embargo?.alimentos ?? false,
          ...(a.embargo?.authority !== undefined ? { authority: a.embargo.authority } : {}),
          ...(a.embargo?.reference !== undefined ? { reference: a.embargo.reference } : {}),
        }
      : null,
    lastCustomerMovementOn: a.lastCustomerMovementOn,
    reactivatedOn: a.reactivatedOn,
    openedOn: a.openedOn,
    city: a.city,
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    error: {
      code: 'REFERENCE_ACCOUNT_INVALID',
      message: `Los datos de la cuenta ${a.number} recibidos de central no son válidos. Consulte la cuenta con el supervisor.`,
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    },
  };
};
