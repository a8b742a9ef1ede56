import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { data } from '../../testing/wire-data';
import { startStation, until, type Station } from '../../testing/stations';
import { tillCash } from '../../testing/till-cash';

/**
 * Issue 7 "Till": teller-to-teller transfer between two workstations of the branch, two real cores on their own
 * SQLite files against a real central process.
 */
interface View {
  id: string;
  direction: string;
  state: string;
  amount: number | null;
  toReceive: boolean;
  queued: boolean;
  fromLabel: string;
  toLabel: string;
  sentBy: string;
  note: string | null;
}
const central = centralProcessForFile('001-02');

const station = (id: '001-02' | '001-03', online = true): Promise<Station> => startStation(central, id, online);

const openTill = async (s: Station, user: { username: string; password: string }, count: Record<string, number>, total: number) => {
  data(await s.call('session.login', user));
  data(await s.call('till.open', { idempotencyKey: randomUUID(), count, declaredTotal: total }));
};
// Under blind close the teller's till.current carries no cash: the movements are checked in each SQLite file.
const position = async (s: Station) => tillCash(s.core.db);
const transfers = async (s: Station) =>
  data<{ transfers: View[]; incoming: number; centralReachable: boolean; destinations: { tillCode: string; tellerName: string; stale: boolean }[] | null }>(await s.call('vault.tillTransfers'));
const gateCodes = async (s: Station) => data<{ items: { code: string }[] }>(await s.call('till.gate')).items.map((i) => i.code);

