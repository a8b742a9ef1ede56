import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { AccountSchema, type ReferenceChange } from '../../../domain/central-api';
import { openDatabase, type Db } from '../../store/db';
import { outboxRepo } from '../../store/outbox/repo';
import { referenceRepo } from '../../store/reference/repo';
import { referenceAccountSource } from './source';

let db: Db;
let dir: string;
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const account = (version: number, available: number): ReferenceChange => ({
  entity: 'account',
  version,
  account: AccountSchema.parse({
    number: '240000000011', product: 'ahorros', kind: 'individual', owner: 'natural',
    holders: [{ documentType: 'CC', documentNumber: '900000001', name: 'MARÍA' }], authorized: [], state: 'activa',
    gmfExempt: false, balances: { available, inCanje: 0, onHold: 0 }, embargoAmount: 0, openedOn: '2019-06-14',
    registeredCellphone: null, city: 'Bogotá D.C.', branch: '001',
  }),
});

it('rebuilds the domain account only when central’s record changed, never serving a stale balance', () => {
  dir = mkdtempSync(join(tmpdir(), 'caja-source-'));
  db = openDatabase(join(dir, 'x.sqlite'));
  const reference = referenceRepo(db);
  let parses = 0;
  const counting = { ...reference, getAccount: (n: string) => (parses++, reference.getAccount(n)) };
  const source = referenceAccountSource(counting, outboxRepo(db));
  reference.applyChanges([account(1, 1_000_000)], 1, '2025-03-03T14:00:00Z');
  expect(source.get('240000000011')?.account.balances.available).toBe(1_000_000);
  expect(source.get('240000000011')?.account.balances.available).toBe(1_000_000);
  expect(parses).toBe(1);
  reference.applyChanges([account(2, 400_000)], 2, '2025-03-03T14:05:00Z');
  expect(source.get('240000000011')?.account.balances.available).toBe(400_000);
  expect(parses).toBe(2);
  expect(source.get('249999999999')).toBeUndefined();
});
