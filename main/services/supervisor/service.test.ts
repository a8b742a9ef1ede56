import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Approval } from '../../../domain/central-api/approvals';
import type { CentralClient } from '../../sync/central-client';
import { tempCore } from '../../testing/temp-core';
import { data } from '../../testing/wire-data';

const SUP = { username: 'supervisor1', password: 'Super.2026' };

/** Central's approval relay as a fake: one request from workstation 001-04 of the same branch. */
const fakeCentral = () => {
  const other: Approval = {
    id: '5b9c7e1a-0d2f-4a3b-9c8d-7e6f5a4b3c2d',
    branch: '001',
    workstation: '001-04',
    makerId: 'cajero-004',
    kind: 'withdrawal_visacion',
    summary: 'Retiro $ 6.000.000 cuenta ****0029',
    amount: 6_000_000,
    state: 'pending',
    createdAt: '2026-03-02T13:59:00.000Z',
    expiresAt: '2026-03-02T14:30:00.000Z',
    decision: null,
  };
  const calls: { route: string; req: unknown }[] = [];
  const call = (async (route: string, req: unknown) => {
    calls.push({ route, req });
    if (route === 'pendingApprovals') return { ok: true, data: { approvals: other.state === 'pending' ? [other] : [] } };
    if (route === 'getApproval') {
      return (req as { id: string }).id === other.id
        ? { ok: true, data: { approval: other } }
        : { ok: false, kind: 'rejected', error: { code: 'NOT_FOUND', message: 'La solicitud de aprobación no existe.' } };
    }
    if (route === 'decideApproval') {
      const r = req as { supervisorId: string; decision: 'approve' | 'reject'; reason: string };
      other.state = r.decision === 'approve' ? 'approved' : 'rejected';
      other.decision = { supervisorId: r.supervisorId, workstation: '001-03', reason: r.reason, decidedAt: '2026-03-02T14:01:00.000Z' };
      return { ok: true, data: { approval: other } };
    }
    if (route === 'latestAnchor') return { ok: true, data: { anchor: null, previous: null, copiedFrom: null } };
    // Central never received a close of this till: its first opening compares with nothing.
    if (route === 'lastTillClose') return { ok: true, data: { lastClose: null } };
    return { ok: false, kind: 'network', error: { code: 'CENTRAL_UNREACHABLE', message: 'sin central' } };
  }) as CentralClient['call'];
  return { client: { call }, calls, other };
};

