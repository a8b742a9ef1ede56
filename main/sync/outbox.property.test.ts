import fc from 'fast-check';
import { expect, it } from 'vitest';
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
import { ACTIVE_ACCOUNTS, cashDeposit, keyFor, transfer, withdrawal } from './testing/ops';
import { compareSides } from './testing/verify';

const central = centralProcessForFile();

const TIMEOUT_MS = 250;
const fault: fc.Arbitrary<Fault> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Fault>({ kind: 'pass' }) },
  { weight: 2, arbitrary: fc.constantFrom<Fault>({ kind: 'drop_before' }, { kind: 'drop_after' }) },
  { weight: 2, arbitrary: fc.constantFrom<Fault>({ kind: 'error_before' }, { kind: 'error_after' }) },
  { weight: 2, arbitrary: fc.constant<Fault>({ kind: 'duplicate' }) },
  { weight: 1, arbitrary: fc.constantFrom<Fault>({ kind: 'delay_before', ms: TIMEOUT_MS + 150 }, { kind: 'delay_after', ms: TIMEOUT_MS + 150 }) },
  { weight: 1, arbitrary: fc.constantFrom<Fault>({ kind: 'delay_after', ms: 20 }, { kind: 'delay_before', ms: 20 }) },
);
const schedule = fc.record({
  faults: fc.array(fault, { minLength: 1, maxLength: 40 }),
  /** In about a quarter of the runs, one central restart at a random request (a restart costs ~1 s). */
  restartAt: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 30 }) }),
});
const posting = fc.record({
  kind: fc.constantFrom('deposit', 'deposit', 'withdrawal', 'transfer'),
  account: fc.integer({ min: 0, max: ACTIVE_ACCOUNTS.length - 1 }),
  to: fc.integer({ min: 0, max: ACTIVE_ACCOUNTS.length - 1 }),
  amount: fc.integer({ min: 1, max: 50_000 }),
});
/** Postings arrive in bursts between pump steps. */
const workload = fc.array(fc.array(posting, { minLength: 0, maxLength: 12 }), { minLength: 1, maxLength: 5 });

let run = 0;

it('outbox + pump against random fault schedules: each operation reaches central exactly once, in account order', async () => {
  await fc.assert(
    fc.asyncProperty(schedule, workload, async (sched, bursts) => {
      const prefix = 0x5000 + ++run;
      const proxy = await startFaultProxy({
        target: () => central.url,
        plan: (n) => (n === sched.restartAt ? { kind: 'restart' } : (sched.faults[n - 1] ?? { kind: 'pass' })),
        restartCentral: () => central.restart(),
      });
      const dir = tempDir('caja-prop-');
      const db = openDatabase(join(dir.dir, 'caja.sqlite'));
      try {
        const outbox = outboxRepo(db);
        const sync = createSync({
          db,
          outbox,
          reference: referenceRepo(db),
          state: syncStateRepo(db),
          client: createCentralClient({ url: proxy.url, token: central.token, timeoutMs: TIMEOUT_MS }),
          clock: systemClock,
          random: () => 0.5,
          backoff: { baseMs: 10, maxMs: 200 },
          maxBatch: 7,
        });
        let n = 0;
        for (const burst of bursts) {
          inTransaction(db, () => {
            for (const p of burst) {
              const key = keyFor(prefix, ++n);
              const from = ACTIVE_ACCOUNTS[p.account] ?? '240000000078';
              const to = ACTIVE_ACCOUNTS[p.to] ?? '240000000078';
              if (p.kind === 'deposit') outbox.enqueue(cashDeposit(key, from, p.amount));
              else if (p.kind === 'withdrawal') outbox.enqueue(withdrawal(key, from, p.amount));
              else outbox.enqueue(transfer(key, from, to, p.amount));
            }
          });
          await sync.drain(1);
        }
        // The schedule is finite: after it the link is clean and the queue must empty.
        expect(await sync.drain(60)).toBe(true);
        const audit = await central.audit(keyFor(prefix, 0).slice(0, 8));
        expect(audit.operations).toHaveLength(n);
        expect(compareSides(outbox, audit)).toEqual([]);
      } finally {
        await proxy.close();
        db.close();
        dir.remove();
      }
    }),
    { numRuns: 12, endOnFailure: true },
  );
}, 120_000);
