import { afterEach, describe, expect, it } from 'vitest';
import { tempCore } from '../../testing/temp-core';

const KEY = '7b1e3f0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const count = { '100000': 10, '50000': 20, '500': 40 };

describe('till opening', () => {
  let t: Awaited<ReturnType<typeof tempCore>>;
  afterEach(() => t.close());

  const asTeller = async (at?: Date) => {
    t = await tempCore();
    if (at) t.clock.set(at);
    await t.call('session.login', { username: 'cajero1', password: 'Caja.2026' });
  };

  it('opens with a count whose total matches, on the Bogotá business date, and journals it', async () => {
    await asTeller(new Date('2026-03-03T02:00:00Z')); // 21:00 on 2 March in Bogotá
    const r = await t.call('till.open', { idempotencyKey: KEY, count, declaredTotal: 2_020_000 });
    expect(r).toMatchObject({ ok: true, data: { till: { state: 'abierta', openingTotal: 2_020_000, businessDate: '2026-03-02', tellerName: 'Ana Gómez' } } });
    const entry = t.core.db.prepare("SELECT payload FROM journal WHERE type = 'till_open'").pluck().get() as string;
    expect(JSON.parse(entry)).toMatchObject({ total: 2_020_000, tillCode: '03' });
  });

  it('refuses a declared total that differs from the count and records nothing', async () => {
    await asTeller();
    const r = await t.call('till.open', { idempotencyKey: KEY, count, declaredTotal: 2_000_000 });
    expect(r).toMatchObject({ ok: false, error: { code: 'COUNT_MISMATCH', details: { countedTotal: 2_020_000 } } });
    expect(await t.call('till.current')).toMatchObject({ ok: true, data: { till: null } });
  });

  it('refuses unknown denominations and fractional counts', async () => {
    await asTeller();
    expect(await t.call('till.open', { idempotencyKey: KEY, count: { '30000': 1 }, declaredTotal: 30_000 })).toMatchObject({ error: { code: 'INVALID_REQUEST' } });
    expect(await t.call('till.open', { idempotencyKey: KEY, count: { '1000': 1.5 }, declaredTotal: 1500 })).toMatchObject({ error: { code: 'INVALID_REQUEST' } });
  });

  it('is idempotent: the same key returns the same till, even after a restart', async () => {
    await asTeller();
    const first = await t.call('till.open', { idempotencyKey: KEY, count, declaredTotal: 2_020_000 });
    const again = await t.call('till.open', { idempotencyKey: KEY, count, declaredTotal: 2_020_000 });
    expect(again).toEqual(first);
    await t.reopen();
    await t.call('session.login', { username: 'cajero1', password: 'Caja.2026' });
    expect(await t.call('till.open', { idempotencyKey: KEY, count, declaredTotal: 2_020_000 })).toEqual(first);
    expect(t.core.db.prepare("SELECT COUNT(*) FROM journal WHERE type = 'till_open'").pluck().get()).toBe(1);
  });

  it('refuses the same key with another count, and a second open with a new key', async () => {
    await asTeller();
    await t.call('till.open', { idempotencyKey: KEY, count, declaredTotal: 2_020_000 });
    expect(await t.call('till.open', { idempotencyKey: KEY, count: { '1000': 1 }, declaredTotal: 1000 })).toMatchObject({ error: { code: 'IDEMPOTENCY_CONFLICT' } });
    expect(await t.call('till.open', { idempotencyKey: crypto.randomUUID(), count, declaredTotal: 2_020_000 })).toMatchObject({ error: { code: 'TILL_ALREADY_OPEN', message: expect.stringMatching(/ya está abierta por .+ desde \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}\.$/) } });
  });

  it("blind close: a teller is never sent the till's cash, not even its holding prompt; a supervisor is", async () => {
    await asTeller();
    const opened = await t.call('till.open', { idempotencyKey: KEY, count: { '100000': 560 }, declaredTotal: 56_000_000 });
    expect(opened).toMatchObject({ ok: true, data: { till: { position: null, positionTotal: null } } });
    const seen = await t.call('till.current');
    expect(seen).toMatchObject({ ok: true, data: { till: { state: 'abierta', position: null, positionTotal: null, holding: { state: 'cerca', surplus: 20_000_000 } } } });
    // 56.000.000 near a 60.000.000 limit: the prompt says what to send, not what the till holds.
    const holding = JSON.stringify(seen.ok ? (seen.data as { till: { holding: unknown } }).till.holding : null);
    expect(holding).not.toContain('56');
    expect(holding).toContain('Traslade $ 20.000.000 a la bóveda (F10)');
    // The deposit's warning is worked out in the core, worded without the till's cash either.
    const incoming = await t.call('till.incomingCash', { incoming: 5_000_000 });
    expect(incoming).toMatchObject({ ok: true, data: { state: 'excedido', surplus: 25_000_000, mix: { '100000': 250 } } });
    expect(JSON.stringify(incoming)).not.toMatch(/56|61\./);
    await t.call('session.logout');
    await t.call('session.login', { username: 'supervisor1', password: 'Super.2026' });
    expect(await t.call('till.current')).toMatchObject({ ok: true, data: { till: { positionTotal: 56_000_000, position: { '100000': 560 } } } });
  });

  it('does not let a supervisor open a till', async () => {
    t = await tempCore();
    await t.call('session.login', { username: 'supervisor1', password: 'Super.2026' });
    expect(await t.call('till.open', { idempotencyKey: KEY, count, declaredTotal: 2_020_000 })).toMatchObject({ error: { code: 'ROLE_NOT_ALLOWED' } });
  });
});
