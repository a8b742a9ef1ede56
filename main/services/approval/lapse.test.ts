import { afterEach, describe, expect, it } from 'vitest';
import { CC, world, type World, sharedCentral } from '../comprobante/testing/world';
import { data } from '../../testing/wire-data';

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
