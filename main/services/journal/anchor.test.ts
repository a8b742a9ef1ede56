import { describe, expect, it } from 'vitest';
import { createCentralClient } from '../../sync/central-client';
import { COUNT, DEMO_TOKEN_001_03, world, sharedCentral } from '../comprobante/testing/world';
import { data } from '../../testing/wire-data';

// One central per file: anchors are per workstation and only move forward, as in production.
const shared = sharedCentral();

describe('journal head anchored at central (teller-anchors §4 item 7)', () => {
  it('the close anchors the head; deleting the last rows afterwards is caught against the anchor and nothing broken is anchored', async () => {
    const w = await world(shared.central);
    try {
      const c = data<{ closingId: string; next: string }>(await w.call('till.count', { idempotencyKey: crypto.randomUUID(), count: COUNT }));
      expect(c.next).toBe('cerrar');
      const closed = data<{ anchored: boolean }>(await w.call('till.close', { idempotencyKey: crypto.randomUUID(), closingId: c.closingId }));
      expect(closed.anchored).toBe(true);
      const s = data<{ ok: boolean; lastSequence: number; head: string; anchoredSequence: number | null }>(await w.call('journal.verify'));
      expect(s).toMatchObject({ ok: true, anchoredSequence: s.lastSequence });
      const client = createCentralClient({ url: shared.central.url, token: DEMO_TOKEN_001_03 });
      expect(await client.call('latestAnchor', { workstation: '001-03', installation: w.core.db.prepare("SELECT value FROM settings WHERE key = 'journal.installation'").pluck().get() as string })).toMatchObject({ ok: true, data: { anchor: { sequence: s.lastSequence, headHash: s.head } } });

      // Someone removes the last entries (which no chain can see on its own): the anchored verification reports it.
      w.core.db.exec(`DROP TRIGGER journal_no_delete; DELETE FROM journal WHERE sequence >= ${s.lastSequence - 1};`);
      const after = data<{ ok: boolean; firstBadSequence: number; reason: string }>(await w.call('journal.verify'));
      expect(after).toMatchObject({ ok: false, firstBadSequence: s.lastSequence - 1, reason: 'sequence_gap' });
      expect(await w.call('journal.anchor')).toMatchObject({ ok: false, error: { code: 'JOURNAL_BROKEN' } });
    } finally {
      w.close();
    }
  });
});
