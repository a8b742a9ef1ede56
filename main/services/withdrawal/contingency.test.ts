import { afterEach, describe, expect, it } from 'vitest';
import { createCentralClient, type CentralClient } from '../../sync/central-client';
import { tillCash } from '../../testing/till-cash';
import { CC, DEMO_TOKEN_001_03, world, type World, sharedCentral } from '../comprobante/testing/world';

const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

/** A central that never answers: the reference data was pulled before, the authorization cannot be. */
const unreachable = createCentralClient({ url: 'http://127.0.0.1:9', token: 'x', timeoutMs: 300 });
/** Central reserves the day's withdrawal limits, then the link drops before the authorization's answer. */
const dropsAfterReserving = (): Pick<CentralClient, 'call'> => {
  const real = createCentralClient({ url: shared.central.url, token: DEMO_TOKEN_001_03, timeoutMs: 3000 });
  return { call: ((route: string, r: never) => (route === 'reserveWithdrawalLimit' ? real.call(route, r) : unreachable.call(route as 'health', r))) as CentralClient['call'] };
};
const req = (amount: number) => ({ accountNumber: '240000000029', amount, presenters: [CC('900000002')], payout: { kind: 'efectivo' as const } });
const post = (amount: number) => w.call('withdrawal.post', { idempotencyKey: crypto.randomUUID(), request: req(amount) });
const count = (sql: string) => w.core.db.prepare(sql).pluck().get();

const asSupervisor = async (fn: () => Promise<unknown>) => {
  await w.call('session.logout');
  await w.call('session.login', { username: 'supervisor1', password: 'Super.2026' });
  await fn();
  await w.call('session.logout');
  await w.call('session.login', { username: 'cajero1', password: 'Caja.2026' });
};

