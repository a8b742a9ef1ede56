import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { data } from '../../testing/wire-data';
import { startStation, until, type Station } from '../../testing/stations';

/**
 * The receiver of cash counts blind (teller-anchors §4 item 15): until its own count matched, nothing the receiving
 * side is sent carries the amount or the pieces — not while the transfer travels, not after a count that differs,
 * and not after it rejected the transfer (a rejection records no count). QA: the rejected row, the rejection's
 * answer and its F5 entry told the receiver the amount sent. Two real cores against a real central process.
 */
const central = centralProcessForFile('001-02');
const TELLER1 = { username: 'cajero1', password: 'Caja.2026' };
const TELLER2 = { username: 'cajero2', password: 'Caja.2026' };
const SUP = { username: 'supervisor1', password: 'Super.2026' };
// An amount no timestamp, id or other figure of these payloads contains.
const SENT = { '50000': 47, '10000': 2 };
const AMOUNT = 2_370_000;

/** Whether anything in a payload the receiving side gets names the amount or the pieces sent. */
const tells = (payload: unknown) => {
  const text = JSON.stringify(payload);
  return /\b2370000\b/.test(text) || /2\.370\.000/.test(text) || /"count"/.test(text) || /"50000":47/.test(text);
};

interface Row {
  id: string;
  state: string;
  amount: number | null;
}

