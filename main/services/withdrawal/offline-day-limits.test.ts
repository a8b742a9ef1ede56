import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { bogotaDate } from '../../../domain/calendar/bogota-time';
import { createCentralClient } from '../../sync/central-client';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { data } from '../../testing/wire-data';
import { startStation, steeredClient, until, type Station } from '../../testing/stations';

/**
 * A withdrawal paid in contingencia (central unreachable) reserved nothing at central: its day's limits count there
 * only once the outbox delivers it. Delivered, central's day usage of the account includes it (account_activity,
 * as any applied withdrawal), so another workstation's reservation afterwards counts it and asks the supervisor.
 * Real cores, one real central process.
 */
const central = centralProcessForFile('001-02');
const open: Station[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

const LIMITS = { rules: { withdrawalLimits: { dailyCount: 5, dailyAmount: 1_000_000 } } };
const CAJERO = { username: 'cajero1', password: 'Caja.2026' };
const SUPERVISOR = { username: 'supervisor1', password: 'Super.2026' };
const MARIA = '240000000011';
const withdrawal = (amount: number) => ({ accountNumber: MARIA, amount, presenters: [{ type: 'CC', number: '900000001' }], payout: { kind: 'efectivo' } });
const nowhere = createCentralClient({ url: 'http://127.0.0.1:9', token: 'x', timeoutMs: 300 });

it('a withdrawal paid offline counts in central’s day once delivered, and another workstation’s reservation sees it', async () => {
  let cut = false;
  const { client } = steeredClient(central, '001-03', (route, req, call) => (cut ? nowhere.call(route as 'health', req as never) : call()));
  const a = await startStation(central, '001-03', true, LIMITS, client);
  open.push(a);
  // The branch's copy of the account, as every morning, before the link drops.
  await until(async () => (a.core.db.prepare('SELECT COUNT(*) FROM ref_accounts WHERE number = ?').pluck().get(MARIA) as number) > 0);
  data(await a.call('session.login', CAJERO));
  data(await a.call('till.open', { idempotencyKey: randomUUID(), count: { '50000': 40 }, declaredTotal: 2_000_000 }));
  // Its queue waits (the sync loop does not reach central) and every call of its services is lost.
  await a.reopen('calls');
  cut = true;
  await a.as(SUPERVISOR);
  data(await a.call('sync.setContingency', { active: true, reason: 'Caída del enlace con central' }));
  await a.as(CAJERO);
  expect(await a.call('withdrawal.post', { idempotencyKey: randomUUID(), request: withdrawal(800_000) })).toMatchObject({
    ok: true,
    data: { status: 'posted', receipt: { marks: ['CONTINGENCIA'] } },
  });

  const other = createCentralClient({ url: central.url, token: central.proc.tokens.get('001-02') ?? '' });
  const day = bogotaDate(new Date());
  const seenElsewhere = async () => {
    const r = await other.call('accountActivity', { account: MARIA, day });
    return r.ok ? r.data.elsewhere.withdrawals : null;
  };
  // Not delivered yet: central cannot count what it never heard of (the contingency caps bound it meanwhile).
  expect(await seenElsewhere()).toEqual({ count: 0, amount: 0 });

  // The link comes back: the outbox delivers it, and central's day of the account includes it.
  cut = false;
  await a.reopen(true);
  expect(await until(async () => ((await seenElsewhere())?.count === 1 ? 'seen' : false), 15_000)).toBe('seen');
  expect(await seenElsewhere()).toEqual({ count: 1, amount: 800_000 });

  // 001-02 pays the same account $ 300.000: its reservation counts the $ 800.000 and the supervisor is asked.
  const b = await startStation(central, '001-02', true, LIMITS);
  open.push(b);
  data(await b.call('session.login', { username: 'cajero2', password: 'Caja.2026' }));
  data(await b.call('till.open', { idempotencyKey: randomUUID(), count: { '50000': 40 }, declaredTotal: 2_000_000 }));
  expect(await b.call('withdrawal.post', { idempotencyKey: randomUUID(), request: withdrawal(300_000) })).toMatchObject({
    ok: false,
    error: { code: 'APPROVAL_REQUIRED', details: { reasons: [{ code: 'LIMIT_EXCEEDED_WITHDRAWAL_AMOUNT', details: { dayTotal: 1_100_000, limit: 1_000_000 } }] } },
  });
  expect(b.core.db.prepare("SELECT COUNT(*) FROM comprobantes WHERE kind = 'retiro'").pluck().get()).toBe(0);
}, 120_000);