describe('till-to-till transfer through central', () => {
  const open: Station[] = [];
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });

  it('sender debited by denomination and en tránsito; the receiver is told, counts blind and accepts; both gates block until then', async () => {
    const a = await station('001-02');
    const b = await station('001-03');
    open.push(a, b);
    await openTill(a, { username: 'cajero2', password: 'Caja.2026' }, { '50000': 10, '10000': 10 }, 600_000);
    await openTill(b, { username: 'cajero1', password: 'Caja.2026' }, { '20000': 10 }, 200_000);

    // The destinations offered are the other open tills of the branch, as their workstations report them.
    const offered = await until(async () => {
      const d = (await transfers(a)).destinations;
      return d?.some((x) => x.tillCode === '03') ? d : undefined;
    });
    expect(offered).toEqual([{ tillCode: '03', workstation: '001-03', tellerName: 'Ana Gómez', stale: false }]);

    const key = randomUUID();
    const req = { idempotencyKey: key, toTill: '03', count: { '50000': 4, '10000': 3 }, declaredTotal: 230_000 };
    const sent = data<{ transfer: View }>(await a.call('vault.sendToTill', req)).transfer;
    expect(sent).toMatchObject({ direction: 'saliente', state: 'en_transito', fromLabel: 'Caja 02', toLabel: 'Caja 03', amount: 230_000 });
    // A double Enter is the same transfer, not a second one.
    expect(data<{ transfer: View }>(await a.call('vault.sendToTill', req)).transfer.id).toBe(sent.id);
    expect(await position(a)).toMatchObject({ positionTotal: 370_000, position: { '50000': 6, '10000': 7 } });
    expect(await gateCodes(a)).toContain('TRANSFERS_IN_TRANSIT');
    // The supervisor's dashboard at the sender counts it among the transfers en tránsito.
    data(await a.call('session.logout'));
    data(await a.call('session.login', { username: 'supervisor1', password: 'Super.2026' }));
    expect(data<{ transfersInTransit: number }>(await a.call('supervisor.dashboard')).transfersInTransit).toBe(1);
    data(await a.call('session.logout'));
    data(await a.call('session.login', { username: 'cajero2', password: 'Caja.2026' }));

    // The receiving workstation learns of it from central.
    const incoming = await until(async () => {
      const l = await transfers(b);
      return l.incoming === 1 ? l : undefined;
    });
    expect(incoming.transfers[0]).toMatchObject({ id: sent.id, direction: 'entrante', toReceive: true, sentBy: 'Luis Pérez', amount: null });
    expect(await gateCodes(b)).toContain('TRANSFERS_IN_TRANSIT');
    expect(data<{ canClose: boolean }>(await b.call('till.gate')).canClose).toBe(false);

    // A blind count that differs is refused, nothing moves; the right one credits the till.
    expect(await b.call('vault.acceptTillTransfer', { transferId: sent.id, count: { '50000': 4, '10000': 2 } })).toMatchObject({ ok: false, error: { code: 'COUNT_DIFFERS' } });
    expect((await position(b)).positionTotal).toBe(200_000);
    const accepted = data<{ transfer: View }>(await b.call('vault.acceptTillTransfer', { transferId: sent.id, count: { '10000': 3, '50000': 4 } })).transfer;
    expect(accepted).toMatchObject({ state: 'aceptado', toReceive: false, amount: 230_000 });
    expect(await position(b)).toMatchObject({ positionTotal: 430_000, position: { '20000': 10, '50000': 4, '10000': 3 } });
    expect(await b.call('vault.acceptTillTransfer', { transferId: sent.id, count: { '10000': 3, '50000': 4 } })).toMatchObject({ ok: false, error: { code: 'TRANSFER_SETTLED' } });
    await until(async () => !(await gateCodes(b)).includes('TRANSFERS_IN_TRANSIT') && !(await gateCodes(b)).includes('UNSYNCED_OPERATIONS'));

    // The sender learns it was accepted; its gate opens and its till is not credited back.
    await until(async () => (await transfers(a)).transfers.find((t) => t.id === sent.id)?.state === 'aceptado');
    await until(async () => (await gateCodes(a)).length === 0);
    expect((await position(a)).positionTotal).toBe(370_000);

    // Central applied each step once.
    const audit = await central.audit();
    expect(audit.conflicts).toBe(0);
  }, 60_000);

  it('a rejection with its reason brings the cash back to the sender’s till; a transfer queued offline survives a restart and arrives once', async () => {
    const a = await station('001-02');
    const b = await station('001-03', false);
    open.push(a, b);
    await openTill(a, { username: 'cajero2', password: 'Caja.2026' }, { '50000': 10 }, 500_000);
    await openTill(b, { username: 'cajero1', password: 'Caja.2026' }, { '100000': 5 }, 500_000);

    // B has no central: the send is journaled and queued; then B restarts (as after a crash) with central.
    const sent = data<{ transfer: View }>(await b.call('vault.sendToTill', { idempotencyKey: randomUUID(), toTill: '02', count: { '100000': 2 }, declaredTotal: 200_000 })).transfer;
    expect(sent.queued).toBe(true);
    expect((await position(b)).positionTotal).toBe(300_000);
    await b.reopen(true);
    data(await b.call('session.login', { username: 'cajero1', password: 'Caja.2026' }));
    expect(await gateCodes(b)).toContain('TRANSFERS_IN_TRANSIT');

    const got = await until(async () => (await transfers(a)).transfers.find((t) => t.id === sent.id && t.toReceive));
    expect(got.amount).toBeNull();
    expect(await a.call('vault.rejectTillTransfer', { transferId: sent.id, note: 'Un billete de 100.000 es falso' })).toMatchObject({ ok: true, data: { transfer: { state: 'rechazado' } } });
    expect((await position(a)).positionTotal).toBe(500_000);

    // B learns of the rejection and gets its cash back, once.
    await until(async () => (await transfers(b)).transfers.find((t) => t.id === sent.id)?.state === 'rechazado');
    expect(await position(b)).toMatchObject({ positionTotal: 500_000, position: { '100000': 5 } });
    const again = await transfers(b);
    expect(again.transfers.find((t) => t.id === sent.id)).toMatchObject({ note: 'Un billete de 100.000 es falso' });
    expect((await position(b)).positionTotal).toBe(500_000);
    // Only one transfer reached A, although B's pull ran many times.
    expect((await transfers(a)).transfers.filter((t) => t.id === sent.id)).toHaveLength(1);
    const journal = data<{ entries: { type: string; payload: Record<string, unknown> }[] }>(await b.call('journal.search', { type: 'vault_transfer' }));
    expect(journal.entries.filter((e) => e.payload.transferId === sent.id).map((e) => e.payload.action).sort()).toEqual(['enviado', 'rechazado']);
  }, 60_000);

  it('central killed (-9) before the receiver accepts: the till is credited at once, the acceptance waits in the outbox and reaches central exactly once', async () => {
    const a = await station('001-02');
    const b = await station('001-03');
    open.push(a, b);
    await openTill(a, { username: 'cajero2', password: 'Caja.2026' }, { '20000': 50 }, 1_000_000);
    await openTill(b, { username: 'cajero1', password: 'Caja.2026' }, { '20000': 5 }, 100_000);
    const sent = data<{ transfer: View }>(await a.call('vault.sendToTill', { idempotencyKey: randomUUID(), toTill: '03', count: { '20000': 15 }, declaredTotal: 300_000 })).transfer;
    await until(async () => (await transfers(b)).transfers.find((t) => t.id === sent.id && t.toReceive));

    await central.kill();
    const accepted = data<{ transfer: View }>(await b.call('vault.acceptTillTransfer', { transferId: sent.id, count: { '20000': 15 } })).transfer;
    expect(accepted).toMatchObject({ state: 'aceptado', queued: true });
    expect((await position(b)).positionTotal).toBe(400_000);
    expect((await transfers(b)).centralReachable).toBe(false);
    // Still owed to central (queued, or sent when central died and so of unknown outcome until central is asked):
    // the close stays blocked by that, no longer by the transfer.
    const owed = await gateCodes(b);
    expect(owed.length).toBeGreaterThan(0);
    for (const c of owed) expect(['UNSYNCED_OPERATIONS', 'UNKNOWN_OUTCOME']).toContain(c);

    await central.restart();
    await until(async () => (await transfers(a)).transfers.find((t) => t.id === sent.id)?.state === 'aceptado', 45_000);
    expect((await transfers(b)).transfers.find((t) => t.id === sent.id)).toMatchObject({ state: 'aceptado', queued: false });
    expect((await position(a)).positionTotal).toBe(700_000);
    expect((await position(b)).positionTotal).toBe(400_000);
    // A second acceptance under any key would have been rejected (TRANSFER_SETTLED), a resent one a conflict.
    const audit = await central.audit();
    expect(audit.conflicts).toBe(0);
    expect(audit.operations.filter((o) => o.status !== 'applied')).toEqual([]);
  }, 90_000);

  it('refuses sending to its own till and a count that does not add up', async () => {
    const a = await station('001-02', false);
    open.push(a);
    await openTill(a, { username: 'cajero2', password: 'Caja.2026' }, { '50000': 10 }, 500_000);
    expect(await a.call('vault.sendToTill', { idempotencyKey: randomUUID(), toTill: '02', count: { '50000': 1 }, declaredTotal: 50_000 })).toMatchObject({ ok: false, error: { code: 'INVALID_DESTINATION' } });
    expect(await a.call('vault.sendToTill', { idempotencyKey: randomUUID(), toTill: '03', count: { '50000': 1 }, declaredTotal: 40_000 })).toMatchObject({ ok: false, error: { code: 'COUNT_MISMATCH' } });
    expect(await a.call('vault.sendToTill', { idempotencyKey: randomUUID(), toTill: '03', count: { '50000': 11 }, declaredTotal: 550_000 })).toMatchObject({ ok: false, error: { code: 'CASH_SHORT' } });
    expect((await position(a)).positionTotal).toBe(500_000);
  });

  // Last in the file: the $ 59.900.000 Caja 03 reports here must not be the snapshot another test reads.
  it('a transfer that would take the receiving till over its holding limit is refused with the most it may take', async () => {
    const a = await station('001-02');
    const b = await station('001-03');
    open.push(a, b);
    await openTill(a, { username: 'cajero2', password: 'Caja.2026' }, { '50000': 10 }, 500_000);
    await openTill(b, { username: 'cajero1', password: 'Caja.2026' }, { '100000': 599 }, 59_900_000);
    await until(async () => (await transfers(a)).destinations?.some((x) => x.tillCode === '03'));
    expect(await a.call('vault.sendToTill', { idempotencyKey: randomUUID(), toTill: '03', count: { '50000': 4 }, declaredTotal: 200_000 })).toMatchObject({
      ok: false,
      error: { code: 'HOLDING_LIMIT', message: expect.stringContaining('Envíe como máximo $ 100.000') },
    });
    // Nothing left the sender's till, and nothing was sent to central (the next tests share it).
    expect((await position(a)).positionTotal).toBe(500_000);
    expect(a.core.db.prepare("SELECT COUNT(*) FROM outbox WHERE type = 'till_transfer_send'").pluck().get()).toBe(0);
  });
});
