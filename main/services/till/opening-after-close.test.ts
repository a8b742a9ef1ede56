import { afterEach, describe, expect, it } from 'vitest';
import { COUNT, CC, world, type World, sharedCentral } from '../comprobante/testing/world';
import { drainer } from '../comprobante/testing/at-central';
import { tillCash } from '../../testing/till-cash';

/**
 * QA M1: cash left in a closed till disappeared at the next day's opening, which compared the count with nothing.
 * The cash the close counted carries to the next opening by denomination; a different count is a difference a
 * supervisor other than the teller approves. Real SQLite file, real central process, two business days.
 */
const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

const DAY = 24 * 3_600_000;
const key = () => crypto.randomUUID();
const total = (c: Record<string, number>) => Object.entries(c).reduce((s, [d, n]) => s + Number(d) * n, 0);

/** Monday: a deposit of $ 100.000 in two bills of 50.000, then the close counts the till squared. */
const closeMonday = async () => {
  expect(await w.call('deposit.post', { idempotencyKey: key(), slip: { accountNumber: '240000000011', depositor: { id: CC('900000001') }, cash: { '50000': 2 }, declaredTotal: 100_000 } })).toMatchObject({ ok: true });
  await drainer(w)();
  const { position } = tillCash(w.core.db);
  const counted = await w.call('till.count', { idempotencyKey: key(), count: position });
  if (!counted.ok) throw new Error(counted.error.message);
  const closed = await w.call('till.close', { idempotencyKey: key(), closingId: (counted.data as { closingId: string }).closingId });
  if (!closed.ok) throw new Error(closed.error.message);
  return position;
};
/** Tuesday morning: the teller signs in again. */
const tuesday = async () => {
  w.clock.advance(DAY);
  await w.call('session.logout', {});
  expect(await w.call('session.login', { username: 'cajero1', password: 'Caja.2026' })).toMatchObject({ ok: true });
};
const open = (count: Record<string, number>, approvalId?: string) => w.call('till.open', { idempotencyKey: key(), count, declaredTotal: total(count), ...(approvalId ? { approvalId } : {}) });
const journalOpen = () => JSON.parse(w.core.db.prepare("SELECT payload FROM journal WHERE type = 'till_open' ORDER BY sequence DESC LIMIT 1").pluck().get() as string) as Record<string, unknown>;

describe('the next opening counts against the last close (QA M1)', () => {
  it('Inicio knows the last close; the same count opens with no approval and journals the close it follows', async () => {
    w = await world(shared.central);
    const closedWith = await closeMonday();
    await tuesday();
    const current = await w.call('till.current', {});
    expect(current).toMatchObject({ ok: true, data: { till: null, lastClose: { businessDate: '2025-03-03', total: total(COUNT) + 100_000 } } });
    expect(await open(closedWith)).toMatchObject({ ok: true, data: { till: { businessDate: '2025-03-04', openingTotal: total(COUNT) + 100_000 } } });
    expect(journalOpen()).toMatchObject({ closedTotal: total(COUNT) + 100_000, difference: 0, approvalId: null });
  }, 60_000);

  it('a count $ 1.000.000 short is refused with both figures; it opens only with a supervisor other than the teller, journaled with the difference', async () => {
    w = await world(shared.central);
    const closedWith = await closeMonday();
    await tuesday();
    const short = { ...closedWith, '100000': (closedWith['100000'] ?? 0) - 10 };
    const refused = await open(short);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'OPENING_DIFFERENCE',
        message: `La caja 03 se cerró el 03/03/2025 con $ 18.987.000 y usted contó $ 17.987.000: faltante de $ 1.000.000. Cuente de nuevo o pida la aprobación del supervisor para abrir con su conteo.`,
      },
    });
    expect(w.core.db.prepare("SELECT COUNT(*) FROM till_sessions WHERE state = 'abierta'").pluck().get()).toBe(0);

    const asked = await w.call('till.requestOpeningApproval', { count: short, reasonText: 'Faltan diez billetes de cien mil' });
    if (!asked.ok) throw new Error(asked.error.message);
    const { approvalId } = asked.data as { approvalId: string; status: string };
    expect(asked.data).toMatchObject({ status: 'pendiente' });
    expect(await open(short, approvalId)).toMatchObject({ ok: false });
    // Maker ≠ checker: the teller cannot approve their own opening.
    expect(await w.call('supervisor.decide', { id: approvalId, source: 'caja', decision: 'aprobar', username: 'cajero1', password: 'Caja.2026' })).toMatchObject({ ok: false });
    expect(await w.call('supervisor.decide', { id: approvalId, source: 'caja', decision: 'aprobar', username: 'supervisor1', password: 'Super.2026' })).toMatchObject({ ok: true });
    // The approval covers that count only.
    expect(await open({ ...short, '50000': (short['50000'] ?? 0) - 1 }, approvalId)).toMatchObject({ ok: false });
    expect(await open(short, approvalId)).toMatchObject({ ok: true, data: { till: { openingTotal: 17_987_000 } } });
    expect(journalOpen()).toMatchObject({ closedTotal: 18_987_000, total: 17_987_000, difference: -1_000_000, approvalId });
  }, 60_000);
});
