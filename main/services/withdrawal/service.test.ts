import { shortApprovalId } from '../../../domain/approval/request';
import { afterEach, describe, expect, it } from 'vitest';
import { createCentralClient, type CentralClient } from '../../sync/central-client';
import { CC, world, type World, sharedCentral } from '../comprobante/testing/world';
import { tillCash } from '../../testing/till-cash';

const shared = sharedCentral();
/**
 * Each test is a fresh store under the same workstation id and business day against this one central, which counts
 * that workstation's earlier withdrawals of the day whatever its store says (central/withdrawal-limits): the day's
 * limits, which these tests do not exercise, are set out of their reach.
 */
const ROOMY = { rules: { withdrawalLimits: { dailyCount: 100, dailyAmount: 900_000_000 } } };
const station = (opts: Omit<NonNullable<Parameters<typeof world>[1]>, 'config'> = {}) => world(shared.central, { ...opts, config: ROOMY });
let w: World;
afterEach(() => w.close());

const cash = { kind: 'efectivo' as const };
const req = (accountNumber: string, amount: number, presenters: string[]) => ({ accountNumber, amount, presenters: presenters.map(CC), payout: cash });
const post = (request: ReturnType<typeof req>, approvalId?: string, key = crypto.randomUUID()) =>
  w.call('withdrawal.post', { idempotencyKey: key, request, ...(approvalId ? { approvalId } : {}) });
// Under blind close the teller's till.current carries no cash: the till is checked in the SQLite file.
const position = async () => tillCash(w.core.db).positionTotal;
const count = (sql: string) => w.core.db.prepare(sql).pluck().get();

