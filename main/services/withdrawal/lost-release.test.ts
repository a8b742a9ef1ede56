import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { bogotaDate } from '../../../domain/calendar/bogota-time';
import { createCentralClient } from '../../sync/central-client';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { data } from '../../testing/wire-data';
import { startStation, steeredClient, until, type Station } from '../../testing/stations';

/**
 * The release of a withdrawal's day-limit reservation (day-limits.ts) whose call got no answer: the reservation
 * still counted at central until it lapsed (15 min), refusing the same workstation's next withdrawal of the account
 * and holding the other workstations' day. It is owed on disk until central answers it: the next reservation carries
 * it, and the sync rounds send it, after a restart too. Real cores, one real central process.
 */
const central = centralProcessForFile('001-02');
const open: Station[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

const LIMITS = { rules: { withdrawalLimits: { dailyCount: 5, dailyAmount: 1_000_000 } } };
const nowhere = createCentralClient({ url: 'http://127.0.0.1:9', token: 'x', timeoutMs: 300 });
const lost = (route: string, req: unknown) => nowhere.call(route as 'health', req as never);
const withdrawal = (accountNumber: string, holder: string, amount: number) => ({ accountNumber, amount, presenters: [{ type: 'CC', number: holder }], payout: { kind: 'efectivo' } });

/** 001-03, its services' calls steered: `cut` lists the routes whose answers are lost. */
const station = async (cut: Set<string>) => {
  const { client } = steeredClient(central, '001-03', (route, req, call) => (cut.has(route) ? lost(route, req) : call()));
  const s = await startStation(central, '001-03', true, LIMITS, client);
  open.push(s);
  data(await s.call('session.login', { username: 'cajero1', password: 'Caja.2026' }));
  data(await s.call('till.open', { idempotencyKey: randomUUID(), count: { '50000': 40 }, declaredTotal: 2_000_000 }));
  return s;
};

/** A withdrawal left pending (its authorization's answer lost), then abandoned while the release's answer is lost too. */
const abandonedWithLostRelease = async (s: Station, cut: Set<string>, request: ReturnType<typeof withdrawal>) => {
  cut.add('authorizeWithdrawal').add('releaseWithdrawalLimit');
  const key = randomUUID();
  expect(await s.call('withdrawal.post', { idempotencyKey: key, request })).toMatchObject({ ok: true, data: { status: 'pendiente' } });
  cut.delete('authorizeWithdrawal');
  expect(await s.call('withdrawal.abandon', { idempotencyKey: key })).toMatchObject({ ok: true });
  return key;
};

it('the same workstation’s next withdrawal of the account is not refused for the reservation whose release was lost', async () => {
  const cut = new Set<string>();
  const s = await station(cut);
  // María (240000000011): $ 900.000 asked and abandoned; its release never reached central.
  await abandonedWithLostRelease(s, cut, withdrawal('240000000011', '900000001', 900_000));
  // Still cut: only the reservation itself can tell central. $ 500.000 with the stale $ 900.000 would be over $ 1.000.000.
  const second = await s.call('withdrawal.post', { idempotencyKey: randomUUID(), request: withdrawal('240000000011', '900000001', 500_000) });
  expect(second).toMatchObject({
    ok: true,
    data: { status: 'posted' },
  });
}, 60_000);

it('a lost release is owed across a restart: the sync round sends it and the other workstations’ day is free again', async () => {
  const cut = new Set<string>();
  const s = await station(cut);
  // Juan (240000000029).
  await abandonedWithLostRelease(s, cut, withdrawal('240000000029', '900000002', 900_000));
  const other = createCentralClient({ url: central.url, token: central.proc.tokens.get('001-02') ?? '' });
  const day = bogotaDate(new Date());
  const seenElsewhere = async () => {
    const r = await other.call('accountActivity', { account: '240000000029', day });
    return r.ok ? r.data.elsewhere.withdrawals : null;
  };
  expect(await seenElsewhere()).toEqual({ count: 1, amount: 900_000 });
  // The workstation restarts with the link back: nothing else is asked of central for that account.
  cut.clear();
  await s.reopen();
  expect(await until(async () => ((await seenElsewhere())?.count === 0 ? 'free' : false), 10_000)).toBe('free');
  // Owed once: answered, nothing is left to send.
  expect(s.core.db.prepare('SELECT COUNT(*) FROM limit_releases').pluck().get()).toBe(0);
}, 60_000);
