import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { systemClock } from '../core/runtime';
import { inTransaction, openDatabase } from '../store/db';
import { outboxRepo } from '../store/outbox/repo';
import { syncStateRepo } from '../store/outbox/sync-state';
import { referenceRepo } from '../store/reference/repo';
import { tempDir } from '../testing/temp-core';
import { backoffDelay } from './backoff';
import { createCentralClient } from './central-client';
import { createSync } from './service';
import { startTestCentralProcess, type TestCentralProcess } from './testing/central-proc';
import { cashDeposit, keyFor, withdrawal } from './testing/ops';

describe('backoff', () => {
  it('doubles per failure between half and all of the ceiling, capped, with the injected jitter', () => {
    const p = { baseMs: 100, maxMs: 1_000 };
    expect(backoffDelay(0, () => 0.9, p)).toBe(0);
    expect([1, 2, 3, 4, 5, 9].map((n) => backoffDelay(n, () => 0, p))).toEqual([50, 100, 200, 400, 500, 500]);
    expect([1, 2, 3, 4, 5, 9].map((n) => backoffDelay(n, () => 1, p))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect(backoffDelay(3, () => 0.5, p)).toBe(300);
  });
});

let central: TestCentralProcess;
beforeAll(async () => {
  central = await startTestCentralProcess();
}, 30_000);
afterAll(async () => {
  await central.close();
});

const until = async (cond: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('sync loop against a real central process', () => {
  it('pulls reference data at start, sends what is queued on a kick, goes offline and comes back on its own', async () => {
    const dir = tempDir('caja-loop-');
    const db = openDatabase(join(dir.dir, 'caja.sqlite'));
    const outbox = outboxRepo(db);
    const reference = referenceRepo(db);
    const jitter: number[] = [];
    let changes = 0;
    const sync = createSync({
      db,
      outbox,
      reference,
      state: syncStateRepo(db),
      client: createCentralClient({ url: central.url, token: central.token, timeoutMs: 1_000 }),
      clock: systemClock,
      random: () => {
        jitter.push(1);
        return 0.5;
      },
      intervalMs: 60_000,
      backoff: { baseMs: 20, maxMs: 200 },
      onChange: () => changes++,
    });
    try {
      expect(sync.status()).toMatchObject({ state: 'unknown', queueLength: 0, lastSyncAt: null });
      sync.start();
      await until(() => sync.status().state === 'online');
      expect(reference.getAccount('240000000011')?.holders[0]?.name).toBeTruthy();
      expect(sync.status().lastSyncAt).not.toBeNull();

      inTransaction(db, () => {
        for (let i = 1; i <= 30; i++) outbox.enqueue(cashDeposit(keyFor(0x10, i), '240000000029', 100));
      });
      sync.kick();
      await until(() => sync.status().queueLength === 0);
      expect(outbox.counts().applied).toBe(30);

      await central.kill();
      // Deposits are accepted and queued while central is down; a contingency withdrawal central will refuse.
      inTransaction(db, () => {
        outbox.enqueue(cashDeposit(keyFor(0x10, 31), '240000000029', 100));
        outbox.enqueue(withdrawal(keyFor(0x10, 32), '240000000094', 1_000), { contingency: true });
      });
      sync.kick();
      await until(() => sync.status().state === 'offline');
      expect(sync.status().queueLength).toBe(2);
      await until(() => sync.status().failures >= 2);
      expect(jitter.length).toBeGreaterThan(0);

      await central.restart();
      await until(() => sync.status().queueLength === 0 && sync.status().state === 'online');
      expect(outbox.byKey(keyFor(0x10, 31))?.state).toBe('applied');
      // Central refused the contingency withdrawal (blocked account): it is in the supervisor's queue.
      expect(outbox.rejections()).toEqual([expect.objectContaining({ key: keyFor(0x10, 32), code: 'ACCOUNT_BLOCKED', contingency: true })]);
      expect(changes).toBeGreaterThanOrEqual(4);
    } finally {
      await sync.stop();
      db.close();
      dir.remove();
    }
  }, 60_000);
});
