import { afterEach, describe, expect, it } from 'vitest';
import type { Operation } from '../../../domain/central-api';
import { createCentralClient } from '../../sync/central-client';
import { drainer } from '../comprobante/testing/at-central';
import { CC, DEMO_TOKEN_001_03, world, type World, sharedCentral } from '../comprobante/testing/world';

/** The same cheque at two workstations of the bank: central knows what each one received. */
const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

const ACCOUNT = '240000000029';
let drawer = 55_500_000;

/** Workstation 001-01 receives the cheque (bank 07, number 8001, a new drawer's account) into María's account. */
const depositedElsewhere = async () => {
  drawer += 1;
  const cheque = { bankCode: '07', number: '8001', drawerAccount: String(drawer), amount: 400_000 };
  const other = createCentralClient({ url: shared.central.url, token: 'caja-demo-token-001-01', timeoutMs: 3000 });
  const op: Operation = { key: crypto.randomUUID(), branch: '001', workstation: '001-01', occurredAt: '2025-03-03T09:00:00-05:00', type: 'cheque_deposit', account: '240000000011', payload: { amount: 400_000, cheques: [cheque], releaseOn: '2025-03-04' } };
  const r = await other.call('postOperations', { operations: [op] });
  expect(r).toMatchObject({ ok: true, data: { results: [{ status: 'applied' }] } });
  const slip = { accountNumber: ACCOUNT, depositor: { id: CC('900000002') }, cheques: [{ bank: '07', number: '8001', drawerAccount: cheque.drawerAccount, amount: 400_000, city: 'Bogotá D.C.' }], declaredTotal: 400_000 };
  return { slip, giveBack: () => other.call('postOperations', { operations: [{ ...op, key: crypto.randomUUID(), type: 'reversal', account: '240000000011', payload: { reversesKey: op.key, reasonCode: 'CHEQUE_DEVUELTO_2' } }] }) };
};

describe('a cheque another workstation already received (CHEQUE_ALREADY_DEPOSITED)', () => {
  it('is refused at the counter, naming where it stands; once returned there it may be received here', async () => {
    w = await world(shared.central);
    const { slip, giveBack } = await depositedElsewhere();
    const refusal = { ok: false, error: { code: 'CHEQUE_ALREADY_DEPOSITED', message: expect.stringContaining('ya se consignó en la estación 001-01 a la cuenta ****0011') } };
    // Before: accepted here, the paper credited twice.
    expect(await w.call('deposit.evaluate', { slip })).toMatchObject(refusal);
    expect(await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip })).toMatchObject(refusal);
    expect(w.core.db.prepare("SELECT COUNT(*) FROM outbox WHERE type = 'cheque_deposit'").pluck().get()).toBe(0);
    await giveBack();
    expect(await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip })).toMatchObject({ ok: true });
  });

  it('without central the deposit is taken on the local check; central then refuses the credit and the supervisor sees why', async () => {
    let online = false;
    const real = createCentralClient({ url: shared.central.url, token: DEMO_TOKEN_001_03, timeoutMs: 3000 });
    const nowhere = createCentralClient({ url: 'http://127.0.0.1:9', token: 'x', timeoutMs: 300 });
    w = await world(shared.central, { client: { call: (route, req) => (online ? real : nowhere).call(route, req) } });
    const { slip } = await depositedElsewhere();
    expect(await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip })).toMatchObject({ ok: true });
    online = true;
    await drainer(w)();
    const rejected = w.core.db.prepare("SELECT code, message FROM sync_rejections WHERE type = 'cheque_deposit'").get() as { code: string; message: string } | undefined;
    expect(rejected).toMatchObject({ code: 'CHEQUE_ALREADY_DEPOSITED', message: expect.stringContaining('devuelva el cheque al cliente') });
  });
});
