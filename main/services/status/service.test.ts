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

it("the approval queue's version moves when a request is made or decided here, and on no other push", async () => {
  t = await tempCore();
  const versions: number[] = [];
  t.core.bus.subscribe((event, payload) => event === 'status.changed' && versions.push(WorkstationStatusSchema.parse(payload).approvals.version));
  const pushed = () => versions.splice(0);
  await t.call('session.login', { username: 'cajero1', password: 'Caja.2026' });
  expect(await t.call('till.open', { idempotencyKey: crypto.randomUUID(), count: { '100000': 10 }, declaredTotal: 1_000_000 })).toMatchObject({ ok: true });
  // Signing in and opening the till pushed; nothing of the queue changed.
  const idle = pushed();
  expect(idle.length).toBeGreaterThan(0);
  expect(new Set(idle)).toEqual(new Set([0]));
  // A break: the session locks and unlocks, each pushed, the queue as it was.
  expect(await t.call('session.lock')).toMatchObject({ ok: true });
  expect(await t.call('session.unlock', { password: 'Caja.2026' })).toMatchObject({ ok: true });
  const other = pushed();
  expect(other.length).toBeGreaterThanOrEqual(2);
  expect(new Set(other)).toEqual(new Set([0]));

  // A $ 1.000 shortage asked for: one move, pushed.
  const c = await t.call('till.count', { idempotencyKey: crypto.randomUUID(), count: { '100000': 9, '50000': 1, '20000': 2, '5000': 1, '2000': 2 } });
  if (!c.ok) throw new Error(JSON.stringify(c));
  const asked = await t.call('till.requestDifferenceApproval', { closingId: (c.data as { closingId: string }).closingId, reasonCode: 'NO_IDENTIFICADA', reasonText: 'Moneda perdida' });
  if (!asked.ok) throw new Error(JSON.stringify(asked));
  expect(pushed().at(-1)).toBe(1);
  expect((await status()).approvals.version).toBe(1);

  // Decided at this desk: one more.
  const id = (asked.data as { approvalId: string }).approvalId;
  expect(await t.call('supervisor.decide', { id, source: 'caja', decision: 'aprobar', note: 'Revisado', username: 'supervisor1', password: 'Super.2026' })).toMatchObject({ ok: true });
  expect(pushed().at(-1)).toBe(2);
  // Read again, nothing changed: the same version.
  expect(await t.call('supervisor.queue')).toMatchObject({ ok: true, data: { items: [] } });
  expect((await status()).approvals.version).toBe(2);
});
