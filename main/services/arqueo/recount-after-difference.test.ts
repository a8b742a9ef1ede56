import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { journalStateLabel } from '../../../domain/journal/state-labels';
import { tempCore } from '../../testing/temp-core';
import { data } from '../../testing/wire-data';

const TELLER = { username: 'cajero1', password: 'Caja.2026' };
const SUP = { username: 'supervisor1', password: 'Super.2026' };
const opening = { '50000': 20, '10000': 10, '1000': 50 }; // $ 1.150.000
// Short $ 60.000, above the $ 50.000 threshold: a first count is answered "recontar".
const short = { '50000': 19, '10000': 9, '1000': 50 };

type Core = Awaited<ReturnType<typeof tempCore>>;
interface Counted {
  closingId: string;
  countNumber: number;
  next: string;
  difference: number | null;
  outcome: string | null;
  withdrewApproval?: boolean;
}
type Line = { kind: string; label?: string; value?: string; text?: string };

const count = async (t: Core, c: Record<string, number>) => data<Counted>(await t.call('till.count', { idempotencyKey: randomUUID(), count: c }));
const ask = async (t: Core, closingId: string, reasonText: string) =>
  data<{ approvalId: string }>(await t.call('till.requestDifferenceApproval', { closingId, reasonCode: 'NO_IDENTIFICADA', reasonText }));

describe('blind close: a recount after a shown difference does not square the till behind the supervisor', () => {
  let t: Core;
  afterEach(() => t.close());

  it('shortage shown, request sent, recount squares: the supervisor approves the close; report and close record list the three counts', async () => {
    t = await tempCore();
    data(await t.call('session.login', TELLER));
    data(await t.call('till.open', { idempotencyKey: randomUUID(), count: opening, declaredTotal: 1_150_000 }));
    expect(await count(t, short)).toMatchObject({ countNumber: 1, next: 'recontar', difference: null });
    const second = await count(t, short);
    expect(second).toMatchObject({ countNumber: 2, next: 'aprobar', difference: -60_000 });
    const first = await ask(t, second.closingId, 'No encuentro el faltante');

    // The teller now knows the expected cash: a count that squares is the third count, and it is not the close.
    const third = await count(t, opening);
    expect(third).toMatchObject({ closingId: second.closingId, countNumber: 3, next: 'aprobar', difference: 0, outcome: 'cuadrada', withdrewApproval: true });
    expect(await t.call('till.close', { idempotencyKey: randomUUID(), closingId: third.closingId })).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    // The journal says what happened: the recount squared after a difference, and it still goes to the supervisor.
    const states = (t.core.db.prepare("SELECT payload FROM journal WHERE type = 'cash_count' ORDER BY rowid").pluck().all() as string[]).map((p) => journalStateLabel(String((JSON.parse(p) as { state: string }).state)));
    expect(states).toEqual(['Recontar', 'Diferencia: requiere aprobación', 'Cuadrado tras una diferencia: requiere aprobación']);
    const req = await ask(t, third.closingId, 'Un billete estaba en el cajón de monedas');
    expect(req.approvalId).not.toBe(first.approvalId);
    // The supervisor reads both counts: the shortage shown and the recount that squares.
    const queue = data<{ items: { id: string; context: Record<string, string> }[] }>(await t.call('supervisor.queue'));
    expect(queue.items).toEqual([
      expect.objectContaining({
        id: req.approvalId,
        context: expect.objectContaining({ Conteos: '3', 'Conteo 2': '$ 1.090.000 · faltante $ 60.000', 'Conteo 3': '$ 1.150.000 · cuadrado' }),
      }),
    ]);
    data(await t.call('supervisor.decide', { id: req.approvalId, source: 'caja', decision: 'aprobar', note: 'Revisado', ...SUP }));

    const closed = data<{ report: { lines: Line[] } }>(await t.call('till.close', { idempotencyKey: randomUUID(), closingId: third.closingId }));
    const field = (label: string) => closed.report.lines.find((l) => l.label === label)?.value;
    expect(closed.report.lines).toContainEqual(expect.objectContaining({ text: 'CAJA CUADRADA' }));
    expect(field('Conteos')).toBe('3');
    expect(field('Conteo 1')).toBe('$ 1.090.000 · faltante $ 60.000 · segundo conteo ciego pedido');
    expect(field('Conteo 2')).toBe('$ 1.090.000 · faltante $ 60.000 · solicitud retirada al contar de nuevo');
    expect(field('Conteo 3')).toBe('$ 1.150.000 · cuadrado · aprobó Marta Rojas');
    expect(field('Aprobó')).toBe('Marta Rojas');
    const close = JSON.parse(t.core.db.prepare("SELECT payload FROM journal WHERE type = 'till_close'").pluck().get() as string) as { approvalId: string; counts: unknown[] };
    expect(close.approvalId).toBe(req.approvalId);
    expect(close.counts).toEqual([
      expect.objectContaining({ n: 1, difference: -60_000, decision: 'segundo conteo ciego pedido' }),
      expect.objectContaining({ n: 2, difference: -60_000, approvalId: first.approvalId }),
      expect.objectContaining({ n: 3, difference: 0, approvalId: req.approvalId }),
    ]);
  });

  it('counts keep their number after a shown difference and none is a blind first count again: a large difference is final at once', async () => {
    t = await tempCore();
    data(await t.call('session.login', TELLER));
    data(await t.call('till.open', { idempotencyKey: randomUUID(), count: opening, declaredTotal: 1_150_000 }));
    // A small shortage is final on the first count: the teller sees it.
    expect(await count(t, { ...opening, '1000': 49 })).toMatchObject({ countNumber: 1, next: 'aprobar', difference: -1_000 });
    // A new count far off is count 2 and answers its difference, not "recontar" as a first blind count would.
    expect(await count(t, short)).toMatchObject({ countNumber: 2, next: 'aprobar', difference: -60_000 });
    const resumed = data<{ last: { result: Counted } | null }>(await t.call('till.gate')).last;
    expect(resumed?.result).toMatchObject({ countNumber: 2, next: 'aprobar', difference: -60_000 });
    expect(await count(t, opening)).toMatchObject({ countNumber: 3, next: 'aprobar', outcome: 'cuadrada' });
  });
});