describe('office withdrawal (seed 003 cl. 4)', () => {
  it('authorizes online, pays from the till by denomination and posts with the hold and GMF on its own line', async () => {
    w = await station();
    const before = await position();
    const r = await post(req('240000000029', 250_000, ['900000002']));
    expect(r).toMatchObject({ ok: true, data: { status: 'posted', sequence: '001-03-000001' } });
    expect(before - (await position())).toBe(250_000);
    const body = JSON.parse(w.core.db.prepare("SELECT body FROM outbox WHERE type = 'withdrawal'").pluck().get() as string) as { payload: { amount: number; gmf: number; holdId?: string } };
    // Paid in cash: who received it goes to central for the UIAF cash report; below the threshold, no declaration.
    expect(body.payload).toMatchObject({ amount: 250_000, gmf: 1_000, cash: { transactor: { type: 'CC', number: '900000002', name: 'JUAN CARLOS RODRÍGUEZ CASTAÑO' }, declaration: null } });
    expect(body.payload.holdId).toEqual(expect.any(String));
    const lines = r.ok ? (r.data as { receipt: { lines: unknown[] } }).receipt.lines : [];
    expect(lines).toContainEqual({ kind: 'amount', label: 'GMF 4x1000', amount: 1_000 });
    expect(lines).toContainEqual({ kind: 'amount', label: 'Total debitado', amount: 251_000 });
  });

  it('an authorized person withdraws: the receipt the core stores and prints has where she signs, with her name and document', async () => {
    w = await station();
    const r = await post(req('240000000128', 100_000, ['900000005']));
    expect(r).toMatchObject({ ok: true, data: { status: 'posted' } });
    const lines = r.ok ? (r.data as { receipt: { lines: { kind: string; label?: string; value?: string; text?: string }[] } }).receipt.lines : [];
    const named = lines.find((l) => l.label === 'Retira')?.value ?? '';
    expect(named).toMatch(/^ROSA .+ \(autorizado\)$/);
    expect(lines.slice(-3)).toEqual([
      { kind: 'text', text: 'Firma: ________________________' },
      { kind: 'field', label: 'Nombre', value: named.replace(' (autorizado)', '') },
      { kind: 'field', label: 'Documento', value: 'CC *****0005' },
    ]);
    // The paper that went to the printer is the same document.
    const stored = JSON.parse(w.core.db.prepare("SELECT receipt FROM comprobantes WHERE kind = 'retiro'").pluck().get() as string) as { lines: unknown[] };
    expect(stored.lines.slice(-3)).toEqual(lines.slice(-3));
  });

  it('does not pay when central does not answer: pending, nothing posted, nothing taken from the till', async () => {
    const dead = createCentralClient({ url: 'http://127.0.0.1:9', token: 'x', timeoutMs: 500 });
    w = await station({ client: dead });
    const before = await position();
    const key = crypto.randomUUID();
    const r = await post(req('240000000029', 100_000, ['900000002']), undefined, key);
    expect(r).toMatchObject({ ok: true, data: { status: 'pendiente' } });
    expect(r.ok && (r.data as { message: string }).message).toContain('NO entregue el efectivo');
    expect(await position()).toBe(before);
    expect(count('SELECT COUNT(*) FROM comprobantes')).toBe(0);
    // Only the till's opening (queued for central in the morning) is in the outbox: nothing of the withdrawal.
    expect(count("SELECT COUNT(*) FROM outbox WHERE type <> 'till_open'")).toBe(0);
  });

  it('abandons a withdrawal whose authorization answer was lost: central gives the held funds back, the key can no longer pay', async () => {
    let lose = true;
    let inner: Pick<CentralClient, 'call'> | null = null;
    const lossy: Pick<CentralClient, 'call'> = {
      call: async (route, body) => {
        if (!inner) throw new Error('world not ready');
        const r = await inner.call(route, body);
        // Central applied it; the answer never came back.
        return route === 'authorizeWithdrawal' && lose ? { ok: false, kind: 'timeout', error: { code: 'TIMEOUT', message: 'sin respuesta' } } : r;
      },
    };
    w = await station({ client: lossy });
    inner = w.client;
    const key = crypto.randomUUID();
    const request = req('240000000029', 100_000, ['900000002']);
    expect(await post(request, undefined, key)).toMatchObject({ ok: true, data: { status: 'pendiente' } });
    const abandoned = await w.call('withdrawal.abandon', { idempotencyKey: key });
    expect(abandoned).toMatchObject({ ok: true, data: { released: true } });
    expect(abandoned.ok && (abandoned.data as { message: string }).message).toContain('liberó $ 100.400');
    expect(JSON.parse(String(count("SELECT payload FROM journal WHERE type = 'comprobante_abandoned'") ?? '{}'))).toMatchObject({ idempotencyKey: key, released: true, amount: 100_400 });
    // Central now answers the same key with the released hold: the retry is refused, nothing is paid or posted.
    lose = false;
    expect(await post(request, undefined, key)).toMatchObject({ ok: false, error: { code: 'CENTRAL_REFUSED', message: expect.stringContaining('se liberó') } });
    expect(count('SELECT COUNT(*) FROM comprobantes')).toBe(0);
    // A key central never authorized: nothing was held. A posted one cannot be abandoned.
    expect(await w.call('withdrawal.abandon', { idempotencyKey: crypto.randomUUID() })).toMatchObject({ ok: true, data: { released: false } });
    const paid = crypto.randomUUID();
    expect(await post(request, undefined, paid)).toMatchObject({ ok: true, data: { status: 'posted' } });
    expect(await w.call('withdrawal.abandon', { idempotencyKey: paid })).toMatchObject({ ok: false, error: { code: 'ALREADY_POSTED' } });
  });

  it('central refuses the authorization for funds: the teller reads the fact once and "No entregue el efectivo" once', async () => {
    // Another workstation holds most of the balance between this one's lookup and its authorization.
    let inner: Pick<CentralClient, 'call'> | null = null;
    let taken: string | null = null;
    const racing: Pick<CentralClient, 'call'> = {
      call: async (route, body) => {
        if (!inner) throw new Error('world not ready');
        if (route === 'authorizeWithdrawal' && taken === null) {
          const probe = await inner.call('authorizeWithdrawal', { key: crypto.randomUUID(), account: '240000000029', amount: 999_999_999 });
          const available = probe.ok && probe.data.status === 'refused' ? (probe.data.available ?? 0) : 0;
          const other = await inner.call('authorizeWithdrawal', { key: crypto.randomUUID(), account: '240000000029', amount: available - 50_000 });
          taken = other.ok && other.data.status === 'authorized' ? other.data.hold.holdId : '';
        }
        return inner.call(route, body);
      },
    };
    w = await station({ client: racing });
    inner = w.client;
    try {
      const r = await post(req('240000000029', 100_000, ['900000002']));
      expect(r).toMatchObject({ ok: false, error: { code: 'CENTRAL_REFUSED' } });
      const message = r.ok ? '' : r.error.message;
      expect(message).toBe('Central rechazó el retiro: fondos insuficientes. Disponible ahora: $ 50.000. No entregue el efectivo.');
      expect(count('SELECT COUNT(*) FROM comprobantes')).toBe(0);
    } finally {
      if (taken) await w.client.call('releaseHold', { holdId: taken });
    }
  });

  it('a withdrawal left pending survives a restart as unconfirmed: listed for the till, blocking its close, until abandoned', async () => {
    let inner: Pick<CentralClient, 'call'> | null = null;
    const lossy: Pick<CentralClient, 'call'> = {
      call: async (route, body) => {
        if (!inner) throw new Error('world not ready');
        const r = await inner.call(route, body);
        return route === 'authorizeWithdrawal' ? { ok: false, kind: 'timeout', error: { code: 'TIMEOUT', message: 'sin respuesta' } } : r;
      },
    };
    w = await station({ client: lossy });
    inner = w.client;
    const key = crypto.randomUUID();
    expect(await post(req('240000000029', 100_000, ['900000002']), undefined, key)).toMatchObject({ ok: true, data: { status: 'pendiente' } });
    const unconfirmed = async () => ((await w.call('withdrawal.unconfirmed')) as { data: { debits: { key: string }[] } }).data.debits;
    expect(await unconfirmed()).toEqual([{ key, kind: 'retiro', account: '240000000029', amount: 100_400, askedAt: w.clock.now().toISOString(), payout: 'efectivo', teller: 'Ana Gómez', mayAbandon: true }]);

    // The host dies with the customer's funds held at central: the trace is on disk.
    await w.reopen();
    expect(await w.call('session.login', { username: 'cajero1', password: 'Caja.2026' })).toMatchObject({ ok: true });
    expect((await unconfirmed()).map((d) => d.key)).toEqual([key]);
    expect(await w.call('till.gate')).toMatchObject({ ok: true, data: { canClose: false, items: [{ code: 'UNCONFIRMED_DEBITS', count: 1 }] } });

    // Another teller sees it but does not give up Ana's customer's withdrawal; a supervisor may.
    await w.call('session.logout');
    await w.call('session.login', { username: 'cajero2', password: 'Caja.2026' });
    expect(await unconfirmed()).toMatchObject([{ key, teller: 'Ana Gómez', mayAbandon: false }]);
    expect(await w.call('withdrawal.abandon', { idempotencyKey: key })).toMatchObject({ ok: false, error: { code: 'NOT_YOURS', message: expect.stringContaining('lo pidió Ana Gómez') } });
    await w.call('session.logout');
    await w.call('session.login', { username: 'supervisor1', password: 'Super.2026' });
    expect(await unconfirmed()).toMatchObject([{ key, mayAbandon: true }]);
    expect(await w.call('withdrawal.abandon', { idempotencyKey: key })).toMatchObject({ ok: true, data: { released: true } });
    expect(await unconfirmed()).toEqual([]);
    const abandoned = JSON.parse(String(count("SELECT payload FROM journal WHERE type = 'comprobante_abandoned'"))) as object;
    expect(abandoned).toMatchObject({ idempotencyKey: key, account: '240000000029', amount: 100_400 });
    await w.call('session.logout');
    await w.call('session.login', { username: 'cajero1', password: 'Caja.2026' });
    const gate = (await w.call('till.gate')) as { data: { items: { code: string }[] } };
    expect(gate.data.items.map((i) => i.code)).not.toContain('UNCONFIRMED_DEBITS');

    // Paid by cheque de gerencia, it is listed as such: abandoning it, the teller is told to keep the cheque, not cash.
    const cheque = crypto.randomUUID();
    const byCheque = { accountNumber: '240000000029', amount: 100_000, presenters: [CC('900000002')], payout: { kind: 'cheque-gerencia' as const, number: '7001299', beneficiary: { id: CC('900000002'), name: 'JUAN' } } };
    expect(await w.call('withdrawal.post', { idempotencyKey: cheque, request: byCheque })).toMatchObject({ ok: true, data: { status: 'pendiente', message: expect.stringContaining('NO entregue el cheque de gerencia') } });
    expect(await unconfirmed()).toMatchObject([{ key: cheque, kind: 'retiro', payout: 'cheque-gerencia' }]);
  });

  it('a withdrawal posted with no receipt on paper is listed for Inicio, before and after a restart, until it prints', async () => {
    w = await station();
    expect(await w.call('devices.emulator', { action: 'printer.condition', value: 'paper-out' })).toMatchObject({ ok: true });
    const posted = await post(req('240000000029', 200_000, ['900000002']));
    expect(posted).toMatchObject({ ok: true, data: { status: 'posted' } });
    const sequence = (posted as { data: { sequence: string } }).data.sequence;
    const listed = { ok: true, data: { receipts: [{ sequence, kind: 'retiro', account: '240000000029', total: 200_000 }] } };
    expect(await w.call('till.unprinted')).toMatchObject(listed);
    await w.reopen();
    expect(await w.call('session.login', { username: 'cajero1', password: 'Caja.2026' })).toMatchObject({ ok: true });
    expect(await w.call('till.unprinted')).toMatchObject(listed);
  });

  it('a posted or refused withdrawal leaves nothing unconfirmed', async () => {
    w = await station();
    expect(await post(req('240000000029', 50_000, ['900000002']))).toMatchObject({ ok: true, data: { status: 'posted' } });
    expect(await post(req('240000000029', 900_000_000, ['900000002']))).toMatchObject({ ok: false });
    expect(count('SELECT COUNT(*) FROM unconfirmed_debits')).toBe(0);
  });

  it('the till\'s last comprobante is named for Inicio even when its receipt printed, before and after a restart', async () => {
    w = await station();
    expect(await w.call('till.unprinted')).toMatchObject({ ok: true, data: { receipts: [], last: null } });
    const first = await post(req('240000000029', 50_000, ['900000002']));
    const second = await post(req('240000000029', 70_000, ['900000002']));
    expect(first).toMatchObject({ ok: true, data: { status: 'posted' } });
    const sequence = (second as { data: { sequence: string } }).data.sequence;
    const last = { ok: true, data: { last: { sequence, kind: 'retiro', account: '240000000029', total: 70_000 } } };
    expect(await w.call('till.unprinted')).toMatchObject(last);
    await w.reopen();
    expect(await w.call('session.login', { username: 'cajero1', password: 'Caja.2026' })).toMatchObject({ ok: true });
    expect(await w.call('till.unprinted')).toMatchObject(last);
    // Another teller signing in at this workstation is not shown the till's last customer, account and amount; a supervisor is.
    await w.call('session.logout');
    expect(await w.call('session.login', { username: 'cajero2', password: 'Caja.2026' })).toMatchObject({ ok: true });
    expect(await w.call('till.unprinted')).toMatchObject({ ok: true, data: { receipts: [], last: null } });
    await w.call('session.logout');
    expect(await w.call('session.login', { username: 'supervisor1', password: 'Super.2026' })).toMatchObject({ ok: true });
    expect(await w.call('till.unprinted')).toMatchObject(last);
  });

  it('refuses a conjunta withdrawal without all holders and accepts it with them (cl. 2.4.3)', async () => {
    w = await station();
    expect(await post(req('240000000045', 100_000, ['900000002']))).toMatchObject({ error: { code: 'ALL_HOLDERS_REQUIRED' } });
    expect(await post(req('240000000045', 100_000, ['900000002', '900000005']))).toMatchObject({ ok: true, data: { status: 'posted' } });
  });

  it('pays from an embargada account only what is not retained', async () => {
    w = await station();
    const lookup = await w.call('accounts.lookup', { accountNumber: '240000000060' });
    expect(lookup).toMatchObject({ ok: true, data: { account: { state: 'embargada' } } });
    expect(await post(req('240000000060', 500_000, ['900000003']))).toMatchObject({ ok: true, data: { status: 'posted' } });
  });

  it('embargada under a child-support order: pays only what exceeds the embargo, as central computes it (domain-co §3)', async () => {
    w = await station();
    // $1.800.000 embargoed: only the rest is at the customer's disposal, withdrawal plus GMF (this central is
    // shared by the file's tests, so the balance is read first).
    const lookup = await w.call('accounts.lookup', { accountNumber: '240000000060' });
    const available = lookup.ok ? (lookup.data as { account: { balances: { available: number } } }).account.balances.available : 0;
    const free = available - 1_800_000;
    expect(free).toBeGreaterThan(100_000);
    // Largest multiple of $50 whose GMF (4x1000, half-up) still fits in what is free.
    let amount = Math.floor((free * 1000) / 1004 / 50) * 50;
    while (amount + Math.round((amount * 4) / 1000) > free) amount -= 50;
    expect(await post(req('240000000060', amount + 1_000, ['900000003']))).toMatchObject({ error: { code: 'INSUFFICIENT_FUNDS' } });
    const paid = await post(req('240000000060', amount, ['900000003']));
    expect(paid, JSON.stringify(paid)).toMatchObject({ ok: true, data: { status: 'posted' } });
  });

  it('inactiva: the supervisor reactivates, and the approval travels to central with the hold and the debit (cl. 7.1)', async () => {
    w = await station();
    const request = req('240000000052', 50_000, ['900000004']);
    expect(await post(request)).toMatchObject({ error: { code: 'APPROVAL_REQUIRED', details: { reasons: [{ code: 'INACTIVE_REACTIVATION' }] } } });
    const asked = await w.call('approval.request', { idempotencyKey: crypto.randomUUID(), operation: { kind: 'withdrawal', request } });
    const id = asked.ok ? (asked.data as { approval: { id: string } }).approval.id : '';
    expect(await w.call('approval.decide', { approvalId: id, decision: 'aprobar', username: 'supervisor1', password: 'Super.2026' })).toMatchObject({ ok: true });
    expect(await post(request, id)).toMatchObject({ ok: true, data: { status: 'posted' } });
    const body = JSON.parse(w.core.db.prepare("SELECT body FROM outbox WHERE type = 'withdrawal'").pluck().get() as string) as { payload: object };
    expect(body.payload).toMatchObject({ amount: 50_000, reactivation: { approvalId: id } });
  });

  it('needs visación above the threshold; the teller cannot approve their own, a supervisor can, once (maker ≠ checker in the core)', async () => {
    w = await station();
    const request = req('240000000029', 6_000_000, ['900000002']);
    const refused = await post(request);
    expect(refused).toMatchObject({ error: { code: 'APPROVAL_REQUIRED', details: { reasons: [{ code: 'VISACION' }] } } });
    const asked = await w.call('approval.request', { idempotencyKey: crypto.randomUUID(), operation: { kind: 'withdrawal', request } });
    expect(asked).toMatchObject({ ok: true, data: { approval: { status: 'pendiente', reasons: [{ code: 'VISACION' }], makerName: 'Ana Gómez' } } });
    const id = asked.ok ? (asked.data as { approval: { id: string } }).approval.id : '';
    // The desk says who is withdrawing, as the account knows them.
    const queued = (await w.call('supervisor.queue')) as { data: { items: { id: string; customer: string | null }[] } };
    expect(queued.data.items.find((i) => i.id === id)?.customer).toMatch(/^JUAN .*\(CC \*+0002\)$/);
    expect(await post(request, id)).toMatchObject({ error: { code: 'APPROVAL_NOT_APPROVED' } });
    const decide = (username: string, password: string) => w.call('approval.decide', { approvalId: id, decision: 'aprobar', username, password });
    expect(await decide('cajero1', 'Caja.2026')).toMatchObject({ error: { code: 'MAKER_IS_CHECKER' } });
    expect(await decide('cajero2', 'Caja.2026')).toMatchObject({ error: { code: 'NOT_A_SUPERVISOR' } });
    expect(await decide('supervisor1', 'mala')).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
    expect(await decide('supervisor1', 'Super.2026')).toMatchObject({ ok: true, data: { approval: { status: 'aprobada', checkerName: 'Marta Rojas' } } });
    expect(await post({ ...request, amount: 7_000_000 }, id)).toMatchObject({ error: { code: 'APPROVAL_MISMATCH' } });
    const ok = await post(request, id);
    expect(ok).toMatchObject({ ok: true, data: { status: 'posted' } });
    expect(ok.ok && (ok.data as { receipt: { lines: unknown[] } }).receipt.lines).toContainEqual({ kind: 'field', label: 'Autorización', value: shortApprovalId(id) });
    expect(await post(request, id)).toMatchObject({ error: { code: 'APPROVAL_ALREADY_USED' } });
    const journal = w.core.db.prepare("SELECT actor, payload FROM journal WHERE type = 'approval' ORDER BY sequence").all() as { actor: string; payload: string }[];
    // The teller's own password and another teller's, where a supervisor's was asked for, are journaled too.
    expect(journal.map((j) => (JSON.parse(j.payload) as { action: string }).action)).toEqual(['solicitada', 'autorizacion_rehusada', 'autorizacion_rehusada', 'aprobada']);
    expect(journal.slice(1, 3).map((j) => (JSON.parse(j.payload) as { code: string }).code)).toEqual(['MAKER_IS_CHECKER', 'NOT_A_SUPERVISOR']);
    // The request's entry says what was asked for: the journal finds it by account and amount.
    expect(JSON.parse(journal[0]?.payload ?? '{}')).toMatchObject({ account: request.accountNumber, amount: request.amount });
  });

  it('a request the teller leaves before a decision is withdrawn: off the desk, no longer decidable, journaled', async () => {
    w = await station();
    const request = req('240000000029', 6_000_000, ['900000002']);
    const asked = await w.call('approval.request', { idempotencyKey: crypto.randomUUID(), operation: { kind: 'withdrawal', request } });
    const id = asked.ok ? (asked.data as { approval: { id: string } }).approval.id : '';
    const onDesk = async () => ((await w.call('supervisor.queue')) as { data: { items: { id: string }[] } }).data.items.map((i) => i.id);
    expect(await onDesk()).toContain(id);
    expect(await w.call('approval.withdraw', { approvalId: id })).toMatchObject({ ok: true, data: { approval: { status: 'vencida' } } });
    expect(await onDesk()).not.toContain(id);
    expect(await w.call('approval.decide', { approvalId: id, decision: 'aprobar', username: 'supervisor1', password: 'Super.2026' })).toMatchObject({ ok: false });
    expect(await post(request, id)).toMatchObject({ ok: false, error: { code: 'APPROVAL_NOT_APPROVED' } });
    const last = JSON.parse(w.core.db.prepare("SELECT payload FROM journal WHERE type = 'approval' ORDER BY sequence DESC LIMIT 1").pluck().get() as string) as Record<string, unknown>;
    expect(last).toMatchObject({ action: 'retirada', approvalId: id });
  });

  it('records a rejection with its reason and never posts on it', async () => {
    w = await station();
    const request = req('240000000029', 5_500_000, ['900000002']);
    const asked = await w.call('approval.request', { idempotencyKey: crypto.randomUUID(), operation: { kind: 'withdrawal', request } });
    const id = asked.ok ? (asked.data as { approval: { id: string } }).approval.id : '';
    expect(await w.call('approval.decide', { approvalId: id, decision: 'rechazar', username: 'supervisor1', password: 'Super.2026' })).toMatchObject({ error: { code: 'APPROVAL_NOTE_REQUIRED' } });
    expect(await w.call('approval.decide', { approvalId: id, decision: 'rechazar', username: 'supervisor1', password: 'Super.2026', note: 'Firma no coincide' })).toMatchObject({
      ok: true,
      data: { approval: { status: 'rechazada', note: 'Firma no coincide' } },
    });
    expect(await post(request, id)).toMatchObject({ error: { code: 'APPROVAL_NOT_APPROVED' } });
  });

  it('pays by cheque de gerencia: no cash leaves the till, nothing in cash is counted (cl. 4 parágrafo)', async () => {
    w = await station();
    const before = await position();
    const request = {
      accountNumber: '240000000029',
      amount: 1_000_000,
      presenters: [CC('900000002')],
      payout: { kind: 'cheque-gerencia' as const, number: '7001234', beneficiary: { id: CC('900000002'), name: 'JUAN' } },
    };
    const key = crypto.randomUUID();
    const r = await w.call('withdrawal.post', { idempotencyKey: key, request });
    expect(r).toMatchObject({ ok: true, data: { status: 'posted' } });
    expect(await position()).toBe(before);
    const body = JSON.parse(w.core.db.prepare("SELECT body FROM outbox WHERE type = 'withdrawal'").pluck().get() as string) as { payload: { fee?: number } };
    // The issue fee's tariff is not configured by default (rules-config chequeGerenciaFee = 0): nothing extra.
    expect(body.payload).toEqual({ amount: 1_000_000, gmf: 4_000, holdId: expect.any(String), limitReservation: key, chequeGerencia: { number: '7001234' } });
    expect(count("SELECT cash_out FROM comprobantes WHERE kind = 'retiro'")).toBe(0);
    // The paper cheque's number is kept with the debit, journaled and printed: reconciliation and orden de no pago.
    const details = JSON.parse(count("SELECT details FROM comprobantes WHERE kind = 'retiro'") as string) as { payout: { number: string } };
    expect(details.payout.number).toBe('7001234');
    const journal = JSON.parse(count("SELECT payload FROM journal WHERE type = 'comprobante' ORDER BY sequence DESC LIMIT 1") as string) as Record<string, unknown>;
    expect(journal).toMatchObject({ payout: 'cheque-gerencia', chequeNumber: '7001234' });
    const lines = r.ok ? (r.data as { receipt: { lines: unknown[] } }).receipt.lines : [];
    expect(lines).toContainEqual({ kind: 'field', label: 'Cheque de gerencia No.', value: '7001234' });
    // Without its number the core pays no cheque, whatever the screen sent.
    const { number: _n, ...unnumbered } = request.payout;
    const refused = await w.call('withdrawal.post', { idempotencyKey: crypto.randomUUID(), request: { ...request, payout: unnumbered } as unknown as typeof request });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', message: expect.stringContaining('número del cheque de gerencia') } });
  });

  it('a conjunta\'s cheque de gerencia to the holder is made out to every holder: receipt, stored payout and journal; one holder alone is refused (cl. 2.4.3)', async () => {
    w = await station();
    const both = [CC('900000002'), CC('900000005')];
    const toJuan = { accountNumber: '240000000045', amount: 150_000, presenters: both, payout: { kind: 'cheque-gerencia' as const, number: '7001235', beneficiary: { id: CC('900000002'), name: 'JUAN' } } };
    expect(await w.call('withdrawal.post', { idempotencyKey: crypto.randomUUID(), request: toJuan })).toMatchObject({ error: { code: 'CHEQUE_ALL_HOLDERS_REQUIRED' } });
    const request = { accountNumber: '240000000045', amount: 150_000, presenters: both, payout: { kind: 'cheque-gerencia' as const, number: '7001236' } };
    const r = await w.call('withdrawal.post', { idempotencyKey: crypto.randomUUID(), request });
    expect(r).toMatchObject({ ok: true, data: { status: 'posted' } });
    const lines = r.ok ? (r.data as { receipt: { lines: { label?: string; value?: string }[] } }).receipt.lines : [];
    expect(lines.find((l) => l.label === 'Forma de pago')?.value).toMatch(/^Cheque de gerencia a JUAN CARLOS RODRÍGUEZ CASTAÑO \(CC 900\.000\.002\) Y ROSA .+ \(CC 900\.000\.005\)/);
    const details = JSON.parse(count("SELECT details FROM comprobantes WHERE kind = 'retiro'") as string) as { payout: { beneficiaries: { id: unknown }[] } };
    expect(details.payout.beneficiaries.map((b) => b.id)).toEqual(both);
    const journal = JSON.parse(count("SELECT payload FROM journal WHERE type = 'comprobante' ORDER BY sequence DESC LIMIT 1") as string) as Record<string, unknown>;
    expect(journal).toMatchObject({ payout: 'cheque-gerencia', beneficiaries: ['CC:900000002', 'CC:900000005'] });
  });

  it('replays a posted withdrawal from the store without asking central again', async () => {
    w = await station();
    const key = crypto.randomUUID();
    const request = req('240000000011', 100_000, ['900000001']);
    const first = await post(request, undefined, key);
    expect(first).toMatchObject({ ok: true, data: { status: 'posted' } });
    expect(await post(request, undefined, key)).toEqual(first);
    expect(count('SELECT COUNT(*) FROM till_movements')).toBe(1);
  });
});

describe('transfer (seed 003 cl. 3.13)', () => {
  it('posts a transfer with GMF and no cash movement', async () => {
    w = await station();
    const request = { fromAccountNumber: '240000000029', toAccountNumber: '240000000011', amount: 300_000, presenters: [CC('900000002')] };
    const plan = await w.call('transfer.evaluate', { request });
    expect(plan).toMatchObject({ ok: true, data: { plan: { gmf: { gmf: 1_200 }, debitTotal: 301_200, sameSoleHolder: false } } });
    expect(await w.call('transfer.post', { idempotencyKey: crypto.randomUUID(), request })).toMatchObject({ ok: true, data: { status: 'posted' } });
    expect(count('SELECT COUNT(*) FROM till_movements')).toBe(0);
    expect(count("SELECT COUNT(*) FROM outbox WHERE type = 'transfer'")).toBe(1);
  });
});
