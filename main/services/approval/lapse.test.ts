import { afterEach, describe, expect, it } from 'vitest';
import { CC, world, type World, sharedCentral } from '../comprobante/testing/world';
import { data } from '../../testing/wire-data';
import { tillCash } from '../../testing/till-cash';

/**
 * A supervisor request that lapses undecided (a withdrawal's visación, a reversal) on a real SQLite file, the
 * workstation relaying it to a real central: its lapse is journaled once, whoever notices it first.
 */
const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

const SUP = { username: 'supervisor1', password: 'Super.2026' };
// Juan withdraws $ 6.000.000 from his own account: above the $ 5.000.000 of visación.
const visacion = { accountNumber: '240000000029', amount: 6_000_000, presenters: [CC('900000002')], payout: { kind: 'efectivo' as const } };

const askVisacion = async () =>
  data<{ approval: { id: string } }>(await w.call('approval.request', { idempotencyKey: crypto.randomUUID(), operation: { kind: 'withdrawal', request: visacion } })).approval.id;
const askReversal = async () => {
  const { sequence } = data<{ sequence: string }>(
    await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: { accountNumber: '240000000011', depositor: { id: CC('900000001') }, cash: { '50000': 24 }, declaredTotal: 1_200_000 } }),
  );
  return data<{ approvalId: string }>(await w.call('reversal.request', { sequence, reasonCode: 'CUENTA_ERRADA', reasonText: 'El cliente dictó otra cuenta' })).approvalId;
};
/** The journal's lapse entries of request `id`. */
const lapses = (id: string) =>
  w.core.db.prepare("SELECT COUNT(*) FROM journal WHERE type = 'approval' AND json_extract(payload, '$.action') = 'vencida' AND json_extract(payload, '$.approvalId') = ?").pluck().get(id);
/** `ms` later the teller signs in again (the idle lock would refuse the call otherwise). */
const later = async (ms: number) => {
  w.clock.advance(ms);
  data(await w.call('session.logout', {}));
  data(await w.call('session.login', { username: 'cajero1', password: 'Caja.2026' }));
};
const REFUSAL = /^Esta solicitud venció el 03\/03\/2025 a las \d\d:\d\d sin decisión: ya no se puede aprobar ni rechazar\. Quien la pidió debe solicitar de nuevo la autorización\.$/;

describe('a decision typed after the request lapsed', () => {
  it('a visación: refused in words, journaled vencida once across the counter, the desk and retries', async () => {
    w = await world(shared.central);
    const id = await askVisacion();
    await later(15 * 60_000 + 1_000);
    const refused = await w.call('approval.decide', { approvalId: id, decision: 'aprobar', ...SUP });
    expect(refused).toMatchObject({ ok: false, error: { code: 'APPROVAL_EXPIRED', message: expect.stringMatching(REFUSAL) } });
    expect(lapses(id)).toBe(1);
    expect(w.core.db.prepare('SELECT status FROM approvals WHERE id = ?').pluck().get(id)).toBe('vencida');
    // A retry at the counter, and the same request at this workstation's desk: said the same, journaled still once.
    expect(await w.call('approval.decide', { approvalId: id, decision: 'rechazar', note: 'Tarde', ...SUP })).toMatchObject({ ok: false, error: { code: 'APPROVAL_EXPIRED' } });
    expect(await w.call('supervisor.decide', { id, source: 'comprobante', decision: 'aprobar', ...SUP })).toMatchObject({ ok: false, error: { code: 'APPROVAL_EXPIRED' } });
    expect(lapses(id)).toBe(1);
  });

  it('a reversal: refused in words, journaled vencida once, and central is never told the teller withdrew it', async () => {
    w = await world(shared.central);
    const id = await askReversal();
    await later(30 * 60_000 + 1_000);
    const refused = await w.call('supervisor.decide', { id, source: 'caja', decision: 'aprobar', ...SUP });
    expect(refused).toMatchObject({ ok: false, error: { code: 'APPROVAL_EXPIRED', message: expect.stringMatching(REFUSAL) } });
    expect(lapses(id)).toBe(1);
    expect(await w.call('supervisor.decide', { id, source: 'caja', decision: 'rechazar', note: 'Tarde', ...SUP })).toMatchObject({ ok: false, error: { code: 'APPROVAL_EXPIRED' } });
    expect(lapses(id)).toBe(1);
    // Central lapses its copy at the same deadline: an outcome 'withdrawn' would tell the desks the teller desisted.
    expect(w.core.db.prepare("SELECT COUNT(*) FROM outbox WHERE type = 'approval_outcome'").pluck().get()).toBe(0);
  });
});

