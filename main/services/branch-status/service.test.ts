import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DashboardTill } from '../../../domain/contract/supervisor';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { data } from '../../testing/wire-data';
import { startStation, until, type Station } from '../../testing/stations';

/**
 * Issue 7 "Supervisor desk", branch dashboard: two real cores (workstations 001-02 and 001-03) on their own
 * SQLite files report their status to a real central process; the supervisor at 001-03 sees both tills.
 */
interface Dashboard {
  tills: DashboardTill[];
  centralReachable: boolean;
}

const central = centralProcessForFile('001-02');

const station = (id: '001-02' | '001-03'): Promise<Station> => startStation(central, id);
const SUP = { username: 'supervisor1', password: 'Super.2026' };
const openTill = async (s: Station, user: { username: string; password: string }, count: Record<string, number>, total: number) => {
  data(await s.call('session.login', user));
  data(await s.call('till.open', { idempotencyKey: randomUUID(), count, declaredTotal: total }));
};
const dashboard = async (s: Station) => data<Dashboard>(await s.call('supervisor.dashboard'));
const row = (d: Dashboard, ws: string) => d.tills.find((t) => t.workstation === ws);

describe('branch dashboard through central', () => {
  const open: Station[] = [];
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });

  it('the supervisor at 001-03 sees its own till live and 001-02’s from its report; a posting at 001-02 follows; central down: said so, the local till still shown, postings unaffected', async () => {
    const a = await station('001-02');
    const b = await station('001-03');
    open.push(a, b);
    await openTill(b, { username: 'cajero1', password: 'Caja.2026' }, { '100000': 560 }, 56_000_000);
    data(await b.call('session.logout'));
    data(await b.call('session.login', SUP));
    // 001-02's till is closed: nothing of it on the dashboard yet (its heartbeat says closed).
    const before = await dashboard(b);
    expect(before.centralReachable).toBe(true);
    expect(before.tills.map((t) => [t.workstation, t.source])).toEqual([['001-03', 'local']]);
    expect(before.tills[0]).toMatchObject({ tillCode: '03', tellerName: 'Ana Gómez', positionTotal: 56_000_000, limit: 60_000_000, holding: 'cerca', ageSeconds: 0, stale: false });

    // The teller opens Caja 02; the till event sends 001-02's snapshot without waiting for the heartbeat.
    await openTill(a, { username: 'cajero2', password: 'Caja.2026' }, { '50000': 40 }, 2_000_000);
    const seen = await until(async () => row(await dashboard(b), '001-02'), 10_000);
    expect(seen).toMatchObject({
      workstation: '001-02', source: 'central', tillCode: '02', tellerName: 'Luis Pérez', positionTotal: 2_000_000, limit: 60_000_000, holding: 'ok', stale: false, journalOk: true,
    });
    expect(seen.ageSeconds).toBeLessThan(10);
    expect((await dashboard(b)).tills.map((t) => t.workstation)).toEqual(['001-03', '001-02']);

    // A posting at 001-02 (cash to Caja 03 through central) shows in its row within the throttle.
    data(await a.call('vault.sendToTill', { idempotencyKey: randomUUID(), toTill: '03', count: { '50000': 4 }, declaredTotal: 200_000 }));
    await until(async () => row(await dashboard(b), '001-02')?.positionTotal === 1_800_000, 10_000);

    // Central goes down: a posting at 001-02 is not held by its status report, and the dashboard says central
    // does not answer and still lists 001-03's own till.
    await central.kill();
    const started = performance.now();
    data(await a.call('vault.sendToTill', { idempotencyKey: randomUUID(), toTill: '03', count: { '50000': 2 }, declaredTotal: 100_000 }));
    expect(performance.now() - started).toBeLessThan(1_000);
    const down = await dashboard(b);
    expect(down.centralReachable).toBe(false);
    expect(down.tills.map((t) => [t.workstation, t.source])).toEqual([['001-03', 'local']]);

    // Central back: 001-02's report catches up with what happened meanwhile (queued operation drained too).
    await central.restart();
    const back = await until(async () => {
      const r = row(await dashboard(b), '001-02');
      return r?.positionTotal === 1_700_000 && r.sync.queueLength === 0 && r.sync.unknown === 0 ? r : undefined;
    }, 45_000);
    expect(back).toMatchObject({ source: 'central', stale: false });
  }, 90_000);

  it('only a supervisor reads the dashboard', async () => {
    const b = await station('001-03');
    open.push(b);
    await openTill(b, { username: 'cajero1', password: 'Caja.2026' }, { '50000': 10 }, 500_000);
    expect(await b.call('supervisor.dashboard')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
