import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it, vi } from 'vitest';
import type { WorkstationStatus } from '../../../domain/central-api';
import { createCentralClient } from '../../sync/central-client';
import { createStatusReporter, fetchBranchStatus } from './reporter';

/**
 * The status reporter against a real HTTP server on 127.0.0.1 standing in for central's `reportStatus`: it
 * records each body and answers after `delayMs`. Real timers, small intervals.
 */
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => { s.closeAllConnections(); s.close(() => r()); })));
});
const fakeCentral = async (opts: { delayMs?: number; status?: number } = {}) => {
  // `opts` is read per request: a test may change `status` to bring central back.
  const bodies: WorkstationStatus[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => {
      if (req.method === 'POST') bodies.push(JSON.parse(text) as WorkstationStatus);
      setTimeout(() => {
        const status = opts.status ?? 200;
        const body = status === 200 ? (req.method === 'POST' ? { receivedAt: '2026-03-02T14:00:00.000Z', stored: true } : { now: '2026-03-02T14:00:00.000Z', workstations: [] }) : { error: { code: 'INTERNAL', message: 'x' } };
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      }, opts.delayMs ?? 0);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { bodies, client: createCentralClient({ url, token: 'x'.repeat(20) }) };
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let n = 0;
const snap = (): WorkstationStatus => ({
  workstation: '001-02',
  till: { open: true, tillCode: '02', tellerName: 'Luis Pérez', openedAt: '2026-03-02T13:00:00.000Z', positionTotal: n, limit: 60_000_000, holding: 'ok' },
  sync: { queueLength: 0, unknown: 0, rejected: 0 },
  journalOk: true,
  reportedAt: '2026-03-02T14:00:00.000Z',
});
const positions = (b: WorkstationStatus[]) => b.map((s) => (s.till.open ? s.till.positionTotal : -1));

it('a burst of changes sends the first at once and the latest once after the throttle, never more', async () => {
  const c = await fakeCentral({ delayMs: 20 });
  const r = createStatusReporter({ central: c.client, snapshot: snap, throttleMs: 600, heartbeatMs: 60_000, log: () => undefined });
  n = 1;
  r.changed();
  for (n = 2; n <= 10; n++) {
    r.changed();
    await sleep(5);
  }
  n = 10;
  await sleep(1_000);
  expect(positions(c.bodies)).toEqual([1, 10]);
  // Quiet: nothing more is sent until the next change.
  await sleep(700);
  expect(c.bodies).toHaveLength(2);
  r.stop();
});

it('the heartbeat reports with no change; stop ends it', async () => {
  const c = await fakeCentral();
  const r = createStatusReporter({ central: c.client, snapshot: snap, throttleMs: 10, heartbeatMs: 80, log: () => undefined });
  r.start();
  // Waits for the beats instead of a fixed time: on a loaded machine 400 ms may hold fewer than 4 of them.
  await vi.waitFor(() => expect(c.bodies.length).toBeGreaterThanOrEqual(4), { timeout: 10_000, interval: 20 });
  r.stop();
  // A report already on the wire when stop() ran still lands; let it, then nothing more may come.
  await sleep(100);
  const sent = c.bodies.length;
  await sleep(300);
  expect(c.bodies).toHaveLength(sent);
});

it('central down or failing: changed() returns at once and never throws; one log per outage; reports again when it is back', async () => {
  const logs: string[] = [];
  const dead = createCentralClient({ url: 'http://127.0.0.1:1', token: 'x'.repeat(20) });
  const r = createStatusReporter({ central: dead, snapshot: snap, throttleMs: 10, heartbeatMs: 60_000, log: (e) => logs.push(e.msg) });
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    r.changed();
    expect(performance.now() - t0).toBeLessThan(50);
    await sleep(60);
  }
  expect(logs).toEqual(['status report to central failed']);
  expect(r.sent()).toBe(0);
  r.stop();

  const opts = { status: 500 };
  const flaky = await fakeCentral(opts);
  const r2 = createStatusReporter({ central: flaky.client, snapshot: snap, throttleMs: 10, heartbeatMs: 60_000, log: (e) => logs.push(e.msg) });
  r2.changed();
  await sleep(60);
  r2.changed();
  await sleep(60);
  opts.status = 200;
  r2.changed();
  await sleep(60);
  expect(flaky.bodies).toHaveLength(3);
  expect(r2.sent()).toBe(1);
  expect(logs).toEqual(['status report to central failed', 'status report to central failed', 'status report to central resumed']);
  r2.stop();

  // A snapshot that cannot be taken (database closing) is logged and skipped, nothing sent.
  const r3 = createStatusReporter({ central: flaky.client, snapshot: () => { throw new Error('db closed'); }, throttleMs: 10, log: (e) => logs.push(e.msg) });
  expect(() => r3.changed()).not.toThrow();
  await sleep(30);
  expect(flaky.bodies).toHaveLength(3);
  expect(logs.at(-1)).toBe('status snapshot could not be taken');
  r3.stop();
});

it('the dashboard waits for central’s snapshots at most the given time', async () => {
  const slow = await fakeCentral({ delayMs: 2_000 });
  const t0 = performance.now();
  expect(await fetchBranchStatus(slow.client, '001', 200)).toBeNull();
  expect(performance.now() - t0).toBeLessThan(1_000);
  const quick = await fakeCentral();
  expect(await fetchBranchStatus(quick.client, '001', 1_000)).toEqual({ now: '2026-03-02T14:00:00.000Z', workstations: [] });
});
