import { afterEach, describe, expect, it } from 'vitest';
import { createCentralClient } from '../../sync/central-client';
import { COUNT, world, type World, sharedCentral } from '../comprobante/testing/world';
import { approve, closeMondayAtCentral as closeMonday, DAY, journalOpen, key, open, total } from './testing/reinstall';

/**
 * A workstation reinstalled (or a replaced machine) under the same id has an empty store: its next opening
 * compares the count with the last close central received from the old one, exactly as with a local close; with
 * central silent it cannot compare, and a supervisor approves the count. Real SQLite files, real central process.
 */
const shared = sharedCentral();
const worlds: World[] = [];
afterEach(() => {
  for (const w of worlds.splice(0)) w.close();
});
const closeMondayAtCentral = () => closeMonday(shared.central, worlds);

describe('the last close survives a reinstall', () => {
  it('a new empty store under the same workstation id names central\'s last close at F2 and refuses a different count (OPENING_DIFFERENCE); the same count opens, carried from that close', async () => {
    const { position, closedTillId } = await closeMondayAtCentral();
    // Tuesday: the machine was reinstalled; same workstation id, empty store, same central.
    const b = await world(shared.central, { openTill: false });
    worlds.push(b);
    b.clock.advance(DAY);
    await b.call('session.logout', {});
    expect(await b.call('session.login', { username: 'cajero1', password: 'Caja.2026' })).toMatchObject({ ok: true });
    expect(b.core.db.prepare('SELECT COUNT(*) FROM till_sessions').pluck().get()).toBe(0);
    expect(await b.call('till.current', { askCentral: true })).toMatchObject({
      ok: true,
      data: { till: null, lastClose: { businessDate: '2025-03-03', total: total(COUNT) + 100_000 }, lastCloseUnknown: null },
    });
    const short = { ...position, '100000': (position['100000'] ?? 0) - 10 };
    expect(await open(b, short)).toMatchObject({
      ok: false,
      error: {
        code: 'OPENING_DIFFERENCE',
        message: 'La caja 03 se cerró el 03/03/2025 con $ 18.987.000 y usted contó $ 17.987.000: faltante de $ 1.000.000. Cuente de nuevo o pida la aprobación del supervisor para abrir con su conteo.',
      },
    });
    expect(await open(b, position)).toMatchObject({ ok: true, data: { till: { businessDate: '2025-03-04', openingTotal: 18_987_000 } } });
    expect(journalOpen(b)).toMatchObject({ carriedFrom: closedTillId, closedTotal: 18_987_000, difference: 0, approvalId: null });
    // The opening goes to central too, naming the close it follows.
    const queued = JSON.parse(b.core.db.prepare("SELECT body FROM outbox WHERE type = 'till_open'").pluck().get() as string) as { payload: Record<string, unknown> };
    expect(queued.payload).toMatchObject({ carriedFrom: closedTillId, difference: 0, amount: 18_987_000, businessDate: '2025-03-04' });
  }, 90_000);

  it('with central silent and no close in the store, F2 says the opening cannot be compared and only a supervisor lets it open', async () => {
    const silent = createCentralClient({ url: 'http://127.0.0.1:9', token: 'x', timeoutMs: 500 });
    const w = await world(shared.central, { client: silent, openTill: false });
    worlds.push(w);
    const current = await w.call('till.current', { askCentral: true });
    expect(current).toMatchObject({ ok: true, data: { till: null, lastClose: null } });
    const unknown = current.ok ? (current.data as { lastCloseUnknown: string }).lastCloseUnknown : '';
    expect(unknown).toContain('la apertura no se puede comparar con el último cierre');
    const refused = await open(w, COUNT);
    expect(refused).toMatchObject({ ok: false, error: { code: 'OPENING_UNVERIFIED', message: unknown } });
    expect(w.core.db.prepare('SELECT COUNT(*) FROM till_sessions').pluck().get()).toBe(0);

    const asked = await w.call('till.requestOpeningApproval', { count: COUNT, reasonText: 'Estación reinstalada, central sin conexión' });
    if (!asked.ok) throw new Error(asked.error.message);
    const { approvalId } = asked.data as { approvalId: string };
    // Maker ≠ checker: the teller cannot approve it.
    expect(await w.call('supervisor.decide', { id: approvalId, source: 'caja', decision: 'aprobar', username: 'cajero1', password: 'Caja.2026' })).toMatchObject({ ok: false });
    await approve(w, approvalId);
    expect(await open(w, COUNT, approvalId)).toMatchObject({ ok: true, data: { till: { openingTotal: total(COUNT) } } });
    expect(journalOpen(w)).toMatchObject({ approvalId, uncompared: 'último cierre no disponible en central' });
    // Its opening record waits in the outbox for central, and holds no close: the close goes after it, in order.
    const counted = await w.call('till.count', { idempotencyKey: key(), count: COUNT });
    if (!counted.ok) throw new Error(counted.error.message);
    expect(await w.call('till.close', { idempotencyKey: key(), closingId: (counted.data as { closingId: string }).closingId })).toMatchObject({ ok: true });
    expect(w.core.db.prepare("SELECT type FROM outbox WHERE state = 'pending' AND type IN ('till_open', 'till_close') ORDER BY seq").pluck().all()).toEqual(['till_open', 'till_close']);
  }, 60_000);
});
