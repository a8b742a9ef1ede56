import { afterEach, describe, expect, it } from 'vitest';
import { CC, world, type World, sharedCentral } from '../comprobante/testing/world';
import { tillCash } from '../../testing/till-cash';
import { drainer } from '../comprobante/testing/at-central';

/**
 * QA M2: a till left open overnight took the next days' operations and its end-of-day report filed them under
 * the opening day. The core (posting path) refuses every operation on a till opened for an earlier business day;
 * the close stays open to it and reports the opening day. Real SQLite file, real central process, two days.
 */
const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

const DAY = 24 * 3_600_000;
const REFUSAL = 'La caja quedó abierta desde el 03/03/2025. Ciérrela (arqueo) antes de operar.';
const key = () => crypto.randomUUID();
const deposit = () => w.call('deposit.post', { idempotencyKey: key(), slip: { accountNumber: '240000000011', depositor: { id: CC('900000001') }, cash: { '50000': 2 }, declaredTotal: 100_000 } });
const withdrawal = () => w.call('withdrawal.post', { idempotencyKey: key(), request: { accountNumber: '240000000029', amount: 100_000, presenters: [CC('900000002')], payout: { kind: 'efectivo' } } });
const transfer = () => w.call('transfer.post', { idempotencyKey: key(), request: { fromAccountNumber: '240000000029', toAccountNumber: '240000000011', amount: 50_000, presenters: [CC('900000002')] } });
/** Moves the clock and signs cajero1 in again, as the teller does on coming back (the idle lock has fallen). */
const later = async (ms: number) => {
  w.clock.advance(ms);
  await w.call('session.logout', {});
  expect(await w.call('session.login', { username: 'cajero1', password: 'Caja.2026' })).toMatchObject({ ok: true });
};
const tillTransfer = () => w.call('vault.sendToTill', { idempotencyKey: key(), toTill: '02', count: { '50000': 1 }, declaredTotal: 50_000 });

describe('a till opened on an earlier business day (QA M2)', () => {
  it('takes no deposit, withdrawal, transfer or till transfer the next day; its close reports the opening day with only that day', async () => {
    w = await world(shared.central); // opened Monday 2025-03-03, 09:00 Bogotá
    expect(await deposit()).toMatchObject({ ok: true, data: { status: 'posted' } });
    const cashBefore = tillCash(w.core.db).positionTotal;

    await later(DAY); // Tuesday 2025-03-04, nobody closed it
    for (const refused of [await deposit(), await withdrawal(), await transfer(), await tillTransfer()]) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'TILL_FROM_EARLIER_DAY', message: REFUSAL } });
    }
    expect(tillCash(w.core.db).positionTotal).toBe(cashBefore);
    expect(w.core.db.prepare("SELECT COUNT(*) FROM outbox WHERE type IN ('withdrawal', 'transfer', 'till_transfer_send')").pluck().get()).toBe(0);

    await drainer(w)();
    // The arqueo still closes it, and the report files it under Monday with Monday's deposit only.
    const counted = await w.call('till.count', { idempotencyKey: key(), count: tillCash(w.core.db).position });
    if (!counted.ok) throw new Error(counted.error.message);
    expect(counted).toMatchObject({ ok: true, data: { next: 'cerrar' } });
    const closingId = counted.ok ? (counted.data as { closingId: string }).closingId : '';
    const closed = await w.call('till.close', { idempotencyKey: key(), closingId });
    expect(closed.ok).toBe(true);
    const lines = closed.ok ? (closed.data as { report: { lines: { label?: string; value?: string }[] } }).report.lines : [];
    expect(lines.find((l) => l.label === 'Fecha contable')?.value).toBe('03/03/2025');
    expect(w.core.db.prepare("SELECT COUNT(*) FROM comprobantes WHERE business_date = '2025-03-04'").pluck().get()).toBe(0);
  }, 60_000);

  it('the opening day itself operates until Bogotá midnight', async () => {
    w = await world(shared.central);
    await later(14 * 3_600_000 + 59 * 60_000); // 23:59 in Bogotá, still Monday
    expect(await deposit()).toMatchObject({ ok: true, data: { status: 'posted' } });
    await later(2 * 60_000); // 00:01 Tuesday
    expect(await deposit()).toMatchObject({ ok: false, error: { code: 'TILL_FROM_EARLIER_DAY' } });
  }, 60_000);
});
