import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { createCentralClient, type CentralClient } from '../../sync/central-client';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { data } from '../../testing/wire-data';
import { startStation, type Station } from '../../testing/stations';
import { DEMO_TOKEN_001_03, world, type World } from '../comprobante/testing/world';

/**
 * Seed 003 cl. 3.12 across tills: two tellers at two workstations pay the same account at the same moment, each
 * withdrawal under the day's amount limit and both together over it. Each posting first reserves the day's limits
 * at central, so exactly one pays and the other asks the supervisor (the same exception as the local check) instead
 * of paying; the supervisor's approval of that amount then lets it post. Two real cores, one real central process.
 */
const central = centralProcessForFile('001-02');
const open: Station[] = [];
let w: World | undefined;
afterEach(() => {
  for (const s of open.splice(0)) s.close();
  w?.close();
  w = undefined;
});

// Demo account 240000000011 (central/demo/seed.ts): María, holder CC 900000001, $ 2.500.000.
const MARIA = '240000000011';
const LIMITS = { rules: { withdrawalLimits: { dailyCount: 5, dailyAmount: 1_000_000 } } };
const withdrawal = (amount: number) => ({ accountNumber: MARIA, amount, presenters: [{ type: 'CC', number: '900000001' }], payout: { kind: 'efectivo' } });

const openTill = async (id: string, teller: string) => {
  const s = await startStation(central, id, true, LIMITS);
  open.push(s);
  data(await s.call('session.login', { username: teller, password: 'Caja.2026' }));
  data(await s.call('till.open', { idempotencyKey: randomUUID(), count: { '50000': 40 }, declaredTotal: 2_000_000 }));
  return s;
};

it('two simultaneous withdrawals together over the day’s amount: one pays, the other asks the supervisor, then pays with the approval', async () => {
  const a = await openTill('001-02', 'cajero1');
  const b = await openTill('001-03', 'cajero2');
  const asked = { a: { key: randomUUID(), request: withdrawal(600_000) }, b: { key: randomUUID(), request: withdrawal(700_000) } };
  const [x, y] = await Promise.all([
    a.call('withdrawal.post', { idempotencyKey: asked.a.key, request: asked.a.request }),
    b.call('withdrawal.post', { idempotencyKey: asked.b.key, request: asked.b.request }),
  ]);
  expect([x, y].filter((r) => r.ok)).toMatchObject([{ data: { status: 'posted' } }]);
  const [paid, refused] = x.ok ? ([a, b] as const) : ([b, a] as const);
  const mine = x.ok ? asked.b : asked.a;
  const theirs = x.ok ? asked.a : asked.b;
  const dayTotal = 1_300_000;
  expect(x.ok ? y : x).toMatchObject({
    ok: false,
    error: { code: 'APPROVAL_REQUIRED', details: { reasons: [{ code: 'LIMIT_EXCEEDED_WITHDRAWAL_AMOUNT', details: { dayTotal, limit: 1_000_000 } }] } },
  });
  // Nothing left the refused till: no comprobante, no cash out.
  expect(refused.core.db.prepare("SELECT COUNT(*) FROM comprobantes WHERE kind = 'retiro'").pluck().get()).toBe(0);
  expect(paid.core.db.prepare("SELECT COUNT(*) FROM comprobantes WHERE kind = 'retiro'").pluck().get()).toBe(1);
  expect(theirs.request.amount + mine.request.amount).toBe(dayTotal);

  // The supervisor is asked for the reason central's figures gave, approves that amount, and the posting goes through.
  const approval = data<{ approval: { id: string; reasons: { code: string }[] } }>(
    await refused.call('approval.request', { idempotencyKey: randomUUID(), operation: { kind: 'withdrawal', request: mine.request } }),
  ).approval;
  expect(approval.reasons.map((r) => r.code)).toEqual(['LIMIT_EXCEEDED_WITHDRAWAL_AMOUNT']);
  data(await refused.call('approval.decide', { approvalId: approval.id, decision: 'aprobar', username: 'supervisor1', password: 'Super.2026' }));
  expect(await refused.call('withdrawal.post', { idempotencyKey: mine.key, request: mine.request, approvalId: approval.id })).toMatchObject({ ok: true, data: { status: 'posted' } });
}, 120_000);

