import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { loadConfig } from '../../config/load';
import { createCore } from '../../compose';
import { createCentralClient, type CentralClient } from '../../sync/central-client';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { tempDir } from '../../testing/temp-core';
import { data } from '../../testing/wire-data';
import { startStation, steeredClient, until, type Station } from '../../testing/stations';

/**
 * Two real workstations (001-02 and 001-03) on their own SQLite files and one real central process: a request
 * made at one is decided at the other's desk, and both agree on its fate.
 */
const central = centralProcessForFile('001-02');

const open: Station[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});
/** Workstation `id` against the test central, closed and removed after the test. */
const station = async (id: '001-02' | '001-03'): Promise<Station> => {
  const s = await startStation(central, id);
  open.push(s);
  return s;
};
const SUP = { username: 'supervisor1', password: 'Super.2026' };
type Queue = { items: { id: string; source: string; teller: string; workstation: string }[] };

/**
 * Caja 02 opens with the 50.000 bills its last close left in it as central kept it (a test of this file closes it
 * and the close reaches central; every test starts 001-02 on an empty store), else ten: the count it is compared with.
 */
const openAt02 = async (s: Station): Promise<number> => {
  const r = await createCentralClient({ url: central.url, token: central.proc.tokens.get('001-02') ?? '' }).call('lastTillClose', { workstation: '001-02', tillCode: '02' });
  const bills = r.ok && r.data.lastClose ? (r.data.lastClose.count['50000'] ?? 0) : 10;
  const opened = await s.call('till.open', { idempotencyKey: randomUUID(), count: { '50000': bills }, declaredTotal: bills * 50_000 });
  // An earlier test closed Caja 02 today at central: its teller goes back through the supervised reopening, as at any
  // fresh store under that id (main/services/till/reinstall-same-day.test.ts).
  if (!opened.ok && opened.error.code === 'TILL_CLOSED_TODAY') {
    const { approvalId } = data<{ approvalId: string }>(await s.call('till.requestReopen', { reason: 'Estación nueva en la prueba' }));
    data(await s.call('supervisor.decide', { id: approvalId, source: 'caja', decision: 'aprobar', ...SUP }));
    data(await s.call('till.reopen', { idempotencyKey: randomUUID(), approvalId }));
  } else data(opened);
  return bills;
};
/** Caja 02's arqueo is $ 50.000 short: a till-difference request, relayed to central for the branch. */
const shortAt02 = async (s: Station) => {
  data(await s.call('session.login', { username: 'cajero2', password: 'Caja.2026' }));
  const bills = await openAt02(s);
  const c = data<{ closingId: string }>(await s.call('till.count', { idempotencyKey: randomUUID(), count: { '50000': bills - 1 } }));
  return data<{ approvalId: string }>(await s.call('till.requestDifferenceApproval', { closingId: c.closingId, reasonCode: 'BILLETE_FALSO', reasonText: 'Billete retenido' })).approvalId;
};
const localStatus = (s: Station, id: string) => s.core.db.prepare('SELECT status FROM supervised_requests WHERE id = ?').pluck().get(id);
/** 001-03's desk sees the relayed request (central has it once 001-02 published it). */
const relayedTo = async (b: Station, id: string) => {
  for (let i = 0; i < 50 && !data<Queue>(await b.call('supervisor.queue')).items.some((x) => x.id === id); i++) await new Promise((r) => setTimeout(r, 100));
  expect(data<Queue>(await b.call('supervisor.queue')).items.map((x) => x.id)).toContain(id);
};

it('a request from 001-02 approved at 001-03’s desk is approved at 001-02 too, and leaves both desks', async () => {
  const a = await station('001-02');
  const b = await station('001-03');
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
  const id = await shortAt02(a);
  data(await b.call('session.login', SUP));
  await relayedTo(b, id);

  // The supervisor decides at 001-02 itself (the teller's workstation).
  expect(data(await a.call('supervisor.decide', { id, source: 'caja', decision: 'rechazar', note: 'Recontar con el supervisor', ...SUP }))).toEqual({ status: 'rechazada' });
  for (let i = 0; i < 50 && data<Queue>(await b.call('supervisor.queue')).items.some((x) => x.id === id); i++) await new Promise((r) => setTimeout(r, 100));
  expect(data<Queue>(await b.call('supervisor.queue')).items.map((x) => x.id)).not.toContain(id);
});

