import { afterEach, describe, expect, it } from 'vitest';
import type { Account, Customer } from '../../../domain/central-api';
import { encodeCedulaPdf417, parseCedulaPdf417 } from '../../../domain/devices/cedula-pdf417';
import { manualClock } from '../../core/runtime';
import { openDatabase } from '../../store/db';
import { identityRepo } from '../../store/identity/repo';
import { referenceRepo } from '../../store/reference/repo';
import { tempDir } from '../../testing/temp-core';
import { referenceDirectory } from './directory';
import { SCAN_FRESH_MS, createScanInbox } from './scan-inbox';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const customer = (cellphone: string | null): Customer => ({
  documentType: 'CC',
  documentNumber: '900000001',
  name: 'MARÍA FERNANDA GÓMEZ PATIÑO',
  owner: 'natural',
  cellphone,
  city: 'Bogotá D.C.',
});

const account = (state: Account['state']): Account => ({
  number: '1001000001',
  product: 'ahorros',
  kind: 'individual',
  owner: 'natural',
  holders: [{ documentType: 'CC', documentNumber: '900000001', name: 'MARÍA FERNANDA GÓMEZ PATIÑO' }],
  authorized: [],
  state,
  gmfExempt: false,
  balances: { available: 100_000, inCanje: 0, onHold: 0 },
  embargoAmount: 0,
  embargo: null,
  legalRepresentatives: [],
  openedOn: '2019-06-14',
  lastCustomerMovementOn: null,
  reactivatedOn: null,
  registeredCellphone: '3001234501',
  city: 'Bogotá D.C.',
  branch: '001',
});

const setup = () => {
  const tmp = tempDir('caja-identity-');
  const db = openDatabase(`${tmp.dir}/caja.sqlite`);
  cleanups.push(() => {
    db.close();
    tmp.remove();
  });
  const reference = referenceRepo(db);
  const contacts = identityRepo(db);
  return { reference, contacts, directory: referenceDirectory(reference, contacts) };
};

const doc = { type: 'CC', number: '900000001' } as const;
const AT = '2026-03-02T14:00:00.000Z';

describe('customer directory over the reference cache (seed 000 step 1)', () => {
  it('says "not synced" before the first pull, "not found" after it', () => {
    const { reference, directory } = setup();
    expect(directory.lookup(doc)).toEqual({ status: 'not_synced' });
    reference.markSynced(AT);
    expect(directory.lookup(doc)).toEqual({ status: 'not_found' });
  });

  it('a customer whose only account is cancelled has no products (seed 001: a product is required)', () => {
    const { reference, directory } = setup();
    reference.applyChanges([{ entity: 'customer', version: 1, customer: customer('3001234501') }, { entity: 'account', version: 2, account: account('cancelada') }], 2, AT);
    expect(directory.lookup(doc)).toMatchObject({ status: 'found', customer: { hasProducts: false } });
    reference.applyChanges([{ entity: 'account', version: 3, account: account('inactiva') }], 3, AT);
    expect(directory.lookup(doc)).toMatchObject({ status: 'found', customer: { hasProducts: true, registeredCellphone: '3001234501' } });
  });

  it('prefers an update applied here until the cache pulls it, and lets a later change at central win', () => {
    const { reference, contacts, directory } = setup();
    reference.applyChanges([{ entity: 'customer', version: 1, customer: customer('3001234501') }], 1, AT);
    contacts.record({
      field: 'cellphone',
      key: 'k1', flowId: 'f1', documentType: 'CC', documentNumber: '900000001', previousCellphone: '3001234501',
      newCellphone: '3119998877', basis: 'biometric_match', status: 'applied', centralReference: 'C000000001', tellerId: 'u1', at: AT,
    });
    expect(directory.lookup(doc)).toMatchObject({ customer: { registeredCellphone: '3119998877' } });
    reference.applyChanges([{ entity: 'customer', version: 2, customer: customer('3205550000') }], 2, AT);
    expect(directory.lookup(doc)).toMatchObject({ customer: { registeredCellphone: '3205550000' } });
  });

  it('ignores a rejected update', () => {
    const { reference, contacts, directory } = setup();
    reference.applyChanges([{ entity: 'customer', version: 1, customer: customer('3001234501') }], 1, AT);
    contacts.record({
      field: 'cellphone',
      key: 'k2', flowId: 'f2', documentType: 'CC', documentNumber: '900000001', previousCellphone: '3001234501',
      newCellphone: '3119998877', basis: 'previous_number_confirmed', status: 'rejected', centralReference: null, tellerId: 'u1', at: AT,
    });
    expect(directory.lookup(doc)).toMatchObject({ customer: { registeredCellphone: '3001234501' } });
  });
});

describe('scanned cédula inbox', () => {
  const scan = parseCedulaPdf417(
    encodeCedulaPdf417({ documentNumber: '900000001', firstSurname: 'GÓMEZ', secondSurname: 'PATIÑO', firstName: 'MARÍA', otherNames: 'FERNANDA', sex: 'F', birthDate: '1985-03-14', bloodType: 'O+' }),
  );

  it('hands the last scan out once, with only type, number and name', () => {
    const inbox = createScanInbox(manualClock(new Date(AT)));
    inbox.push(scan);
    expect(inbox.take()).toEqual({ ok: true, documentType: 'CC', documentNumber: '900000001', name: 'MARÍA FERNANDA GÓMEZ PATIÑO' });
    expect(inbox.take()).toBeNull();
  });

  it('drops a scan older than a minute: it belonged to the previous customer', () => {
    const clock = manualClock(new Date(AT));
    const inbox = createScanInbox(clock);
    inbox.push(scan);
    clock.advance(SCAN_FRESH_MS + 1);
    expect(inbox.take()).toBeNull();
  });

  it('passes an unreadable card on as the parser’s Spanish message', () => {
    const inbox = createScanInbox(manualClock(new Date(AT)));
    inbox.push(parseCedulaPdf417('03short'));
    expect(inbox.take()).toMatchObject({ ok: false, message: expect.stringContaining('No se pudo leer la cédula') as unknown });
  });
});