describe('withdrawals while central is unreachable (issue "Central services and exactly-once sync")', () => {
  it('normal mode: nothing is paid, the comprobante stays pending', async () => {
    w = await world(shared.central, { client: unreachable });
    expect(await post(100_000)).toMatchObject({ ok: true, data: { status: 'pendiente', message: expect.stringContaining('contingencia') } });
    expect(count('SELECT COUNT(*) FROM comprobantes')).toBe(0);
  });

  it('contingencia: pays within the caps, marks the receipt CONTINGENCIA, queues for central and counts the caps', async () => {
    w = await world(shared.central, { client: dropsAfterReserving() });
    await asSupervisor(() => w.call('sync.setContingency', { active: true, reason: 'Caída del enlace con central' }));
    const r = await post(500_000);
    expect(r).toMatchObject({ ok: true, data: { status: 'posted', receipt: { marks: ['CONTINGENCIA'] } } });
    const op = w.core.db.prepare("SELECT body, contingency FROM outbox WHERE type = 'withdrawal'").get() as { body: string; contingency: number };
    expect(op.contingency).toBe(1);
    expect(JSON.parse(op.body)).toMatchObject({ payload: { amount: 500_000, gmf: 2_000 } });
    expect(JSON.parse(op.body).payload).not.toHaveProperty('holdId');
    // The authorization was sent and its answer lost: the queued debit names it, so a hold central did place is
    // consumed instead of refusing the debit (central/operations/operations.test.ts).
    expect(JSON.parse(op.body).payload.holdKey).toMatch(/^[0-9a-f-]{36}$/);
    // So does the reservation of the day's limits central made under the same key: the debit consumes it on arrival.
    expect(JSON.parse(op.body).payload.limitReservation).toBe(JSON.parse(op.body).payload.holdKey);
    expect(count('SELECT SUM(amount) FROM contingency_withdrawals')).toBe(500_000);
    // Per transaction cap ($ 2.000.000 by default), then the customer's day cap ($ 3.000.000).
    expect(await post(2_500_000)).toMatchObject({ error: { code: 'OVER_TRANSACTION_CAP', message: expect.stringContaining('No entregue el efectivo') } });
    expect(await post(2_000_000)).toMatchObject({ ok: true, data: { status: 'posted' } });
    expect(await post(600_000)).toMatchObject({ error: { code: 'OVER_CUSTOMER_DAY_CAP' } });
    expect(count('SELECT COUNT(*) FROM comprobantes')).toBe(2);
    // Deposits posted in contingencia carry the mark too.
    const dep = await w.call('deposit.post', {
      idempotencyKey: crypto.randomUUID(),
      slip: { accountNumber: '240000000011', depositor: { id: CC('900000001') }, cash: { '50000': 2 }, declaredTotal: 100_000 },
    });
    expect(dep).toMatchObject({ ok: true, data: { receipt: { marks: ['CONTINGENCIA'] } } });
  });

  it('a cheque de gerencia without central: pending or refused by the caps (at Revisar too), the teller is told to hold back the cheque, not cash', async () => {
    w = await world(shared.central, { client: unreachable });
    const cheque = (amount: number) => ({ ...req(amount), payout: { kind: 'cheque-gerencia' as const, number: '4455671' } });
    const pending = await w.call('withdrawal.post', { idempotencyKey: crypto.randomUUID(), request: cheque(100_000) });
    expect(pending).toMatchObject({ ok: true, data: { status: 'pendiente', message: expect.stringContaining('NO entregue el cheque de gerencia') } });
    await asSupervisor(() => w.call('sync.setContingency', { active: true, reason: 'Caída del enlace con central' }));
    const message = 'En contingencia el retiro máximo por transacción es $ 2.000.000. No entregue el cheque de gerencia.';
    expect(await w.call('withdrawal.evaluate', { request: cheque(2_100_000) })).toMatchObject({ ok: false, error: { code: 'OVER_TRANSACTION_CAP', message } });
    expect(await w.call('withdrawal.post', { idempotencyKey: crypto.randomUUID(), request: cheque(2_100_000) })).toMatchObject({ ok: false, error: { code: 'OVER_TRANSACTION_CAP', message } });
    // Cash keeps its words.
    expect(await w.call('withdrawal.evaluate', { request: req(2_100_000) })).toMatchObject({ ok: false, error: { message: expect.stringContaining('No entregue el efectivo.') } });
    expect(count('SELECT COUNT(*) FROM comprobantes')).toBe(0);
  });

  it('contingencia: the end-of-day report names the withdrawal paid without central, marked CONTINGENCIA', async () => {
    w = await world(shared.central, { client: unreachable });
    await asSupervisor(() => w.call('sync.setContingency', { active: true, reason: 'Caída del enlace con central' }));
    const r = await post(500_000);
    expect(r).toMatchObject({ ok: true, data: { status: 'posted', receipt: { marks: ['CONTINGENCIA'] } } });
    const sequence = r.ok ? (r.data as { sequence: string }).sequence : '';
    await asSupervisor(() => w.call('sync.setContingency', { active: false, reason: 'Enlace restablecido' }));
    // Central answered it later (the sync itself is proven in main/sync): nothing is left in the queue to hold the close.
    w.core.db.prepare("UPDATE outbox SET state = 'applied'").run();
    const c = await w.call('till.count', { idempotencyKey: crypto.randomUUID(), count: tillCash(w.core.db).position });
    expect(c).toMatchObject({ ok: true, data: { next: 'cerrar' } });
    const closingId = c.ok ? (c.data as { closingId: string }).closingId : '';
    const closed = await w.call('till.close', { idempotencyKey: crypto.randomUUID(), closingId });
    const lines = closed.ok ? (closed.data as { report: { lines: unknown[] } }).report.lines : [closed];
    expect(lines).toContainEqual({ kind: 'amount', label: `Retiro ${sequence} CONTINGENCIA`, amount: 500_000, negative: true });
    expect(lines).toContainEqual({ kind: 'amount', label: 'Retiros (1) salidas', amount: 500_000, negative: true });
  });

  it('contingencia with central answering: authorized online, so neither marked CONTINGENCIA nor counted against the caps', async () => {
    w = await world(shared.central);
    await asSupervisor(() => w.call('sync.setContingency', { active: true, reason: 'Caída del enlace con central' }));
    const r = await post(500_000);
    expect(r).toMatchObject({ ok: true, data: { status: 'posted', receipt: { marks: [] } } });
    expect(count("SELECT contingency FROM outbox WHERE type = 'withdrawal'")).toBe(0);
    expect(JSON.parse(count("SELECT body FROM outbox WHERE type = 'withdrawal'") as string).payload.holdId).toEqual(expect.any(String));
    expect(count('SELECT COUNT(*) FROM contingency_withdrawals')).toBe(0);
    const entry = JSON.parse(count("SELECT payload FROM journal WHERE type = 'comprobante'") as string) as Record<string, unknown>;
    expect(entry).not.toHaveProperty('contingency');
  });
});
