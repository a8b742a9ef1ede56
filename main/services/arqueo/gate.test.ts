import { afterEach, describe, expect, it } from 'vitest';
import { CC, world, type World, sharedCentral } from '../comprobante/testing/world';
import { data } from '../../testing/wire-data';

const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

type Gate = { canClose: boolean; items: { code: string; count: number; resolveAt: string }[] };

describe('pre-close gate over the real stores (teller-anchors §4 item 13)', () => {
  it('an unprinted receipt and an operation central has not acknowledged block the close, each with where to resolve it', async () => {
    w = await world(shared.central);
    const { sequence } = data<{ sequence: string }>(
      await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: { accountNumber: '240000000011', depositor: { id: CC('900000001') }, cash: { '50000': 2 }, declaredTotal: 100_000 } }),
    );
    const db = w.core.db;
    // Let the emulated printer finish first: marking the job failed while it prints races with the printer's
    // own "printed" (the gate now asks central first, which leaves the printer time to win).
    const state = () => db.prepare('SELECT state FROM device_print_jobs WHERE sequence = ?').pluck().get(sequence);
    for (let i = 0; i < 100 && state() !== 'printed'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(state()).toBe('printed');
    // The printer failed on this receipt (paper out) and the outbox still holds the deposit for central.
    const printed = db.prepare("UPDATE device_print_jobs SET state = 'failed' WHERE sequence = ?").run(sequence).changes;
    // The till's opening record is queued too, but it holds no close (gate facts): the deposit does.
    const queued = db.prepare("SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sent') AND type <> 'till_open'").pluck().get() as number;
    // No sync pump runs in this world, so the deposit stays queued for central.
    expect({ printed, queued }).toEqual({ printed: 1, queued: 1 });
    const gate = data<Gate>(await w.call('till.gate'));
    expect(gate.canClose).toBe(false);
    expect(gate.items.map((i) => i.code)).toEqual(['UNSYNCED_OPERATIONS', 'UNPRINTED_RECEIPTS']);
    expect(gate.items[1]?.resolveAt).toContain('Dispositivos (F9)');
    db.prepare("UPDATE device_print_jobs SET state = 'printed' WHERE sequence = ?").run(sequence);
    db.prepare("UPDATE outbox SET state = 'unknown' WHERE state IN ('pending', 'sent')").run();
    const later = data<Gate>(await w.call('till.gate'));
    expect(later.items.map((i) => i.code)).toEqual(['UNKNOWN_OUTCOME']);
    expect(later.items[0]?.resolveAt).toContain('confirmación de central');
    await expect(w.call('till.count', { idempotencyKey: crypto.randomUUID(), count: {} })).resolves.toMatchObject({ ok: false, error: { code: 'CLOSE_BLOCKED' } });
  });
});
