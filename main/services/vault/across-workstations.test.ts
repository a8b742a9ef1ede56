import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { User } from '../../../domain/contract/session';
import { createIdempotentRunner } from '../idempotent';
import { createJournal } from '../journal/writer';
import type { TillTransferService } from '../till-transfer/service';
import { idempotencyRepo } from '../../store/idempotency/repo';
import { journalRepo } from '../../store/journal/repo';
import { tillRepo } from '../../store/till/repo';
import { tillTransferRepo } from '../../store/till-transfer/repo';
import { usersRepo } from '../../store/users/repo';
import { vaultUnjournaledRepo } from '../../store/vault/unjournaled-repo';
import { createCentralClient, type CentralClient } from '../../sync/central-client';
import { createVaultService } from './service';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { data } from '../../testing/wire-data';
import { startStation, until, type Station } from '../../testing/stations';
import { tillCash } from '../../testing/till-cash';

/**
 * The branch vault kept at central: a supervisor at workstation A provisions the till of workstation B, whose
 * teller counts it blind and accepts; B's teller returns surplus to the vault and a supervisor at A receives it.
 * Two real cores on their own SQLite files, one real central process.
 */
interface View {
  id: string;
  state: string;
  amount: number | null;
  mine: boolean;
  fromLabel: string;
  toLabel: string;
  note: string | null;
}
interface Overview {
  vaultTotal: number | null;
  vaultPosition: Record<string, number> | null;
  transfers: View[];
  centralReachable: boolean;
}
const SUP = { username: 'supervisor1', password: 'Super.2026' };
const TELLER = { username: 'cajero1', password: 'Caja.2026' };
// DEMO_VAULT in central/demo/seed.ts.
const START = 800 * 100_000 + 1200 * 50_000 + 1500 * 20_000 + 1500 * 10_000 + 1000 * 5_000 + 1000 * 2_000 + 2000 * 1_000 + 2000 * 500 + 2000 * 200 + 2000 * 100 + 1000 * 50;

const central = centralProcessForFile('001-02');

const station = (id: '001-02' | '001-03' | '001-04'): Promise<Station> => startStation(central, id);

/** The vault as central has it, asked directly (not through any workstation). */
const atCentral = async () => {
  const client = createCentralClient({ url: central.url, token: central.proc.tokens.get('001-01') ?? '' });
  const r = await client.call('branchVault', { branch: '001' });
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
};
const overview = async (s: Station) => data<Overview>(await s.call('vault.overview'));
// Under blind close the teller's till.current carries no cash: the movements are checked in each SQLite file.
const position = async (s: Station) => tillCash(s.core.db);

