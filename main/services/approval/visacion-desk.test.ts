import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { shortApprovalId } from '../../../domain/approval/request';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { data } from '../../testing/wire-data';
import { startStation, steeredClient, until, type Station } from '../../testing/stations';
import { tempDir } from '../../testing/temp-core';
import { loadConfig } from '../../config/load';
import { createCore } from '../../compose';
import { createCentralClient, type CentralClient } from '../../sync/central-client';
import { COUNT } from '../comprobante/testing/world';

/**
 * A withdrawal's visación asked at workstation 001-02 and decided by a supervisor at 001-03's desk, through central:
 * the teller's screen learns the decision and posts as after an approval over the shoulder; the maker cannot decide
 * it at another desk; without central the teller's workstation decides it as before. Two real cores on their own
 * SQLite files, one real central process.
 */
const central = centralProcessForFile('001-02');

const SUP = { username: 'supervisor1', password: 'Super.2026' };
const TELLER = { username: 'cajero1', password: 'Caja.2026' };
// Demo account of Juan (central/demo/seed.ts), who withdraws himself: above the $ 5.000.000 of visación.
const request = { accountNumber: '240000000029', amount: 6_000_000, presenters: [{ type: 'CC', number: '900000002' }], payout: { kind: 'efectivo' } };
interface View {
  id: string;
  status: string;
  checkerName?: string;
  note?: string;
}
interface Item {
  id: string;
  source: string;
  kind: string;
  summary: string;
  amount: number | null;
  teller: string;
  workstation: string;
  reasons: { code: string }[];
}

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
const stations = async () => ({ a: await station('001-02'), b: await station('001-03') });

/** `who` opens the till at `s` and asks for the visación once the account arrived from central. */
const askVisacion = async (s: Station, who = TELLER): Promise<string> => {
  await s.as(who);
  const total = Object.entries(COUNT).reduce((t, [d, n]) => t + Number(d) * n, 0);
  data(await s.call('till.open', { idempotencyKey: randomUUID(), count: COUNT, declaredTotal: total }));
  await until(async () => (await s.call('withdrawal.evaluate', { request })).ok, 40_000);
  return data<{ approval: View }>(await s.call('approval.request', { idempotencyKey: randomUUID(), operation: { kind: 'withdrawal', request } })).approval.id;
};
const queueAt = async (s: Station) => data<{ items: Item[] }>(await s.call('supervisor.queue')).items;
const relayedTo = (s: Station, id: string) => until(async () => (await queueAt(s)).find((x) => x.id === id), 20_000);
const approvalAt = async (s: Station, id: string) => data<{ approval: View }>(await s.call('approval.get', { approvalId: id })).approval;
const journal = (s: Station) =>
  (s.core.db.prepare("SELECT actor, payload FROM journal WHERE type = 'approval' ORDER BY sequence").all() as { actor: string; payload: string }[]).map((j): Record<string, unknown> => ({
    actor: j.actor,
    ...(JSON.parse(j.payload) as Record<string, unknown>),
  }));
/** Workstation 001-02 on its own SQLite file in `dir`, reaching central through `client`. */
const coreWith = (dir: string, client: Pick<CentralClient, 'call'>) =>
  createCore({
    config: loadConfig({}, { dataDir: dir, workstation: { id: '001-02', tillCode: '02' } }),
    clock: { now: () => new Date() },
    ids: { uuid: () => randomUUID() },
    log: () => undefined,
    centralClient: client,
    central: { url: central.url, token: central.proc.tokens.get('001-02') ?? '' },
  });
/** Runs `fn` with 001-02 on its own SQLite file (`coreWith`), closed and removed after. */
const at02Through = async (dirPrefix: string, client: Pick<CentralClient, 'call'>, fn: (a: Station) => Promise<void>): Promise<void> => {
  const dir = tempDir(dirPrefix);
  const core = await coreWith(dir.dir, client);
  const call = (c: string, p: unknown = {}) => core.dispatch(c, p);
  try {
    const as = async (user: { username: string; password: string }) => {
      await call('session.logout');
      data(await call('session.login', user));
    };
    await fn({ core, call, as } as unknown as Station);
  } finally {
    core.close();
    dir.remove();
  }
};
const userId = (s: Station, username: string) => s.core.db.prepare('SELECT id FROM users WHERE username = ?').pluck().get(username);