it('a comprobante left pending keeps one reservation through its retries, and abandoning it frees the day at once', async () => {
  // 001-03's authorization answers are lost (central never hears the hold); everything else reaches central.
  const real = createCentralClient({ url: central.url, token: DEMO_TOKEN_001_03, timeoutMs: 3000 });
  const lost = createCentralClient({ url: 'http://127.0.0.1:9', token: 'x', timeoutMs: 300 });
  const client = { call: ((route: string, r: never) => (route === 'authorizeWithdrawal' ? lost.call(route, r) : real.call(route as 'health', r))) as CentralClient['call'] };
  w = await world({ url: central.url, stop: async () => undefined }, { client, config: LIMITS });
  const day = '2025-03-03';
  const other = createCentralClient({ url: central.url, token: central.proc.tokens.get('001-02') ?? '' });
  const seenAt002 = async () => {
    const r = await other.call('accountActivity', { account: MARIA, day });
    return r.ok ? r.data.elsewhere.withdrawals : null;
  };
  const key = randomUUID();
  const post = () => w?.call('withdrawal.post', { idempotencyKey: key, request: withdrawal(900_000) });
  expect(await post()).toMatchObject({ ok: true, data: { status: 'pendiente' } });
  expect(await seenAt002()).toEqual({ count: 1, amount: 900_000 });
  // Retried (Enter) with the same key: still one reservation, not two.
  expect(await post()).toMatchObject({ ok: true, data: { status: 'pendiente' } });
  expect(await seenAt002()).toEqual({ count: 1, amount: 900_000 });
  // Meanwhile 001-02 cannot reserve what would take the day over 1.000.000 without the supervisor.
  const reserve = () => other.call('reserveWithdrawalLimit', { key: randomUUID(), account: MARIA, day, amount: 200_000, limits: { count: 5, amount: 1_000_000 }, here: { count: 0, amount: 0 } });
  expect(await reserve()).toMatchObject({ ok: true, data: { status: 'refused', elsewhere: { count: 1, amount: 900_000 } } });
  expect(await w.call('withdrawal.abandon', { idempotencyKey: key })).toMatchObject({ ok: true });
  expect(await seenAt002()).toEqual({ count: 0, amount: 0 });
  expect(await reserve()).toMatchObject({ ok: true, data: { status: 'reserved' } });
}, 60_000);

it('two desks each approve "the 6th": the first pays it, the second is asked a new approval with the real figures (the 7th), then pays', async () => {
  const a = await openTill('001-02', 'cajero1');
  const b = await openTill('001-03', 'cajero2');
  // QA saw it on María's 240000000011; the tests above already withdrew from it today on this central, so Juan's.
  const small = { accountNumber: '240000000029', amount: 50_000, presenters: [{ type: 'CC', number: '900000002' }], payout: { kind: 'efectivo' } };
  // Five withdrawals of the day, at two workstations.
  for (const s of [a, a, a, b, b]) expect(await s.call('withdrawal.post', { idempotencyKey: randomUUID(), request: small })).toEqual({ ok: true, data: expect.objectContaining({ status: 'posted' }) });
  // Both ask a 6th; each reads central's figures and shows its supervisor "Retiros hoy con este: 6; máximo 5.".
  const approve = async (s: Station, count: number) => {
    await s.call('withdrawal.evaluate', { request: small });
    const approval = data<{ approval: { id: string; reasons: { code: string; message: string }[] } }>(
      await s.call('approval.request', { idempotencyKey: randomUUID(), operation: { kind: 'withdrawal', request: small } }),
    ).approval;
    expect(approval.reasons).toMatchObject([{ code: 'LIMIT_EXCEEDED_WITHDRAWAL_COUNT', message: expect.stringContaining(`Retiros hoy con este: ${count}; máximo 5.`) }]);
    data(await s.call('approval.decide', { approvalId: approval.id, decision: 'aprobar', username: 'supervisor1', password: 'Super.2026' }));
    return approval.id;
  };
  const atA = { key: randomUUID(), approvalId: await approve(a, 6) };
  const atB = { key: randomUUID(), approvalId: await approve(b, 6) };
  expect(await a.call('withdrawal.post', { idempotencyKey: atA.key, request: small, approvalId: atA.approvalId })).toMatchObject({ ok: true, data: { status: 'posted' } });
  // The approval covered the 6th; this posting is the 7th.
  const seventh = await b.call('withdrawal.post', { idempotencyKey: atB.key, request: small, approvalId: atB.approvalId });
  expect(seventh).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED', message: expect.stringContaining('Ahora: La cuenta superaría el número máximo de retiros del día. Retiros hoy con este: 7; máximo 5.') } });
  expect(b.core.db.prepare("SELECT COUNT(*) FROM comprobantes WHERE kind = 'retiro'").pluck().get()).toBe(2);
  // The same posting at the first desk again is the one it paid (idempotent per key), not another.
  expect(await a.call('withdrawal.post', { idempotencyKey: atA.key, request: small, approvalId: atA.approvalId })).toMatchObject({ ok: true, data: { status: 'posted' } });
  expect(a.core.db.prepare("SELECT COUNT(*) FROM comprobantes WHERE kind = 'retiro'").pluck().get()).toBe(4);
  // A new approval with the real figures pays it, under the same key.
  const again = await approve(b, 7);
  expect(await b.call('withdrawal.post', { idempotencyKey: atB.key, request: small, approvalId: again })).toMatchObject({ ok: true, data: { status: 'posted' } });
}, 180_000);
