import { afterEach, describe, expect, it } from 'vitest';
import { chargeDifferenceRepo } from '../../store/charge-difference/repo';
import { comprobanteRepo } from '../../store/comprobante/repo';
import { journalRepo } from '../../store/journal/repo';
import { outboxRepo } from '../../store/outbox/repo';
import { createPump } from '../../sync/pump';
import { data } from '../../testing/wire-data';
import { CC, TODAY_UTC, world, type World, sharedCentral } from '../comprobante/testing/world';
import { createJournal } from '../journal/writer';
import { createChargeAcks } from './charge-ack';

const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

const deposit = async (amount: number) =>
  data<{ sequence: string }>(
    await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: { accountNumber: '240000000011', depositor: { id: CC('900000001') }, cash: { '50000': amount / 50_000 }, declaredTotal: amount } }),
  );
type Listed = { differences: { id: string; sequence: string | null; account: string | null; message: string }[] };

describe("comparing central's acknowledgement of a credit with its receipt", () => {
  it('a comparison that throws never stops the acknowledgement: it applies, the failure is listed; differences stay listed any day until Visto', async () => {
    w = await world(shared.central);
    const db = w.core.db;
    const first = await deposit(100_000);
    const second = await deposit(200_000);
    // The first comparison fails (its posting cannot be read); the second finds that its receipt printed a
    // pending charge paid which central did not pay with it.
    const real = comprobanteRepo(db);
    let calls = 0;
    const comprobantes = {
      byCentralKey: (...args: Parameters<typeof real.byCentralKey>) => {
        if (calls++ === 0) throw new Error('lectura del comprobante fallida');
        const p = real.byCentralKey(...args);
        return p && { ...p, journal: { ...p.journal, pendingCharges: { paid: 50_000, charges: [{ cheques: ['9090'], amount: 50_000 }] } } };
      },
    };
    const journal = createJournal({ repo: journalRepo(db), clock: w.clock, workstation: '001-03' });
    const acks = createChargeAcks({ db, comprobantes, journal, differences: chargeDifferenceRepo(db), clock: w.clock });
    const pump = createPump({ db, outbox: outboxRepo(db), client: w.client, clock: w.clock, onApplied: acks.check });
    for (let i = 0; i < 5 && !(await pump.step()).idle; i++);

    // Both acknowledgements applied: the queue went on past the failed comparison.
    expect(db.prepare("SELECT state FROM outbox WHERE type = 'cash_deposit' ORDER BY rowid").pluck().all()).toEqual(['applied', 'applied']);
    const differences = db.prepare("SELECT payload FROM journal WHERE type = 'pending_charge_difference'").pluck().all() as string[];
    expect(differences.map((p) => (JSON.parse(p) as { sequence: string }).sequence)).toEqual([second.sequence]);
    const list = async () => data<Listed>(await w.call('deposit.chargeDifferences', {})).differences;
    const now = await list();
    expect(now).toHaveLength(2);
    expect(now).toContainEqual(expect.objectContaining({ sequence: second.sequence, account: '240000000011' }));
    const failure = now.find((d) => d.sequence === null);
    expect(failure?.message).toContain('lectura del comprobante fallida');
    expect(first.sequence).not.toBe(second.sequence);

    // The next day both are still listed: nobody marked them seen.
    w.clock.set(new Date(Date.parse(TODAY_UTC) + 86_400_000));
    data(await w.call('session.unlock', { password: 'Caja.2026' }));
    expect(await list()).toHaveLength(2);
    const diff = now.find((d) => d.sequence === second.sequence);
    if (!diff || !failure) throw new Error('not listed');
    expect(data(await w.call('deposit.chargeDifferenceSeen', { id: diff.id }))).toEqual({ seen: true });
    expect((await list()).map((d) => d.id)).toEqual([failure.id]);
    expect(data(await w.call('deposit.chargeDifferenceSeen', { id: failure.id }))).toEqual({ seen: true });
    expect(await list()).toEqual([]);
    expect(data(await w.call('deposit.chargeDifferenceSeen', { id: 'journal:1' }))).toEqual({ seen: false });
    // Who saw it and when; the journal entry of the difference is as it was written, and the chain holds.
    const cajero1 = db.prepare("SELECT id FROM users WHERE username = 'cajero1'").pluck().get();
    expect(chargeDifferenceRepo(db).seenOf(diff.id)).toEqual({ seen_by: cajero1, seen_at: new Date(Date.parse(TODAY_UTC) + 86_400_000).toISOString() });
    expect(db.prepare("SELECT payload FROM journal WHERE type = 'pending_charge_difference'").pluck().all()).toEqual(differences);
    expect(data<{ ok: boolean }>(await w.call('journal.verify'))).toMatchObject({ ok: true });
  });
});
