import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { data } from '../../testing/wire-data';
import { startStation, until, type Station } from '../../testing/stations';
import { tillCash } from '../../testing/till-cash';

/**
 * A transfer settled twice at once at the receiving workstation (two clicks, two windows of the same session),
 * sent together with no steering: the cash moves once, at the receiver and at central, and the other answer says
 * it was settled already. Two real cores against a real central process.
 */
const central = centralProcessForFile('001-02');
const open: Station[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});
const SENT = { '50000': 4, '10000': 3 };

it.each(['accept', 'reject'] as const)('accepted and, at the same moment, %s again at 001-03: one settlement, the cash moved once', async (second) => {
  const a = await startStation(central, '001-02');
  const b = await startStation(central, '001-03');
  open.push(a, b);
  await a.as({ username: 'cajero2', password: 'Caja.2026' });
  data(await a.call('till.open', { idempotencyKey: randomUUID(), count: { '50000': 10, '10000': 10 }, declaredTotal: 600_000 }));
  await b.as({ username: 'cajero1', password: 'Caja.2026' });
  data(await b.call('till.open', { idempotencyKey: randomUUID(), count: { '20000': 10 }, declaredTotal: 200_000 }));
  await until(async () => data<{ destinations: { tillCode: string }[] | null }>(await a.call('vault.tillTransfers')).destinations?.some((d) => d.tillCode === '03'));
  const sent = data<{ transfer: { id: string } }>(await a.call('vault.sendToTill', { idempotencyKey: randomUUID(), toTill: '03', count: SENT, declaredTotal: 230_000 })).transfer;
  await until(async () => data<{ incoming: number }>(await b.call('vault.tillTransfers')).incoming === 1);

  const [x, y] = await Promise.all([
    b.call('vault.acceptTillTransfer', { transferId: sent.id, count: SENT }),
    second === 'accept'
      ? b.call('vault.acceptTillTransfer', { transferId: sent.id, count: SENT })
      : b.call('vault.rejectTillTransfer', { transferId: sent.id, note: 'Falta un billete' }),
  ]);
  expect([x.ok, y.ok].filter(Boolean)).toHaveLength(1);
  expect(x.ok ? y : x).toMatchObject({ ok: false, error: { code: 'TRANSFER_SETTLED' } });
  const accepted = x.ok;
  expect((await tillCash(b.core.db)).positionTotal).toBe(accepted ? 430_000 : 200_000);
  // One settlement told to central, applied there; the sender learns that one and is credited back only on a rejection.
  expect(b.core.db.prepare("SELECT COUNT(*) FROM outbox WHERE type = 'till_transfer_settle'").pluck().get()).toBe(1);
  const state = accepted ? 'aceptado' : 'rechazado';
  await until(async () => data<{ transfers: { id: string; state: string }[] }>(await a.call('vault.tillTransfers')).transfers.find((t) => t.id === sent.id)?.state === state);
  expect((await tillCash(a.core.db)).positionTotal).toBe(accepted ? 370_000 : 600_000);
}, 150_000);
