import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { data } from '../../testing/wire-data';
import { startStation, until, type Station } from '../../testing/stations';

/**
 * One close-difference request decided at the same moment at the teller's own counter (001-02) and at another
 * workstation's desk (001-03), both sent at once with no steering: central takes one decision, the other supervisor
 * hears that it lost, and both workstations journal only the winner. Two real cores, one real central process.
 */
const central = centralProcessForFile('001-02');
const open: Station[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});
const SUP = { username: 'supervisor1', password: 'Super.2026' };
type Queue = { items: { id: string }[] };

const approvalJournal = (s: Station, id: string) =>
  (s.core.db.prepare("SELECT payload FROM journal WHERE type = 'approval' ORDER BY sequence").pluck().all() as string[])
    .map((p) => JSON.parse(p) as Record<string, unknown>)
    .filter((j) => j.approvalId === id);

it.each([
  ['aprobar', 'rechazar'],
  ['aprobar', 'aprobar'],
] as const)('%s at 001-02’s counter and %s at 001-03’s desk at once: one decision, the other told, journaled once', async (atCounter, atDesk) => {
  const a = await startStation(central, '001-02');
  const b = await startStation(central, '001-03');
  open.push(a, b);
  data(await a.call('session.login', { username: 'cajero2', password: 'Caja.2026' }));
  data(await a.call('till.open', { idempotencyKey: randomUUID(), count: { '50000': 10 }, declaredTotal: 500_000 }));
  const c = data<{ closingId: string }>(await a.call('till.count', { idempotencyKey: randomUUID(), count: { '50000': 9 } }));
  const { approvalId: id } = data<{ approvalId: string }>(
    await a.call('till.requestDifferenceApproval', { closingId: c.closingId, reasonCode: 'BILLETE_FALSO', reasonText: 'Billete retenido' }),
  );
  data(await b.call('session.login', SUP));
  await until(async () => data<Queue>(await b.call('supervisor.queue')).items.some((x) => x.id === id), 20_000);

  const [counter, desk] = await Promise.all([
    a.call('supervisor.decide', { id, source: 'caja', decision: atCounter, note: 'Visto en la caja', ...SUP }),
    b.call('supervisor.decide', { id, source: 'central', decision: atDesk, note: 'Visto en el escritorio', ...SUP }),
  ]);
  expect([counter.ok, desk.ok].filter(Boolean)).toHaveLength(1);
  const lost = counter.ok ? desk : counter;
  expect(lost).toMatchObject({ ok: false, error: { code: 'APPROVAL_ALREADY_DECIDED' } });
  const decided = counter.ok ? atCounter : atDesk;
  const status = decided === 'aprobar' ? 'aprobada' : 'rechazada';

  // 001-02 ends with central's decision, journaled once (its own, or central's when the desk won).
  await until(async () => {
    await a.call('supervisor.queue');
    return a.core.db.prepare('SELECT status FROM supervised_requests WHERE id = ?').pluck().get(id) === status;
  }, 20_000);
  const atA = approvalJournal(a, id).filter((j) => j.action !== 'solicitada');
  expect(atA.map((j) => j.action)).toEqual([status]);
  expect(atA[0]).toMatchObject(counter.ok ? { note: 'Visto en la caja' } : { note: 'Visto en el escritorio', via: 'central' });
  // 001-03 journals a decision only when its desk's stood (in central's words: it decided central's request).
  expect(approvalJournal(b, id).map((j) => j.action)).toEqual(desk.ok ? [decided === 'aprobar' ? 'approved' : 'rejected'] : []);
}, 150_000);
