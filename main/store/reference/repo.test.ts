import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db';
import { tempDir } from '../../testing/temp-core';
import { referenceRepo, ReferenceDataError, type ReferenceRepo } from './repo';
import { AccountSchema, type Account, type Customer, type PersonRef, type ReferenceChange } from '../../../domain/central-api';

let dir: ReturnType<typeof tempDir>;
let db: Db;
let ref: ReferenceRepo;
beforeEach(() => {
  dir = tempDir('caja-ref-');
  db = openDatabase(join(dir.dir, 'caja.sqlite'));
  ref = referenceRepo(db);
});
afterEach(() => {
  db.close();
  dir.remove();
});

const AT = '2026-03-02T14:00:00.000Z';
const maria: PersonRef = { documentType: 'CC', documentNumber: '900000001', name: 'MARÍA PÉREZ' };
const juan: PersonRef = { documentType: 'CC', documentNumber: '900000002', name: 'JUAN GÓMEZ' };
const company: PersonRef = { documentType: 'NIT', documentNumber: '900123456-8', name: 'FERRETERÍA EL TORNILLO S.A.S.' };
const carlos: PersonRef = { documentType: 'CE', documentNumber: '1234567', name: 'CARLOS DÍAZ' };
const account = (number: string, holders: PersonRef[], over: Partial<Account> = {}): Account =>
  AccountSchema.parse({
    number, product: 'ahorros', kind: holders.length > 1 ? 'colectiva' : 'individual', owner: 'natural', holders, authorized: [],
    state: 'activa', gmfExempt: false, balances: { available: 1_000_000, inCanje: 0, onHold: 0 }, embargoAmount: 0,
    openedOn: '2019-06-14', registeredCellphone: null, city: 'Bogotá D.C.', branch: '001', ...over,
  });
const demoAccounts = (): Account[] => [
  account('240000000011', [maria]),
  account('240000000029', [juan]),
  account('240000000045', [juan, maria]),
  account('240000000060', [maria], { state: 'embargada', embargoAmount: 1_800_000 }),
  account('240000000078', [company], { owner: 'juridica', legalRepresentatives: [carlos] }),
];
const demoCustomers = (): Customer[] =>
  [maria, juan, company, carlos].map((p) => ({ ...p, owner: p.documentType === 'NIT' ? 'juridica' : 'natural', cellphone: null, city: 'Bogotá D.C.' }));
const page = (): ReferenceChange[] => {
  let v = 0;
  return [
    ...demoCustomers().map((customer): ReferenceChange => ({ entity: 'customer', version: ++v, customer })),
    ...demoAccounts().map((account): ReferenceChange => ({ entity: 'account', version: ++v, account })),
  ];
};

describe('reference cache', () => {
  it('starts empty at cursor 0, never synced', () => {
    expect(ref.cursor()).toBe(0);
    expect(ref.lastSyncAt()).toBeNull();
    expect(ref.getAccount('240000000011')).toBeUndefined();
  });

  it('applies a page and the cursor together; reads give domain accounts', () => {
    ref.applyChanges(page(), 9, AT);
    expect(ref.cursor()).toBe(9);
    expect(ref.lastSyncAt()).toBe(AT);
    const company = ref.getAccount('240000000078');
    expect(company?.legalRepresentatives.map((p) => p.id)).toEqual([{ type: 'CE', number: '1234567' }]);
    expect(ref.getAccount('240000000060')?.embargo?.amount).toBe(1_800_000);
    expect(ref.findAccountsByHolder('CC', '900000002').map((a) => a.number)).toEqual(['240000000029', '240000000045']);
    expect(ref.getCustomer('NIT', '900123456-8')?.name).toBe('FERRETERÍA EL TORNILLO S.A.S.');
  });

  it('an older version never overwrites a newer one; holders follow the account', () => {
    ref.applyChanges(page(), 9, AT);
    const [a] = demoAccounts();
    if (!a) throw new Error('seed');
    ref.applyChanges([{ entity: 'account', version: 30, account: { ...a, holders: [{ documentType: 'CC', documentNumber: '900000002', name: 'JUAN' }] } }], 30, AT);
    ref.applyChanges([{ entity: 'account', version: 5, account: { ...a, balances: { available: 1, inCanje: 0, onHold: 0 } } }], 5, AT);
    expect(ref.getAccount(a.number)?.balances.available).toBe(a.balances.available);
    expect(ref.findAccountsByHolder('CC', '900000001').map((x) => x.number)).not.toContain(a.number);
    expect(ref.cursor()).toBe(30);
  });

  it('balances reported by central with an applied operation update the cached account', () => {
    ref.applyChanges(page(), 9, AT);
    ref.applyBalances('240000000011', { available: 1, inCanje: 2, onHold: 3 });
    expect(ref.getAccount('240000000011')?.balances).toEqual({ available: 1, inCanje: 2, onHold: 3 });
  });

  it('a record that breaks the domain invariants is refused with a typed error', () => {
    const [a] = demoAccounts();
    if (!a) throw new Error('seed');
    ref.applyChanges([{ entity: 'account', version: 1, account: { ...a, kind: 'conjunta' } }], 1, AT);
    expect(() => ref.getAccount(a.number)).toThrow(ReferenceDataError);
  });
});
