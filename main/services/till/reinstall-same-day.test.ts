import { describe, expect, it } from 'vitest';
import { approve, centralPerTest, closeSquared, journalOpen, key, open, signIn } from './testing/reinstall';

/**
 * A workstation reinstalled the same day its till was closed (same id, empty store): central's close of today is
 * today's close, as a local one is. The teller who closed it goes back only through the supervised reopening,
 * which hands back the cash counted at that close; another teller opens with their own count. Real SQLite files,
 * real central process (user ids differ between the two installs: the teller is known by username).
 */
const at = centralPerTest();
const CLOSED_TODAY =
  'Usted ya cerró la caja 03 hoy. Para volver a atender pida la reapertura en Cierre de caja (F6): la aprueba un supervisor y la caja vuelve con el efectivo que contó al cerrar.';

/** The till closed at the old machine, then a reinstalled one under the same id the same day, cajero1 signed in. */
const reinstalledAfterClose = async () => {
  const { position, closedTillId } = await at.closeMonday();
  const b = await at.reinstall();
  expect(b.core.db.prepare('SELECT COUNT(*) FROM till_sessions').pluck().get()).toBe(0);
  return { b, position, closedTillId };
};

describe("central's close of today after a reinstall the same day", () => {
  it('refuses the teller who closed it a fresh count (TILL_CLOSED_TODAY, the local words); F6 offers the supervised reopening, which opens with the cash counted at that close', async () => {
    const { b, position, closedTillId } = await reinstalledAfterClose();
    expect(await b.call('till.current', { askCentral: true })).toMatchObject({ ok: true, data: { till: null, openRefusal: CLOSED_TODAY } });
    expect(await open(b, position)).toMatchObject({ ok: false, error: { code: 'TILL_CLOSED_TODAY', message: CLOSED_TODAY } });
    expect(b.core.db.prepare('SELECT COUNT(*) FROM till_sessions').pluck().get()).toBe(0);

    expect(await b.call('till.lastReport', {})).toMatchObject({ ok: true, data: { reopenable: true, closedTillId } });
    const asked = await b.call('till.requestReopen', { reason: 'Equipo reinstalado, cliente en ventanilla' });
    if (!asked.ok) throw new Error(asked.error.message);
    const { approvalId } = asked.data as { approvalId: string };
    // Maker ≠ checker, and no reopening before the supervisor.
    expect(await b.call('till.reopen', { idempotencyKey: key(), approvalId })).toMatchObject({ ok: false });
    await approve(b, approvalId);
    expect(await b.call('till.reopen', { idempotencyKey: key(), approvalId })).toMatchObject({ ok: true, data: { till: { businessDate: '2025-03-03', openingTotal: 18_987_000 } } });
    expect(journalOpen(b)).toMatchObject({ reopenedFrom: closedTillId, approvalId, total: 18_987_000 });
    const queued = JSON.parse(b.core.db.prepare("SELECT body FROM outbox WHERE type = 'till_open'").pluck().get() as string) as { payload: Record<string, unknown> };
    expect(queued.payload).toMatchObject({ reopenedFrom: closedTillId, carriedFrom: closedTillId, difference: 0, approvalId, tellerUsername: 'cajero1' });
    // Its report is a reopening's, as after a local close: from which close, why and who allowed it.
    await closeSquared(b);
    const report = await b.call('till.lastReport', {});
    const lines = report.ok ? (report.data as { report: { lines: { text?: string; label?: string; value?: string; amount?: number }[] } }).report.lines : [];
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ text: 'REAPERTURA: este reporte cubre solo lo ocurrido desde la reapertura.' }),
        expect.objectContaining({ label: 'Saldo del cierre anterior', amount: 18_987_000 }),
        expect.objectContaining({ label: 'Motivo de la reapertura', value: 'Equipo reinstalado, cliente en ventanilla' }),
        expect.objectContaining({ label: 'Aprobó la reapertura', value: 'Marta Rojas' }),
      ]),
    );
  }, 90_000);

  it('another teller at the reinstalled workstation opens with their own count, compared with that close', async () => {
    const { b, position, closedTillId } = await reinstalledAfterClose();
    await signIn(b, 'cajero2');
    expect(await b.call('till.current', { askCentral: true })).toMatchObject({ ok: true, data: { openRefusal: null, lastClose: { total: 18_987_000 } } });
    expect(await b.call('till.requestReopen', { reason: 'Quiero la caja de Ana' })).toMatchObject({ ok: false, error: { code: 'TILL_NOT_YOURS' } });
    expect(await open(b, position)).toMatchObject({ ok: true });
    expect(journalOpen(b)).toMatchObject({ carriedFrom: closedTillId, difference: 0 });
  }, 90_000);
});
