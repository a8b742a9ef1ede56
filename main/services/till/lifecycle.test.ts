import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { tempCore } from '../../testing/temp-core';
import { data } from '../../testing/wire-data';
import { tillCash } from '../../testing/till-cash';

const TELLER = { username: 'cajero1', password: 'Caja.2026' };
const SUP = { username: 'supervisor1', password: 'Super.2026' };
const opening = { '50000': 20, '10000': 10, '1000': 50 }; // $ 1.150.000

type Core = Awaited<ReturnType<typeof tempCore>>;
const as = async (t: Core, user: { username: string; password: string }) => {
  await t.call('session.logout');
  data(await t.call('session.login', user));
};
const openTill = async (t: Core) => {
  await as(t, TELLER);
  data(await t.call('till.open', { idempotencyKey: randomUUID(), count: opening, declaredTotal: 1_150_000 }));
};

describe('till lifecycle: provision, blind arqueo, supervised difference, immutable close, supervised reopen', () => {
  let t: Core;
  afterEach(() => t.close());

  it('without central, a provision is refused with a clear message and nothing leaves the vault or reaches the till', async () => {
    // The branch vault is kept at central (main/services/vault/across-workstations.test.ts drives it end to end).
    t = await tempCore();
    await openTill(t);
    await as(t, SUP);
    expect(await t.call('vault.send', { idempotencyKey: randomUUID(), to: { kind: 'till', ref: '03' }, count: { '100000': 20 }, declaredTotal: 2_000_000 })).toMatchObject({
      ok: false,
      error: { code: 'CENTRAL_UNAVAILABLE', message: expect.stringContaining('La bóveda se lleva en central') },
    });
    // Still never over the receiving till's holding limit ($ 60.000.000 by default; it holds $ 1.150.000).
    expect(await t.call('vault.send', { idempotencyKey: randomUUID(), to: { kind: 'till', ref: '03' }, count: { '100000': 600 }, declaredTotal: 60_000_000 })).toMatchObject({
      ok: false,
      error: { code: 'HOLDING_LIMIT', message: expect.stringContaining('Envíe como máximo $ 58.850.000') },
    });
    expect(data(await t.call('vault.overview', {}))).toMatchObject({ vaultTotal: null, transfers: [], centralReachable: false });
    await as(t, TELLER);
    expect(tillCash(t.core.db).positionTotal).toBe(1_150_000);
    expect(data<{ canClose: boolean }>(await t.call('till.gate')).canClose).toBe(true);
  });

  it('a shortage above the threshold asks for a second blind count, then needs a reason and another person to approve', async () => {
    t = await tempCore();
    await openTill(t);
    expect(await t.call('till.printReport')).toMatchObject({ ok: false, error: { code: 'NOTHING_TO_PRINT' } });
    // Short one 50.000 bill and one 10.000 bill: $ 60.000 > threshold $ 50.000.
    const first = data<{ next: string; difference: number | null; closingId: string }>(
      await t.call('till.count', { idempotencyKey: randomUUID(), count: { '50000': 19, '10000': 9, '1000': 50 } }),
    );
    expect(first).toMatchObject({ next: 'recontar', difference: null, countNumber: 1 });
    const second = data<{ next: string; difference: number; outcome: string; closingId: string }>(
      await t.call('till.count', { idempotencyKey: randomUUID(), count: { '50000': 19, '10000': 10, '1000': 50 } }),
    );
    expect(second).toMatchObject({ next: 'aprobar', difference: -50_000, outcome: 'faltante', countNumber: 2, closingId: first.closingId });
    expect(await t.call('till.close', { idempotencyKey: randomUUID(), closingId: second.closingId })).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    const req = data<{ approvalId: string; status: string }>(
      await t.call('till.requestDifferenceApproval', { closingId: second.closingId, reasonCode: 'ERROR_PAGO', reasonText: 'Se entregó un billete de más en un retiro' }),
    );
    expect(req.status).toBe('pendiente');
    // The teller cannot approve their own difference, with their own credentials.
    expect(await t.call('supervisor.decide', { id: req.approvalId, source: 'caja', decision: 'aprobar', ...TELLER })).toMatchObject({ ok: false, error: { code: 'NOT_A_SUPERVISOR' } });
    expect(await t.call('till.close', { idempotencyKey: randomUUID(), closingId: second.closingId })).toMatchObject({ ok: false, error: { code: 'APPROVAL_NOT_APPROVED' } });
    const queue = data<{ items: { id: string; source: string; context: Record<string, string> }[] }>(await t.call('supervisor.queue'));
    expect(queue.items).toEqual([expect.objectContaining({ id: req.approvalId, source: 'caja', context: expect.objectContaining({ Diferencia: 'Faltante $ 50.000' }) })]);
    expect(data(await t.call('supervisor.decide', { id: req.approvalId, source: 'caja', decision: 'aprobar', note: 'Revisado', ...SUP }))).toEqual({ status: 'aprobada' });
    const closed = data<{ report: { title: string; sequence: string; verificationCode: string; lines: { kind: string; label?: string; amount?: number }[] } }>(
      await t.call('till.close', { idempotencyKey: randomUUID(), closingId: second.closingId }),
    );
    expect(closed.report.title).toBe('CIERRE DE CAJA - REPORTE DE FIN DE DÍA');
    expect(closed.report.lines).toContainEqual({ kind: 'amount', label: 'FALTANTE', amount: 50_000 });
    // Dates as the paper is read in Colombia (Bogotá time), never the stored ISO text.
    const field = (label: string) => (closed.report.lines as { label?: string; value?: string }[]).find((l) => l.label === label)?.value;
    expect(field('Fecha contable')).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(field('Apertura')).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    expect(field('Cierre')).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    // The reason in the words the supervisor approved, not its code.
    expect(field('Motivo')).toMatch(/^Error al pagar un retiro \(se entregó de más o de menos\)\. /);
    expect(data<{ till: null }>(await t.call('till.current')).till).toBeNull();

    // Immutable: the store refuses to touch the closed session or add movements to it.
    const db = t.core.db;
    const closedId = db.prepare("SELECT id FROM till_sessions WHERE state = 'cerrada'").pluck().get() as string;
    expect(() => db.prepare('UPDATE till_sessions SET position_total = 0 WHERE id = ?').run(closedId)).toThrow(/immutable/);
    expect(() =>
      db.prepare("INSERT INTO till_movements (id, till_session_id, kind, delta, amount, at) VALUES ('m', ?, 'x', '{}', 1, 'now')").run(closedId),
    ).toThrow(/closed till/);
    const close = JSON.parse(db.prepare("SELECT payload FROM journal WHERE type = 'till_close'").pluck().get() as string) as Record<string, unknown>;
    expect(close).toMatchObject({ difference: -50_000, state: 'faltante', reasonCode: 'ERROR_PAGO', countedTotal: 1_100_000, document: closed.report.sequence });
    expect(data<{ ok: boolean }>(await t.call('journal.verify')).ok).toBe(true);

    // F2 reads it before the count: the one who closed it is told to reopen through F6; another teller is not.
    expect(data<{ openRefusal: string | null }>(await t.call('till.current')).openRefusal).toContain('Usted ya cerró la caja 03 hoy');
    // Another teller cannot take the closed till's cash uncounted: only the one who closed it asks to reopen.
    await as(t, { username: 'cajero2', password: 'Caja.2026' });
    expect(data<{ openRefusal: string | null }>(await t.call('till.current')).openRefusal).toBeNull();
    expect(await t.call('till.requestReopen', { reason: 'Tomo la caja de Ana' })).toMatchObject({ ok: false, error: { code: 'TILL_NOT_YOURS', message: expect.stringContaining('la cerró Ana Gómez') } });
    await as(t, TELLER);
    // Nor does the one who closed it start again with a count of their own: that would skip the supervisor.
    expect(await t.call('till.open', { idempotencyKey: randomUUID(), count: { '100000': 10 }, declaredTotal: 1_000_000 })).toMatchObject({
      ok: false,
      error: { code: 'TILL_CLOSED_TODAY', message: expect.stringContaining('pida la reapertura en Cierre de caja (F6)') },
    });
    // Reopening: asked by the teller, approved by a supervisor, a new session with the closed count.
    const reopenReq = data<{ approvalId: string }>(await t.call('till.requestReopen', { reason: 'Cliente con consignación pendiente' }));
    expect(await t.call('till.reopen', { idempotencyKey: randomUUID(), approvalId: reopenReq.approvalId })).toMatchObject({ ok: false, error: { code: 'APPROVAL_NOT_APPROVED' } });
    // The supervisor reads what is asked: a reopening, not a till difference.
    const asked = data<{ items: { id: string; summary: string; context: Record<string, string>; reasons: { code: string; message: string }[] }[] }>(await t.call('supervisor.queue')).items.find((i) => i.id === reopenReq.approvalId);
    expect(asked?.reasons).toEqual([{ code: 'TILL_REOPEN', message: expect.stringContaining('Reapertura solicitada: Cliente con consignación pendiente') }]);
    // Times as the supervisor reads them (Bogotá), not the stored instant.
    const said = JSON.stringify([asked?.summary, asked?.context]);
    expect(said).toMatch(/cerrada el \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/);
    expect(said).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    data(await t.call('supervisor.decide', { id: reopenReq.approvalId, source: 'caja', decision: 'aprobar', ...SUP }));
    // Approved on the desk, asked again from the closed-till screen (any reason): the same approved request.
    expect(data<{ approvalId: string; status: string }>(await t.call('till.requestReopen', { reason: 'Otra vez' }))).toEqual({ approvalId: reopenReq.approvalId, status: 'aprobada' });
    // Entries after the close (the reopening's request and approval) do not change the report shown again: it
    // carries the verification code of the paper printed at the close.
    const closeSequence = db.prepare("SELECT sequence FROM journal WHERE type = 'till_close'").pluck().get() as number;
    expect(db.prepare('SELECT MAX(sequence) FROM journal').pluck().get()).toBeGreaterThan(closeSequence);
    expect(data<{ report: { verificationCode: string } }>(await t.call('till.lastReport')).report.verificationCode).toBe(closed.report.verificationCode);
    // Printed again from the closed-till screen: a copy once the original is out.
    for (let k = 0; k < 100 && !(await t.call('till.printReport')).ok; k++) await new Promise((r) => setTimeout(r, 20));
    expect(db.prepare("SELECT copy_number FROM device_print_jobs WHERE reference = ? ORDER BY copy_number").pluck().all(closed.report.sequence)).toEqual([0, 1]);
    // Recorded as what it is (F5 names an owed original by it), the copy as its original.
    expect(db.prepare('SELECT DISTINCT kind FROM device_print_jobs WHERE reference = ?').pluck().all(closed.report.sequence)).toEqual(['close_report']);
    const reopened = data<{ till: { id: string; openingTotal: number } }>(await t.call('till.reopen', { idempotencyKey: randomUUID(), approvalId: reopenReq.approvalId }));
    expect(reopened.till.openingTotal).toBe(1_100_000);
    expect(reopened.till.id).not.toBe(closedId);
    expect(db.prepare('SELECT reopened_from FROM till_sessions WHERE id = ?').pluck().get(reopened.till.id)).toBe(closedId);

    // Its own close: the report covers only the reopened session and says so, why and who allowed it.
    const recount = data<{ closingId: string; next: string }>(await t.call('till.count', { idempotencyKey: randomUUID(), count: { '50000': 19, '10000': 10, '1000': 50 } }));
    expect(recount.next).toBe('cerrar');
    const again = data<{ report: { sequence: string; title: string; lines: { kind: string; label?: string; value?: string; amount?: number }[] } }>(
      await t.call('till.close', { idempotencyKey: randomUUID(), closingId: recount.closingId }),
    );
    expect(again.report.title).toBe('CIERRE DE CAJA - REPORTE DE REAPERTURA');
    expect(db.prepare('SELECT kind FROM device_print_jobs WHERE reference = ?').pluck().all(again.report.sequence)).toEqual(['reopening_report']);
    expect(again.report.lines.slice(0, 5)).toEqual([
      { kind: 'text', text: 'REAPERTURA: este reporte cubre solo lo ocurrido desde la reapertura.', emphasis: true },
      { kind: 'field', label: 'Cierre anterior', value: field('Cierre') },
      { kind: 'amount', label: 'Saldo del cierre anterior', amount: 1_100_000 },
      { kind: 'field', label: 'Motivo de la reapertura', value: 'Cliente con consignación pendiente' },
      { kind: 'field', label: 'Aprobó la reapertura', value: 'Marta Rojas' },
    ]);
  });

  it('the gate blocks counting while an approval is pending and lists where to resolve it', async () => {
    t = await tempCore();
    await openTill(t);
    const c = data<{ closingId: string }>(await t.call('till.count', { idempotencyKey: randomUUID(), count: { '50000': 20, '10000': 10, '1000': 49 } }));
    data(await t.call('till.requestDifferenceApproval', { closingId: c.closingId, reasonCode: 'NO_IDENTIFICADA', reasonText: 'No se encontró la causa' }));
    // The difference's own request does not block its close; another pending one would.
    expect(data<{ canClose: boolean }>(await t.call('till.gate')).canClose).toBe(true);
    t.core.db
      .prepare(
        `INSERT INTO supervised_requests (id, kind, subject, summary, reasons, context, amount, maker_id, requested_at, expires_at, status)
         SELECT 'other', 'reversal', 's', 'Reverso de Consignación 001-01-000003 por $ 100.000', '[]', '{}', 1, maker_id, requested_at, expires_at, 'pendiente' FROM supervised_requests LIMIT 1`,
      )
      .run();
    const gate = data<{ canClose: boolean; items: { code: string; message: string; resolveAt: string }[] }>(await t.call('till.gate'));
    expect(gate).toMatchObject({ canClose: false, items: [{ code: 'PENDING_APPROVALS' }] });
    // Named, with where the teller can take it back (QA: the gate said only "1 solicitud … pendiente").
    expect(gate.items[0]?.message).toBe('1 solicitud de aprobación pendiente del supervisor: Reverso de Consignación 001-01-000003 por $ 100.000.');
    expect(gate.items[0]?.resolveAt).toContain('Escritorio del supervisor');
    expect(gate.items[0]?.resolveAt).toContain('Desistir del reverso');
    expect(await t.call('till.close', { idempotencyKey: randomUUID(), closingId: c.closingId })).toMatchObject({ ok: false, error: { code: 'CLOSE_BLOCKED' } });
  });

  it('a tampered journal is reported at start, not ignored', async () => {
    t = await tempCore();
    await openTill(t);
    t.core.db.exec("DROP TRIGGER journal_no_update; UPDATE journal SET actor = 'otro' WHERE sequence = 2;");
    await t.reopen();
    expect(t.logs).toContainEqual(expect.objectContaining({ level: 'error', msg: 'journal chain broken at start', firstBadSequence: 2 }));
    data(await t.call('session.login', TELLER));
    const s = data<{ ok: boolean; firstBadSequence: number; message: string }>(await t.call('journal.status'));
    expect(s).toMatchObject({ ok: false, firstBadSequence: 2 });
    expect(s.message).toContain('DIARIO ALTERADO desde el registro 2');
  });
});

