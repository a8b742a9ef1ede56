import type { PersonId } from '../../../domain/accounts/person';
import type { ContactOnFile } from '../../../domain/contract/identity';
import type { CustomerDirectory } from './directory';

/**
 * What central has of a person's address and phone, for the UIAF declaration to start from. The directory is the
 * branch's copy of central's customer records corrected by the contact updates applied here, the same source the
 * identity checks trust. The phone is the registered cellphone: the one number central keeps for a customer.
 */
export const contactOnFile = (directory: CustomerDirectory, id: PersonId): ContactOnFile => {
  const r = directory.lookup(id);
  if (r.status !== 'found') return { status: r.status, address: null, phone: null };
  return { status: 'found', address: r.customer.registeredAddress, phone: r.customer.registeredCellphone };
};
