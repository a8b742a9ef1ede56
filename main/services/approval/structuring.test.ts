import { afterEach, describe, expect, it } from 'vitest';
import { CC, world, type World, sharedCentral } from '../comprobante/testing/world';
import { closeAndOpenAgain } from '../comprobante/testing/next-day';

const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

const MARIA = '240000000011';
/** 9.500.000 in cash, just under the UIAF individual threshold. */
const nearThreshold = (over: Record<string, unknown> = {}) => ({ accountNumber: MARIA, depositor: { id: CC('900000001') }, cash: { '50000': 190 }, declaredTotal: 9_500_000, ...over });
const ok = <T>(r: { ok: boolean; data?: unknown; error?: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error?.message);
  return r.data as T;
};
const SUPERVISOR = { username: 'supervisor1', password: 'Super.2026' };
type Alerts = { month: string; alerts: { approvalId: string; accountNumber: string; depositor: { number: string }; depositorName: string | null; deposits: { on: string; amount: number }[]; total: number; windowFrom: string; windowTo: string; status: string; checkerName: string | null; decidedAt: string | null; note: string | null; rejectionHoldsUntil: string | null; reconsidered: { byName: string } | null }[] };

/** Two near-threshold cash deposits posted, then the third put to the supervisor, who decides it. */
const thirdDecided = async (decision: 'aprobar' | 'rechazar') => {
  for (let i = 0; i < 2; i++) ok(await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: nearThreshold() }));
  const operation = { kind: 'deposit', slip: nearThreshold() };
  const { approval } = ok<{ approval: { id: string } }>(await w.call('approval.request', { idempotencyKey: crypto.randomUUID(), operation }));
  ok(await w.call('approval.decide', { approvalId: approval.id, decision, ...SUPERVISOR, note: 'Patrón de fraccionamiento' }));
  return { approvalId: approval.id, operation };
};
const asSupervisor = async <T>(f: () => Promise<T>): Promise<T> => {
  ok(await w.call('session.logout', {}));
  ok(await w.call('session.login', SUPERVISOR));
  const r = await f();
  ok(await w.call('session.logout', {}));
  ok(await w.call('session.login', { username: 'cajero1', password: 'Caja.2026' }));
  return r;
};

/** The clock moves on: the idle session locked meanwhile, the teller unlocks it. */
const later = async (iso: string) => {
  w.clock.set(new Date(iso));
  ok(await w.call('session.unlock', { password: 'Caja.2026' }));
};