describe('recount after a difference', () => {
  let t: Core;
  afterEach(() => t.close());

  it('the same difference counted again keeps its request: approved on the desk meanwhile, the till closes without asking again', async () => {
    t = await tempCore();
    await openTill(t);
    const short = { '50000': 20, '10000': 10, '1000': 49 };
    const a = data<{ closingId: string }>(await t.call('till.count', { idempotencyKey: randomUUID(), count: short }));
    const asked = data<{ approvalId: string }>(await t.call('till.requestDifferenceApproval', { closingId: a.closingId, reasonCode: 'NO_IDENTIFICADA', reasonText: 'Moneda perdida' }));
    data(await t.call('supervisor.decide', { id: asked.approvalId, source: 'caja', decision: 'aprobar', note: 'Revisado', ...SUP }));
    // The teller left F6 and comes back: a new blind count, the same $ 1.000 short.
    const b = data<{ closingId: string; approvalId: string | null; approvalStatus: string | null }>(await t.call('till.count', { idempotencyKey: randomUUID(), count: short }));
    expect(b).toMatchObject({ closingId: a.closingId, approvalId: asked.approvalId, approvalStatus: 'aprobada' });
    const closed = data<{ report: { lines: { label?: string; value?: string }[] } }>(await t.call('till.close', { idempotencyKey: randomUUID(), closingId: b.closingId }));
    expect(closed.report.lines.find((l) => l.label === 'Motivo')?.value).toBe('Causa no identificada. Moneda perdida');
  });

  it('a new count after a shown difference: the close books what was counted last, the moot request is withdrawn, and squaring still needs a supervisor', async () => {
    t = await tempCore();
    await openTill(t);
    const a = data<{ closingId: string; difference: number }>(await t.call('till.count', { idempotencyKey: randomUUID(), count: { '50000': 20, '10000': 10, '1000': 49 } }));
    expect(a.difference).toBe(-1000);
    const asked = data<{ approvalId: string }>(await t.call('till.requestDifferenceApproval', { closingId: a.closingId, reasonCode: 'NO_IDENTIFICADA', reasonText: 'Moneda perdida' }));
    expect(data<{ items: { id: string }[] }>(await t.call('supervisor.queue')).items.map((i) => i.id)).toEqual([asked.approvalId]);
    const b = data<{ closingId: string; next: string }>(await t.call('till.count', { idempotencyKey: randomUUID(), count: opening }));
    // The coin turned up, but the teller had seen the difference (blind close): the squared count goes to a supervisor.
    expect(b).toMatchObject({ closingId: a.closingId, next: 'aprobar', outcome: 'cuadrada', countNumber: 2, withdrewApproval: true });
    // The request for the $ 1.000 it made moot leaves the desk and cannot be approved late.
    expect(data<{ items: unknown[] }>(await t.call('supervisor.queue')).items).toEqual([]);
    expect(await t.call('supervisor.decide', { id: asked.approvalId, source: 'caja', decision: 'aprobar', note: 'Tarde', ...SUP })).toMatchObject({ ok: false });
    expect(await t.call('till.close', { idempotencyKey: randomUUID(), closingId: b.closingId })).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    const squared = data<{ approvalId: string }>(await t.call('till.requestDifferenceApproval', { closingId: b.closingId, reasonCode: 'NO_IDENTIFICADA', reasonText: 'Apareció la moneda' }));
    data(await t.call('supervisor.decide', { id: squared.approvalId, source: 'caja', decision: 'aprobar', note: 'Revisado', ...SUP }));
    const closed = data<{ report: { lines: { kind: string; text?: string; label?: string; amount?: number }[] } }>(await t.call('till.close', { idempotencyKey: randomUUID(), closingId: b.closingId }));
    expect(closed.report.lines).toContainEqual({ kind: 'text', text: 'CAJA CUADRADA', align: 'center', emphasis: true });
    expect(closed.report.lines).toContainEqual({ kind: 'amount', label: 'Arqueo (contado)', amount: 1_150_000 });
    const withdrawn = t.core.db.prepare("SELECT payload FROM journal WHERE type = 'approval' AND payload LIKE '%retirada%'").pluck().all() as string[];
    expect(withdrawn.map((p) => JSON.parse(p) as { approvalId: string })).toMatchObject([{ approvalId: asked.approvalId }]);
  });

  it('a recount with another difference withdraws the first request; the new difference is asked and approved on its own', async () => {
    t = await tempCore();
    await openTill(t);
    const a = data<{ closingId: string }>(await t.call('till.count', { idempotencyKey: randomUUID(), count: { '50000': 20, '10000': 10, '1000': 49 } }));
    const first = data<{ approvalId: string }>(await t.call('till.requestDifferenceApproval', { closingId: a.closingId, reasonCode: 'NO_IDENTIFICADA', reasonText: 'Moneda perdida' }));
    t.clock.advance(60_000);
    const b = data<{ closingId: string; difference: number; approvalId: string | null }>(
      await t.call('till.count', { idempotencyKey: randomUUID(), count: { '50000': 20, '10000': 10, '1000': 48 } }),
    );
    expect(b).toMatchObject({ difference: -2000, approvalId: null, withdrewApproval: true });
    const second = data<{ approvalId: string; status: string }>(await t.call('till.requestDifferenceApproval', { closingId: b.closingId, reasonCode: 'NO_IDENTIFICADA', reasonText: 'Dos monedas' }));
    expect(second.approvalId).not.toBe(first.approvalId);
    expect(data<{ items: { id: string }[] }>(await t.call('supervisor.queue')).items.map((i) => i.id)).toEqual([second.approvalId]);
    data(await t.call('supervisor.decide', { id: second.approvalId, source: 'caja', decision: 'aprobar', note: 'Revisado', ...SUP }));
    expect(await t.call('till.close', { idempotencyKey: randomUUID(), closingId: b.closingId })).toMatchObject({ ok: true });
  });
});
