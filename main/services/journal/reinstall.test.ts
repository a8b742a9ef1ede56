import { afterEach, describe, expect, it } from 'vitest';
import { createCentralClient } from '../../sync/central-client';
import { COUNT, DEMO_TOKEN_001_03, world, type World, sharedCentral } from '../comprobante/testing/world';
import { data } from '../../testing/wire-data';

/**
 * Workstation 001-03 reinstalled on an empty store under the same id, against the same central: its journal is a
 * new chain (a new installation), checked against its own anchors, never the previous machine's; the previous
 * chain stays at central as it was. Tampering with this installation's journal, or a store passed off as a new
 * installation, is still DIARIO ALTERADO. Real SQLite files, real central process.
 */
const shared = sharedCentral();
const worlds: World[] = [];
afterEach(() => {
  for (const w of worlds.splice(0)) w.close();
});

interface Status {
  ok: boolean | null;
  message: string;
  lastSequence: number;
  head: string | null;
  anchoredSequence: number | null;
  firstBadSequence: number | null;
  reason: string | null;
}
const key = () => crypto.randomUUID();
const installation = (w: World) => w.core.db.prepare("SELECT value FROM settings WHERE key = 'journal.installation'").pluck().get() as string;
/** The till opened by world() counted squared and closed: the close anchors the journal's head at central. */
const closeSquared = async (w: World) => {
  const c = data<{ closingId: string }>(await w.call('till.count', { idempotencyKey: key(), count: COUNT }));
  expect(data<{ anchored: boolean }>(await w.call('till.close', { idempotencyKey: key(), closingId: c.closingId })).anchored).toBe(true);
  return data<Status>(await w.call('journal.verify'));
};
const fresh = async () => {
  const w = await world(shared.central);
  worlds.push(w);
  return w;
};

describe('a workstation reinstalled under the same id starts a new journal chain', () => {
  it('verifies the new journal against its own anchors, with a neutral note the first day, and keeps the old chain at central', async () => {
    const old = await fresh();
    const before = await closeSquared(old);
    expect(before).toMatchObject({ ok: true, anchoredSequence: before.lastSequence });
    const oldInstallation = installation(old);
    worlds.splice(worlds.indexOf(old), 1);
    old.close();

    const now = await fresh();
    const first = data<Status>(await now.call('journal.verify'));
    expect(first.message).not.toContain('ALTERADO');
    expect(first.ok).toBe(true);
    expect(installation(now)).not.toBe(oldInstallation);
    expect(first.message).toContain(`Diario iniciado en esta instalación el 03/03/2025; el anterior de la estación 001-03 quedó en central hasta el registro ${before.lastSequence}.`);
    const after = await closeSquared(now);
    expect(after).toMatchObject({ ok: true, anchoredSequence: after.lastSequence, firstBadSequence: null });
    expect(data<{ ok: boolean }>(await now.call('journal.status')).ok).toBe(true);

    // The previous installation's chain stays at central, complete as it was.
    const client = createCentralClient({ url: shared.central.url, token: DEMO_TOKEN_001_03 });
    expect(await client.call('latestAnchor', { workstation: '001-03', installation: oldInstallation })).toMatchObject({
      ok: true,
      data: { anchor: { sequence: before.lastSequence, headHash: before.head } },
    });

    // This installation's own rows deleted: caught against its own anchor, and nothing more is anchored.
    now.core.db.exec(`DROP TRIGGER journal_no_delete; DELETE FROM journal WHERE sequence >= ${after.lastSequence - 1};`);
    expect(data<Status>(await now.call('journal.verify'))).toMatchObject({ ok: false, firstBadSequence: after.lastSequence - 1, reason: 'sequence_gap' });
    expect(await now.call('journal.anchor')).toMatchObject({ ok: false, error: { code: 'JOURNAL_BROKEN' } });
  });

  it('a store that shows another installation id over a chain central knows is not a new installation: DIARIO ALTERADO', async () => {
    const w = await fresh();
    await closeSquared(w);
    // The same store under a new id (as if copied and given one): central knows its chain under the old id.
    w.core.db.prepare("UPDATE settings SET value = ? WHERE key = 'journal.installation'").run('f0'.repeat(16));
    const s = data<Status>(await w.call('journal.verify'));
    expect(s).toMatchObject({ ok: false, reason: 'chain_copied', firstBadSequence: 1 });
    expect(s.message).toContain('DIARIO ALTERADO');
    expect(await w.call('journal.anchor')).toMatchObject({ ok: false, error: { code: 'JOURNAL_BROKEN' } });
  });

  it('a store whose installation id was removed is not a new installation either: DIARIO ALTERADO, at start too', async () => {
    const w = await fresh();
    w.core.db.prepare("DELETE FROM settings WHERE key = 'journal.installation'").run();
    const s = data<Status>(await w.call('journal.verify'));
    expect(s).toMatchObject({ ok: false, reason: 'installation_missing', firstBadSequence: 1 });
    expect(s.message).toContain('DIARIO ALTERADO');
    await w.reopen();
    data(await w.call('session.login', { username: 'cajero1', password: 'Caja.2026' }));
    expect(data<Status>(await w.call('journal.status'))).toMatchObject({ ok: false, reason: 'installation_missing' });
  });
});
