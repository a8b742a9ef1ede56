import type { DocumentType } from '../../../domain/central-api';
import { isCellphone, type Cellphone } from '../../../domain/identity/cellphone';
import { canonicalContact, type ContactField } from '../../../domain/identity/contact';
import type { IdentityDocument } from '../../../domain/identity/document';
import type { IdentityRepo } from '../../store/identity/repo';
import type { ReferenceRepo } from '../../store/reference/repo';

export interface CustomerRecord {
  readonly name: string;
  readonly registeredCellphone: Cellphone | null;
  /** Registered e-mail and address as central stored them (the flow canonicalizes); null when none. */
  readonly registeredEmail: string | null;
  readonly registeredAddress: string | null;
  /** At least one product that is not cancelled (seed 001: a key is only for customers with products). */
  readonly hasProducts: boolean;
}

export type LookupResult = { status: 'found'; customer: CustomerRecord } | { status: 'not_found' } | { status: 'not_synced' };

/** Where the flow looks a customer up: the branch's copy of central's reference data. */
export interface CustomerDirectory {
  lookup(document: IdentityDocument): LookupResult;
}

/**
 * The reference cache, corrected by contact updates this workstation applied at central and the cache has not
 * pulled yet: when the cache still shows the number an applied update replaced, the update's number is the
 * registered one. A different number in the cache means central changed it since, and the cache wins.
 */
export const referenceDirectory = (
  reference: Pick<ReferenceRepo, 'getCustomer' | 'findAccountsByHolder' | 'lastSyncAt'>,
  contacts: Pick<IdentityRepo, 'latestApplied'>,
): CustomerDirectory => ({
  lookup: (document) => {
    const type = document.type as DocumentType;
    const customer = reference.getCustomer(type, document.number);
    if (!customer) return reference.lastSyncAt() === null ? { status: 'not_synced' } : { status: 'not_found' };
    let hasProducts: boolean;
    try {
      hasProducts = reference.findAccountsByHolder(type, document.number).some((a) => a.state !== 'cancelada');
    } catch {
      // An account central sent that breaks the domain invariants still is a product of this customer.
      hasProducts = true;
    }
    const corrected = (field: ContactField, cached: string | null): string | null => {
      const local = contacts.latestApplied(document.type, document.number, field);
      if (!local) return cached;
      // Canonical comparison: the update stored canonical values, the cache holds what central stored.
      const same = field === 'cellphone' ? cached === local.previousCellphone : canonicalContact(field, cached) === local.previousCellphone;
      return same ? local.newCellphone : cached;
    };
    const cellphone = corrected('cellphone', customer.cellphone);
    return {
      status: 'found',
      customer: {
        name: customer.name,
        registeredCellphone: cellphone !== null && isCellphone(cellphone) ? cellphone : null,
        // Reference rows pulled before central had these fields lack them.
        registeredEmail: corrected('email', customer.email ?? null),
        registeredAddress: corrected('address', customer.address ?? null),
        hasProducts,
      },
    };
  },
});
