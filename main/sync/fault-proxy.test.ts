import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { systemClock } from '../core/runtime';
import { inTransaction, openDatabase } from '../store/db';
import { outboxRepo } from '../store/outbox/repo';
import { syncStateRepo } from '../store/outbox/sync-state';
import { referenceRepo } from '../store/reference/repo';
import { tempDir } from '../testing/temp-core';
import { createCentralClient } from './central-client';
import { createSync } from './service';
import { centralProcessForFile } from './testing/central-proc';
import { startFaultProxy, type Fault } from './testing/fault-proxy';
import { ACTIVE_ACCOUNTS, cashDeposit, keyFor, withdrawal } from './testing/ops';
import { compareSides } from './testing/verify';

const central = centralProcessForFile();

const SCRIPT: (Fault | (() => Fault))[] = [
  { kind: 'drop_after' },
  { kind: 'pass' },
  { kind: 'error_after' },
  { kind: 'duplicate' },
  { kind: 'delay_after', ms: 700 },
  { kind: 'drop_before' },
  { kind: 'restart' },
  { kind: 'error_before' },
  { kind: 'delay_before', ms: 700 },
  // Held until the test lets it go (here 700 ms after it arrives, past the client's timeout): the branch gave up first.
  () => ({ kind: 'wait_before', until: new Promise((r) => setTimeout(r, 700)) }),
  { kind: 'duplicate' },
  { kind: 'drop_after' },
  { kind: 'error_after' },
];

describe('branch ↔ fault-injecting proxy ↔ central', () => {
  it('drops, delays, 500s, duplicated deliveries and a central restart: exactly once, nothing lost', async () => {
    const prefix = 0xfa;
    const proxy = await startFaultProxy({
      target: () => central.url,
      // Every fault in turn on the first requests (batches and status questions alike), then a clean link.
      plan: (n) => {
        const f = SCRIPT[n - 1] ?? { kind: 'pass' };
        return typeof f === 'function' ? f() : f;
      },
      restartCentral: () => central.restart(),
    });
    const dir = tempDir('caja-fault-');
    const db = openDatabase(join(dir.dir, 'caja.sqlite'));
    try {
      const outbox = outboxRepo(db);
      const sync = createSync({
        db,
        outbox,
        reference: referenceRepo(db),
        state: syncStateRepo(db),
        client: createCentralClient({ url: proxy.url, token: central.token, timeoutMs: 400 }),
        clock: systemClock,
        random: () => 0.5,
        backoff: { baseMs: 10, maxMs: 200 },
        maxBatch: 20,
      });
      let n = 0;
      // Postings keep arriving while the link misbehaves.
      for (let round = 0; round < 15; round++) {
        inTransaction(db, () => {
          for (let i = 0; i < 20; i++) {
            n++;
            const account = ACTIVE_ACCOUNTS[n % ACTIVE_ACCOUNTS.length] ?? '240000000078';
            outbox.enqueue(n % 7 === 0 ? withdrawal(keyFor(prefix, n), account, 1_000) : cashDeposit(keyFor(prefix, n), account, 2_000 + n));
          }
        });
        await sync.drain(1);
      }
      expect(await sync.drain(30)).toBe(true);
      expect(outbox.counts()).toMatchObject({ pending: 0, unknown: 0, conflict: 0 });
      const audit = await central.audit(keyFor(prefix, 0).slice(0, 8));
      expect(audit.operations).toHaveLength(300);
      expect(compareSides(outbox, audit)).toEqual([]);
      // Every kind of fault was actually injected.
      expect(Object.entries(proxy.stats.faults).filter(([, c]) => c === 0)).toEqual([]);
    } finally {
      await proxy.close();
      db.close();
      dir.remove();
    }
  }, 60_000);
});
