import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { systemClock } from '../core/runtime';
import { inTransaction, openDatabase } from '../store/db';
import { outboxRepo } from '../store/outbox/repo';
import { syncStateRepo } from '../store/outbox/sync-state';
import { referenceRepo } from '../store/reference/repo';
import { tempDir } from '../testing/temp-core';
import { backoffDelay } from './backoff';
import { createCentralClient } from './central-client';
import { linkSeen, watchLink } from './link-watch';
import { createSync } from './service';
import { centralProcessForFile } from './testing/central-proc';
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

const central = centralProcessForFile();

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

describe('the link as every call to central sees it', () => {
  it('a failed call says offline at once and an answered one online again, without waiting for a round; an answered call wakes the loop from its backoff', async () => {
    const dir = tempDir('caja-link-');
    const db = openDatabase(join(dir.dir, 'caja.sqlite'));
    const outbox = outboxRepo(db);
    const client = createCentralClient({ url: central.url, token: central.token, timeoutMs: 1_000 });
    let changes = 0;
    // Rounds ten minutes apart, and as long a backoff: only the calls below can move the link in this test.
    const sync = createSync({
      db, outbox, reference: referenceRepo(db), state: syncStateRepo(db), client, clock: systemClock, random: () => 1,
      intervalMs: 600_000, backoff: { baseMs: 600_000, maxMs: 600_000 }, onChange: () => changes++,
    });
    const watched = watchLink(client, (r) => sync.observe(r));
    const hold = { key: keyFor(0x20, 1), account: '240000000029', amount: 10_000 };
    try {
      sync.start();
      await until(() => sync.status().state === 'online');

      await central.kill();
      const seenBefore = changes;
      expect(await watched.call('authorizeWithdrawal', hold)).toMatchObject({ ok: false, kind: 'network' });
      expect(sync.status()).toMatchObject({ state: 'offline', lastError: { code: 'CENTRAL_UNREACHABLE' } });
      expect(changes).toBe(seenBefore + 1);
      // A deposit queued now fails its round: the loop backs off for ten minutes.
      inTransaction(db, () => void outbox.enqueue(cashDeposit(keyFor(0x20, 2), '240000000029', 100)));
      sync.kick();
      await until(() => sync.status().failures === 1);

      await central.restart();
      expect(sync.status().state).toBe('offline');
      expect(await watched.call('authorizeWithdrawal', hold)).toMatchObject({ ok: true });
      expect(sync.status()).toMatchObject({ state: 'online', lastError: null });
      await until(() => sync.status().queueLength === 0, 5_000);
      expect(outbox.byKey(keyFor(0x20, 2))?.state).toBe('applied');

      // Central answering with a refusal of the request is central up; one refused here before sending says nothing.
      expect(linkSeen({ ok: false, kind: 'rejected', status: 404, error: { code: 'NOT_FOUND', message: '' } })).toBe('online');
      expect(linkSeen({ ok: false, kind: 'rejected', status: 403, error: { code: 'FORBIDDEN', message: '' } })).toBe('online');
      expect(linkSeen({ ok: false, kind: 'rejected', status: 401, error: { code: 'UNAUTHENTICATED', message: '' } })).toBe('offline');
      expect(linkSeen({ ok: false, kind: 'rejected', status: 503, error: { code: 'X', message: '' } })).toBe('offline');
      expect(linkSeen({ ok: false, kind: 'timeout', error: { code: 'CENTRAL_TIMEOUT', message: '' } })).toBe('offline');
      expect(linkSeen({ ok: false, kind: 'rejected', error: { code: 'INVALID_REQUEST', message: '' } })).toBeNull();
    } finally {
      await sync.stop();
      db.close();
      dir.remove();
    }
  }, 60_000);
});