describe('a lapse nobody looked at is in the journal before it is read', () => {
  const visaciones = () => w.core.db.prepare("SELECT COUNT(*) FROM journal WHERE type = 'approval' AND json_extract(payload, '$.action') = 'vencida'").pluck().get();

  it('at the core’s start: what lapsed while the workstation was off is journaled once, before any screen asks', async () => {
    w = await world(shared.central);
    const visacion = await askVisacion();
    const reversal = await askReversal();
    w.clock.advance(30 * 60_000 + 1_000);
    await w.reopen();
    expect([lapses(visacion), lapses(reversal)]).toEqual([1, 1]);
    await w.reopen();
    expect([lapses(visacion), lapses(reversal)]).toEqual([1, 1]);
  });

  it('at a journal search: F5 finds the lapse of a request nobody looked at since', async () => {
    w = await world(shared.central);
    const visacion = await askVisacion();
    const reversal = await askReversal();
    await later(30 * 60_000 + 1_000);
    const found = async () =>
      data<{ entries: { payload: { action?: string; approvalId?: string } }[] }>(await w.call('journal.search', { type: 'approval', limit: 50 }))
        .entries.filter((e) => e.payload.action === 'vencida')
        .map((e) => e.payload.approvalId)
        .sort();
    expect(await found()).toEqual([visacion, reversal].sort());
    expect(await found()).toEqual([visacion, reversal].sort());
    expect(visaciones()).toBe(2);
  });

  it('a search by account finds what became of each request: asked, then lapsed, approved or withdrawn (QA s37 Q5)', async () => {
    w = await world(shared.central);
    const lapsed = await askVisacion();
    await later(15 * 60_000 + 1_000);
    const approved = await askVisacion();
    data(await w.call('approval.decide', { approvalId: approved, decision: 'aprobar', ...SUP }));
    const withdrawn = await askVisacion();
    data(await w.call('approval.withdraw', { approvalId: withdrawn }));
    const byAccount = async (account: string) =>
      data<{ entries: { account: string | null; payload: { action?: string; approvalId?: string } }[] }>(await w.call('journal.search', { type: 'approval', account, limit: 50 }))
        .entries.map((e) => `${e.payload.approvalId === lapsed ? 'lapsed' : e.payload.approvalId === approved ? 'approved' : 'withdrawn'} ${e.payload.action} ${e.account}`)
        .sort();
    expect(await byAccount('240000000029')).toEqual([
      'approved aprobada 240000000029',
      'approved solicitada 240000000029',
      'lapsed solicitada 240000000029',
      'lapsed vencida 240000000029',
      'withdrawn retirada 240000000029',
      'withdrawn solicitada 240000000029',
    ]);
    expect(await byAccount('240000000011')).toEqual([]);
  });

  it('at the close: the day’s lapses come before the close’s entry, whose hash the report prints', async () => {
    w = await world(shared.central);
    const visacion = await askVisacion();
    await later(15 * 60_000 + 1_000);
    const counted = data<{ closingId: string }>(await w.call('till.count', { idempotencyKey: crypto.randomUUID(), count: tillCash(w.core.db).position }));
    data(await w.call('till.close', { idempotencyKey: crypto.randomUUID(), closingId: counted.closingId }));
    const seq = (sql: string, ...args: string[]) => w.core.db.prepare(sql).pluck().get(...args) as number | undefined;
    const lapse = seq("SELECT sequence FROM journal WHERE type = 'approval' AND json_extract(payload, '$.action') = 'vencida' AND json_extract(payload, '$.approvalId') = ?", visacion);
    const close = seq("SELECT sequence FROM journal WHERE type = 'till_close'");
    expect(lapse).toBeDefined();
    expect(close).toBeDefined();
    expect(lapse ?? Infinity).toBeLessThan(close ?? -Infinity);
  });
});

