import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { inTransaction, openDatabase, type Db } from '../store/db';
import { outboxRepo } from '../store/outbox/repo';
import { referenceRepo } from '../store/reference/repo';
import { tempDir } from '../testing/temp-core';
import { systemClock } from '../core/runtime';
import { createCentralClient } from './central-client';
import { createPump } from './pump';
import { pullReference } from './reference';
import { centralProcessForFile } from './testing/central-proc';
import { cashDeposit, keyFor, withdrawal } from './testing/ops';

const central = centralProcessForFile();

const branch = (name: string) => {
  const dir = tempDir(`caja-pump-${name}-`);
  const db: Db = openDatabase(join(dir.dir, 'caja.sqlite'));
  const outbox = outboxRepo(db);
  const reference = referenceRepo(db);
  const client = createCentralClient({ url: central.url, token: central.token, timeoutMs: 5_000 });
  const pump = createPump({ db, outbox, reference, client, clock: systemClock, maxBatch: 50 });
  return { db, outbox, reference, client, pump, close: () => (db.close(), dir.remove()) };
};

const drain = async (pump: ReturnType<typeof createPump>) => {
  for (let i = 0; i < 100; i++) {
    const r = await pump.step();
    if (r.failed) throw new Error('step failed');
    if (r.idle) return;
  }
  throw new Error('did not drain');
};

describe('pump against a real central process', () => {
  it('drains in batches, keeps account order, records rejections for the supervisor', async () => {
    const b = branch('order');
    try {
      await pullReference({ client: b.client, repo: b.reference, clock: systemClock });
      const before = b.reference.getAccount('240000000011')?.balances.available ?? 0;
      // 120 deposits then a withdrawal of everything deposited: only correct if central sees them in order.
      inTransaction(b.db, () => {
        for (let i = 1; i <= 120; i++) b.outbox.enqueue(cashDeposit(keyFor(0xa1, i), '240000000011', 1_000));
        b.outbox.enqueue(withdrawal(keyFor(0xa1, 121), '240000000011', before + 120_000));
        b.outbox.enqueue(withdrawal(keyFor(0xa1, 122), '240000000011', 1));
      });
      expect(b.outbox.pendingEffects('240000000011')).toEqual({ credits: 120_000, debits: before + 120_001 });
      await drain(b.pump);
      expect(b.outbox.counts()).toEqual({ pending: 0, unknown: 0, applied: 121, rejected: 1, conflict: 0 });
      expect(b.outbox.rejections().map((r) => [r.key, r.code])).toEqual([[keyFor(0xa1, 122), 'INSUFFICIENT_FUNDS']]);
      expect(b.reference.getAccount('240000000011')?.balances.available).toBe(0);
      const audit = await central.audit('000000a1');
      expect(audit.operations.length).toBe(122);
      expect(audit.operations.map((o) => o.key)).toEqual(Array.from({ length: 122 }, (_, i) => keyFor(0xa1, i + 1)));
    } finally {
      b.close();
    }
  }, 30_000);

  it('after a lost answer it asks central before resending, and never applies twice', async () => {
    const b = branch('unknown');
    try {
      inTransaction(b.db, () => {
        for (let i = 1; i <= 5; i++) b.outbox.enqueue(cashDeposit(keyFor(0xa2, i), '240000000029', 10));
      });
      // Send for real, but forget the answer: as if the process died after central committed.
      const sent = b.outbox.pendingBatch(3);
      b.outbox.markSent(sent.map((e) => e.key), new Date().toISOString());
      const r = await b.client.postBatchRaw(`{"operations":[${sent.map((e) => e.body).join(',')}]}`);
      expect(r.ok).toBe(true);
      await drain(b.pump);
      expect(b.outbox.counts()).toMatchObject({ pending: 0, unknown: 0, applied: 5 });
      const mine = (await central.audit()).operations.filter((o) => o.key.startsWith('000000a2'));
      expect(mine).toHaveLength(5);
    } finally {
      b.close();
    }
  }, 30_000);

  it('the same key with another payload is refused by central and lands in the supervisor queue', async () => {
    const a = branch('conflict-a');
    const b = branch('conflict-b');
    try {
      inTransaction(a.db, () => void a.outbox.enqueue(cashDeposit(keyFor(0xa3, 1), '240000000029', 10)));
      inTransaction(b.db, () => void b.outbox.enqueue(cashDeposit(keyFor(0xa3, 1), '240000000029', 11)));
      await drain(a.pump);
      await drain(b.pump);
      expect(a.outbox.byKey(keyFor(0xa3, 1))?.state).toBe('applied');
      expect(b.outbox.byKey(keyFor(0xa3, 1))?.state).toBe('conflict');
      expect(b.outbox.rejections()[0]).toMatchObject({ status: 'conflict', code: 'KEY_CONFLICT' });
      const audit = await central.audit();
      expect(audit.operations.filter((o) => o.key === keyFor(0xa3, 1))).toHaveLength(1);
      expect(audit.conflicts).toBeGreaterThanOrEqual(1);
    } finally {
      a.close();
      b.close();
    }
  }, 30_000);

  it('with central down the operations wait as unknown or pending and go through once it is back', async () => {
    const b = branch('down');
    try {
      inTransaction(b.db, () => void b.outbox.enqueue(cashDeposit(keyFor(0xa4, 1), '240000000029', 10)));
      await central.kill();
      const r = await b.pump.step();
      expect(r.failed).toBe(true);
      expect(b.outbox.queueLength()).toBe(1);
      await central.restart();
      await drain(b.pump);
      expect(b.outbox.byKey(keyFor(0xa4, 1))?.state).toBe('applied');
    } finally {
      b.close();
    }
  }, 60_000);
});

describe('pump with a workstation central does not accept', () => {
  it('a wrong token reads as offline and nothing leaves the queue', async () => {
    const dir = tempDir('caja-pump-token-');
    const db = openDatabase(join(dir.dir, 'caja.sqlite'));
    try {
      const outbox = outboxRepo(db);
      const states: string[] = [];
      const pump = createPump({
        db,
        outbox,
        client: createCentralClient({ url: central.url, token: 'not-a-token', timeoutMs: 5_000 }),
        clock: systemClock,
        onLink: (s, e) => states.push(`${s}:${e?.code ?? ''}`),
      });
      inTransaction(db, () => void outbox.enqueue(cashDeposit(keyFor(0xa5, 1), '240000000029', 10)));
      const r = await pump.step();
      expect(r.failed).toBe(true);
      expect(states).toEqual(['offline:UNAUTHENTICATED']);
      expect(outbox.byKey(keyFor(0xa5, 1))?.state).toBe('pending');
    } finally {
      db.close();
      dir.remove();
    }
  }, 30_000);
});
