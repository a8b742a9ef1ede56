import { afterEach, expect, it } from 'vitest';
import { createCentralClient } from '../../sync/central-client';
import { centralBalances, drainer } from '../comprobante/testing/at-central';
import { CC, DEMO_TOKEN_001_03, world, type World, sharedCentral } from '../comprobante/testing/world';

const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

/** Luz's demo account (central/demo/seed.ts): $ 3.000.000 available, $ 1.800.000 retained for a child-support order. */
const EMBARGOED = '240000000060';
const LUZ = { id: CC('900000003') };
const count = (sql: string) => w.core.db.prepare(sql).pluck().get();

/**
 * Pins what central does with a commission that reaches it after the branch's check went stale (contingency):
 * the deposit's credit is its own operation and stands; the fee alone is refused and listed for the supervisor.
 * It is not turned into a pending charge: central pays those out of `available` whatever an embargo retains
 * (central/accounts/ledger.ts payPendingCharges, and payAllPendingCharges before every operation), so an owed fee
 * would be taken from the order's money at the next operation.
 */
it('cl. 7.2 / 8.5: a contingency deposit whose fee would fall on embargoed money: the credit applies once, the fee alone is rejected, the retention is never touched later', async () => {
  let online = false;
  const real = createCentralClient({ url: shared.central.url, token: DEMO_TOKEN_001_03, timeoutMs: 3000 });
  const nowhere = createCentralClient({ url: 'http://127.0.0.1:9', token: 'x', timeoutMs: 300 });
  w = await world(shared.central, { client: { call: (route, req) => (online ? real : nowhere).call(route, req) } });
  // Straight to central, as another workstation's withdrawal: $ 19 left free of the retained $ 1.800.000, while this copy still shows $ 3.000.000.
  const env = { branch: '001', workstation: '001-03', occurredAt: '2025-03-03T09:30:00-05:00', account: EMBARGOED };
  const spent = await real.call('postOperations', { operations: [{ ...env, key: crypto.randomUUID(), type: 'withdrawal', payload: { amount: 1_199_981, gmf: 0 } }] });
  expect(spent.ok && spent.data.results[0]?.status).toBe('applied');

  // Central unreachable: a Medellín cheque (remesa, $ 15.000 commission) is taken on the local check.
  const slip = { accountNumber: EMBARGOED, depositor: LUZ, cash: {}, cheques: [{ bank: '13', number: '9191', drawerAccount: '55544433', amount: 500_000, city: 'Medellín' }], declaredTotal: 500_000 };
  const posted = await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip });
  expect(posted, JSON.stringify(posted)).toMatchObject({ ok: true, data: { status: 'posted' } });

  online = true;
  const drain = drainer(w);
  await drain();
  await drain();
  expect(count("SELECT state FROM outbox WHERE type = 'cheque_deposit'")).toBe('applied');
  expect(count("SELECT code FROM sync_rejections WHERE type = 'deposit_commission'")).toBe('EMBARGOED_FUNDS');
  expect(count('SELECT COUNT(*) FROM sync_rejections')).toBe(1);
  expect(await centralBalances(w, EMBARGOED)).toEqual({ available: 1_800_019, inCanje: 500_000, onHold: 0, embargoRetained: 1_800_000 });

  // A later credit is the customer's whole: nothing collects the refused fee out of the account afterwards.
  const later = await real.call('postOperations', { operations: [{ ...env, key: crypto.randomUUID(), type: 'cash_deposit', payload: { amount: 10_000 } }] });
  expect(later.ok && later.data.results[0]?.status).toBe('applied');
  expect(await centralBalances(w, EMBARGOED)).toEqual({ available: 1_810_019, inCanje: 500_000, onHold: 0, embargoRetained: 1_800_000 });
});