describe('supervisor desk', () => {
  let t: Awaited<ReturnType<typeof tempCore>>;
  afterEach(() => t.close());

  it('lists local till requests and other workstations’ requests from central; a central decision needs supervisor credentials', async () => {
    const central = fakeCentral();
    t = await tempCore({}, { centralClient: central.client });
    data(await t.call('session.login', { username: 'cajero1', password: 'Caja.2026' }));
    data(await t.call('till.open', { idempotencyKey: randomUUID(), count: { '50000': 10 }, declaredTotal: 500_000 }));
    const c = data<{ closingId: string }>(await t.call('till.count', { idempotencyKey: randomUUID(), count: { '50000': 9 } }));
    // $ 50.000 is at the threshold: booked without a second count.
    data(await t.call('till.requestDifferenceApproval', { closingId: c.closingId, reasonCode: 'BILLETE_FALSO', reasonText: 'Billete retenido' }));
    // The request is relayed to central for the branch.
    // Named by user name, which every workstation shares (local ids are per workstation).
    expect(central.calls.find((x) => x.route === 'requestApproval')?.req).toMatchObject({ branch: '001', workstation: '001-03', kind: 'till_difference', amount: 50_000, makerId: 'cajero1' });

    const q = data<{ items: { source: string; workstation: string; amount: number | null; teller: string }[]; centralReachable: boolean }>(await t.call('supervisor.queue'));
    expect(q.centralReachable).toBe(true);
    expect(q.items.map((i) => [i.source, i.workstation, i.amount])).toEqual([
      ['central', '001-04', 6_000_000],
      ['caja', '001-03', 50_000],
    ]);
    expect(await t.call('supervisor.decide', { id: central.other.id, source: 'central', decision: 'aprobar', username: 'cajero2', password: 'Caja.2026' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_SUPERVISOR' },
    });
    // The supervisor who asked at another workstation cannot approve it here either.
    central.other.makerId = 'supervisor1';
    expect(await t.call('supervisor.decide', { id: central.other.id, source: 'central', decision: 'aprobar', ...SUP })).toMatchObject({ ok: false, error: { code: 'MAKER_IS_CHECKER' } });
    central.other.makerId = 'cajero2';
    expect(data<{ items: { source: string; teller: string }[] }>(await t.call('supervisor.queue')).items[0]).toMatchObject({ source: 'central', teller: 'Luis Pérez' });
    expect(data(await t.call('supervisor.decide', { id: central.other.id, source: 'central', decision: 'aprobar', ...SUP }))).toEqual({ status: 'approved' });
    expect(central.calls.find((x) => x.route === 'decideApproval')?.req).toMatchObject({ decision: 'approve', supervisorId: 'supervisor1' });
    const j = JSON.parse(t.core.db.prepare("SELECT payload FROM journal WHERE type = 'approval' ORDER BY sequence DESC LIMIT 1").pluck().get() as string) as Record<string, unknown>;
    expect(j).toMatchObject({ via: 'central', workstation: '001-04', action: 'approved' });
  });

  it('a request lapses after the configured minutes, not before, and central is told the same deadline', async () => {
    const central = fakeCentral();
    // A session idle longer than the deadline stays signed in: only the request's clock is under test.
    t = await tempCore({ supervisor: { requestDeadlineMinutes: 10 }, session: { idleLockSeconds: 3600 } }, { centralClient: central.client });
    data(await t.call('session.login', { username: 'cajero1', password: 'Caja.2026' }));
    data(await t.call('till.open', { idempotencyKey: randomUUID(), count: { '50000': 10 }, declaredTotal: 500_000 }));
    const c = data<{ closingId: string }>(await t.call('till.count', { idempotencyKey: randomUUID(), count: { '50000': 9 } }));
    const { approvalId } = data<{ approvalId: string }>(
      await t.call('till.requestDifferenceApproval', { closingId: c.closingId, reasonCode: 'BILLETE_FALSO', reasonText: 'Billete retenido' }),
    );
    expect(central.calls.find((x) => x.route === 'requestApproval')?.req).toMatchObject({ id: approvalId, ttlSeconds: 600 });
    const status = async () => data<{ status: string }>(await t.call('supervisor.request', { id: approvalId })).status;
    t.clock.advance(10 * 60_000 - 1_000);
    expect(await status()).toBe('pendiente');
    t.clock.advance(1_000);
    expect(await status()).toBe('vencida');
    // The lapse is journaled the first time it is noticed, once (QA s35 A4-3), though the screen asks again.
    expect(await status()).toBe('vencida');
    const lapses = t.core.db.prepare("SELECT COUNT(*) FROM journal WHERE type = 'approval' AND json_extract(payload, '$.action') = 'vencida' AND json_extract(payload, '$.approvalId') = ?");
    expect(lapses.pluck().get(approvalId)).toBe(1);
  });

  it("a supervisor's wrong passwords in an approval say the attempts left, are journaled as failed approvals, and the lock-out they cause lapses", async () => {
    const central = fakeCentral();
    t = await tempCore({ session: { lockoutMinutes: 15, idleLockSeconds: 3600 } }, { centralClient: central.client });
    data(await t.call('session.login', { username: 'cajero1', password: 'Caja.2026' }));
    const decide = (password: string) => t.call('supervisor.decide', { id: central.other.id, source: 'central', decision: 'aprobar', username: 'supervisor1', password });
    const said: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await decide('mala');
      said.push(r.ok ? 'ok' : r.error.message);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS', details: { attemptsLeft: 4 - i } } });
    }
    expect(said.map((m) => m.replace('Usuario o contraseña del supervisor incorrectos. ', ''))).toEqual(['Le quedan 4 intentos.', 'Le quedan 3 intentos.', 'Le quedan 2 intentos.', 'Le queda 1 intento.']);
    // The fifth locks the supervisor out at this workstation; the refusal says the way out (14:00 UTC is 09:00 in Bogotá).
    const locked = 'El usuario del supervisor está bloqueado por intentos fallidos: se desbloquea a las 09:15 o lo libera otro supervisor en la pantalla de ingreso (F2).';
    expect(await decide('mala')).toMatchObject({ ok: false, error: { code: 'USER_LOCKED_OUT', message: expect.stringContaining(locked) } });
    t.clock.advance(14 * 60_000);
    expect(await decide('Super.2026')).toMatchObject({ ok: false, error: { code: 'USER_LOCKED_OUT', message: expect.stringContaining(locked) } });
    // Never freed by themselves.
    expect(await t.call('session.unlockUser', { lockedUsername: 'supervisor1', supervisor: SUP })).toMatchObject({ ok: false, error: { code: 'USER_LOCKED_OUT' } });
    t.clock.advance(60_000);
    expect(data(await decide('Super.2026'))).toEqual({ status: 'approved' });

    const journal = t.core.db.prepare("SELECT type, payload FROM journal WHERE type IN ('login_failed', 'approval_failed', 'user_locked_out', 'user_lockout_lapsed') ORDER BY sequence").all() as { type: string; payload: string }[];
    // An approval is not a log-in: F5 reads "Aprobación de supervisor fallida", never "Ingreso fallido".
    expect(journal.map((j) => [j.type, (JSON.parse(j.payload) as { context?: string }).context ?? null])).toEqual([
      ...Array.from({ length: 4 }, () => ['approval_failed', 'aprobacion central']),
      ['user_locked_out', 'aprobacion central'],
      ['user_lockout_lapsed', null],
    ]);
    expect(await t.call('journal.verify')).toMatchObject({ ok: true, data: { ok: true } });
  });

  it('the dashboard shows open tills against their limit, the vault, sync health and the journal state; only to a supervisor', async () => {
    t = await tempCore();
    data(await t.call('session.login', { username: 'cajero1', password: 'Caja.2026' }));
    data(await t.call('till.open', { idempotencyKey: randomUUID(), count: { '100000': 560 }, declaredTotal: 56_000_000 }));
    expect(await t.call('supervisor.dashboard')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // 56.000.000 of a 60.000.000 limit: the till prompts to move the surplus to the vault before crossing it.
    const till = data<{ till: { holding: { state: string; prompt: string } } }>(await t.call('till.current')).till;
    expect(till.holding.state).toBe('cerca');
    expect(till.holding.prompt).toContain('Traslade $ 20.000.000 a la bóveda (F10)');
    await t.call('session.logout');
    data(await t.call('session.login', SUP));
    const d = data<{ tills: unknown[]; vaultTotal: number | null; journal: { ok: boolean } }>(await t.call('supervisor.dashboard'));
    expect(d.tills).toEqual([expect.objectContaining({ tillCode: '03', tellerName: 'Ana Gómez', positionTotal: 56_000_000, limit: 60_000_000, holding: 'cerca' })]);
    // The vault is kept at central, which this core has none of.
    expect(d.vaultTotal).toBeNull();
    expect(d.journal.ok).toBe(true);
  });
});
