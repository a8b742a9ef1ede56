import { afterEach, expect, it } from 'vitest';
import { WorkstationStatusSchema } from '../../../domain/contract/status';
import { tempCore } from '../../testing/temp-core';

let t: Awaited<ReturnType<typeof tempCore>>;
afterEach(() => t.close());

const status = async () => {
  const r = await t.call('status.get');
  if (!r.ok) throw new Error(`status.get failed: ${JSON.stringify(r)}`);
  return WorkstationStatusSchema.parse(r.data);
};

it('signed out, the status names whose till was left open, with no amount, and after a restart too', async () => {
  t = await tempCore();
  expect((await status()).till).toEqual({ state: 'sin_abrir', tellerName: null });
  await t.call('session.login', { username: 'cajero1', password: 'Caja.2026' });
  const opened = await t.call('till.open', { idempotencyKey: crypto.randomUUID(), count: { '100000': 10, '50000': 20, '500': 40 }, declaredTotal: 2_020_000 });
  expect(opened).toMatchObject({ ok: true });
  await t.call('session.logout');

  const r = await t.call('status.get');
  expect(r).toMatchObject({ ok: true, data: { user: null, till: { state: 'abierta', tellerName: 'Ana Gómez' } } });
  // The log-in screen has no session: the till's cash must not travel with its holder's name.
  expect(JSON.stringify(r)).not.toMatch(/2020000|position|openingTotal/);

  await t.reopen();
  expect((await status()).till).toEqual({ state: 'abierta', tellerName: 'Ana Gómez' });
});

it('a teller without a display name is named by their user name', async () => {
  t = await tempCore();
  await t.call('session.login', { username: 'cajero2', password: 'Caja.2026' });
  expect(await t.call('till.open', { idempotencyKey: crypto.randomUUID(), count: { '50000': 2 }, declaredTotal: 100_000 })).toMatchObject({ ok: true });
  await t.call('session.logout');
  t.core.db.prepare("UPDATE users SET display_name = '' WHERE username = 'cajero2'").run();
  expect((await status()).till).toEqual({ state: 'abierta', tellerName: 'cajero2' });
});
