import { afterEach, describe, expect, it } from 'vitest';
import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import { comprobanteRepo } from '../../store/comprobante/repo';
import { CC, DEMO_TOKEN_001_03, world, type World, sharedCentral } from '../comprobante/testing/world';
import { createCentralClient } from '../../sync/central-client';
import { data } from '../../testing/wire-data';
import { centralBalances, drainer } from '../comprobante/testing/at-central';
import { tillCash } from '../../testing/till-cash';

const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

const SUP = { username: 'supervisor1', password: 'Super.2026' };
const deposit = async () =>
  data<{ sequence: string }>(
    await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: { accountNumber: '240000000011', depositor: { id: CC('900000001') }, cash: { '50000': 24 }, declaredTotal: 1_200_000 } }),
  );
// Under blind close the teller's till.current carries no cash: the till is checked in the SQLite file.
const position = async () => tillCash(w.core.db).positionTotal;

describe('same-day reversal with supervisor approval (teller-anchors §4 item 10)', () => {
  it('needs an approval by someone else; then till, outbox and journal change in one transaction, with its own receipt', async () => {
    w = await world(shared.central);
    const before = await position();
    const { sequence } = await deposit();
    expect(await position()).toBe(before + 1_200_000);
    const today = () => comprobanteRepo(w.core.db).accountDay('240000000011', '2025-03-03', 'deposito');
    expect(today()).toMatchObject({ count: 1, cashIn: 1_200_000 });
    expect(data(await w.call('reversal.check', { sequence }))).toMatchObject({ reversible: true, total: 1_200_000 });
    const req = data<{ approvalId: string }>(await w.call('reversal.request', { sequence, reasonCode: 'CUENTA_ERRADA', reasonText: 'El cliente dictó otra cuenta' }));
    expect(await w.call('reversal.post', { idempotencyKey: crypto.randomUUID(), sequence, approvalId: req.approvalId })).toMatchObject({ ok: false, error: { code: 'APPROVAL_NOT_APPROVED' } });
    expect(await w.call('supervisor.decide', { id: req.approvalId, source: 'caja', decision: 'aprobar', username: 'cajero1', password: 'Caja.2026' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_SUPERVISOR' },
    });
    data(await w.call('supervisor.decide', { id: req.approvalId, source: 'caja', decision: 'aprobar', ...SUP }));
    const key = crypto.randomUUID();
    const posted = data<{ receipt: { title: string; sequence: string; lines: unknown[] } }>(await w.call('reversal.post', { idempotencyKey: key, sequence, approvalId: req.approvalId }));
    expect(posted.receipt).toMatchObject({ title: 'REVERSO DE COMPROBANTE', sequence: `R-${sequence}` });
    expect(posted.receipt.lines).toContainEqual({ kind: 'field', label: 'Comprobante reversado', value: sequence });
    expect(await position()).toBe(before);
    // The day's accumulators (cash topes, limits, UIAF) no longer count what was reversed.
    expect(today()).toMatchObject({ count: 0, cashIn: 0 });
    const db = w.core.db;
    expect(db.prepare("SELECT COUNT(*) FROM outbox WHERE type = 'reversal'").pluck().get()).toBe(1);
    // Central is told the reversal's paper: it names it when a voided cheque de gerencia's number comes back.
    expect((JSON.parse(db.prepare("SELECT body FROM outbox WHERE type = 'reversal'").pluck().get() as string) as { payload: unknown }).payload).toMatchObject({ document: `R-${sequence}` });
    const j = JSON.parse(db.prepare("SELECT payload FROM journal WHERE type = 'reversal'").pluck().get() as string) as Record<string, unknown>;
    expect(j).toMatchObject({ original: sequence, amount: 1_200_000, state: 'reversado', document: `R-${sequence}` });
    // A retry answers the same; a second reversal of the same comprobante is refused.
    expect(data(await w.call('reversal.post', { idempotencyKey: key, sequence, approvalId: req.approvalId }))).toEqual(posted);
    expect(await w.call('reversal.request', { sequence, reasonCode: 'DUPLICADO', reasonText: 'otra vez' })).toMatchObject({ ok: false, error: { code: 'NOT_REVERSIBLE' } });
    expect(data<{ ok: boolean }>(await w.call('journal.verify')).ok).toBe(true);
  });

  it('the desk shows the causal by its Spanish label, never the raw code', async () => {
    w = await world(shared.central);
    const { sequence } = await deposit();
    const req = data<{ approvalId: string }>(await w.call('reversal.request', { sequence, reasonCode: 'CUENTA_ERRADA', reasonText: 'El cliente dictó otra cuenta' }));
    const item = data<{ items: { id: string; context: Record<string, string> }[] }>(await w.call('supervisor.queue')).items.find((i) => i.id === req.approvalId);
    expect(item?.context).toMatchObject({ Causal: 'Cuenta equivocada' });
    expect(Object.values(item?.context ?? {}).filter((v) => /^[A-Z]+(_[A-Z]+)+$/.test(v))).toEqual([]);
    // The approved reversal still posts with its code (read from the stored context).
    data(await w.call('supervisor.decide', { id: req.approvalId, source: 'caja', decision: 'aprobar', ...SUP }));
    expect(await w.call('reversal.post', { idempotencyKey: crypto.randomUUID(), sequence, approvalId: req.approvalId })).toMatchObject({ ok: true });
  });

  it('an approval for one comprobante does not reverse another', async () => {
    w = await world(shared.central);
    const a = await deposit();
    const b = await deposit();
    const req = data<{ approvalId: string }>(await w.call('reversal.request', { sequence: a.sequence, reasonCode: 'DUPLICADO', reasonText: 'Registrado dos veces' }));
    data(await w.call('supervisor.decide', { id: req.approvalId, source: 'caja', decision: 'aprobar', ...SUP }));
    expect(await w.call('reversal.post', { idempotencyKey: crypto.randomUUID(), sequence: b.sequence, approvalId: req.approvalId })).toMatchObject({ ok: false, error: { code: 'APPROVAL_MISMATCH' } });
  });

  it('a cash deposit central already credited is reversed only once central holds its amount again: refused while spent, posted once it is back', async () => {
    w = await world(shared.central);
    const rosa = '240000000086';
    const before = await position();
    const { sequence } = data<{ sequence: string }>(
      await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: { accountNumber: rosa, depositor: { id: CC('900000001'), name: 'PEDRO PÉREZ' }, cash: { '50000': 24 }, declaredTotal: 1_200_000 } }),
    );
    const drain = drainer(w);
    await drain();
    // Meanwhile the customer spends it elsewhere: central holds all but $ 300.000 of what is available.
    const balance = async () => (await centralBalances(w, rosa)).available;
    const spent = await w.client.call('authorizeWithdrawal', { key: crypto.randomUUID(), account: rosa, amount: (await balance()) - 300_000 });
    if (!spent.ok || spent.data.status !== 'authorized') throw new Error('could not spend at central');

    const req = data<{ approvalId: string }>(await w.call('reversal.request', { sequence, reasonCode: 'CUENTA_ERRADA', reasonText: 'El cliente dictó otra cuenta' }));
    data(await w.call('supervisor.decide', { id: req.approvalId, source: 'caja', decision: 'aprobar', ...SUP }));
    const refused = await w.call('reversal.post', { idempotencyKey: crypto.randomUUID(), sequence, approvalId: req.approvalId });
    // Said as a reversal, with the figures and what comes next; never a withdrawal's "no entregue el dinero".
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'CENTRAL_REFUSED',
        message: `No se puede reversar la consignación ${sequence}: la cuenta ${rosa} ya no tiene los fondos (el reverso debita $ 1.200.000 y hay $ 300.000 disponibles). No devuelva el efectivo: el reverso no quedó registrado. Informe al cliente y al supervisor: con la misma aprobación, el reverso se registra cuando la cuenta tenga de nuevo los fondos.`,
      },
    });
    // Nothing moved: the cash stays in the till, nothing is queued for central, nothing is journaled.
    expect(await position()).toBe(before + 1_200_000);
    expect(w.core.db.prepare("SELECT COUNT(*) FROM outbox WHERE type = 'reversal'").pluck().get()).toBe(0);
    expect(data<{ reversible: boolean }>(await w.call('reversal.check', { sequence })).reversible).toBe(true);

    // The other withdrawal is cancelled: the same approval now reverses it, and central debits exactly once.
    const released = await w.client.call('releaseHold', { holdId: spent.data.hold.holdId });
    expect(released.ok).toBe(true);
    const available = await balance();
    data(await w.call('reversal.post', { idempotencyKey: crypto.randomUUID(), sequence, approvalId: req.approvalId }));
    expect(await position()).toBe(before);
    expect(await balance()).toBe(available - 1_200_000);
    await drain();
    expect(await balance()).toBe(available - 1_200_000);
  });

  it('on an embargoed account, a cash deposit whose amount is now retained by the embargo is refused as a reversal, with what may be debited', async () => {
    w = await world(shared.central);
    const embargoed = '240000000060';
    const { sequence } = data<{ sequence: string }>(
      await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: { accountNumber: embargoed, depositor: { id: CC('900000001'), name: 'PEDRO PÉREZ' }, cash: { '50000': 24 }, declaredTotal: 1_200_000 } }),
    );
    await drainer(w)();
    // Spent down to $ 300.000 free of the embargo: the balance still covers the deposit, the embargo retains it.
    const probe = await w.client.call('authorizeWithdrawal', { key: crypto.randomUUID(), account: embargoed, amount: 999_999_999 });
    if (!probe.ok || probe.data.status !== 'refused' || probe.data.available === undefined) throw new Error('central did not say what may be debited');
    const spent = await w.client.call('authorizeWithdrawal', { key: crypto.randomUUID(), account: embargoed, amount: probe.data.available - 300_000 });
    if (!spent.ok || spent.data.status !== 'authorized') throw new Error('could not spend at central');
    expect((await centralBalances(w, embargoed)).available).toBeGreaterThanOrEqual(1_200_000);

    const req = data<{ approvalId: string }>(await w.call('reversal.request', { sequence, reasonCode: 'CUENTA_ERRADA', reasonText: 'El cliente dictó otra cuenta' }));
    data(await w.call('supervisor.decide', { id: req.approvalId, source: 'caja', decision: 'aprobar', ...SUP }));
    expect(await w.call('reversal.post', { idempotencyKey: crypto.randomUUID(), sequence, approvalId: req.approvalId })).toMatchObject({
      ok: false,
      error: {
        code: 'CENTRAL_REFUSED',
        message: `No se puede reversar la consignación ${sequence}: la cuenta ${embargoed} no tiene esos fondos libres de embargo (el reverso debita $ 1.200.000 y hay $ 300.000 disponibles). No devuelva el efectivo: el reverso no quedó registrado. Informe al cliente y al supervisor: con la misma aprobación, el reverso se registra cuando la cuenta tenga de nuevo los fondos.`,
      },
    });
    expect((await w.client.call('releaseHold', { holdId: spent.data.hold.holdId })).ok).toBe(true);
  });

  it('asked twice, it is one request; reopened after the supervisor approved at the desk, the panel finds it approved', async () => {
    w = await world(shared.central);
    const { sequence } = await deposit();
    const ask = async () => data<{ approvalId: string; status: string }>(await w.call('reversal.request', { sequence, reasonCode: 'DUPLICADO', reasonText: 'Registrado dos veces' }));
    const first = await ask();
    expect(await ask()).toEqual(first);
    expect(data(await w.call('reversal.check', { sequence }))).toMatchObject({ approval: { id: first.approvalId, status: 'pendiente' } });
    data(await w.call('supervisor.decide', { id: first.approvalId, source: 'caja', decision: 'aprobar', ...SUP }));
    expect(data(await w.call('reversal.check', { sequence }))).toMatchObject({ approval: { id: first.approvalId, status: 'aprobada' } });
    data(await w.call('reversal.post', { idempotencyKey: crypto.randomUUID(), sequence, approvalId: first.approvalId }));
    expect(data(await w.call('reversal.check', { sequence }))).toMatchObject({ reversible: false, approval: null });
  });

  it('the cash goes back in any mix the till holds, not only the pieces that came in', async () => {
    w = await world(shared.central);
    const before = await position();
    const { sequence } = await deposit(); // 24 × 50.000
    // Every 50.000 bill leaves the till for the vault.
    data(await w.call('vault.send', { idempotencyKey: crypto.randomUUID(), to: { kind: 'vault', ref: 'BOVEDA' }, count: { '50000': 64 }, declaredTotal: 3_200_000 }));
    const req = data<{ approvalId: string }>(await w.call('reversal.request', { sequence, reasonCode: 'CUENTA_ERRADA', reasonText: 'El cliente dictó otra cuenta' }));
    data(await w.call('supervisor.decide', { id: req.approvalId, source: 'caja', decision: 'aprobar', ...SUP }));
    data(await w.call('reversal.post', { idempotencyKey: crypto.randomUUID(), sequence, approvalId: req.approvalId }));
    expect(await position()).toBe(before - 3_200_000);
    const till = tillCash(w.core.db);
    expect(till.position['50000'] ?? 0).toBe(0);
    expect(till.position['100000']).toBe(150 - 12);
  });

  it('the panel and the receipt say what moves at the counter: a deposit gives back its cash and cheques, a withdrawal receives its cash, a transfer names both accounts', async () => {
    w = await world(shared.central);
    type Move = { label: string; value: string };
    const reverse = async (sequence: string, expected: Move[]) => {
      expect(data<{ moves: Move[] }>(await w.call('reversal.check', { sequence })).moves).toEqual(expected);
      const req = data<{ approvalId: string }>(await w.call('reversal.request', { sequence, reasonCode: 'VALOR_ERRADO', reasonText: 'Era otro valor' }));
      data(await w.call('supervisor.decide', { id: req.approvalId, source: 'caja', decision: 'aprobar', ...SUP }));
      const posted = data<{ receipt: { lines: unknown[] } }>(await w.call('reversal.post', { idempotencyKey: crypto.randomUUID(), sequence, approvalId: req.approvalId }));
      for (const m of expected) expect(posted.receipt.lines).toContainEqual({ kind: 'field', ...m });
    };
    const slip = {
      accountNumber: '240000000029',
      depositor: { id: CC('900000002') },
      cash: { '50000': 4 },
      cheques: [{ bank: '07', number: '1234567', drawerAccount: '11122233', amount: 800_000, city: 'Bogotá D.C.' }],
      declaredTotal: 1_000_000,
    };
    const dep = data<{ sequence: string }>(await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip }));
    await reverse(dep.sequence, [
      { label: 'Efectivo a devolver al cliente', value: '$ 200.000' },
      { label: 'Cheque a devolver al cliente', value: 'Bancolombia No. 1234567 por $ 800.000' },
    ]);
    const wd = data<{ sequence: string }>(
      await w.call('withdrawal.post', { idempotencyKey: crypto.randomUUID(), request: { accountNumber: '240000000029', amount: 250_000, presenters: [CC('900000002')], payout: { kind: 'efectivo' } } }),
    );
    await reverse(wd.sequence, [{ label: 'Efectivo a recibir del cliente', value: '$ 250.000' }]);
    const tr = data<{ sequence: string; receipt: { lines: { label?: string; value?: string }[] } }>(
      await w.call('transfer.post', { idempotencyKey: crypto.randomUUID(), request: { fromAccountNumber: '240000000029', toAccountNumber: '240000000086', amount: 100_000, presenters: [CC('900000002')] } }),
    );
    const holder = (label: string) => tr.receipt.lines.find((l) => l.label === label)?.value ?? '?';
    await reverse(tr.sequence, [
      { label: 'Cuenta debitada (recibió el traslado)', value: `****0086 · ${holder('Titular destino')}` },
      { label: 'Cuenta acreditada (originó el traslado)', value: `****0029 · ${holder('Titular origen')}` },
    ]);
    expect(holder('Titular destino')).not.toBe('?');
  });

  it('a teller withdraws a pending reversal request: journaled, central drops it, a supervisor can no longer approve it; once approved it cannot be withdrawn', async () => {
    w = await world(shared.central);
    const { sequence } = await deposit();
    const req = data<{ approvalId: string }>(await w.call('reversal.request', { sequence, reasonCode: 'DUPLICADO', reasonText: 'Lo pedí por error' }));
    const atCentral = async () => {
      const r = await w.client.call('getApproval', { id: req.approvalId });
      return r.ok ? r.data.approval.state : null;
    };
    await expect.poll(atCentral, { timeout: 10_000 }).toBe('pending');
    expect(data(await w.call('reversal.withdraw', { sequence }))).toEqual({ approvalId: req.approvalId, status: 'retirada' });
    const journaled = (w.core.db.prepare("SELECT payload FROM journal WHERE type = 'approval'").pluck().all() as string[]).map((p) => JSON.parse(p) as Record<string, unknown>);
    expect(journaled.at(-1)).toMatchObject({ action: 'retirada', approvalId: req.approvalId, kind: 'reversal' });
    // Central keeps it as withdrawn, not lapsed: a desk deciding it through central hears that the teller desisted.
    await expect.poll(atCentral, { timeout: 10_000 }).toBe('withdrawn');
    expect(await w.call('supervisor.decide', { id: req.approvalId, source: 'central', decision: 'aprobar', ...SUP })).toMatchObject({
      ok: false,
      error: { code: 'APPROVAL_WITHDRAWN', message: 'El cajero desistió de la solicitud antes de su decisión: ya no se puede aprobar ni rechazar.' },
    });
    expect(await w.call('supervisor.decide', { id: req.approvalId, source: 'caja', decision: 'aprobar', ...SUP })).toMatchObject({
      ok: false,
      error: { code: 'APPROVAL_WITHDRAWN', message: 'Ana Gómez retiró esta solicitud antes de su decisión: ya no se puede aprobar ni rechazar.' },
    });
    expect(await w.call('reversal.post', { idempotencyKey: crypto.randomUUID(), sequence, approvalId: req.approvalId })).toMatchObject({ ok: false, error: { code: 'APPROVAL_NOT_APPROVED' } });
    // The panel offers the form again; a new request is a new one, and once approved it is no longer withdrawn.
    expect(data(await w.call('reversal.check', { sequence }))).toMatchObject({ reversible: true, approval: null });
    expect(await w.call('reversal.withdraw', { sequence })).toMatchObject({ ok: false, error: { code: 'APPROVAL_NOT_FOUND' } });
    const again = data<{ approvalId: string }>(await w.call('reversal.request', { sequence, reasonCode: 'DUPLICADO', reasonText: 'Ahora sí' }));
    expect(again.approvalId).not.toBe(req.approvalId);
    data(await w.call('supervisor.decide', { id: again.approvalId, source: 'caja', decision: 'aprobar', ...SUP }));
    expect(await w.call('reversal.withdraw', { sequence })).toMatchObject({ ok: false, error: { code: 'APPROVAL_ALREADY_DECIDED' } });
    data(await w.call('reversal.post', { idempotencyKey: crypto.randomUUID(), sequence, approvalId: again.approvalId }));
  });

  it("a withdrawal's reversal receipt shows the 4x1000 that comes back with it", async () => {
    w = await world(shared.central);
    const r = await w.call('withdrawal.post', {
      idempotencyKey: crypto.randomUUID(),
      request: { accountNumber: '240000000029', amount: 1_000_000, presenters: [CC('900000002')], payout: { kind: 'efectivo' } },
    });
    const { sequence } = data<{ sequence: string }>(r);
    const req = data<{ approvalId: string }>(await w.call('reversal.request', { sequence, reasonCode: 'VALOR_ERRADO', reasonText: 'Era otro valor' }));
    data(await w.call('supervisor.decide', { id: req.approvalId, source: 'caja', decision: 'aprobar', ...SUP }));
    const posted = data<{ receipt: { lines: unknown[] } }>(await w.call('reversal.post', { idempotencyKey: crypto.randomUUID(), sequence, approvalId: req.approvalId }));
    expect(posted.receipt.lines).toContainEqual({ kind: 'amount', label: 'Valor reversado', amount: 1_000_000 });
    expect(posted.receipt.lines).toContainEqual({ kind: 'amount', label: 'GMF 4x1000 reintegrado', amount: 4_000 });
  });

  it("a copy of a reversed comprobante says REVERSADO with the reversal's number, when and who approved it; the original and the reversal's own copy do not", async () => {
    w = await world(shared.central);
    const request = { accountNumber: '240000000029', amount: 250_000, presenters: [CC('900000002')], payout: { kind: 'efectivo' } };
    const { sequence } = data<{ sequence: string }>(await w.call('withdrawal.post', { idempotencyKey: crypto.randomUUID(), request }));
    const printed = async (reference: string) => {
      const r = await w.call('devices.jobs', { reference });
      return r.ok && (r.data as { jobs: { state: string }[] }).jobs.every((j) => j.state === 'printed');
    };
    await expect.poll(() => printed(sequence), { timeout: 10_000 }).toBe(true);
    const req = data<{ approvalId: string }>(await w.call('reversal.request', { sequence, reasonCode: 'VALOR_ERRADO', reasonText: 'Era otro valor' }));
    data(await w.call('supervisor.decide', { id: req.approvalId, source: 'caja', decision: 'aprobar', ...SUP }));
    const posted = data<{ receipt: { sequence: string; postedAt: string } }>(await w.call('reversal.post', { idempotencyKey: crypto.randomUUID(), sequence, approvalId: req.approvalId }));
    const mark = `REVERSADO con R-${sequence} el ${formatReceiptDateTime(posted.receipt.postedAt)}, aprobó Marta Rojas`;

    const copy = data<{ job: { jobId: string; copyNumber: number }; marks: string[] }>(await w.call('devices.reprint', { target: sequence }));
    expect(copy).toMatchObject({ job: { copyNumber: 1 }, marks: [mark] });
    // What goes to the printer, as recorded before it is sent.
    const doc = (jobId: string) => JSON.parse(w.core.db.prepare('SELECT document FROM device_print_jobs WHERE id = ?').pluck().get(jobId) as string) as { marks: string[]; copyNumber?: number };
    expect(doc(copy.job.jobId)).toMatchObject({ marks: [mark], copyNumber: 1 });
    const original = w.core.db.prepare('SELECT document FROM device_print_jobs WHERE reference = ? AND copy_number = 0').pluck().get(sequence) as string;
    expect((JSON.parse(original) as { marks: string[] }).marks).toEqual([]);
    // The reversal's own receipt is no reversed comprobante: its copy keeps its own mark only.
    await expect.poll(() => printed(posted.receipt.sequence), { timeout: 10_000 }).toBe(true);
    expect(data<{ marks: string[] }>(await w.call('devices.reprint', { target: posted.receipt.sequence })).marks).toEqual(['REVERSO']);
  });

  it('a transfer is reversed only once central holds its amount again in the account it credited', async () => {
    w = await world(shared.central);
    const drain = drainer(w);
    const rosa = '240000000086';
    const request = { fromAccountNumber: '240000000029', toAccountNumber: rosa, amount: 1_000_000, presenters: [CC('900000002')] };
    const { sequence } = data<{ sequence: string }>(await w.call('transfer.post', { idempotencyKey: crypto.randomUUID(), request }));
    await drain();
    const balance = async () => (await centralBalances(w, rosa)).available;
    const spent = await w.client.call('authorizeWithdrawal', { key: crypto.randomUUID(), account: rosa, amount: (await balance()) - 300_000 });
    if (!spent.ok || spent.data.status !== 'authorized') throw new Error('could not spend at central');
    const req = data<{ approvalId: string }>(await w.call('reversal.request', { sequence, reasonCode: 'CUENTA_ERRADA', reasonText: 'Otra cuenta de destino' }));
    data(await w.call('supervisor.decide', { id: req.approvalId, source: 'caja', decision: 'aprobar', ...SUP }));
    expect(await w.call('reversal.post', { idempotencyKey: crypto.randomUUID(), sequence, approvalId: req.approvalId })).toMatchObject({
      ok: false,
      error: {
        code: 'CENTRAL_REFUSED',
        message: `No se puede reversar el traslado ${sequence}: la cuenta ${rosa}, que lo recibió, ya no tiene los fondos (el reverso debita $ 1.000.000 y hay $ 300.000 disponibles). El reverso no quedó registrado. Informe al cliente y al supervisor: con la misma aprobación, el reverso se registra cuando la cuenta tenga de nuevo los fondos.`,
      },
    });
    expect(w.core.db.prepare("SELECT COUNT(*) FROM outbox WHERE type = 'reversal'").pluck().get()).toBe(0);

    expect((await w.client.call('releaseHold', { holdId: spent.data.hold.holdId })).ok).toBe(true);
    const available = await balance();
    data(await w.call('reversal.post', { idempotencyKey: crypto.randomUUID(), sequence, approvalId: req.approvalId }));
    await drain();
    expect(await balance()).toBe(available - 1_000_000);
    const body = JSON.parse(w.core.db.prepare("SELECT body FROM outbox WHERE type = 'reversal'").pluck().get() as string) as { account: string; payload: { holdId?: string } };
    expect(body.account).toBe(rosa);
    expect(body.payload.holdId).toBeDefined();
  });

  it('Inicio lists the reversal a supervisor approved until the teller registers it, with who approved it', async () => {
    w = await world(shared.central);
    const { sequence } = await deposit();
    const approved = async () => data<{ reversals: unknown[] }>(await w.call('reversal.approved', {})).reversals;
    const req = data<{ approvalId: string }>(await w.call('reversal.request', { sequence, reasonCode: 'DUPLICADO', reasonText: 'Registrado dos veces' }));
    // Still pending: nothing to register yet.
    expect(await approved()).toEqual([]);
    data(await w.call('supervisor.decide', { id: req.approvalId, source: 'caja', decision: 'aprobar', ...SUP }));
    expect(await approved()).toEqual([
      { sequence, kind: 'Consignación', account: '240000000011', total: 1_200_000, approvalId: req.approvalId, approvedBy: 'Marta Rojas', approvedAt: expect.any(String) },
    ]);
    // Another teller signed in here does not see it as theirs.
    data(await w.call('session.logout', {}));
    data(await w.call('session.login', { username: 'cajero2', password: 'Caja.2026' }));
    expect(await approved()).toEqual([]);
    data(await w.call('session.logout', {}));
    data(await w.call('session.login', { username: 'cajero1', password: 'Caja.2026' }));
    data(await w.call('reversal.post', { idempotencyKey: crypto.randomUUID(), sequence, approvalId: req.approvalId }));
    expect(await approved()).toEqual([]);
  });

  it("with central silent, Inicio's lists answer at once with what this workstation knows, and say central did not answer", async () => {
    // Central stops answering whether a desk elsewhere decided a request, and never says so.
    let silent = false;
    const real = createCentralClient({ url: shared.central.url, token: DEMO_TOKEN_001_03, timeoutMs: 3000 });
    w = await world(shared.central, { client: { call: (route, req) => (silent && route === 'getApproval' ? new Promise<never>(() => undefined) : real.call(route, req)) } });
    const a = await deposit();
    const b = await deposit();
    const approvedHere = data<{ approvalId: string }>(await w.call('reversal.request', { sequence: a.sequence, reasonCode: 'DUPLICADO', reasonText: 'Registrado dos veces' }));
    data(await w.call('supervisor.decide', { id: approvedHere.approvalId, source: 'caja', decision: 'aprobar', ...SUP }));
    data(await w.call('reversal.request', { sequence: b.sequence, reasonCode: 'VALOR_ERRADO', reasonText: 'Era otro valor' }));
    type Approved = { reversals: { approvalId: string }[]; centralSilent: boolean };
    expect(data<Approved>(await w.call('reversal.approved', {}))).toMatchObject({ reversals: [{ approvalId: approvedHere.approvalId }], centralSilent: false });

    silent = true;
    const started = performance.now();
    const [approved, rejections] = await Promise.all([w.call('reversal.approved', {}), w.call('reversal.rejections', {})]);
    // Bounded at 1,5 s; without the bound both waited on central (here for ever, offline for the client's timeout).
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(data<Approved>(approved)).toMatchObject({ reversals: [{ approvalId: approvedHere.approvalId }], centralSilent: true });
    expect(data(rejections)).toEqual({ reversals: [] });
    // Again while the first question is still unanswered: just as soon.
    const again = performance.now();
    expect(data<Approved>(await w.call('reversal.approved', {})).centralSilent).toBe(true);
    expect(performance.now() - again).toBeLessThan(2_500);
  }, 15_000);

  it('the journal offers Reversar only to the teller who posted it; a supervisor reads who may ask, and the core refuses the supervisor too', async () => {
    w = await world(shared.central);
    const { sequence } = await deposit();
    type Entry = { comprobante: string | null; reversalNote: string | null; reference: string | null; type: string };
    const posting = async () => data<{ entries: Entry[] }>(await w.call('journal.search', { type: 'comprobante', limit: 10 })).entries.find((e) => e.reference === sequence);
    expect(await posting()).toMatchObject({ comprobante: sequence, reversalNote: null });
    data(await w.call('session.logout', {}));
    data(await w.call('session.login', SUP));
    const who = 'Solo Ana Gómez, quien registró el comprobante, puede solicitar su reverso; un supervisor lo aprueba.';
    expect(await posting()).toMatchObject({ comprobante: null, reversalNote: who });
    expect(await w.call('reversal.request', { sequence, reasonCode: 'DUPLICADO', reasonText: 'Registrado dos veces' })).toMatchObject({ ok: false, error: { code: 'NOT_REVERSIBLE', message: who } });
    expect(data(await w.call('reversal.check', { sequence }))).toMatchObject({ reversible: false, why: who });
  });

  it('the next business day (by the core\'s clock) the journal offers Reversar on none of yesterday\'s postings, and says why (QA s35 A4-2)', async () => {
    w = await world(shared.central);
    const { sequence } = await deposit();
    type Entry = { comprobante: string | null; reversalNote: string | null; reference: string | null };
    const posting = async () => data<{ entries: Entry[] }>(await w.call('journal.search', { type: 'comprobante', limit: 10 })).entries.find((e) => e.reference === sequence);
    expect(await posting()).toMatchObject({ comprobante: sequence, reversalNote: null });
    w.clock.advance(24 * 3_600_000);
    // A day without a key locks the session: the same teller comes back with the password.
    data(await w.call('session.unlock', { password: 'Caja.2026' }));
    const earlier = 'Solo se reversan comprobantes del día. Para días anteriores acuda a la oficina de operaciones.';
    expect(await posting()).toMatchObject({ comprobante: null, reversalNote: earlier });
    expect(data(await w.call('reversal.check', { sequence }))).toMatchObject({ reversible: false, why: earlier });
  });

  it("the reason the supervisor reads and the receipt prints leads with the teller's words, not a sentence every reversal shares", async () => {
    w = await world(shared.central);
    const { sequence } = await deposit();
    const req = data<{ approvalId: string }>(await w.call('reversal.request', { sequence, reasonCode: 'CUENTA_ERRADA', reasonText: 'El cliente dictó otra cuenta.' }));
    const reason = 'El cliente dictó otra cuenta (Cuenta equivocada)';
    const queue = data<{ items: { id: string; reasons: { message: string }[]; context: Record<string, unknown> }[] }>(await w.call('supervisor.queue', {}));
    const item = queue.items.find((i) => i.id === req.approvalId);
    expect(item?.reasons.map((r) => r.message)).toEqual([reason]);
    expect(item?.context.Motivo).toBe(reason);
    data(await w.call('supervisor.decide', { id: req.approvalId, source: 'caja', decision: 'aprobar', ...SUP }));
    const posted = data<{ receipt: { lines: unknown[] } }>(await w.call('reversal.post', { idempotencyKey: crypto.randomUUID(), sequence, approvalId: req.approvalId }));
    expect(posted.receipt.lines).toContainEqual({ kind: 'field', label: 'Motivo', value: reason });
    const j = JSON.parse(w.core.db.prepare("SELECT payload FROM journal WHERE type = 'reversal'").pluck().get() as string) as { reason: string };
    expect(j.reason).toBe(reason);
  });

  it('a rejection taken at the desk is told to the teller once, once Inicio showed it; one rejected over their shoulder is not told again', async () => {
    w = await world(shared.central);
    const a = await deposit();
    const b = await deposit();
    const rejections = async () => data<{ reversals: { id: string }[] }>(await w.call('reversal.rejections', {})).reversals;
    // Rejected at this workstation with the teller's session on it: the panel showed it there.
    const here = data<{ approvalId: string }>(await w.call('reversal.request', { sequence: a.sequence, reasonCode: 'DUPLICADO', reasonText: 'Registrado dos veces' }));
    data(await w.call('supervisor.decide', { id: here.approvalId, source: 'caja', decision: 'rechazar', note: 'No procede', ...SUP }));
    expect(await rejections()).toEqual([]);
    // Rejected at the desk, with the supervisor signed in: the teller learns it at Inicio, once.
    const desk = data<{ approvalId: string }>(await w.call('reversal.request', { sequence: b.sequence, reasonCode: 'VALOR_ERRADO', reasonText: 'Era otro valor' }));
    data(await w.call('session.logout', {}));
    data(await w.call('session.login', SUP));
    data(await w.call('supervisor.decide', { id: desk.approvalId, source: 'caja', decision: 'rechazar', note: 'Cliente presente, confirme con él', ...SUP }));
    expect(await rejections()).toEqual([]);
    data(await w.call('session.logout', {}));
    data(await w.call('session.login', { username: 'cajero1', password: 'Caja.2026' }));
    const told = [{ id: desk.approvalId, sequence: b.sequence, kind: 'Consignación', total: 1_200_000, rejectedBy: 'Marta Rojas', note: 'Cliente presente, confirme con él' }];
    expect(await rejections()).toEqual(told);
    // Listed is not shown: an answer lost before Inicio drew it (a crash, a closed window) is listed again.
    expect(await rejections()).toEqual(told);
    // Only the teller who asked acknowledges it: another user's acknowledgement tells nobody.
    data(await w.call('session.logout', {}));
    data(await w.call('session.login', SUP));
    expect(data(await w.call('reversal.rejectionsShown', { ids: [desk.approvalId] }))).toEqual({ told: 0 });
    data(await w.call('session.logout', {}));
    data(await w.call('session.login', { username: 'cajero1', password: 'Caja.2026' }));
    expect(await rejections()).toEqual(told);
    // Inicio showed it: told, once.
    expect(data(await w.call('reversal.rejectionsShown', { ids: [desk.approvalId, desk.approvalId] }))).toEqual({ told: 1 });
    expect(await rejections()).toEqual([]);
    expect(data(await w.call('reversal.rejectionsShown', { ids: [desk.approvalId] }))).toEqual({ told: 0 });
  });
  it('QA s35 A4-3: a request left pending lapses overnight: journaled once as vencida and told to the teller once at Inicio, with every kind\'s lapses', async () => {
    w = await world(shared.central);
    const { sequence } = await deposit();
    const req = data<{ approvalId: string }>(await w.call('reversal.request', { sequence, reasonCode: 'CUENTA_ERRADA', reasonText: 'El cliente dictó otra cuenta' }));
    const lapsed = async () => data<{ requests: { id: string }[] }>(await w.call('supervisor.lapsed', {})).requests;
    const lapses = () =>
      w.core.db.prepare("SELECT COUNT(*) FROM journal WHERE type = 'approval' AND json_extract(payload, '$.action') = 'vencida' AND json_extract(payload, '$.approvalId') = ?").pluck().get(req.approvalId);
    // Still within its deadline: nothing to tell, nothing journaled.
    expect(await lapsed()).toEqual([]);
    expect(lapses()).toBe(0);
    // Nobody decided it; the next morning the teller signs in again.
    data(await w.call('session.logout', {}));
    w.clock.set(new Date('2025-03-04T15:00:00Z'));
    data(await w.call('session.login', { username: 'cajero1', password: 'Caja.2026' }));
    const told = [{ id: req.approvalId, kind: 'reversal', reference: sequence, amount: 1_200_000, expiresAt: expect.any(String) }];
    expect(await lapsed()).toEqual(told);
    // Not a rejection: said once, as a lapse.
    expect(data<{ reversals: unknown[] }>(await w.call('reversal.rejections', {})).reversals).toEqual([]);
    expect(lapses()).toBe(1);
    // Read again (Inicio polls) before it was shown: listed again, journaled still once.
    expect(await lapsed()).toEqual(told);
    expect(lapses()).toBe(1);
    expect(data(await w.call('supervisor.lapsedShown', { ids: [req.approvalId] }))).toEqual({ told: 1 });
    expect(await lapsed()).toEqual([]);
    expect(lapses()).toBe(1);
  });
});
