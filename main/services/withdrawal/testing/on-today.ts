import { COUNT, world, type RunningCentral, type World } from '../../comprobante/testing/world';

/**
 * A core on today's date with its till open. The demo's validity dates are relative to central's seeding day (its own
 * clock), not the fixed day of `world`, so the till is opened on today or the core would find it left open since
 * another day. `keep` takes the core before anything can fail, so the test closes it either way.
 */
export const coreOnToday = async (central: RunningCentral, keep: (w: World) => void): Promise<World> => {
  const t = await world(central, { openTill: false });
  keep(t);
  t.clock.set(new Date());
  // Years pass between the two dates: the idle lock took the session, the teller types the password again.
  const unlocked = await t.call('session.unlock', { password: 'Caja.2026' });
  if (!unlocked.ok) throw new Error(unlocked.error.message);
  const total = Object.entries(COUNT).reduce((s, [d, n]) => s + Number(d) * n, 0);
  const till = await t.call('till.open', { idempotencyKey: crypto.randomUUID(), count: COUNT, declaredTotal: total });
  if (!till.ok) throw new Error(till.error.message);
  return t;
};