describe('the branch vault at central, across workstations', () => {
  const open: Station[] = [];
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  /** A supervisor signed in at A (001-02); till 04 open at B (001-04) with `twenties` notes of $ 20.000. */
  const supervisorAndTill = async (twenties: number) => {
    const a = await station('001-02');
    const b = await station('001-04');
    open.push(a, b);
    await b.as(TELLER);
    data(await b.call('till.open', { idempotencyKey: randomUUID(), count: { '20000': twenties }, declaredTotal: twenties * 20_000 }));
    await a.as(SUP);
    return { a, b };
  };

  it('a second provision counts the first one still on its way: together they would cross the till\'s limit (QA s36 F8)', async () => {
    const { a, b } = await supervisorAndTill(10);
    await until(async () => data<{ destinations: { tillCode: string }[] | null }>(await a.call('vault.tillTransfers')).destinations?.some((d) => d.tillCode === '04'));
    // Till 04 holds $ 200.000 of its $ 60.000.000 limit: $ 50.000.000 fits alone, and so would $ 9.900.000.
    const first = data<{ transfer: View }>(await a.call('vault.send', { idempotencyKey: randomUUID(), to: { kind: 'till', ref: '04' }, count: { '100000': 500 }, declaredTotal: 50_000_000 })).transfer;
    expect(await a.call('vault.send', { idempotencyKey: randomUUID(), to: { kind: 'till', ref: '04' }, count: { '100000': 99 }, declaredTotal: 9_900_000 })).toMatchObject({
      ok: false,
      error: {
        code: 'HOLDING_LIMIT',
        message: 'Con este traslado y los $ 50.000.000 que ya van en camino hacia ella la caja 04 quedaría en $ 60.100.000, por encima de su límite de $ 60.000.000. Envíe como máximo $ 9.800.000.',
      },
    });
    const second = data<{ transfer: View }>(await a.call('vault.send', { idempotencyKey: randomUUID(), to: { kind: 'till', ref: '04' }, count: { '100000': 98 }, declaredTotal: 9_800_000 })).transfer;
    // The vault is this file's central's: B sends both back, and the other tests find it as the demo seeds it.
    for (const t of [first, second]) data(await b.call('vault.reject', { transferId: t.id, note: 'Prueba de límite' }));
    await until(async () => (await atCentral()).vault.total === START);
  });

  it('every send to a till counts all on its way to it: provisions and till-to-till sends, from every workstation (QA s37)', async () => {
    const { a, b } = await supervisorAndTill(10);
    const c = await station('001-03');
    open.push(c);
    await c.as({ username: 'cajero2', password: 'Caja.2026' });
    data(await c.call('till.open', { idempotencyKey: randomUUID(), count: { '100000': 100 }, declaredTotal: 10_000_000 }));
    const offered = async (s: Station) => data<{ destinations: { tillCode: string }[] | null }>(await s.call('vault.tillTransfers')).destinations?.some((d) => d.tillCode === '04');
    await until(async () => (await offered(a)) && (await offered(c)));
    const fromC = (hundreds: number) =>
      c.call('vault.sendToTill', { idempotencyKey: randomUUID(), toTill: '04', count: { '100000': hundreds }, declaredTotal: hundreds * 100_000 });
    const over = (inTransit: string, after: string, most: string) => ({
      ok: false,
      error: {
        code: 'HOLDING_LIMIT',
        message: `Con este traslado y los ${inTransit} que ya van en camino hacia ella la caja 04 quedaría en ${after}, por encima de su límite de $ 60.000.000. Envíe como máximo ${most}.`,
      },
    });
    // Another workstation's send is known once its outbox delivered it to central.
    const delivered = () => until(async () => c.core.db.prepare("SELECT COUNT(*) FROM outbox WHERE type = 'till_transfer_send' AND state IN ('pending', 'sent', 'unknown')").pluck().get() === 0);
    // Till 04 holds $ 200.000 of its $ 60.000.000 limit. Till 03 sends it $ 600.000; a provision of $ 59.300.000,
    // which would fit alone, counts it.
    const sends = [data<{ transfer: View }>(await fromC(6)).transfer];
    await delivered();
    expect(await a.call('vault.send', { idempotencyKey: randomUUID(), to: { kind: 'till', ref: '04' }, count: { '100000': 593 }, declaredTotal: 59_300_000 })).toMatchObject(
      over('$ 600.000', '$ 60.100.000', '$ 59.200.000'),
    );
    sends.push(data<{ transfer: View }>(await a.call('vault.send', { idempotencyKey: randomUUID(), to: { kind: 'till', ref: '04' }, count: { '100000': 500 }, declaredTotal: 50_000_000 })).transfer);
    // Till 03's next send, $ 9.300.000, would fit alone too: it counts the provision and its own first send.
    expect(await fromC(93)).toMatchObject(over('$ 50.600.000', '$ 60.100.000', '$ 9.200.000'));
    sends.push(data<{ transfer: View }>(await fromC(92)).transfer);
    // Full up to its limit, even $ 100.000 more is refused, and the refusals took nothing from till 03.
    expect(await fromC(1)).toMatchObject(over('$ 59.800.000', '$ 60.100.000', '$ 0'));
    expect((await position(c)).positionTotal).toBe(10_000_000 - 600_000 - 9_200_000);
    // B sends all back: till 03 and the vault are as they were for the other tests.
    for (const t of sends) data(await b.call('vault.reject', { transferId: t.id, note: 'Prueba de límite' }));
    await until(async () => (await atCentral()).vault.total === START);
    await until(async () => (await position(c)).positionTotal === 10_000_000);
  });

  it('a supervisor at A provisions till 04 at B; B accepts blind; A, B and central agree; B returns surplus and a supervisor at A receives it', async () => {
    const { a, b } = await supervisorAndTill(10);
    const before = (await atCentral()).vault.total;
    expect(before).toBe(START);
    const seen = await overview(a);
    expect(seen).toMatchObject({ vaultTotal: before, centralReachable: true });
    expect(seen.vaultPosition?.['100000']).toBe(800);
    // The supervisor may provision B's till, as B's last report to central shows it open.
    await until(async () => data<{ destinations: { tillCode: string }[] | null }>(await a.call('vault.tillTransfers')).destinations?.some((d) => d.tillCode === '04'));

    const req = { idempotencyKey: randomUUID(), to: { kind: 'till', ref: '04' }, count: { '100000': 20, '50000': 2 }, declaredTotal: 2_100_000 };
    const sent = data<{ transfer: View }>(await a.call('vault.send', req)).transfer;
    expect(sent).toMatchObject({ state: 'en_transito', fromLabel: 'Bóveda', toLabel: 'Caja 04', amount: 2_100_000, mine: false });
    // A double Enter is the same provision: the vault gives the pieces once.
    expect(data<{ transfer: View }>(await a.call('vault.send', req)).transfer.id).toBe(sent.id);
    expect((await atCentral()).vault.total).toBe(before - 2_100_000);
    expect((await atCentral()).vault.position['100000']).toBe(780);
    expect((await overview(a)).vaultTotal).toBe(before - 2_100_000);
    // The supervisor who sent it is not the one who receives it.
    expect(await a.call('vault.accept', { transferId: sent.id, count: req.count })).toMatchObject({ ok: false, error: { code: 'NOT_THE_RECEIVER' } });
    // B's close asks central first: the provision blocks it at once, not only after B's next 3 s pull.
    const gate = data<{ canClose: boolean; items: { code: string }[] }>(await b.call('till.gate'));
    expect(gate.items.map((i) => i.code)).toContain('TRANSFERS_IN_TRANSIT');

    // B's teller sees it to count, without its amount; a teller sees the vault's total but not its pieces.
    const atB = await overview(b);
    expect(atB.vaultPosition).toBeNull();
    expect(atB.vaultTotal).toBeNull();
    expect(atB.transfers.find((t) => t.id === sent.id)).toMatchObject({ mine: true, amount: null, fromLabel: 'Bóveda', toLabel: 'Caja 04' });
    expect(await b.call('vault.accept', { transferId: sent.id, count: { '100000': 20 } })).toMatchObject({ ok: false, error: { code: 'COUNT_DIFFERS' } });
    expect((await position(b)).positionTotal).toBe(200_000);
    expect(data<{ transfer: View }>(await b.call('vault.accept', { transferId: sent.id, count: { '50000': 2, '100000': 20 } })).transfer).toMatchObject({ state: 'aceptado', amount: 2_100_000 });
    expect(await position(b)).toMatchObject({ positionTotal: 2_300_000, position: { '100000': 20, '50000': 2, '20000': 10 } });
    // The acceptance reaches central through B's outbox; the vault does not move again.
    await until(async () => (await overview(a)).transfers.find((t) => t.id === sent.id)?.state === 'aceptado');
    expect((await atCentral()).vault.total).toBe(before - 2_100_000);
    expect((await overview(a)).vaultTotal).toBe((await atCentral()).vault.total);
    expect(data<{ vaultTotal: number | null }>(await a.call('supervisor.dashboard')).vaultTotal).toBe(before - 2_100_000);

    // Till → vault: the cash leaves B's till at once and travels to the vault.
    const back = data<{ transfer: View }>(
      await b.call('vault.send', { idempotencyKey: randomUUID(), to: { kind: 'vault', ref: 'BOVEDA' }, count: { '100000': 5 }, declaredTotal: 500_000 }),
    ).transfer;
    expect(back).toMatchObject({ state: 'en_transito', toLabel: 'Bóveda', amount: 500_000 });
    expect((await position(b)).positionTotal).toBe(1_800_000);
    // A supervisor at A sees it once B's outbox delivered it, and counts it blind.
    const toCount = await until(async () => (await overview(a)).transfers.find((t) => t.id === back.id && t.mine));
    expect(toCount).toMatchObject({ amount: null, fromLabel: 'Caja 04' });
    expect(await a.call('vault.accept', { transferId: back.id, count: { '100000': 4 } })).toMatchObject({ ok: false, error: { code: 'COUNT_DIFFERS' } });
    expect(data<{ transfer: View }>(await a.call('vault.accept', { transferId: back.id, count: { '100000': 5 } })).transfer).toMatchObject({ state: 'aceptado', amount: 500_000 });
    // Asked again (as after a lost answer): the same answer, the vault credited once; another decision is refused.
    expect(await a.call('vault.accept', { transferId: back.id, count: { '100000': 5 } })).toMatchObject({ ok: true, data: { transfer: { state: 'aceptado' } } });
    expect(await a.call('vault.reject', { transferId: back.id, note: 'Otra decisión' })).toMatchObject({ ok: false, error: { code: 'TRANSFER_SETTLED' } });
    expect((await atCentral()).vault.total).toBe(before - 1_600_000);
    expect((await overview(a)).vaultTotal).toBe(before - 1_600_000);
    // B learns it was accepted; its till is not credited back.
    await until(async () => (await overview(b)).transfers.find((t) => t.id === back.id)?.state === 'aceptado');
    expect((await position(b)).positionTotal).toBe(1_800_000);

    // A rejected surplus comes back to B's till when B learns of it; the vault does not move.
    const refused = data<{ transfer: View }>(
      await b.call('vault.send', { idempotencyKey: randomUUID(), to: { kind: 'vault', ref: 'BOVEDA' }, count: { '20000': 10 }, declaredTotal: 200_000 }),
    ).transfer;
    expect((await position(b)).positionTotal).toBe(1_600_000);
    await until(async () => (await overview(a)).transfers.find((t) => t.id === refused.id && t.mine));
    expect(data<{ transfer: View }>(await a.call('vault.reject', { transferId: refused.id, note: 'Faltan dos billetes' })).transfer).toMatchObject({ state: 'rechazado' });
    await until(async () => (await position(b)).positionTotal === 1_800_000);
    expect((await atCentral()).vault.total).toBe(before - 1_600_000);

    // Every step is journaled at the workstation that took it.
    const journal = async (s: Station) =>
      data<{ entries: { payload: Record<string, unknown> }[] }>(await s.call('journal.search', { type: 'vault_transfer' })).entries.map((e) => `${String(e.payload.action)}:${String(e.payload.transferId)}`);
    expect(await journal(a)).toEqual(expect.arrayContaining([`enviado:${sent.id}`, `aceptado:${back.id}`, `rechazado:${refused.id}`]));
    expect((await journal(a)).filter((e) => e === `aceptado:${back.id}`)).toHaveLength(1);
    expect(await journal(b)).toEqual(expect.arrayContaining([`aceptado:${sent.id}`, `enviado:${back.id}`, `enviado:${refused.id}`, `rechazado:${refused.id}`]));
    expect((await central.audit()).conflicts).toBe(0);
  }, 90_000);

  it('central down: a provision is refused with a clear message and nothing moves; after a restart the same request is taken once', async () => {
    const { a, b } = await supervisorAndTill(5);
    await until(async () => data<{ destinations: { tillCode: string }[] | null }>(await a.call('vault.tillTransfers')).destinations?.some((d) => d.tillCode === '04'));
    const before = (await atCentral()).vault.total;
    expect((await overview(a)).vaultTotal).toBe(before);

    await central.kill();
    const req = { idempotencyKey: randomUUID(), to: { kind: 'till', ref: '04' }, count: { '50000': 10 }, declaredTotal: 500_000 };
    const down = await a.call('vault.send', req);
    expect(down).toMatchObject({ ok: false, error: { code: 'CENTRAL_UNAVAILABLE' } });
    if (down.ok) throw new Error('unreachable');
    expect(down.error.message).toContain('La bóveda se lleva en central');
    expect(down.error.message).toContain('Intente de nuevo cuando vuelva la conexión');
    expect(await overview(a)).toMatchObject({ centralReachable: false, vaultTotal: before });
    expect(data<{ vaultTotal: number | null }>(await a.call('supervisor.dashboard')).vaultTotal).toBeNull();

    await central.restart();
    expect((await atCentral()).vault.total).toBe(before);
    expect((await atCentral()).transfers.filter((t) => t.state === 'en_transito')).toEqual([]);
    // Retried when the connection is back, then again after A restarts: one provision.
    const sent = data<{ transfer: View }>(await a.call('vault.send', req)).transfer;
    await a.reopen();
    await a.as(SUP);
    expect(data<{ transfer: View }>(await a.call('vault.send', req)).transfer.id).toBe(sent.id);
    expect((await atCentral()).vault.total).toBe(before - 500_000);
    expect((await atCentral()).transfers.filter((t) => t.id === sent.id)).toHaveLength(1);
    const journal = data<{ entries: { payload: Record<string, unknown> }[] }>(await a.call('journal.search', { type: 'vault_transfer' })).entries;
    expect(journal.filter((e) => e.payload.transferId === sent.id)).toHaveLength(1);

    // B rejects it: the pieces go back to the vault at central, once.
    await b.as(TELLER);
    await until(async () => (await overview(b)).transfers.find((t) => t.id === sent.id && t.mine));
    expect(data<{ transfer: View }>(await b.call('vault.reject', { transferId: sent.id, note: 'No la pedí' })).transfer).toMatchObject({ state: 'rechazado' });
    await until(async () => (await atCentral()).vault.total === before);
    expect((await position(b)).positionTotal).toBe(100_000);
  }, 90_000);

  it('central applies a provision and its answer never arrives: the next start journals it once, as the supervisor who sent it; one central never got is forgotten', async () => {
    const { a, b } = await supervisorAndTill(5);
    const before = (await atCentral()).vault.total;

    // B's surplus to the vault, for A's supervisor to receive.
    const surplus = data<{ transfer: View }>(
      await b.call('vault.send', { idempotencyKey: randomUUID(), to: { kind: 'vault', ref: 'BOVEDA' }, count: { '20000': 2 }, declaredTotal: 40_000 }),
    ).transfer;
    await until(async () => (await atCentral()).transfers.some((t) => t.id === surplus.id));

    // A's vault service on A's own file, whose provisions and receipts reach central but whose answers are lost
    // (or the host dies before the journal entry): central applies the first provision and the receipt, and
    // never hears of the second provision.
    const db = a.core.db;
    const clock = { now: () => new Date() };
    const client = createCentralClient({ url: central.url, token: central.proc.tokens.get('001-02') ?? '' });
    let reach = true;
    const lossy: Pick<CentralClient, 'call'> = {
      call: (async (route: string, req: unknown) => {
        if (!reach) throw new Error('network down');
        const answer = await (client.call as (r: string, q: unknown) => Promise<unknown>)(route, req);
        if (route === 'vaultProvision' || route === 'vaultReceive') throw new Error('answer lost');
        return answer;
      }) as CentralClient['call'],
    };
    const vault = createVaultService({
      tills: tillRepo(db), transfers: tillTransferRepo(db), tillTransfers: { refresh: async () => undefined } as unknown as TillTransferService,
      journal: createJournal({ repo: journalRepo(db), clock, workstation: '001-02' }), unjournaled: vaultUnjournaledRepo(db),
      idempotent: createIdempotentRunner({ db, repo: idempotencyRepo(db), clock }), clock, central: lossy,
      workstation: { id: '001-02', branchCode: '001', tillCode: '02' }, policy: { maxHolding: 100_000_000 }, onChange: () => undefined,
    });
    const u = usersRepo(db).findByUsername(SUP.username);
    if (!u) throw new Error('no supervisor');
    const sup: User = { id: u.id, username: u.username, displayName: u.displayName, role: u.role };
    const applied = { idempotencyKey: randomUUID(), to: { kind: 'till' as const, ref: '04' }, count: { '50000': 4 }, declaredTotal: 200_000 };
    await expect(vault.send(sup, applied)).rejects.toMatchObject({ code: 'CENTRAL_UNAVAILABLE' });
    await expect(vault.accept(sup, { transferId: surplus.id, count: { '20000': 2 } })).rejects.toMatchObject({ code: 'CENTRAL_UNAVAILABLE' });
    expect((await atCentral()).transfers.find((t) => t.id === surplus.id)).toMatchObject({ state: 'aceptado', receivedBy: SUP.username });
    reach = false;
    await expect(vault.send(sup, { ...applied, idempotencyKey: randomUUID(), count: { '10000': 3 }, declaredTotal: 30_000 })).rejects.toMatchObject({ code: 'CENTRAL_UNAVAILABLE' });
    expect((await atCentral()).vault.total).toBe(before - 200_000 + 40_000);
    expect(vaultUnjournaledRepo(db).list()).toHaveLength(3);
    const sentIds = (await atCentral()).transfers.filter((t) => t.toWorkstation === '001-04' && t.amount === 200_000).map((t) => t.id);
    expect(sentIds).toHaveLength(1);
    const entries = async () =>
      data<{ entries: { actor: string; payload: Record<string, unknown> }[] }>(await a.call('journal.search', { type: 'vault_transfer' })).entries;
    expect((await entries()).filter((e) => e.payload.transferId === sentIds[0] || e.payload.transferId === surplus.id)).toEqual([]);

    // The next start: journaled as the supervisor's send, marked recovered; the other trace is gone, unjournaled.
    await a.reopen();
    await a.as(SUP);
    await until(async () => vaultUnjournaledRepo(a.core.db).list().length === 0);
    const recovered = (await entries()).filter((e) => e.payload.transferId === sentIds[0]);
    expect(recovered).toHaveLength(1);
    expect(recovered[0]?.payload).toMatchObject({ action: 'enviado', from: 'Bóveda', to: 'Caja 04', total: 200_000, count: { '50000': 4 }, recovered: true });
    expect((await entries()).filter((e) => e.payload.total === 30_000)).toEqual([]);
    const received = (await entries()).filter((e) => e.payload.transferId === surplus.id && e.payload.action === 'aceptado');
    expect(received).toHaveLength(1);
    expect(received[0]?.payload).toMatchObject({ from: 'Caja 04', to: 'Bóveda', total: 40_000, recovered: true });
    // Another start finds nothing left to journal; the same request retried is the same provision, journaled once.
    await a.reopen();
    await a.as(SUP);
    // The send checks B's till as B reports it to central: open, once that report has arrived.
    await until(async () => data<{ destinations: { tillCode: string }[] | null }>(await a.call('vault.tillTransfers')).destinations?.some((d) => d.tillCode === '04'));
    expect(data<{ transfer: View }>(await a.call('vault.send', applied)).transfer.id).toBe(sentIds[0]);
    expect((await entries()).filter((e) => e.payload.transferId === sentIds[0])).toHaveLength(1);
    expect((await atCentral()).vault.total).toBe(before - 200_000 + 40_000);
  }, 90_000);
});
