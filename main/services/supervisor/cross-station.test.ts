import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { createCentralClient } from '../../sync/central-client';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { data } from '../../testing/wire-data';
import { startStation, type Station } from '../../testing/stations';

/**
 * Two real workstations (001-02 and 001-03) on their own SQLite files and one real central process: a request
 * made at one is decided at the other's desk, and both agree on its fate.
 */
const central = centralProcessForFile('001-02');

const station = (id: '001-02' | '001-03'): Promise<Station> => startStation(central, id);
const open: Station[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});
const SUP = { username: 'supervisor1', password: 'Super.2026' };
type Queue = { items: { id: string; source: string; teller: string; workstation: string }[] };

/** Caja 02's arqueo is $ 50.000 short: a till-difference request, relayed to central for the branch. */
const shortAt02 = async (s: Station) => {
  data(await s.call('session.login', { username: 'cajero2', password: 'Caja.2026' }));
  data(await s.call('till.open', { idempotencyKey: randomUUID(), count: { '50000': 10 }, declaredTotal: 500_000 }));
  const c = data<{ closingId: string }>(await s.call('till.count', { idempotencyKey: randomUUID(), count: { '50000': 9 } }));
  return data<{ approvalId: string }>(await s.call('till.requestDifferenceApproval', { closingId: c.closingId, reasonCode: 'BILLETE_FALSO', reasonText: 'Billete retenido' })).approvalId;
};
const localStatus = (s: Station, id: string) => s.core.db.prepare('SELECT status FROM supervised_requests WHERE id = ?').pluck().get(id);

