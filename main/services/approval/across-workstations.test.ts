import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { data } from '../../testing/wire-data';
import { startStation, until, type Station } from '../../testing/stations';

/**
 * Structuring alerts (UIAF) across the branch: an alert decided at workstation 001-02 reaches central through the
 * outbox and is listed at 001-03's desk (F7) with the workstation it came from; without central, 001-03 lists its
 * own and says so. Two real cores on their own SQLite files, one real central process.
 */
const central = centralProcessForFile('001-02');

const SUP = { username: 'supervisor1', password: 'Super.2026' };
const TELLER = { username: 'cajero1', password: 'Caja.2026' };
// Demo account of Juan (central/demo/seed.ts), who brings the cash himself.
const JUAN = '240000000029';
const slipFor = (accountNumber: string, document: string) => ({ accountNumber, depositor: { id: { type: 'CC', number: document } }, cash: { '50000': 190 }, declaredTotal: 9_500_000 });
const juanSlip = slipFor(JUAN, '900000002');
// María's account (holder 900000001): the test that posts the third deposit needs a customer whose month at central
// is not already near $ 50.000.000 from the earlier tests' deposits (central counts every workstation's by key, so a
// fresh 001-02 sees what an earlier 001-02 took and would rightly ask for the UIAF declaration).
const mariaSlip = slipFor('240000000011', '900000001');
// Rosa's (900000005): each test that starts a fresh 001-02 and deposits needs an account and depositor of its own,
// since 001-02's structuring window now counts what an earlier 001-02 deposited (merged by key at central).
const rosaSlip = slipFor('240000000086', '900000005');
interface Alert {
  approvalId: string;
  workstation: string;
  own: boolean;
  status: string;
  checkerName: string | null;
  total: number;
  rejectionHoldsUntil: string | null;
  reconsidered: { byName: string } | null;
  usedBy: string | null;
}
interface Alerts {
  alerts: Alert[];
  branchWide: boolean;
  notice: string | null;
}

/** Two near-threshold cash deposits at `s`, then the third put to the supervisor there, who decides it. */
const alertDecidedAt = async (s: Station, decision: 'aprobar' | 'rechazar', slip = juanSlip): Promise<string> => {
  await s.as(TELLER);
  data(await s.call('till.open', { idempotencyKey: randomUUID(), count: { '50000': 10 }, declaredTotal: 500_000 }));
  // The account is known once the reference data arrived from central.
  await until(async () => (await s.call('deposit.post', { idempotencyKey: randomUUID(), slip })).ok, 40_000);
  data(await s.call('deposit.post', { idempotencyKey: randomUUID(), slip }));
  const { approval } = data<{ approval: { id: string } }>(await s.call('approval.request', { idempotencyKey: randomUUID(), operation: { kind: 'deposit', slip } }));
  data(await s.call('approval.decide', { approvalId: approval.id, decision, ...SUP, note: 'Tres consignaciones iguales' }));
  return approval.id;
};
const alertsAt = async (s: Station) => data<Alerts>(await s.call('approval.structuringAlerts', {}));