it('a request the teller’s recount made moot leaves the other desks too', async () => {
  const a = await station('001-02');
  const b = await station('001-03');
  const id = await shortAt02(a);
  data(await b.call('session.login', SUP));
  await relayedTo(b, id);

  // The bill turns up: the recount squares, and nobody is left deciding the old difference (the squared count, seen
  // after the difference was shown, goes to a supervisor as a request of its own).
  expect(data(await a.call('till.count', { idempotencyKey: randomUUID(), count: { '50000': 10 } }))).toMatchObject({ next: 'aprobar', outcome: 'cuadrada', withdrewApproval: true });
  expect(localStatus(a, id)).toBe('vencida');
  for (let i = 0; i < 50 && data<Queue>(await b.call('supervisor.queue')).items.some((x) => x.id === id); i++) await new Promise((r) => setTimeout(r, 100));
  expect(data<Queue>(await b.call('supervisor.queue')).items.map((x) => x.id)).not.toContain(id);
  expect(await b.call('supervisor.decide', { id, source: 'central', decision: 'aprobar', note: 'Tarde', ...SUP })).toMatchObject({ ok: false });
});

it('the teller’s screen at 001-02, asking after its own request, learns a decision taken at 001-03’s desk: who and why', async () => {
  const a = await station('001-02');
  const b = await station('001-03');
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
  const id = await shortAt02(a);
  data(await b.call('session.login', SUP));
  await relayedTo(b, id);
  data(await b.call('supervisor.decide', { id, source: 'central', decision: 'rechazar', note: 'Recontar con el supervisor', ...SUP }));
  expect(data(await a.call('supervisor.request', { id }))).toEqual({ status: 'rechazada', checkerName: 'Marta Rojas', note: 'Recontar con el supervisor' });
  expect(a.core.db.prepare('SELECT used FROM supervised_requests WHERE id = ?').pluck().get(id)).toBe(1);
  expect(await a.call('supervisor.request', { id: 'no-such-request' })).toMatchObject({ ok: false, error: { code: 'APPROVAL_NOT_FOUND' } });
});

/**
 * Workstation 001-02 on its own SQLite file in `dir`, its services reaching central through `client` only; with `link`,
 * also its sync loop, as the hosts wire it.
 */
const coreThrough = (dir: string, client: Pick<CentralClient, 'call'>, link?: { url: string; token: string }) =>
  createCore({
    config: loadConfig({}, { dataDir: dir, workstation: { id: '001-02', tillCode: '02' } }),
    clock: { now: () => new Date() },
    ids: { uuid: () => randomUUID() },
    log: () => undefined,
    // Without `link` no sync loop: the till feature would reach central through the loop's own client, not through `client`.
    centralClient: client,
    ...(link ? { central: link } : {}),
  });
/**
 * Runs `fn` with 001-02 on its own SQLite file (`coreThrough`), closed and removed after. Its `reopen` restarts it on
 * the same file as the hosts wire it, with central back: the sync loop and the services on 001-02's own link.
 */
const at02Through = async (dirPrefix: string, client: Pick<CentralClient, 'call'>, fn: (a: Station) => Promise<void>): Promise<void> => {
  const dir = tempDir(dirPrefix);
  let core = await coreThrough(dir.dir, client);
  const a = {
    get core() {
      return core;
    },
    call: (c: string, p: unknown = {}) => core.dispatch(c, p),
    reopen: async () => {
      core.close();
      const link = { url: central.url, token: central.proc.tokens.get('001-02') ?? '' };
      core = await coreThrough(dir.dir, createCentralClient(link), link);
    },
  };
  try {
    await fn(a as unknown as Station);
  } finally {
    core.close();
    dir.remove();
  }
};
const approvalJournal = (s: Station, id: string) =>
  (s.core.db.prepare("SELECT payload FROM journal WHERE type = 'approval' ORDER BY sequence").pluck().all() as string[])
    .map((p) => JSON.parse(p) as Record<string, unknown>)
    .filter((j) => j.approvalId === id);

