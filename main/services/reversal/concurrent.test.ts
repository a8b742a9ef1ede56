import { afterEach, expect, it } from 'vitest';
import { CC, world, type World, sharedCentral } from '../comprobante/testing/world';
import { data } from '../../testing/wire-data';
import { tillCash } from '../../testing/till-cash';

/**
 * The same comprobante's reversal asked twice at once (two windows at the counter, or a retried request), then
 * posted twice at once under different keys: one reversal at most, the till and the outbox move once. A real core
 * against a real central process (central's own guard is in central/operations/concurrent-desks.test.ts).
 */
const shared = sharedCentral();
let w: World;
afterEach(() => w.close());
const SUP = { username: 'supervisor1', password: 'Super.2026' };

it('two reversal requests and two postings of one deposit at the same moment: one reversal, the cash back once', async () => {
  w = await world(shared.central);
  const before = tillCash(w.core.db).positionTotal;
  const { sequence } = data<{ sequence: string }>(
    await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: { accountNumber: '240000000011', depositor: { id: CC('900000001') }, cash: { '50000': 24 }, declaredTotal: 1_200_000 } }),
  );
  const asked = await Promise.all([
    w.call('reversal.request', { sequence, reasonCode: 'CUENTA_ERRADA', reasonText: 'El cliente dictó otra cuenta' }),
    w.call('reversal.request', { sequence, reasonCode: 'DUPLICADO', reasonText: 'Registrado dos veces' }),
  ]);
  const ids = [...new Set(asked.filter((r) => r.ok).map((r) => (r.ok ? (r.data as { approvalId: string }).approvalId : '')))];
  expect(ids.length).toBeGreaterThanOrEqual(1);
  for (const id of ids) await w.call('supervisor.decide', { id, source: 'caja', decision: 'aprobar', ...SUP });
  const approved = ids.filter((id) => w.core.db.prepare('SELECT status FROM supervised_requests WHERE id = ?').pluck().get(id) === 'aprobada');
  expect(approved.length).toBeGreaterThanOrEqual(1);
  const approvalOf = (i: number) => approved[i % approved.length] as string;
  const posted = await Promise.all([0, 1].map((i) => w.call('reversal.post', { idempotencyKey: crypto.randomUUID(), sequence, approvalId: approvalOf(i) })));
  expect(posted.filter((r) => r.ok)).toHaveLength(1);
  expect(posted.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'NOT_REVERSIBLE' } });
  expect(tillCash(w.core.db).positionTotal).toBe(before);
  expect(w.core.db.prepare("SELECT COUNT(*) FROM outbox WHERE type = 'reversal'").pluck().get()).toBe(1);
  expect(w.core.db.prepare("SELECT COUNT(*) FROM journal WHERE type = 'reversal'").pluck().get()).toBe(1);
});
