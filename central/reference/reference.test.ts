import { afterEach, beforeEach, expect, it } from 'vitest';
import { ReferenceResponseSchema, type ReferenceChange } from '../../domain/central-api';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { batch, cashDeposit } from '../testing/ops';

let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral();
});
afterEach(async () => {
  await t.stop();
});

const page = async (cursor: number, limit: number) => ReferenceResponseSchema.parse((await t.call('reference', { cursor, limit })).body);

const idOf = (c: ReferenceChange): string => (c.entity === 'account' ? `a:${c.account.number}` : `c:${c.customer.documentNumber}`);

it('pages through all reference data by cursor, then returns nothing new', async () => {
  const seen: ReferenceChange[] = [];
  let cursor = 0;
  for (;;) {
    const p = await page(cursor, 3);
    expect(p.changes.length).toBeLessThanOrEqual(3);
    seen.push(...p.changes);
    cursor = p.nextCursor;
    if (!p.hasMore) break;
  }
  // Demo data (seed.ts): 7 customers (5 demo citizens, a company, an authorized person) and 11 accounts.
  expect(seen.filter((c) => c.entity === 'customer')).toHaveLength(7);
  expect(seen.filter((c) => c.entity === 'account')).toHaveLength(11);
  expect(new Set(seen.map(idOf)).size).toBe(seen.length);
  const versions = seen.map((c) => c.version);
  expect(versions).toEqual([...versions].sort((a, b) => a - b));
  const idle = await page(cursor, 3);
  expect(idle).toEqual({ changes: [], nextCursor: cursor, hasMore: false });
});

it('a posted operation shows up after the cursor with the new balance', async () => {
  const first = await page(0, 500);
  await batch(t, [cashDeposit('240000000029', 70_000)]);
  const delta = await page(first.nextCursor, 100);
  expect(delta.changes).toHaveLength(1);
  const c = delta.changes[0];
  expect(c?.entity === 'account' && c.account).toMatchObject({ number: '240000000029', balances: { available: 15_870_000 } });
});

it('publishes the account kinds and states the demo covers', async () => {
  const accounts = (await page(0, 500)).changes.flatMap((c) => (c.entity === 'account' ? [c.account] : []));
  expect(new Set(accounts.map((a) => a.kind))).toEqual(new Set(['individual', 'colectiva', 'conjunta']));
  expect(new Set(accounts.map((a) => a.state))).toEqual(new Set(['activa', 'inactiva', 'embargada', 'bloqueada']));
  expect(accounts.find((a) => a.kind === 'conjunta')?.holders).toHaveLength(2);
  expect(accounts.find((a) => a.state === 'embargada')?.embargoAmount).toBe(1_800_000);
  expect(accounts.filter((a) => a.gmfExempt)).toHaveLength(1);
  expect(accounts.some((a) => a.owner === 'juridica' && a.authorized.length === 1)).toBe(true);
});
