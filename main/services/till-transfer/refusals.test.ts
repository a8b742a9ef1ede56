import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { tempCore } from '../../testing/temp-core';
import { data } from '../../testing/wire-data';
import { tillCash } from '../../testing/till-cash';

/**
 * Under blind close a send refused for want of pieces tells the teller something of the till's count; tried with
 * other mixes it would tell all of it. Refusals are journaled, put to the supervisor, and from the second the
 * till's sends wait for a supervisor's visa or an arqueo. Without central, sends queue in the outbox.
 */
const TELLER = { username: 'cajero1', password: 'Caja.2026' };
const SUP = { username: 'supervisor1', password: 'Super.2026' };
const opening = { '50000': 20, '10000': 10, '1000': 50 }; // $ 1.150.000

type Core = Awaited<ReturnType<typeof tempCore>>;
const as = async (t: Core, user: { username: string; password: string }) => {
  await t.call('session.logout');
  data(await t.call('session.login', user));
};
const send = (t: Core, count: Record<string, number>, total: number) => t.call('vault.sendToTill', { idempotencyKey: randomUUID(), toTill: '02', count, declaredTotal: total });
const refusedWith = async (t: Core, count: Record<string, number>, total: number) => {
  const r = await send(t, count, total);
  if (r.ok) throw new Error('the send went through');
  // Neither the denomination nor how many pieces: no amount at all in what the teller reads.
  expect(r.error.message.replace(/caja 03|\bF\d+\b/gi, '')).not.toMatch(/\$|\d/);
  return r.error as { code: string; message: string; details?: { approvalId?: string } };
};

describe('sends refused for want of pieces: journaled, shown to the supervisor, blocked from the second', () => {
  let t: Core;
  afterEach(() => t.close());

  it('the second refusal blocks the till’s sends until a supervisor, not the teller, gives the visa', async () => {
    t = await tempCore();
    await as(t, TELLER);
    data(await t.call('till.open', { idempotencyKey: randomUUID(), count: opening, declaredTotal: 1_150_000 }));

    expect((await refusedWith(t, { '50000': 21 }, 1_050_000)).code).toBe('CASH_SHORT');
    // The same mix again tells nothing new and is not a second refusal (a double Enter).
    expect((await refusedWith(t, { '50000': 21 }, 1_050_000)).code).toBe('CASH_SHORT');
    const blocked = await refusedWith(t, { '10000': 11 }, 110_000);
    expect(blocked).toMatchObject({ code: 'TRANSFERS_BLOCKED', message: expect.stringContaining('visto bueno de un supervisor') });
    // Blocked even for pieces the till holds: the till did not move.
    expect((await refusedWith(t, { '10000': 1 }, 10_000)).code).toBe('TRANSFERS_BLOCKED');
    expect(tillCash(t.core.db).positionTotal).toBe(1_150_000);

    const journal = data<{ entries: { state: string | null; amount: number | null }[] }>(await t.call('journal.search', { type: 'vault_transfer', limit: 20 }));
    expect(journal.entries.filter((e) => e.state === 'rehusado').map((e) => e.amount)).toEqual([110_000, 1_050_000]);

    // The teller cannot give their own visa; the supervisor sees the refused sends with their amounts.
    const approvalId = blocked.details?.approvalId ?? '';
    expect(await t.call('supervisor.decide', { id: approvalId, source: 'caja', decision: 'aprobar', ...TELLER })).toMatchObject({ ok: false });
    await as(t, SUP);
    const queue = data<{ items: { id: string; summary: string; context: Record<string, string> }[] }>(await t.call('supervisor.queue'));
    expect(queue.items).toEqual([
      expect.objectContaining({
        id: approvalId,
        summary: 'Envíos bloqueados en la caja 03: 2 rehusados por piezas que la caja no tiene',
        context: expect.objectContaining({ 'Envío 1': '$ 1.050.000 a Caja 02: 21 × $ 50.000', 'Envío 2': '$ 110.000 a Caja 02: 11 × $ 10.000' }),
      }),
    ]);
    data(await t.call('supervisor.decide', { id: approvalId, source: 'caja', decision: 'aprobar', note: 'Revisado con el cajero', ...SUP }));

    await as(t, TELLER);
    data(await send(t, { '10000': 1 }, 10_000));
    expect(tillCash(t.core.db).positionTotal).toBe(1_140_000);
    // The visa was used: the count of refusals starts again.
    expect((await refusedWith(t, { '1000': 51 }, 51_000)).code).toBe('CASH_SHORT');
  });

  it('an arqueo registered after the refusals lifts the block, and the visa asked for leaves the desk', async () => {
    t = await tempCore();
    await as(t, TELLER);
    data(await t.call('till.open', { idempotencyKey: randomUUID(), count: opening, declaredTotal: 1_150_000 }));
    await refusedWith(t, { '50000': 21 }, 1_050_000);
    expect((await refusedWith(t, { '10000': 11 }, 110_000)).code).toBe('TRANSFERS_BLOCKED');
    t.clock.advance(60_000);
    // The pending visa does not hold the arqueo: counting is one way out of the block.
    expect(data(await t.call('till.count', { idempotencyKey: randomUUID(), count: opening }))).toMatchObject({ next: 'cerrar' });
    data(await send(t, { '10000': 1 }, 10_000));
    await as(t, SUP);
    expect(data<{ items: unknown[] }>(await t.call('supervisor.queue')).items).toEqual([]);
  });
});