describe('structuring alerts of the whole branch, through central', () => {
  const open: Station[] = [];
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });

  it('a rejection decided at 001-02 is listed at 001-03’s F7 with its workstation; 001-02 lists it as its own', async () => {
    const a = await startStation(central, '001-02');
    const b = await startStation(central, '001-03');
    open.push(a, b);
    const id = await alertDecidedAt(a, 'rechazar');
    // Sent once, under its own key, in the decision's transaction.
    const sent = a.core.db.prepare("SELECT COUNT(*) FROM outbox WHERE type = 'structuring_alert'").pluck().get();
    expect(sent).toBe(1);

    await b.as(SUP);
    const seen = await until(async () => {
      const list = await alertsAt(b);
      return list.alerts.find((x) => x.approvalId === id) && list;
    }, 40_000);
    expect(seen).toMatchObject({ branchWide: true, notice: null });
    expect(seen.alerts.find((x) => x.approvalId === id)).toMatchObject({
      workstation: '001-02',
      own: false,
      status: 'rechazada',
      checkerName: 'Marta Rojas',
      total: 28_500_000,
      reconsidered: null,
    });
    expect(seen.alerts.find((x) => x.approvalId === id)?.rejectionHoldsUntil).not.toBeNull();

    // Reconsidered at 001-02: a second operation, and 001-03 sees the rejection lifted.
    await a.as(SUP);
    const mine = (await alertsAt(a)).alerts.find((x) => x.approvalId === id);
    expect(mine).toMatchObject({ workstation: '001-02', own: true });
    data(await a.call('approval.reconsiderStructuring', { approvalId: id, note: 'El cliente aclaró el origen' }));
    expect(a.core.db.prepare("SELECT COUNT(*) FROM outbox WHERE type = 'structuring_alert'").pluck().get()).toBe(2);
    await until(async () => (await alertsAt(b)).alerts.find((x) => x.approvalId === id && x.reconsidered !== null), 40_000);
    expect((await alertsAt(b)).alerts.find((x) => x.approvalId === id)?.rejectionHoldsUntil).toBeNull();
  }, 150_000);

  it('a rejection standing at central for the account refuses the same deposit at 001-03, naming 001-02; no request reaches the desk', async () => {
    const a = await startStation(central, '001-02');
    const b = await startStation(central, '001-03');
    open.push(a, b);
    await alertDecidedAt(a, 'rechazar', rosaSlip);
    await b.as(TELLER);
    data(await b.call('till.open', { idempotencyKey: randomUUID(), count: { '50000': 10 }, declaredTotal: 500_000 }));
    // Once central applied 001-02's alert: its two deposits and this one make the alert here too, and the
    // rejection there answers it.
    await until(async () => a.core.db.prepare("SELECT state FROM outbox WHERE type = 'structuring_alert'").pluck().get() === 'applied', 40_000);
    const r = await b.call('approval.request', { idempotencyKey: randomUUID(), operation: { kind: 'deposit', slip: rosaSlip } });
    expect(r).toMatchObject({ ok: false, error: { code: 'STRUCTURING_REJECTED' } });
    const refused = r.ok ? '' : r.error.message;
    expect(refused).toContain('Marta Rojas rechazó');
    expect(refused).toContain('en la estación 001-02');
    expect(refused).toContain('No reciba el efectivo');
    expect(b.core.db.prepare("SELECT COUNT(*) FROM approvals WHERE status = 'pendiente'").pluck().get()).toBe(0);
  }, 150_000);

  it('an approval decided at 001-02 and posted there is listed at 001-03 with the comprobante it became', async () => {
    const a = await startStation(central, '001-02');
    const b = await startStation(central, '001-03');
    open.push(a, b);
    const id = await alertDecidedAt(a, 'aprobar', mariaSlip);
    await a.as(TELLER);
    const posted = data<{ sequence: string }>(await a.call('deposit.post', { idempotencyKey: randomUUID(), slip: mariaSlip, approvalId: id }));
    // Told in the posting's transaction, after the decision: two events for this alert.
    expect(a.core.db.prepare("SELECT COUNT(*) FROM outbox WHERE type = 'structuring_alert'").pluck().get()).toBe(2);

    await b.as(SUP);
    const seen = await until(async () => (await alertsAt(b)).alerts.find((x) => x.approvalId === id && x.usedBy !== null), 40_000);
    expect(seen).toMatchObject({ workstation: '001-02', own: false, status: 'aprobada', usedBy: posted.sequence });
  }, 150_000);

  it('without central, 001-03 lists its own alerts and says the others are missing', async () => {
    const b = await startStation(central, '001-03', false);
    open.push(b);
    await b.as(SUP);
    const list = await alertsAt(b);
    expect(list.branchWide).toBe(false);
    expect(list.notice).toContain('Central no responde: se muestran solo las alertas de esta estación');
    expect(list.alerts.every((x) => x.own)).toBe(true);
  }, 30_000);
});
