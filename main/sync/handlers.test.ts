import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempCore } from '../testing/temp-core';
import { data } from '../testing/wire-data';

const TELLER = { username: 'cajero1', password: 'Caja.2026' };
const SUP = { username: 'supervisor1', password: 'Super.2026' };

type Core = Awaited<ReturnType<typeof tempCore>>;
let t: Core;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.close());

const as = async (user: { username: string; password: string }) => {
  await t.call('session.logout');
  const r = await t.call('session.login', user);
  expect(r.ok).toBe(true);
};

it('without a central the core runs offline: status bar and sync.status say so', async () => {
  await as(TELLER);
  const s = data<{ state: string; queueLength: number; mode: string; message: string }>(await t.call('sync.status'));
  expect(s).toMatchObject({ state: 'offline', queueLength: 0, mode: 'normal' });
  expect(s.message).toContain('Sin comunicación con central');
  expect(data<{ central: { state: string }; contingency: boolean }>(await t.call('status.get'))).toMatchObject({
    central: { state: 'offline', queueLength: 0 },
    contingency: false,
  });
});

it('contingency is switched by a supervisor only, shows on the status bar, and survives a restart', async () => {
  await as(TELLER);
  const refused = await t.call('sync.setContingency', { active: true, reason: 'Caída del enlace' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await t.call('sync.rejections', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  await as(SUP);
  const pushed: unknown[] = [];
  t.core.bus.subscribe((event, payload) => event === 'status.changed' && pushed.push(payload));
  expect(data(await t.call('sync.setContingency', { active: true, reason: 'Caída del enlace' }))).toEqual({ mode: 'contingencia' });
  expect(pushed).toContainEqual(expect.objectContaining({ contingency: true }));
  expect(data(await t.call('sync.rejections', {}))).toEqual({ rejections: [] });
  await t.reopen();
  await as(TELLER);
  expect(data<{ contingency: boolean }>(await t.call('status.get')).contingency).toBe(true);
  expect(data<{ mode: string; modeChangedBy: string | null }>(await t.call('sync.status')).mode).toBe('contingencia');
});
