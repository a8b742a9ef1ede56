import { afterEach, expect, it } from 'vitest';
import { SAME_ACCOUNT_MESSAGE, sameAccountRefusal } from '../../../domain/transfer/evaluate';
import { inTransaction } from '../../store/db';
import { outboxRepo } from '../../store/outbox/repo';
import { transfer } from '../../sync/testing/ops';
import { centralBalances, drainer } from '../comprobante/testing/at-central';
import { world, type World, sharedCentral } from '../comprobante/testing/world';

const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

/** María's account in the demo data. */
const MARKED = '240000000011';

it('a transfer to its own account that reaches central (an older branch let it through) is listed for the supervisor in the branch’s own words', async () => {
  w = await world(shared.central);
  const before = await centralBalances(w, MARKED);
  // What a branch without the lookup check posted: the operation went to the outbox with its comprobante.
  inTransaction(w.core.db, () => outboxRepo(w.core.db).enqueue(transfer(crypto.randomUUID(), MARKED, MARKED, 50_000)));
  await drainer(w)();

  await w.call('session.logout');
  await w.call('session.login', { username: 'supervisor1', password: 'Super.2026' });
  const r = await w.call('sync.rejections', {});
  expect(r).toMatchObject({ ok: true, data: { rejections: [{ type: 'transfer', account: MARKED, code: 'SAME_ACCOUNT', message: SAME_ACCOUNT_MESSAGE }] } });
  // The sentence the counter shows when it refuses the same account itself.
  expect(sameAccountRefusal(MARKED, MARKED)?.message).toBe(SAME_ACCOUNT_MESSAGE);
  // Refused whole: central moved nothing.
  expect(await centralBalances(w, MARKED)).toEqual(before);
});
