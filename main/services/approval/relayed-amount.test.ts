import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../domain/rules-config/config';
import { idempotencyRepo } from '../../store/idempotency/repo';
import { journalRepo } from '../../store/journal/repo';
import { usersRepo } from '../../store/users/repo';
import { until } from '../../testing/stations';
import { CC, sharedCentral, world, type World } from '../comprobante/testing/world';
import { comprobanteFeatures } from '../comprobante/wire';
import { createIdempotentRunner } from '../idempotent';
import { createJournal } from '../journal/writer';
import type { PrinterPort } from '../receipt/printer-port';
import { createApprovalService } from './service';

const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

/**
 * The approval service on the world's SQLite file with the real assessors, whose summary line is reworded: the
 * amount central relays to the other desks comes from the operation, whatever the sentence says first.
 */
const reworded = (w: World, summary: (real: string) => string) => {
  const db = w.core.db;
  const journal = createJournal({ repo: journalRepo(db), clock: w.clock, workstation: '001-03' });
  const workstation = { id: '001-03', branchCode: '001', branchName: 'Bogotá Centro', tillCode: '03' };
  const users = usersRepo(db);
  const features = comprobanteFeatures({
    db, users, journal, idempotent: createIdempotentRunner({ db, repo: idempotencyRepo(db), clock: w.clock }), clock: w.clock, ids: { uuid: () => crypto.randomUUID() },
    workstation, central: w.client, onChange: () => undefined, maxFailedAttempts: 5, printer: {} as PrinterPort, rules: DEFAULT_RULES,
  });
  const s = features.services;
  const approval = createApprovalService({
    ...features.deps,
    db,
    assessors: {
      deposit: (op) => s.deposit.assess(op.slip),
      withdrawal: (op, user) => {
        const a = s.withdrawal.assess(op.request, user);
        return { ...a, summary: summary(a.summary) };
      },
      transfer: (op) => s.transfer.assess(op.request),
    },
  });
  const u = users.findByUsername('cajero1');
  if (!u) throw new Error('cajero1 missing');
  return { approval, user: { id: u.id, username: u.username, displayName: u.displayName, role: u.role } };
};

describe('the amount of a visación on the desks of the branch', () => {
  it('is the withdrawal’s amount, stored with the request, even when the summary shows another figure first: at central and on this desk', async () => {
    w = await world(shared.central);
    const { approval, user } = reworded(w, (real) => `Saldo $ 48.000.000 · ${real}`);
    const request = { accountNumber: '240000000029', amount: 6_000_000, presenters: [CC('900000002')], payout: { kind: 'efectivo' as const } };
    const asked = await approval.request(user, { idempotencyKey: crypto.randomUUID(), operation: { kind: 'withdrawal', request } });
    expect(asked.summary).toMatch(/^Saldo \$ 48\.000\.000 · Retiro \$ 6\.000\.000/);
    expect(w.core.db.prepare('SELECT amount FROM approvals WHERE id = ?').pluck().get(asked.id)).toBe(6_000_000);
    const atCentral = await until(async () => {
      const r = await w.client.call('getApproval', { id: asked.id });
      return r.ok ? r.data.approval : undefined;
    });
    expect(atCentral).toMatchObject({ kind: 'withdrawal_visacion', amount: 6_000_000, workstation: '001-03' });
    // This workstation's own desk lists it with the same amount.
    const queue = await w.call('supervisor.queue', {});
    expect(queue.ok && (queue.data as { items: { id: string; amount: number | null }[] }).items.find((i) => i.id === asked.id)).toMatchObject({ amount: 6_000_000 });
  });
});
