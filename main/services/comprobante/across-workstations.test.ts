import { afterEach, describe, expect, it } from 'vitest';
import type { Operation } from '../../../domain/central-api';
import { createCentralClient } from '../../sync/central-client';
import { CC, world, type World, sharedCentral } from './testing/world';
import { data } from '../../testing/wire-data';

/**
 * Limits meant per account hold across the branch's tills: what another workstation posted (and central
 * applied) counts here through central's account activity (central/account-activity).
 */
const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

// Demo accounts (central/demo/seed.ts): 240000000011 María, GMF-exempt mark, $2.500.000.
const MARIA = '240000000011';
const TODAY = '2025-03-03T09:00:00-05:00';

/** Posts operations to central as workstation 001-01 (the world is 001-03). */
const postElsewhere = async (ops: Omit<Operation, 'key' | 'branch' | 'workstation' | 'occurredAt'>[]) => {
  const other = createCentralClient({ url: shared.central.url, token: 'caja-demo-token-001-01', timeoutMs: 3000 });
  const operations = ops.map((o) => ({ ...o, key: crypto.randomUUID(), branch: '001', workstation: '001-01', occurredAt: TODAY }) as Operation);
  const r = await other.call('postOperations', { operations });
  expect(r).toMatchObject({ ok: true, data: { results: operations.map(() => ({ status: 'applied' })) } });
};
type Reasons = { plan: { approvalReasons: { code: string }[] } };
const codes = (p: Reasons) => p.plan.approvalReasons.map((r) => r.code);

describe('per-account limits across workstations', () => {
  it('tells central what this till used of the exemption, so the other tills count it', async () => {
    w = await world(shared.central);
    const request = { accountNumber: MARIA, amount: 200_000, presenters: [CC('900000001')], payout: { kind: 'efectivo' } };
    const key = crypto.randomUUID();
    // First in the file: the central process is shared and the other tests use up María's daily count.
    expect(await w.call('withdrawal.post', { idempotencyKey: key, request })).toMatchObject({ ok: true });
    const body = JSON.parse(w.core.db.prepare("SELECT body FROM outbox WHERE type = 'withdrawal'").pluck().get() as string) as { payload: { gmfCapUsed?: number } };
    expect(body.payload.gmfCapUsed).toBe(200_000);
  });

  it('counts the withdrawals another till paid today toward the daily count (seed 003 cl. 3.12)', async () => {
    w = await world(shared.central);
    const request = { accountNumber: MARIA, amount: 50_000, presenters: [CC('900000001')], payout: { kind: 'efectivo' } };
    expect(codes(data<Reasons>(await w.call('withdrawal.evaluate', { request })))).not.toContain('LIMIT_EXCEEDED_WITHDRAWAL_COUNT');
    await postElsewhere(Array.from({ length: 5 }, () => ({ type: 'withdrawal', account: MARIA, payload: { amount: 10_000, gmf: 0 } }) as const));
    expect(codes(data<Reasons>(await w.call('withdrawal.evaluate', { request })))).toContain('LIMIT_EXCEEDED_WITHDRAWAL_COUNT');
  });

  it('counts the GMF exemption another till used this month (ET art. 879 num. 1) and the cash deposited there today', async () => {
    w = await world(shared.central);
    await postElsewhere([
      { type: 'cash_deposit', account: MARIA, payload: { amount: 90_000_000 } },
      { type: 'withdrawal', account: MARIA, payload: { amount: 17_000_000, gmf: 0, gmfCapUsed: 17_000_000 } },
    ]);
    const request = { accountNumber: MARIA, amount: 1_000_000, presenters: [CC('900000001')], payout: { kind: 'efectivo' } };
    const plan = data<{ plan: { gmf: { exempt: number; cap: number; gmf: number } } }>(await w.call('withdrawal.evaluate', { request })).plan;
    expect(plan.gmf.exempt).toBe(plan.gmf.cap - 17_000_000);
    expect(plan.gmf.gmf).toBeGreaterThan(0);
    // 90.000.000 there + 15.000.000 here passes the default daily tope of 100.000.000.
    const slip = { accountNumber: MARIA, depositor: { id: CC('900000001') }, cash: { '100000': 150 }, declaredTotal: 15_000_000 };
    expect(codes(data<Reasons>(await w.call('deposit.evaluate', { slip })))).toContain('LIMIT_EXCEEDED_DEPOSIT_DAY');
  });

  it('sees near-threshold cash deposits made at another till for the structuring alert (domain-co §2)', async () => {
    w = await world(shared.central);
    // Rosa deposits 9.500.000 in cash twice at 001-01 into Juan's account; a third one here makes three in the window.
    const cash = { transactor: { type: 'CC' as const, number: '900000005' }, declaration: null };
    await postElsewhere([
      { type: 'cash_deposit', account: '240000000029', payload: { amount: 9_500_000, cash } },
      { type: 'cash_deposit', account: '240000000029', payload: { amount: 9_500_000, cash } },
    ]);
    const slip = { accountNumber: '240000000086', depositor: { id: CC('900000005') }, cash: { '50000': 190 }, declaredTotal: 9_500_000 };
    const plan = data<{ plan: { approvalReasons: { code: string; details: object }[] } }>(await w.call('deposit.evaluate', { slip }));
    expect(plan.plan.approvalReasons).toContainEqual(expect.objectContaining({ code: 'STRUCTURING_ALERT', details: expect.objectContaining({ by: 'depositor', count: 3 }) }));
  });
});