it('rejected at 001-03’s desk while the supervisor approves at 001-02’s counter: central’s first decision stands, the counter is told who, and the till does not close', async () => {
  const b = await station('001-03');
  data(await b.call('session.login', SUP));
  // Armed just before the counter decides: the desk's rejection reaches central once the counter has read it pending.
  let deskDecidesNow = false;
  const { real, client } = steeredClient(central, '001-02', async (route, req, call) => {
    const r = await call();
    if (route === 'getApproval' && deskDecidesNow) {
      deskDecidesNow = false;
      data(await b.call('supervisor.decide', { id: req.id, source: 'central', decision: 'rechazar', note: 'Recontar con el supervisor', ...SUP }));
    }
    return r;
  });
  await at02Through('caja-request-race-', client, async (a) => {
    const id = await shortAt02(a);
    await relayedTo(b, id);

    // The supervisor types over the teller's shoulder at 001-02 (the teller signed in) as the desk at 001-03 rejects.
    deskDecidesNow = true;
    const counter = await a.call('supervisor.decide', { id, source: 'caja', decision: 'aprobar', note: 'Billete retenido, visto', ...SUP });
    expect(deskDecidesNow).toBe(false);
    expect(counter).toMatchObject({ ok: false, error: { code: 'APPROVAL_ALREADY_DECIDED' } });
    expect(counter.ok ? '' : counter.error.message).toBe('Marta Rojas ya la rechazó desde el escritorio de otra estación: Recontar con el supervisor. No se decide de nuevo.');
    // Both workstations and central agree: rejected, once, journaled at 001-02 as central's; the till stays open.
    expect(localStatus(a, id)).toBe('rechazada');
    expect(await real.call('getApproval', { id })).toMatchObject({ ok: true, data: { approval: { state: 'rejected', decision: { workstation: '001-03' } } } });
    const journal = approvalJournal(a, id);
    expect(journal.map((j) => j.action)).toEqual(['solicitada', 'rechazada']);
    expect(journal.at(-1)).toMatchObject({ via: 'central', note: 'Recontar con el supervisor' });
    // The teller read the rejection in the counter's answer: Inicio does not tell it again.
    expect(a.core.db.prepare('SELECT used FROM supervised_requests WHERE id = ?').pluck().get(id)).toBe(1);
    const closingId = a.core.db.prepare('SELECT id FROM till_closings ORDER BY rowid DESC LIMIT 1').pluck().get();
    expect(await a.call('till.close', { idempotencyKey: randomUUID(), closingId })).toMatchObject({ ok: false });
    expect(data<{ till: { state: string } | null }>(await a.call('till.current')).till).toMatchObject({ state: 'abierta' });
  });
}, 120_000);

it('the same supervisor approves at 001-02’s counter and at 001-03’s desk at once: the desk that lost journals nothing as its own and says who decided where', async () => {
  const a = await station('001-02');
  const b = await station('001-03');
  const id = await shortAt02(a);
  data(await b.call('session.login', SUP));
  await relayedTo(b, id);
  // The counter's decision reaches central first; the desk's, identical (same supervisor, same note), right after.
  expect(data(await a.call('supervisor.decide', { id, source: 'caja', decision: 'aprobar', note: 'Billete retenido, visto', ...SUP }))).toEqual({ status: 'aprobada' });
  const desk = await b.call('supervisor.decide', { id, source: 'central', decision: 'aprobar', note: 'Billete retenido, visto', ...SUP });
  expect(desk).toMatchObject({ ok: false, error: { code: 'APPROVAL_ALREADY_DECIDED' } });
  expect(desk.ok ? '' : desk.error.message).toBe('Marta Rojas ya la aprobó en la estación 001-02: Billete retenido, visto. No se decide de nuevo.');
  expect(approvalJournal(b, id)).toEqual([]);
}, 120_000);

