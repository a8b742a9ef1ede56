import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { data } from '../../testing/wire-data';
import { startStation, type Station } from '../../testing/stations';

/**
 * Seed 003 cl. 3.12 across tills: two tellers at two workstations pay the same account at the same moment, each
 * withdrawal under the day's amount limit and both together over it. Each posting first reserves the day's limits
 * at central, so exactly one pays and the other asks the supervisor (the same exception as the local check) instead
 * of paying; the supervisor's approval of that amount then lets it post. Two real cores, one real central process.
 */
const central = centralProcessForFile('001-02');
const open: Station[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
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