describe('a withdrawal’s visación decided at another workstation’s desk', () => {
  it('approved at 001-03’s desk: the teller at 001-02 learns it and posts once, with the approval on the receipt', async () => {
    const { a, b } = await stations();
    const id = await askVisacion(a);
    await b.as(SUP);
    // Who asked, the account masked, the amount and the reason, from the other workstation.
    expect(await relayedTo(b, id)).toMatchObject({
      source: 'central',
      kind: 'withdrawal_visacion',
      teller: 'Ana Gómez',
      workstation: '001-02',
      amount: 6_000_000,
      // As the asking workstation worded it, not just what the kind tells.
      reasons: [{ code: 'VISACION', message: 'Retiro o traslado por ventanilla que requiere visación del supervisor. Valor $ 6.000.000; se visa por encima de $ 5.000.000.' }],
    });
    expect((await relayedTo(b, id)).summary).toContain('****0029');
    expect(data(await b.call('supervisor.decide', { id, source: 'central', decision: 'aprobar', note: 'Firma verificada', ...SUP }))).toEqual({ status: 'approved' });
    expect(journal(b).at(-1)).toMatchObject({ actor: userId(b, 'supervisor1'), action: 'approved', approvalId: id, via: 'central', workstation: '001-02' });

    // Decided at the desk: not decided again over the teller's shoulder, even before the teller's screen asked.
    const again = await a.call('approval.decide', { approvalId: id, decision: 'rechazar', note: 'Otra vez', ...SUP });
    expect(again).toMatchObject({ ok: false, error: { code: 'APPROVAL_ALREADY_DECIDED' } });
    expect(again.ok ? '' : again.error.message).toContain('Marta Rojas ya la aprobó desde el escritorio de otra estación');
    // The teller's approval step finds it approved by Marta Rojas, journaled at 001-02 under her.
    expect(await approvalAt(a, id)).toMatchObject({ status: 'aprobada', checkerName: 'Marta Rojas', note: 'Firma verificada' });
    expect(journal(a).filter((j) => j.approvalId === id).map((j) => j.action)).toEqual(['solicitada', 'aprobada']);
    expect(journal(a).at(-1)).toMatchObject({ actor: userId(a, 'supervisor1'), action: 'aprobada', approvalId: id, via: 'central', workstation: '001-03' });

    const posted = await a.call('withdrawal.post', { idempotencyKey: randomUUID(), request, approvalId: id });
    expect(posted).toMatchObject({ ok: true, data: { status: 'posted' } });
    expect(posted.ok && (posted.data as { receipt: { lines: unknown[] } }).receipt.lines).toContainEqual({ kind: 'field', label: 'Autorización', value: shortApprovalId(id) });
    expect(await a.call('withdrawal.post', { idempotencyKey: randomUUID(), request, approvalId: id })).toMatchObject({ ok: false, error: { code: 'APPROVAL_ALREADY_USED' } });
    expect(a.core.db.prepare("SELECT COUNT(*) FROM journal WHERE type = 'comprobante' AND json_extract(payload, '$.approvalId') = ?").pluck().get(id)).toBe(1);
    expect((await queueAt(a)).map((x) => x.id)).not.toContain(id);
  }, 120_000);

  it('rejected at 001-03’s desk: the teller reads who rejected it and why, and cannot post it', async () => {
    const { a, b } = await stations();
    const id = await askVisacion(a);
    await b.as(SUP);
    await relayedTo(b, id);
    expect(data(await b.call('supervisor.decide', { id, source: 'central', decision: 'rechazar', note: 'Firma no coincide con la tarjeta', ...SUP }))).toEqual({ status: 'rejected' });
    // The desk at 001-02 takes it in too, even with nobody waiting on the teller's screen.
    expect((await queueAt(a)).map((x) => x.id)).not.toContain(id);
    expect(await approvalAt(a, id)).toMatchObject({ status: 'rechazada', checkerName: 'Marta Rojas', note: 'Firma no coincide con la tarjeta' });
    expect(journal(a).at(-1)).toMatchObject({ action: 'rechazada', approvalId: id, via: 'central', note: 'Firma no coincide con la tarjeta' });
    expect(await a.call('withdrawal.post', { idempotencyKey: randomUUID(), request, approvalId: id })).toMatchObject({ ok: false, error: { code: 'APPROVAL_NOT_APPROVED' } });
  }, 120_000);

  it('the maker cannot decide it at another desk, told by user name: cajero1, a supervisor at 001-03, is refused there', async () => {
    const { a, b } = await stations();
    const id = await askVisacion(a);
    // Users are kept per workstation (their ids differ): the same person may hold another role at the desk's.
    b.core.db.prepare("UPDATE users SET role = 'supervisor' WHERE username = 'cajero1'").run();
    await b.as(SUP);
    await relayedTo(b, id);
    expect(await b.call('supervisor.decide', { id, source: 'central', decision: 'aprobar', note: 'Propia', ...TELLER })).toMatchObject({ ok: false, error: { code: 'MAKER_IS_CHECKER' } });
    expect(journal(b).at(-1)).toMatchObject({ actor: userId(b, 'cajero1'), action: 'autorizacion_rehusada', code: 'MAKER_IS_CHECKER' });
    expect(await approvalAt(a, id)).toMatchObject({ status: 'pendiente' });
  }, 120_000);

  it('the teller’s workstation does not take central’s word for maker ≠ checker, nor for a checker it knows as a teller', async () => {
    // Central refuses both; this one answers as if it had not: the maker, then another teller, approved it.
    let forged = 'cajero1';
    const { real, client } = steeredClient(central, '001-02', async (route, _req, call) => {
      const r = (await call()) as { ok: boolean; data?: { approval: Record<string, unknown> } };
      if (route !== 'getApproval' || !r.ok || !r.data) return r;
      const decision = { supervisorId: forged, workstation: '001-03', reason: 'Aprobado', decidedAt: new Date().toISOString() };
      return { ok: true, data: { approval: { ...r.data.approval, state: 'approved', decision } } };
    });
    await at02Through('caja-visacion-', client, async (s) => {
      const id = await askVisacion(s);
      await until(async () => (await real.call('getApproval', { id })).ok, 20_000);
      expect(await approvalAt(s, id)).toMatchObject({ status: 'pendiente' });
      forged = 'cajero2';
      expect(await approvalAt(s, id)).toMatchObject({ status: 'pendiente' });
      forged = 'supervisor1';
      expect(await approvalAt(s, id)).toMatchObject({ status: 'aprobada', checkerName: 'Marta Rojas' });
    });
  }, 120_000);

  it('decided over the teller’s shoulder at 001-02, or taken back there: it leaves 001-03’s desk, which cannot decide it', async () => {
    const { a, b } = await stations();
    const id = await askVisacion(a);
    await b.as(SUP);
    await relayedTo(b, id);
    expect(data<{ approval: View }>(await a.call('approval.decide', { approvalId: id, decision: 'aprobar', note: 'Cliente conocido', ...SUP })).approval.status).toBe('aprobada');
    await until(async () => !(await queueAt(b)).some((x) => x.id === id), 20_000);
    const late = await b.call('supervisor.decide', { id, source: 'central', decision: 'rechazar', note: 'Tarde', ...SUP });
    expect(late).toMatchObject({ ok: false, error: { code: 'APPROVAL_ALREADY_DECIDED' } });
    // The desk's supervisor reads whose decision stands, and where it was taken.
    expect(late.ok ? '' : late.error.message).toBe('Marta Rojas ya la aprobó en la estación 001-02: Cliente conocido. No se decide de nuevo.');

    const other = data<{ approval: View }>(await a.call('approval.request', { idempotencyKey: randomUUID(), operation: { kind: 'withdrawal', request: { ...request, amount: 5_500_000 } } })).approval.id;
    await relayedTo(b, other);
    data(await a.call('approval.withdraw', { approvalId: other }));
    await until(async () => !(await queueAt(b)).some((x) => x.id === other), 20_000);
  }, 120_000);

  it('rejected at 001-03’s desk right after the counter at 001-02 looked: central’s first decision stands, the counter is told who, and nothing posts', async () => {
    const b = await station('001-03');
    await b.as(SUP);
    // Armed just before the counter decides: the desk's rejection reaches central once the counter has read it pending.
    let deskDecidesNow = false;
    const { real, client } = steeredClient(central, '001-02', async (route, req, call) => {
      const r = await call();
      if (route === 'getApproval' && deskDecidesNow) {
        deskDecidesNow = false;
        data(await b.call('supervisor.decide', { id: req.id, source: 'central', decision: 'rechazar', note: 'Firma no coincide con la tarjeta', ...SUP }));
      }
      return r;
    });
    await at02Through('caja-visacion-race-', client, async (a) => {
      const id = await askVisacion(a);
      await relayedTo(b, id);

      deskDecidesNow = true;
      const counter = await a.call('approval.decide', { approvalId: id, decision: 'aprobar', note: 'Cliente conocido', ...SUP });
      expect(deskDecidesNow).toBe(false);
      expect(counter).toMatchObject({ ok: false, error: { code: 'APPROVAL_ALREADY_DECIDED' } });
      expect(counter.ok ? '' : counter.error.message).toBe('Marta Rojas ya la rechazó desde el escritorio de otra estación: Firma no coincide con la tarjeta. No se decide de nuevo.');
      // Both workstations and central agree: rejected, once, and the withdrawal does not post.
      expect(await approvalAt(a, id)).toMatchObject({ status: 'rechazada', note: 'Firma no coincide con la tarjeta' });
      expect(await real.call('getApproval', { id })).toMatchObject({ ok: true, data: { approval: { state: 'rejected', decision: { workstation: '001-03' } } } });
      expect(journal(a).filter((j) => j.approvalId === id).map((j) => j.action)).toEqual(['solicitada', 'rechazada']);
      expect(await a.call('withdrawal.post', { idempotencyKey: randomUUID(), request, approvalId: id })).toMatchObject({ ok: false, error: { code: 'APPROVAL_NOT_APPROVED' } });
    });
  }, 120_000);

  it('a transfer’s visación goes to the desks too: approved at 001-03, the teller at 001-02 posts the transfer with it', async () => {
    const { a, b } = await stations();
    await a.as(TELLER);
    const total = Object.entries(COUNT).reduce((t, [d, n]) => t + Number(d) * n, 0);
    data(await a.call('till.open', { idempotencyKey: randomUUID(), count: COUNT, declaredTotal: total }));
    // From Juan and Rosa's conjunta (both present): Juan's own account keeps its balance for the withdrawals here.
    const transfer = { fromAccountNumber: '240000000045', toAccountNumber: '240000000011', amount: 6_000_000, presenters: [{ type: 'CC', number: '900000002' }, { type: 'CC', number: '900000005' }] };
    await until(async () => (await a.call('transfer.evaluate', { request: transfer })).ok, 40_000);
    const id = data<{ approval: View }>(await a.call('approval.request', { idempotencyKey: randomUUID(), operation: { kind: 'transfer', request: transfer } })).approval.id;
    await b.as(SUP);
    const item = await relayedTo(b, id);
    // Central relays it as a transfer's visación, not as a withdrawal's.
    expect(item).toMatchObject({ source: 'central', kind: 'transfer_visacion', teller: 'Ana Gómez', workstation: '001-02', amount: 6_000_000, reasons: [{ code: 'VISACION' }] });
    expect(item.summary).toMatch(/^Traslado \$ 6\.000\.000 desde la cuenta \*+0045/);
    // The desk's supervisor does not see the teller's screen: the destination is in what central relays (QA s37 Q2).
    expect(item.summary).toContain('a la cuenta ****0011 (MARÍA FERNANDA GÓMEZ PATIÑO)');
    // The maker is no checker at another desk either.
    b.core.db.prepare("UPDATE users SET role = 'supervisor' WHERE username = 'cajero1'").run();
    expect(await b.call('supervisor.decide', { id, source: 'central', decision: 'aprobar', note: 'Propia', ...TELLER })).toMatchObject({ ok: false, error: { code: 'MAKER_IS_CHECKER' } });
    expect(data(await b.call('supervisor.decide', { id, source: 'central', decision: 'aprobar', note: 'Firma verificada', ...SUP }))).toEqual({ status: 'approved' });
    // The desk at 001-02 takes it in too, before the teller's screen asks: it leaves that queue as a withdrawal's does.
    expect((await queueAt(a)).map((x) => x.id)).not.toContain(id);
    expect(await approvalAt(a, id)).toMatchObject({ status: 'aprobada', checkerName: 'Marta Rojas', note: 'Firma verificada' });
    const posted = await a.call('transfer.post', { idempotencyKey: randomUUID(), request: transfer, approvalId: id });
    expect(posted).toMatchObject({ ok: true, data: { status: 'posted' } });
    expect(posted.ok && (posted.data as { receipt: { lines: unknown[] } }).receipt.lines).toContainEqual({ kind: 'field', label: 'Autorización', value: shortApprovalId(id) });
  }, 120_000);

  it('with central down, the visación is asked and decided at the teller’s workstation as before', async () => {
    const { a } = await stations();
    await a.as(TELLER);
    const total = Object.entries(COUNT).reduce((t, [d, n]) => t + Number(d) * n, 0);
    data(await a.call('till.open', { idempotencyKey: randomUUID(), count: COUNT, declaredTotal: total }));
    await until(async () => (await a.call('withdrawal.evaluate', { request })).ok, 40_000);
    await central.kill();
    try {
      const asked = data<{ approval: View }>(await a.call('approval.request', { idempotencyKey: randomUUID(), operation: { kind: 'withdrawal', request } })).approval;
      expect(asked.status).toBe('pendiente');
      expect(await approvalAt(a, asked.id)).toMatchObject({ status: 'pendiente' });
      expect(data<{ approval: View }>(await a.call('approval.decide', { approvalId: asked.id, decision: 'aprobar', ...SUP })).approval).toMatchObject({ status: 'aprobada', checkerName: 'Marta Rojas' });
      expect(journal(a).at(-1)).toMatchObject({ action: 'aprobada', approvalId: asked.id, actor: userId(a, 'supervisor1') });
      // Another one, still pending when central comes back: the teller's screen, asking, relays it then.
      const later = data<{ approval: View }>(await a.call('approval.request', { idempotencyKey: randomUUID(), operation: { kind: 'withdrawal', request: { ...request, amount: 5_500_000 } } })).approval.id;
      await central.restart();
      const desk = createCentralClient({ url: central.url, token: central.proc.tokens.get('001-03') ?? '' });
      // The one decided alone reaches central already approved (the outbox), never pending at another desk.
      const decided = await until(async () => {
        const r = await desk.call('getApproval', { id: asked.id });
        return r.ok ? r.data.approval : undefined;
      }, 20_000);
      expect(decided).toMatchObject({ state: 'approved', workstation: '001-02', decision: { workstation: '001-02', supervisorId: 'supervisor1' } });
      expect(await desk.call('getApproval', { id: later })).toMatchObject({ ok: false });
      expect(await approvalAt(a, later)).toMatchObject({ status: 'pendiente' });
      await until(async () => {
        const r = await desk.call('pendingApprovals', { branch: '001' });
        return r.ok && r.data.approvals.some((x) => x.id === later && x.kind === 'withdrawal_visacion');
      }, 20_000);
      const pending = await desk.call('pendingApprovals', { branch: '001' });
      expect(pending.ok && pending.data.approvals.map((x) => x.id)).not.toContain(asked.id);
      expect(journal(a).filter((j) => j.approvalId === asked.id).map((j) => j.action)).toEqual(['solicitada', 'aprobada']);
    } finally {
      await central.restart();
    }
  }, 120_000);

  it('decided at 001-02’s counter, without central, while the teller’s screen was relaying it again: it reaches central approved, never pending at 001-03’s desk', async () => {
    const b = await station('001-03');
    await b.as(SUP);
    // Central takes no relay nor decision from 001-02 (down for them) until the counter has decided.
    let down = true;
    let counterDecidesNow = false;
    let a: Station | null = null;
    const { real, client } = steeredClient(central, '001-02', async (route, req, call) => {
      if (down && (route === 'requestApproval' || route === 'decideApproval')) throw new Error('ECONNREFUSED');
      const r = await call();
      // The teller's screen asked central and heard it has no such request: the counter decides before it relays again.
      if (route === 'getApproval' && counterDecidesNow && a) {
        counterDecidesNow = false;
        data(await a.call('approval.decide', { approvalId: req.id, decision: 'aprobar', note: 'Cliente conocido', ...SUP }));
        down = false;
      }
      return r;
    });
    await at02Through('caja-visacion-relay-again-', client, async (s) => {
      a = s;
      const id = await askVisacion(a);
      // The teller's screen polls: central answers it has no such request, and the counter decides right then.
      counterDecidesNow = true;
      expect(await approvalAt(a, id)).toMatchObject({ status: 'aprobada', checkerName: 'Marta Rojas' });
      expect(counterDecidesNow).toBe(false);
      const there = await until(async () => {
        const r = await real.call('getApproval', { id });
        return r.ok && r.data.approval.state !== 'pending' ? r.data.approval : undefined;
      }, 10_000);
      expect(there).toMatchObject({ state: 'approved', decision: { workstation: '001-02', supervisorId: 'supervisor1', reason: 'Cliente conocido' } });
      expect((await queueAt(b)).map((x) => x.id)).not.toContain(id);
      expect(journal(a).filter((j) => j.approvalId === id).map((j) => j.action)).toEqual(['solicitada', 'aprobada']);
    });
  }, 120_000);
});