it('approved at 001-02’s counter while its teller’s screen asks after it: the counter’s own decision, accepted by central, is not taken in as a desk’s', async () => {
  let a: Station | null = null;
  let polled: unknown = null;
  const { real, client } = steeredClient(central, '001-02', async (route, req, call) => {
    const r = await call();
    // Central holds the counter's decision, not yet saved at 001-02: the teller's screen polls right then.
    if (route === 'decideApproval' && a) polled = data(await a.call('supervisor.request', { id: req.id }));
    return r;
  });
  await at02Through('caja-request-own-', client, async (s) => {
    a = s;
    const id = await shortAt02(a);
    await until(async () => (await real.call('getApproval', { id })).ok);
    expect(data(await a.call('supervisor.decide', { id, source: 'caja', decision: 'aprobar', note: 'Billete retenido, visto', ...SUP }))).toEqual({ status: 'aprobada' });
    expect(polled).toEqual({ status: 'pendiente', checkerName: null, note: null });
    // Saved and journaled once, as this workstation's decision.
    const journal = approvalJournal(a, id);
    expect(journal.map((j) => j.action)).toEqual(['solicitada', 'aprobada']);
    expect(journal.at(-1)).not.toHaveProperty('via');
    expect(await real.call('getApproval', { id })).toMatchObject({ ok: true, data: { approval: { state: 'approved', decision: { workstation: '001-02' } } } });
  });
}, 120_000);

it('central does not answer the counter’s decision: 001-02 decides by itself, as without central', async () => {
  const { client } = steeredClient(central, '001-02', async (route, _req, call) => {
    if (route === 'decideApproval') throw new Error('ECONNRESET');
    return call();
  });
  await at02Through('caja-request-alone-', client, async (a) => {
    const id = await shortAt02(a);
    expect(data(await a.call('supervisor.decide', { id, source: 'caja', decision: 'aprobar', ...SUP }))).toEqual({ status: 'aprobada' });
    expect(approvalJournal(a, id).map((j) => j.action)).toEqual(['solicitada', 'aprobada']);
    const closingId = a.core.db.prepare('SELECT id FROM till_closings ORDER BY rowid DESC LIMIT 1').pluck().get();
    expect(await a.call('till.close', { idempotencyKey: randomUUID(), closingId })).toMatchObject({ ok: true });
  });
}, 120_000);

type Item = { id: string; source: string; amount: number | null; reasons: { code: string; message: string }[]; context: Record<string, string> };

it('001-03’s desk shows a relayed till difference as 001-02’s own desk does: every count, expected and counted, the teller’s motivo', async () => {
  const a = await station('001-02');
  const b = await station('001-03');
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
  const id = randomUUID();
  const older = createCentralClient({ url: central.url, token: central.proc.tokens.get('001-02') ?? '' });
  data(await b.call('session.login', SUP));
  const asked = await older.call('requestApproval', { id, branch: '001', workstation: '001-02', makerId: 'cajero2', kind: 'till_difference', summary: 'Faltante de $ 50.000 en la caja 02 · Luis Pérez', amount: 50_000 });
  expect(asked.ok).toBe(true);
  await relayedTo(b, id);
  const item = data<{ items: Item[] }>(await b.call('supervisor.queue')).items.find((x) => x.id === id);
  expect(item).toMatchObject({ source: 'central', amount: 50_000, context: {}, reasons: [{ code: 'TILL_DIFFERENCE', message: expect.stringContaining('Estación 001-02') as unknown }] });
});

/** Central's copy of a request once it is closed there (decided or lapsed), through 001-02's own link. */
const closedAtCentral = (real: CentralClient, id: string) =>
  until(async () => {
    const r = await real.call('getApproval', { id });
    return r.ok && r.data.approval.state !== 'pending' ? r.data.approval : undefined;
  }, 10_000);
const listedAt = async (b: Station, id: string) => data<Queue>(await b.call('supervisor.queue')).items.some((x) => x.id === id);
/**
 * A relay held on its way to central until `open` is called or, once `start` was called, `ms` later at the latest:
 * a counter that waits for its relay before deciding gets it then; one that does not has told central long before.
 */
