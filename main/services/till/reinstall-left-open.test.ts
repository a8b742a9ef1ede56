import { describe, expect, it } from 'vitest';
import type { World } from '../comprobante/testing/world';
import { drainer } from '../comprobante/testing/at-central';
import { approve, centralPerTest, DAY, journalOpen, open, signIn, total } from './testing/reinstall';

/**
 * The machine died (or was replaced) with the till open: central has an opening after the last close and no close
 * of it. A workstation reinstalled under the same id cannot compare its count with that close (the session's cash
 * moved and was never counted), so F2 says the till was left open at central and only a supervisor lets it open,
 * even with the very count of the last close. Real SQLite files, a real central process per test.
 */
const at = centralPerTest();

const reinstalled = async (days: number) => {
  const b = await at.reinstall();
  b.clock.advance(days * DAY);
  await signIn(b, 'cajero1');
  return b;
};
const openingSent = (w: World) => (JSON.parse(w.core.db.prepare("SELECT body FROM outbox WHERE type = 'till_open'").pluck().get() as string) as { payload: Record<string, unknown> }).payload;

describe('a till left open at central', () => {
  it('closed Monday, opened Tuesday and never closed: Wednesday\'s F2 says it was left open since Tuesday; the count of Monday\'s close opens only with a supervisor', async () => {
    const { a, position } = await at.closeMonday();
    a.clock.advance(DAY);
    await signIn(a, 'cajero1');
    expect(await open(a, position)).toMatchObject({ ok: true });
    await drainer(a)();
    const tuesday = a.core.db.prepare("SELECT id FROM till_sessions WHERE state = 'abierta'").pluck().get() as string;
    // The machine dies with the till open; Wednesday a reinstalled one under the same id.
    const b = await reinstalled(2);
    const f2 = await b.call('till.current', { askCentral: true });
    expect(f2).toMatchObject({ ok: true, data: { till: null, openRefusal: null, lastClose: null } });
    const said = f2.ok ? (f2.data as { lastCloseUnknown: string }).lastCloseUnknown : '';
    expect(said).toBe(
      'La caja quedó abierta en central desde el 04/03/2025 sin cierre: la abrió Ana Gómez el 04/03/2025 09:00 con $ 18.987.000 y central no recibió su cierre (el equipo se apagó o se reemplazó con la caja abierta). ' +
        'Lo que esa sesión movió no se contó, así que su conteo no se puede comparar con el último cierre (03/03/2025, $ 18.987.000). Pida la aprobación del supervisor para abrir con su conteo.',
    );
    expect(await open(b, position)).toMatchObject({ ok: false, error: { code: 'OPENING_UNVERIFIED', message: said } });
    expect(b.core.db.prepare('SELECT COUNT(*) FROM till_sessions').pluck().get()).toBe(0);

    const asked = await b.call('till.requestOpeningApproval', { count: position, reasonText: 'Equipo reemplazado con la caja abierta' });
    if (!asked.ok) throw new Error(asked.error.message);
    const { approvalId } = asked.data as { approvalId: string };
    // What the supervisor reads at the desk names the session left open.
    expect(b.core.db.prepare('SELECT summary FROM supervised_requests WHERE id = ?').pluck().get(approvalId)).toBe('Apertura de la caja 03: quedó abierta en central desde el 04/03/2025 sin cierre');
    await approve(b, approvalId);
    expect(await open(b, position, approvalId)).toMatchObject({ ok: true, data: { till: { businessDate: '2025-03-05', openingTotal: total(position) } } });
    expect(journalOpen(b)).toMatchObject({ approvalId, leftOpen: tuesday, uncompared: 'caja abierta en central sin cierre desde el 04/03/2025' });
    // Not carried from Monday's close: the cash of Tuesday's session came in between.
    expect(openingSent(b)).toMatchObject({ carriedFrom: null, difference: null, approvalId });
  }, 120_000);
});
