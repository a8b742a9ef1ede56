import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { journalRepo } from '../../store/journal/repo';
import { tillTransferRepo } from '../../store/till-transfer/repo';
import { usersRepo } from '../../store/users/repo';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { startStation, until, type Station } from '../../testing/stations';
import { tillCash } from '../../testing/till-cash';
import { data } from '../../testing/wire-data';
import { toEntry, verifyParsed } from '../journal/writer';

/**
 * The branch vault with one workstation, as most branches use it: the teller and a supervisor take turns at
 * 001-03. Each act with the vault is one journal entry, by the person who did it; learning from central what
 * was already journaled here writes no second entry as "system". Real core on SQLite, real central process.
 */
const SUP = { username: 'supervisor1', password: 'Super.2026' };
const TELLER = { username: 'cajero1', password: 'Caja.2026' };
const central = centralProcessForFile('001-03');

describe('the vault at a single workstation', () => {
  const open: Station[] = [];
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });

  /** `[actor's user name, action]` of every journal entry of the transfer, in order; "system" stays as it is. */
  const journalOf = (s: Station, transferId: string) => {
    const users = usersRepo(s.core.db);
    return [...journalRepo(s.core.db).iterate()]
      .map(toEntry)
      .filter((e) => e.type === 'vault_transfer' && e.payload.transferId === transferId)
      .map((e) => [users.findById(e.actor)?.username ?? e.actor, e.payload.action, e.payload.returnedTo ?? null]);
  };
  /** The transfer as this workstation's books have it, once they show it settled (from the act or from central). */
  const settledHere = (s: Station, id: string) => until(async () => (tillTransferRepo(s.core.db).get(id)?.state ?? 'en_transito') !== 'en_transito');
  /** Central has the transfer and this workstation learned of it (the pull every 3 s has run at least once since). */
  const pulled = (s: Station, id: string) => until(async () => data<{ transfers: { id: string }[] }>(await s.call('vault.overview')).transfers.some((t) => t.id === id));

  it('surplus received or rejected at the vault by a supervisor at the same workstation: one entry each, the supervisor’s', async () => {
    const s = await startStation(central, '001-03');
    open.push(s);
    await s.as(TELLER);
    data(await s.call('till.open', { idempotencyKey: randomUUID(), count: { '20000': 20 }, declaredTotal: 400_000 }));
    const send = async (twenties: number) =>
      data<{ transfer: { id: string } }>(await s.call('vault.send', { idempotencyKey: randomUUID(), to: { kind: 'vault', ref: 'BOVEDA' }, count: { '20000': twenties }, declaredTotal: twenties * 20_000 })).transfer.id;
    const kept = await send(5);
    const refused = await send(3);
    expect(tillCash(s.core.db).positionTotal).toBe(240_000);

    await s.as(SUP);
    await pulled(s, kept);
    await pulled(s, refused);
    data(await s.call('vault.accept', { transferId: kept, count: { '20000': 5 } }));
    data(await s.call('vault.reject', { transferId: refused, note: 'Faltan dos billetes' }));
    await settledHere(s, kept);
    await settledHere(s, refused);
    // Central is asked again (as the 3 s pull does) and answers both settled: nothing more is journaled.
    await pulled(s, kept);
    await new Promise((r) => setTimeout(r, 3_500));

    expect(journalOf(s, kept)).toEqual([
      ['cajero1', 'enviado', null],
      ['supervisor1', 'aceptado', null],
    ]);
    expect(journalOf(s, refused)).toEqual([
      ['cajero1', 'enviado', null],
      ['supervisor1', 'rechazado', 'Caja 03'],
    ]);
    // The rejected pieces are back in the till once, with the rejection.
    expect(tillCash(s.core.db).positionTotal).toBe(300_000);
    expect(verifyParsed(journalRepo(s.core.db)).ok).toBe(true);
  }, 60_000);

  it('a provision from the vault to this workstation’s own till: the supervisor’s send and the teller’s acceptance, nothing by "system"', async () => {
    const s = await startStation(central, '001-03');
    open.push(s);
    await s.as(TELLER);
    data(await s.call('till.open', { idempotencyKey: randomUUID(), count: { '20000': 10 }, declaredTotal: 200_000 }));
    await s.as(SUP);
    const id = data<{ transfer: { id: string } }>(
      await s.call('vault.send', { idempotencyKey: randomUUID(), to: { kind: 'till', ref: '03' }, count: { '50000': 4 }, declaredTotal: 200_000 }),
    ).transfer.id;
    await s.as(TELLER);
    await pulled(s, id);
    await until(async () => tillTransferRepo(s.core.db).get(id));
    data(await s.call('vault.accept', { transferId: id, count: { '50000': 4 } }));
    expect(tillCash(s.core.db).positionTotal).toBe(400_000);
    expect(journalOf(s, id)).toEqual([
      ['supervisor1', 'enviado', null],
      ['cajero1', 'aceptado', null],
    ]);
    expect(verifyParsed(journalRepo(s.core.db)).ok).toBe(true);
  }, 60_000);
});