describe('the blind receiver of cash', () => {
  const open: Station[] = [];
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });

  it('a till-to-till transfer: the receiver is told no amount before its count, after a count that differs, nor after rejecting it; the sender is', async () => {
    const a = await startStation(central, '001-02');
    const b = await startStation(central, '001-03');
    open.push(a, b);
    await a.as(TELLER2);
    data(await a.call('till.open', { idempotencyKey: randomUUID(), count: { '50000': 60, '10000': 10 }, declaredTotal: 3_100_000 }));
    await b.as(TELLER1);
    data(await b.call('till.open', { idempotencyKey: randomUUID(), count: { '20000': 10 }, declaredTotal: 200_000 }));
    await until(async () => data<{ destinations: { tillCode: string }[] | null }>(await a.call('vault.tillTransfers')).destinations?.some((d) => d.tillCode === '03'));
    const sent = data<{ transfer: Row }>(await a.call('vault.sendToTill', { idempotencyKey: randomUUID(), toTill: '03', count: SENT, declaredTotal: AMOUNT })).transfer;
    expect(sent.amount).toBe(AMOUNT);

    const listed = await until(async () => {
      const l = await b.call('vault.tillTransfers');
      return data<{ incoming: number }>(l).incoming === 1 ? l : undefined;
    });
    expect(tells(listed)).toBe(false);
    const differs = await b.call('vault.acceptTillTransfer', { transferId: sent.id, count: { '50000': 46, '10000': 2 } });
    expect(differs).toMatchObject({ ok: false, error: { code: 'COUNT_DIFFERS' } });
    expect(tells(differs)).toBe(false);

    const rejected = await b.call('vault.rejectTillTransfer', { transferId: sent.id, note: 'Falta un billete de 50.000' });
    expect(rejected).toMatchObject({ ok: true, data: { transfer: { state: 'rechazado', amount: null } } });
    expect(tells(rejected)).toBe(false);
    const after = await b.call('vault.tillTransfers');
    expect(data<{ transfers: Row[] }>(after).transfers.find((t) => t.id === sent.id)).toMatchObject({ state: 'rechazado', amount: null });
    expect(tells(after)).toBe(false);
    // F5 at the receiving workstation: its rejection entry names the transfer, not its amount; no range finds it.
    const journal = await b.call('journal.search', { type: 'vault_transfer', limit: 50 });
    expect(data<{ entries: { payload: Record<string, unknown> }[] }>(journal).entries.map((e) => e.payload.action)).toContain('rechazado');
    expect(tells(journal)).toBe(false);
    const ranged = await b.call('journal.search', { amountMin: AMOUNT, amountMax: AMOUNT, limit: 50 });
    expect(data<{ entries: unknown[] }>(ranged).entries).toEqual([]);

    // The sender knows what it sent: its row shows the amount back in its till, with the reason.
    const back = await until(async () => data<{ transfers: (Row & { note: string | null })[] }>(await a.call('vault.tillTransfers')).transfers.find((t) => t.id === sent.id && t.state === 'rechazado'));
    expect(back).toMatchObject({ amount: AMOUNT, note: 'Falta un billete de 50.000' });
  }, 90_000);

  it('a provision from the vault: the till that rejects it is told no amount; the supervisors keep seeing it', async () => {
    const a = await startStation(central, '001-02');
    const b = await startStation(central, '001-04');
    open.push(a, b);
    await b.as(TELLER1);
    data(await b.call('till.open', { idempotencyKey: randomUUID(), count: { '20000': 10 }, declaredTotal: 200_000 }));
    await a.as(SUP);
    await until(async () => data<{ destinations: { tillCode: string }[] | null }>(await a.call('vault.tillTransfers')).destinations?.some((d) => d.tillCode === '04'));
    const sent = data<{ transfer: Row }>(await a.call('vault.send', { idempotencyKey: randomUUID(), to: { kind: 'till', ref: '04' }, count: SENT, declaredTotal: AMOUNT })).transfer;

    await until(async () => data<{ transfers: (Row & { mine: boolean })[] }>(await b.call('vault.overview')).transfers.find((t) => t.id === sent.id && t.mine));
    expect(tells(await b.call('vault.overview'))).toBe(false);
    const rejected = await b.call('vault.reject', { transferId: sent.id, note: 'No la pedí' });
    expect(rejected).toMatchObject({ ok: true, data: { transfer: { state: 'rechazado', amount: null } } });
    expect(tells(rejected)).toBe(false);
    const seen = await b.call('vault.overview');
    expect(data<{ transfers: Row[] }>(seen).transfers.find((t) => t.id === sent.id)).toMatchObject({ state: 'rechazado', amount: null });
    expect(tells(seen)).toBe(false);
    expect(tells(await b.call('vault.tillTransfers'))).toBe(false);
    expect(tells(await b.call('journal.search', { type: 'vault_transfer', limit: 50 }))).toBe(false);

    // The vault's side sent it: a supervisor reads the rejected provision with its amount.
    const atVault = await until(async () => data<{ transfers: Row[] }>(await a.call('vault.overview')).transfers.find((t) => t.id === sent.id && t.state === 'rechazado'));
    expect(atVault.amount).toBe(AMOUNT);
  }, 90_000);

  // Last in the file: the $ 59.500.000 Caja 03 reports here must not be the snapshot another test reads.
  it('told before counting, as a yes/no, whether receiving takes the till over its limit, against the till as it is now', async () => {
    const a = await startStation(central, '001-02');
    const b = await startStation(central, '001-03');
    // Its sync loop does not reach central: what it sends waits in its outbox, unknown to the other workstations.
    const c = await startStation(central, '001-04', 'calls');
    open.push(a, b, c);
    for (const s of [a, c]) {
      await s.as(TELLER2);
      data(await s.call('till.open', { idempotencyKey: randomUUID(), count: { '50000': 20 }, declaredTotal: 1_000_000 }));
    }
    await b.as(TELLER1);
    // The default limit is $ 60.000.000: each $ 300.000 fits, both do not.
    data(await b.call('till.open', { idempotencyKey: randomUUID(), count: { '100000': 595 }, declaredTotal: 59_500_000 }));
    for (const s of [a, c]) await until(async () => data<{ destinations: { tillCode: string }[] | null }>(await s.call('vault.tillTransfers')).destinations?.some((d) => d.tillCode === '03'));
    const send = async (s: Station) =>
      data<{ transfer: Row }>(await s.call('vault.sendToTill', { idempotencyKey: randomUUID(), toTill: '03', count: { '50000': 6 }, declaredTotal: 300_000 })).transfer;
    // A send counts all central knows on its way to the till (QA s37); one still in another workstation's outbox it
    // cannot: both go, and the receiver learns it at its count.
    const first = await send(c);
    const second = await send(a);
    await c.reopen(true);
    type Incoming = Row & { toReceive: boolean; leavesOverLimit: boolean };
    const both = await until(async () => {
      const l = data<{ incoming: number; transfers: Incoming[] }>(await b.call('vault.tillTransfers'));
      return l.incoming === 2 ? l.transfers : undefined;
    });
    expect(both.filter((t) => t.toReceive).map((t) => [t.leavesOverLimit, t.amount])).toEqual([
      [false, null],
      [false, null],
    ]);
    data(await b.call('vault.acceptTillTransfer', { transferId: first.id, count: { '50000': 6 } }));
    const left = data<{ transfers: Incoming[] }>(await b.call('vault.tillTransfers')).transfers.find((t) => t.id === second.id);
    expect(left).toMatchObject({ toReceive: true, leavesOverLimit: true, amount: null });
    // The sender is told nothing of the other till's limit.
    expect(data<{ transfers: Incoming[] }>(await a.call('vault.tillTransfers')).transfers.find((t) => t.id === second.id)).toMatchObject({ leavesOverLimit: false });
  }, 90_000);
});
