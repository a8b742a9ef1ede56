import { afterEach, expect, it } from 'vitest';
import { drainer } from '../comprobante/testing/at-central';
import { CC, COUNT, world, type World, sharedCentral } from '../comprobante/testing/world';
import { data } from '../../testing/wire-data';

/**
 * Closing sets the till to what the arqueo counted. A deposit posted after the count, already confirmed by central
 * (so nothing holds the close), must not close the till on the count that did not see its cash.
 */
const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

it('a count taken before a deposit does not close the till once the deposit is at central: the close asks for a new count', async () => {
  w = await world(shared.central);
  const counted = data<{ closingId: string; next: string }>(await w.call('till.count', { idempotencyKey: crypto.randomUUID(), count: COUNT }));
  expect(counted.next).toBe('cerrar');
  const slip = { accountNumber: '240000000011', depositor: { id: CC('79123456'), name: 'Luis Gómez' }, cash: { '50000': 2 }, declaredTotal: 100_000 };
  data(await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip }));
  await drainer(w)();

  const refused = await w.call('till.close', { idempotencyKey: crypto.randomUUID(), closingId: counted.closingId });
  expect(refused).toMatchObject({ ok: false, error: { code: 'COUNT_OUTDATED' } });
  expect(refused.ok ? '' : refused.error.message).toContain('Cuente de nuevo (F6)');
  const tills = w.core.db.prepare("SELECT COUNT(*) FROM till_sessions WHERE closed_at IS NULL").pluck().get();
  expect(tills).toBe(1);
}, 60_000);