describe('Inicio tells the teller once of their own requests that lapsed undecided, of every kind', () => {
  type Lapsed = { id: string; kind: string; reference: string | null; amount: number | null };
  const lapsed = async () => data<{ requests: Lapsed[] }>(await w.call('supervisor.lapsed', {})).requests;

  it('a visación and a reversal left overnight: listed with kind and amount until shown, then never again; nobody else acknowledges them', async () => {
    w = await world(shared.central);
    const visacion = await askVisacion();
    const reversal = await askReversal();
    expect(await lapsed()).toEqual([]);
    // The workstation is switched off for the night and on the next morning: the start journals both lapses.
    w.clock.advance(20 * 3_600_000);
    await w.reopen();
    data(await w.call('session.login', { username: 'cajero1', password: 'Caja.2026' }));
    const both = [
      { id: visacion, kind: 'withdrawal', reference: null, amount: 6_000_000, expiresAt: expect.any(String) },
      { id: reversal, kind: 'reversal', reference: '001-03-000001', amount: 1_200_000, expiresAt: expect.any(String) },
    ];
    expect(await lapsed()).toEqual(both);
    // Listed is not shown: an answer lost before Inicio drew it is listed again.
    expect(await lapsed()).toEqual(both);
    // Another user's acknowledgement tells nobody, and they are not told of the teller's requests.
    data(await w.call('session.logout', {}));
    data(await w.call('session.login', { username: 'cajero2', password: 'Caja.2026' }));
    expect(await lapsed()).toEqual([]);
    expect(data(await w.call('supervisor.lapsedShown', { ids: [visacion, reversal] }))).toEqual({ told: 0 });
    data(await w.call('session.logout', {}));
    data(await w.call('session.login', { username: 'cajero1', password: 'Caja.2026' }));
    expect(await lapsed()).toEqual(both);
    expect(data(await w.call('supervisor.lapsedShown', { ids: [visacion, reversal, visacion] }))).toEqual({ told: 2 });
    expect(await lapsed()).toEqual([]);
    expect(data(await w.call('supervisor.lapsedShown', { ids: [visacion] }))).toEqual({ told: 0 });
    expect([lapses(visacion), lapses(reversal)]).toEqual([1, 1]);
  });

  it('a rejection is no lapse: acknowledging it as one tells nothing, and Inicio still says it as a rejection', async () => {
    w = await world(shared.central);
    const rejected = await askReversal();
    // Rejected at the desk while the teller is away from the screen (in their session it would be told on the spot).
    data(await w.call('session.logout', {}));
    data(await w.call('session.login', SUP));
    data(await w.call('supervisor.decide', { id: rejected, source: 'caja', decision: 'rechazar', note: 'Cliente ausente', ...SUP }));
    data(await w.call('session.logout', {}));
    data(await w.call('session.login', { username: 'cajero1', password: 'Caja.2026' }));
    expect(await lapsed()).toEqual([]);
    expect(data(await w.call('supervisor.lapsedShown', { ids: [rejected] }))).toEqual({ told: 0 });
    expect(data<{ reversals: { id: string }[] }>(await w.call('reversal.rejections', {})).reversals.map((r) => r.id)).toEqual([rejected]);
  });

  it('a lapse the teller read in the refusal typed in their own session is not told again; a withdrawn request is no lapse', async () => {
    w = await world(shared.central);
    const read = await askVisacion();
    const withdrawn = await askVisacion();
    data(await w.call('approval.withdraw', { approvalId: withdrawn }));
    await later(15 * 60_000 + 1_000);
    expect(await w.call('approval.decide', { approvalId: read, decision: 'aprobar', ...SUP })).toMatchObject({ ok: false, error: { code: 'APPROVAL_EXPIRED' } });
    expect(await lapsed()).toEqual([]);
  });
});

describe('the counter dialog counts the time left on the core’s clock', () => {
  it('each view of a request says when the core read it, on its own clock: a retried request too', async () => {
    w = await world(shared.central);
    const key = crypto.randomUUID();
    const ask = async () => data<{ approval: { id: string; expiresAt: string; readAt: string } }>(await w.call('approval.request', { idempotencyKey: key, operation: { kind: 'withdrawal', request: visacion } })).approval;
    const asked = await ask();
    expect(asked.readAt).toBe(w.clock.now().toISOString());
    expect(Date.parse(asked.expiresAt) - Date.parse(asked.readAt)).toBe(15 * 60_000);
    w.clock.advance(60_000);
    const read = data<{ approval: { readAt: string } }>(await w.call('approval.get', { approvalId: asked.id })).approval;
    expect(Date.parse(asked.expiresAt) - Date.parse(read.readAt)).toBe(14 * 60_000);
    // The same request asked again (a retried call) answers its stored view, read now.
    expect(Date.parse(asked.expiresAt) - Date.parse((await ask()).readAt)).toBe(14 * 60_000);
  });
});