const heldRelay = (ms = 5000) => {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((r) => {
    open = r;
  });
  return { gate, open: () => open(), start: () => void setTimeout(() => open(), ms) };
};

it('approved at 001-02’s counter while its relay is still on its way to central: central gets it approved, and 001-03’s desk never lists it', async () => {
  const b = await station('001-03');
  data(await b.call('session.login', SUP));
  const held = heldRelay();
  let decides = 0;
  const { real, client } = steeredClient(central, '001-02', async (route, _req, call) => {
    if (route === 'requestApproval') {
      await held.gate;
      return call();
    }
    const r = await call();
    // The relay lands only after the counter told central of its decision (refused there: not relayed yet).
    if (route === 'decideApproval' && ++decides === 2) held.open();
    return r;
  });
  await at02Through('caja-request-inflight-', client, async (a) => {
    const id = await shortAt02(a);
    held.start();
    expect(data(await a.call('supervisor.decide', { id, source: 'caja', decision: 'aprobar', note: 'Billete retenido, visto', ...SUP }))).toEqual({ status: 'aprobada' });
    const there = await closedAtCentral(real, id);
    expect(there).toMatchObject({ state: 'approved', decision: { workstation: '001-02', supervisorId: 'supervisor1' } });
    expect(await listedAt(b, id)).toBe(false);
    expect(await b.call('supervisor.decide', { id, source: 'central', decision: 'rechazar', note: 'Otra decisión', ...SUP })).toMatchObject({ ok: false, error: { code: 'APPROVAL_ALREADY_DECIDED' } });
    expect(approvalJournal(a, id).map((j) => j.action)).toEqual(['solicitada', 'aprobada']);
  });
}, 120_000);

it('withdrawn by 001-02’s recount while its relay is still on its way to central: 001-03’s desk never lists it', async () => {
  const b = await station('001-03');
  data(await b.call('session.login', SUP));
  const held = heldRelay();
  const { real, client } = steeredClient(central, '001-02', async (route, _req, call) => {
    if (route === 'requestApproval') {
      await held.gate;
      return call();
    }
    const r = await call();
    // The relay lands only after the recount told central to withdraw it (refused there: not relayed yet).
    if (route === 'withdrawApproval') held.open();
    return r;
  });
  await at02Through('caja-request-inflight-withdrawn-', client, async (a) => {
    const id = await shortAt02(a);
    held.start();
    expect(data(await a.call('till.count', { idempotencyKey: randomUUID(), count: { '50000': 10 } }))).toMatchObject({ withdrewApproval: true });
    const there = await closedAtCentral(real, id);
    expect(there?.state).toBe('withdrawn');
    expect(await listedAt(b, id)).toBe(false);
  });
}, 120_000);

it('asked and approved at 001-02 while central is down: after a restart with central back, central gets it already approved, once, and 001-03’s desk never lists it', async () => {
  const b = await station('001-03');
  data(await b.call('session.login', SUP));
  // Central answered the morning's opening (its last close of Caja 02) and was down from then on.
  const { real, client } = steeredClient(central, '001-02', (route, _req, call) => (route === 'lastTillClose' ? call() : Promise.reject(new Error('ECONNREFUSED'))));
  await at02Through('caja-request-down-', client, async (a) => {
    const id = await shortAt02(a);
    expect(data(await a.call('supervisor.decide', { id, source: 'caja', decision: 'aprobar', note: 'Billete retenido, visto', ...SUP }))).toEqual({ status: 'aprobada' });
    // Central is back: the workstation restarts with its sync loop and its services reaching it.
    await a.reopen();
    const there = await closedAtCentral(real, id);
    expect(there).toMatchObject({ state: 'approved', decision: { workstation: '001-02', supervisorId: 'supervisor1', reason: 'Billete retenido, visto' } });
    expect(await listedAt(b, id)).toBe(false);
    data(await a.call('session.login', { username: 'cajero2', password: 'Caja.2026' }));
    expect(data(await a.call('supervisor.request', { id }))).toMatchObject({ status: 'aprobada', checkerName: 'Marta Rojas' });
    expect(approvalJournal(a, id).map((j) => j.action)).toEqual(['solicitada', 'aprobada']);
    const closingId = a.core.db.prepare('SELECT id FROM till_closings ORDER BY rowid DESC LIMIT 1').pluck().get();
    expect(await a.call('till.close', { idempotencyKey: randomUUID(), closingId })).toMatchObject({ ok: true });
  });
}, 120_000);