describe('structuring alerts after the decision (UIAF, domain-co §2)', () => {
  it('every alert stays as a record: account, depositor, the deposits with their amounts, window, decision, who and when', async () => {
    w = await world(shared.central);
    const { approvalId } = await thirdDecided('rechazar');
    const list = await asSupervisor(async () => ok<Alerts>(await w.call('approval.structuringAlerts', {})));
    expect(list.month).toBe('2025-03');
    expect(list.alerts).toHaveLength(1);
    expect(list.alerts[0]).toMatchObject({
      approvalId,
      accountNumber: MARIA,
      depositor: { number: '900000001' },
      depositorName: 'MARÍA FERNANDA GÓMEZ PATIÑO',
      deposits: [
        { on: '2025-03-03', amount: 9_500_000 },
        { on: '2025-03-03', amount: 9_500_000 },
        { on: '2025-03-03', amount: 9_500_000 },
      ],
      total: 28_500_000,
      windowFrom: '2025-02-25',
      windowTo: '2025-03-03',
      status: 'rechazada',
      checkerName: 'Marta Rojas',
      decidedAt: '2025-03-03T14:00:00.000Z',
      note: 'Patrón de fraccionamiento',
      rejectionHoldsUntil: '2025-03-09',
    });
    // The journal holds the same facts, beside the request.
    const asked = JSON.parse(w.core.db.prepare("SELECT payload FROM journal WHERE type = 'approval' AND payload LIKE '%solicitada%' ORDER BY rowid DESC").pluck().get() as string) as { structuring: { total: number; deposits: unknown[] } };
    expect(asked.structuring).toMatchObject({ depositor: 'CC:900000001', total: 28_500_000, windowFrom: '2025-02-25', windowTo: '2025-03-03' });
    expect(asked.structuring.deposits).toHaveLength(3);
    // Another month asked for: nothing of this one.
    expect((await asSupervisor(async () => ok<Alerts>(await w.call('approval.structuringAlerts', { month: '2025-02' })))).alerts).toEqual([]);
  });

  it('an approved alert is kept too, with the comprobante it became', async () => {
    w = await world(shared.central);
    const { approvalId } = await thirdDecided('aprobar');
    const posted = ok<{ sequence: string }>(await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: nearThreshold(), approvalId }));
    const [alert] = (await asSupervisor(async () => ok<Alerts>(await w.call('approval.structuringAlerts', {})))).alerts;
    expect(alert).toMatchObject({ approvalId, status: 'aprobada', usedBy: posted.sequence, rejectionHoldsUntil: null });
  });

  it('after a rejection the same deposit brought again is refused with what to do, and no new request reaches the desk', async () => {
    w = await world(shared.central);
    const { operation } = await thirdDecided('rechazar');
    const again = await w.call('approval.request', { idempotencyKey: crypto.randomUUID(), operation });
    expect(again).toMatchObject({ ok: false, error: { code: 'STRUCTURING_REJECTED' } });
    const message = again.ok ? '' : again.error.message;
    expect(message).toContain('Marta Rojas rechazó');
    expect(message).toContain('No reciba el efectivo');
    expect(message).toContain('hasta el 09/03/2025');
    // The same person to another of her accounts, or the same amount split otherwise: the same rejection.
    const other = await w.call('approval.request', { idempotencyKey: crypto.randomUUID(), operation: { kind: 'deposit', slip: nearThreshold({ cash: { '50000': 192 }, declaredTotal: 9_600_000 }) } });
    expect(other).toMatchObject({ ok: false, error: { code: 'STRUCTURING_REJECTED' } });
    expect(w.core.db.prepare("SELECT COUNT(*) FROM approvals WHERE status = 'pendiente'").pluck().get()).toBe(0);
    expect((await w.call('supervisor.queue', {})).ok && ok<{ items: unknown[] }>(await w.call('supervisor.queue', {})).items).toEqual([]);
  });

  it('the rejection stands for the window only, and a supervisor may reconsider it earlier', async () => {
    w = await world(shared.central);
    const { approvalId, operation } = await thirdDecided('rechazar');
    // A supervisor reconsiders (with a reason): the next one goes to a supervisor again, as a new alert.
    const reconsidered = await asSupervisor(async () => ok<{ alert: Alerts['alerts'][number] }>(await w.call('approval.reconsiderStructuring', { approvalId, note: 'El cliente aclaró el origen' })));
    expect(reconsidered.alert).toMatchObject({ rejectionHoldsUntil: null, reconsidered: { byName: 'Marta Rojas' } });
    expect(await asSupervisor(() => w.call('approval.reconsiderStructuring', { approvalId, note: 'Otra vez lo mismo' }))).toMatchObject({ ok: false, error: { code: 'STRUCTURING_NOT_REJECTED' } });
    const next = ok<{ approval: { status: string } }>(await w.call('approval.request', { idempotencyKey: crypto.randomUUID(), operation }));
    expect(next.approval.status).toBe('pendiente');
  });

  it('past the window the rejection no longer stands', async () => {
    w = await world(shared.central);
    const { operation } = await thirdDecided('rechazar');
    // Its last day (the alert's day and six more): still refused.
    await later('2025-03-09T20:00:00Z');
    expect(await w.call('approval.request', { idempotencyKey: crypto.randomUUID(), operation })).toMatchObject({ ok: false, error: { code: 'STRUCTURING_REJECTED' } });
    // A week later the earlier deposits are out of the window too: a new pattern goes to a supervisor as new.
    await later('2025-03-10T14:00:00Z');
    // Monday's till is closed and a new one opened: a till of an earlier day takes no deposits.
    await closeAndOpenAgain(w);
    for (let i = 0; i < 2; i++) ok(await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: nearThreshold() }));
    const r = ok<{ approval: { status: string } }>(await w.call('approval.request', { idempotencyKey: crypto.randomUUID(), operation }));
    expect(r.approval.status).toBe('pendiente');
  });
});