it('a request from 001-02 approved at 001-03’s desk is approved at 001-02 too, and leaves both desks', async () => {
  const a = await station('001-02');
  const b = await station('001-03');
  open.push(a, b);
  const id = await shortAt02(a);
  data(await b.call('session.login', SUP));
  const relayed = await (async () => {
    for (let i = 0; i < 50; i++) {
      const item = data<Queue>(await b.call('supervisor.queue')).items.find((x) => x.id === id);
      if (item) return item;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('request never reached 001-03');
  })();
  // Named by the teller's name, not by 001-02's local user id.
  expect(relayed).toMatchObject({ source: 'central', workstation: '001-02', teller: 'Luis Pérez' });
  expect(data(await b.call('supervisor.decide', { id, source: 'central', decision: 'aprobar', note: 'Revisado', ...SUP }))).toEqual({ status: 'approved' });
  expect(data<Queue>(await b.call('supervisor.queue')).items.map((x) => x.id)).not.toContain(id);

  // 001-02 takes central's decision in: its own desk drops it, and its till can close with the approved difference.
  expect(localStatus(a, id)).toBe('pendiente');
  expect(data<Queue>(await a.call('supervisor.queue')).items.map((x) => x.id)).not.toContain(id);
  expect(localStatus(a, id)).toBe('aprobada');
  const journal = JSON.parse(a.core.db.prepare("SELECT payload FROM journal WHERE type = 'approval' ORDER BY sequence DESC LIMIT 1").pluck().get() as string) as Record<string, unknown>;
  expect(journal).toMatchObject({ action: 'aprobada', approvalId: id, via: 'central' });
});

it('a request decided at its own workstation leaves the other desks too', async () => {
  const a = await station('001-02');
  const b = await station('001-03');
  open.push(a, b);
  const id = await shortAt02(a);
  data(await b.call('session.login', SUP));
  for (let i = 0; i < 50 && !data<Queue>(await b.call('supervisor.queue')).items.some((x) => x.id === id); i++) await new Promise((r) => setTimeout(r, 100));
  expect(data<Queue>(await b.call('supervisor.queue')).items.map((x) => x.id)).toContain(id);

  // The supervisor decides at 001-02 itself (the teller's workstation).
  expect(data(await a.call('supervisor.decide', { id, source: 'caja', decision: 'rechazar', note: 'Recontar con el supervisor', ...SUP }))).toEqual({ status: 'rechazada' });
  for (let i = 0; i < 50 && data<Queue>(await b.call('supervisor.queue')).items.some((x) => x.id === id); i++) await new Promise((r) => setTimeout(r, 100));
  expect(data<Queue>(await b.call('supervisor.queue')).items.map((x) => x.id)).not.toContain(id);
});

it('a request the teller’s recount made moot leaves the other desks too', async () => {
  const a = await station('001-02');
  const b = await station('001-03');
  open.push(a, b);
  const id = await shortAt02(a);
  data(await b.call('session.login', SUP));
  for (let i = 0; i < 50 && !data<Queue>(await b.call('supervisor.queue')).items.some((x) => x.id === id); i++) await new Promise((r) => setTimeout(r, 100));
  expect(data<Queue>(await b.call('supervisor.queue')).items.map((x) => x.id)).toContain(id);

  // The bill turns up: the recount squares, and nobody is left deciding the old difference (the squared count, seen
  // after the difference was shown, goes to a supervisor as a request of its own).
  expect(data(await a.call('till.count', { idempotencyKey: randomUUID(), count: { '50000': 10 } }))).toMatchObject({ next: 'aprobar', outcome: 'cuadrada', withdrewApproval: true });
  expect(localStatus(a, id)).toBe('vencida');
  for (let i = 0; i < 50 && data<Queue>(await b.call('supervisor.queue')).items.some((x) => x.id === id); i++) await new Promise((r) => setTimeout(r, 100));
  expect(data<Queue>(await b.call('supervisor.queue')).items.map((x) => x.id)).not.toContain(id);
  expect(await b.call('supervisor.decide', { id, source: 'central', decision: 'aprobar', note: 'Tarde', ...SUP })).toMatchObject({ ok: false });
});

/** 001-03's desk sees the relayed request (central has it once 001-02 published it). */
const relayedTo = async (b: Station, id: string) => {
  for (let i = 0; i < 50 && !data<Queue>(await b.call('supervisor.queue')).items.some((x) => x.id === id); i++) await new Promise((r) => setTimeout(r, 100));
  expect(data<Queue>(await b.call('supervisor.queue')).items.map((x) => x.id)).toContain(id);
};

it('the teller’s screen at 001-02, asking after its own request, learns a decision taken at 001-03’s desk: who and why', async () => {
  const a = await station('001-02');
  const b = await station('001-03');
  open.push(a, b);
  const id = await shortAt02(a);
  expect(data(await a.call('supervisor.request', { id }))).toEqual({ status: 'pendiente', checkerName: null, note: null });
  data(await b.call('session.login', SUP));
  await relayedTo(b, id);
  data(await b.call('supervisor.decide', { id, source: 'central', decision: 'aprobar', note: 'Revisado en el escritorio', ...SUP }));

  // Nothing else at 001-02 asked central (no desk open there): the teller's own question takes the decision in.
  expect(localStatus(a, id)).toBe('pendiente');
  expect(data(await a.call('supervisor.request', { id }))).toEqual({ status: 'aprobada', checkerName: 'Marta Rojas', note: 'Revisado en el escritorio' });
  expect(localStatus(a, id)).toBe('aprobada');
});

it('a rejection at 001-03’s desk read on the teller’s screen at 001-02 is told there, once', async () => {
  const a = await station('001-02');
  const b = await station('001-03');
  open.push(a, b);
  const id = await shortAt02(a);
  data(await b.call('session.login', SUP));
  await relayedTo(b, id);
  data(await b.call('supervisor.decide', { id, source: 'central', decision: 'rechazar', note: 'Recontar con el supervisor', ...SUP }));
  expect(data(await a.call('supervisor.request', { id }))).toEqual({ status: 'rechazada', checkerName: 'Marta Rojas', note: 'Recontar con el supervisor' });
  expect(a.core.db.prepare('SELECT used FROM supervised_requests WHERE id = ?').pluck().get(id)).toBe(1);
  expect(await a.call('supervisor.request', { id: 'no-such-request' })).toMatchObject({ ok: false, error: { code: 'APPROVAL_NOT_FOUND' } });
});

type Item = { id: string; source: string; amount: number | null; reasons: { code: string; message: string }[]; context: Record<string, string> };

it('001-03’s desk shows a relayed till difference as 001-02’s own desk does: every count, expected and counted, the teller’s motivo', async () => {
  const a = await station('001-02');
  const b = await station('001-03');
  open.push(a, b);
  // The QA's case: short on the first count, the recount squares, the teller explains and asks.
  data(await a.call('session.login', { username: 'cajero2', password: 'Caja.2026' }));
  data(await a.call('till.open', { idempotencyKey: randomUUID(), count: { '50000': 10 }, declaredTotal: 500_000 }));
  data(await a.call('till.count', { idempotencyKey: randomUUID(), count: { '50000': 9 } }));
  const c = data<{ closingId: string; outcome: string }>(await a.call('till.count', { idempotencyKey: randomUUID(), count: { '50000': 10 } }));
  expect(c.outcome).toBe('cuadrada');
  const { approvalId: id } = data<{ approvalId: string }>(
    await a.call('till.requestDifferenceApproval', { closingId: c.closingId, reasonCode: 'ERROR_PAGO', reasonText: 'Un billete estaba pegado a otro' }),
  );
  const atA = data<{ items: Item[] }>(await a.call('supervisor.queue')).items.find((x) => x.id === id);
  expect(atA).toMatchObject({ source: 'caja' });

  data(await b.call('session.login', SUP));
  await relayedTo(b, id);
  const atB = data<{ items: Item[] }>(await b.call('supervisor.queue')).items.find((x) => x.id === id);
  expect(atB).toMatchObject({ source: 'central', amount: atA?.amount, reasons: atA?.reasons, context: atA?.context });
  expect(atB?.context).toMatchObject({
    'Saldo esperado': '$ 500.000',
    Contado: '$ 500.000',
    'Conteo 1': expect.stringContaining('$ 450.000') as unknown,
    'Conteo 2': expect.stringContaining('$ 500.000') as unknown,
    Motivo: expect.stringContaining('Un billete estaba pegado a otro') as unknown,
  });
  expect(atB?.reasons.map((r) => r.message).join(' ')).toContain('Un billete estaba pegado a otro');
});

it('a request relayed without what its desk shows (an older workstation) is still listed, with what the kind tells', async () => {
  const b = await station('001-03');
  open.push(b);
  const id = randomUUID();
  const older = createCentralClient({ url: central.url, token: central.proc.tokens.get('001-02') ?? '' });
  data(await b.call('session.login', SUP));
  const asked = await older.call('requestApproval', { id, branch: '001', workstation: '001-02', makerId: 'cajero2', kind: 'till_difference', summary: 'Faltante de $ 50.000 en la caja 02 · Luis Pérez', amount: 50_000 });
  expect(asked.ok).toBe(true);
  await relayedTo(b, id);
  const item = data<{ items: Item[] }>(await b.call('supervisor.queue')).items.find((x) => x.id === id);
  expect(item).toMatchObject({ source: 'central', amount: 50_000, context: {}, reasons: [{ code: 'TILL_DIFFERENCE', message: expect.stringContaining('Estación 001-02') as unknown }] });
});