it('a till difference asked at 001-02 while central is down is relayed once central is back, while it stays pending: 001-03’s desk lists it and decides it', async () => {
  const a = await station('001-02');
  const b = await station('001-03');
  open.push(a, b);
  data(await a.call('session.login', { username: 'cajero2', password: 'Caja.2026' }));
  const bills = await openAt02(a);
  await central.kill();
  let id = '';
  try {
    const c = data<{ closingId: string }>(await a.call('till.count', { idempotencyKey: randomUUID(), count: { '50000': bills - 1 } }));
    id = data<{ approvalId: string }>(await a.call('till.requestDifferenceApproval', { closingId: c.closingId, reasonCode: 'BILLETE_FALSO', reasonText: 'Billete retenido' })).approvalId;
    // The relay of the request itself found central down.
    expect(data(await a.call('supervisor.request', { id }))).toMatchObject({ status: 'pendiente' });
  } finally {
    await central.restart();
  }
  data(await b.call('session.login', SUP));
  // Central is back: 001-02 asks after its request (its desk's poll, the teller's screen) and relays it then.
  await until(async () => {
    await a.call('supervisor.request', { id });
    return (await listedAt(b, id)) || undefined;
  }, 20_000);
  expect(data(await b.call('supervisor.decide', { id, source: 'central', decision: 'aprobar', note: 'Revisado', ...SUP }))).toEqual({ status: 'approved' });
  expect(data(await a.call('supervisor.request', { id }))).toMatchObject({ status: 'aprobada', checkerName: 'Marta Rojas' });
  expect(localStatus(a, id)).toBe('aprobada');
}, 120_000);

it('a reactivation asked at 001-02 and rejected at 001-03’s desk is told on Inicio at 001-02, who and why, until shown; journaled once', async () => {
  const a = await station('001-02');
  const b = await station('001-03');
  open.push(a, b);
  data(await a.call('session.login', { username: 'cajero2', password: 'Caja.2026' }));
  const id = data<{ approvalId: string }>(await a.call('reactivation.request', { request: { accountNumber: '240000000052', presenters: [{ type: 'CC', number: '900000004' }] } })).approvalId;
  data(await b.call('session.login', SUP));
  await relayedTo(b, id);
  data(await b.call('supervisor.decide', { id, source: 'central', decision: 'rechazar', note: 'Cédula ilegible: pida otro documento', ...SUP }));

  type Rejected = { reactivations: { id: string; summary: string; rejectedBy: string; note: string | null }[] };
  const listed = await until(async () => {
    const r = data<Rejected>(await a.call('reactivation.rejections'));
    return r.reactivations.length > 0 ? r.reactivations : undefined;
  }, 20_000);
  expect(listed).toEqual([{ id, summary: expect.stringContaining('Reactivación de la cuenta') as unknown, rejectedBy: 'Marta Rojas', note: 'Cédula ilegible: pida otro documento' }]);
  // Listed again until Inicio says it showed it; then told, once.
  expect(data<Rejected>(await a.call('reactivation.rejections')).reactivations.map((r) => r.id)).toEqual([id]);
  expect(data(await a.call('reactivation.rejectionsShown', { ids: [id] }))).toEqual({ told: 1 });
  expect(data(await a.call('reactivation.rejectionsShown', { ids: [id] }))).toEqual({ told: 0 });
  expect(data<Rejected>(await a.call('reactivation.rejections')).reactivations).toEqual([]);
  const entries = a.core.db.prepare("SELECT payload FROM journal WHERE type = 'approval'").pluck().all().map((p) => JSON.parse(p as string) as { approvalId?: string; action?: string });
  expect(entries.filter((e) => e.approvalId === id).map((e) => e.action)).toEqual(['solicitada', 'rechazada']);
}, 120_000);
