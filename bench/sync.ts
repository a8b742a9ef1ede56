import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_BATCH } from '../domain/central-api';
import { demoToken } from '../central/demo/seed';
import { startCentral, type CentralHandle } from '../central/server';
import { openCentralDb } from '../central/store/db';
import { systemClock } from '../main/core/runtime';
import { inTransaction, openDatabase } from '../main/store/db';
import { outboxRepo } from '../main/store/outbox/repo';
import { referenceRepo } from '../main/store/reference/repo';
import { createCentralClient } from '../main/sync/central-client';
import { createPump } from '../main/sync/pump';
import { ACTIVE_ACCOUNTS, cashDeposit, keyFor, withdrawal } from '../main/sync/testing/ops';
import { atLeast, atMost, info, type Bench } from './figure';

const N = 10_000;
const WORKSTATION = '001-03';

/**
 * Draining the outbox to central on loopback. Two fresh centrals get the very same batches (the outbox's
 * stored bodies, 500 operations each): one straight from a minimal HTTP client that only posts and reads the
 * answer — central's own ingest rate — and one through the pump, which also marks each batch sent, records
 * every answer and refreshes cached balances in the branch's SQLite (synchronous=FULL). Batches alternate
 * between the two so that noise on the shared machine hits both alike. Duplicates are counted on central's
 * side afterwards: keys applied more than once, or balance postings beyond one per operation.
 */
export const bench: Bench = {
  name: 'sync',
  run: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caja-bench-sync-'));
    const centrals: CentralHandle[] = [];
    try {
      const start = (name: string) => startCentral({ port: 0, dbPath: join(dir, `${name}.db`), demo: true, log: () => undefined, tickMs: 0 });
      const viaPump = await start('pump');
      const direct = await start('direct');
      centrals.push(viaPump, direct);

      const db = openDatabase(join(dir, 'caja.sqlite'));
      const outbox = outboxRepo(db);
      for (let from = 1; from <= N; from += MAX_BATCH) {
        inTransaction(db, () => {
          for (let n = from; n < from + MAX_BATCH && n <= N; n++) {
            const key = keyFor(0xbe, n);
            const account = ACTIVE_ACCOUNTS[n % ACTIVE_ACCOUNTS.length] ?? '240000000078';
            outbox.enqueue(n % 10 === 0 ? withdrawal(key, '240000000078', 1_000) : cashDeposit(key, account, 1_000 + (n % 97)));
          }
        });
      }
      const token = demoToken(WORKSTATION);
      const pump = createPump({
        db,
        outbox,
        reference: referenceRepo(db),
        client: createCentralClient({ url: viaPump.url, token, timeoutMs: 60_000 }),
        clock: systemClock,
      });
      const rawPost = async (body: string): Promise<void> => {
        const res = await fetch(`${direct.url}/v1/operations:batch`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body,
        });
        if (res.status !== 200) throw new Error(`central answered ${res.status}`);
        await res.arrayBuffer();
      };

      let directSecs = 0;
      let pumpSecs = 0;
      const ratios: number[] = [];
      for (;;) {
        const batch = outbox.pendingBatch(MAX_BATCH);
        if (batch.length === 0) break;
        const body = `{"operations":[${batch.map((e) => e.body).join(',')}]}`;
        let t = process.hrtime.bigint();
        await rawPost(body);
        const d = Number(process.hrtime.bigint() - t) / 1e9;
        t = process.hrtime.bigint();
        const r = await pump.step();
        const p = Number(process.hrtime.bigint() - t) / 1e9;
        if (r.failed || r.sent !== batch.length) throw new Error('the pump did not send the batch in one step');
        directSecs += d;
        pumpSecs += p;
        ratios.push(d / p);
      }
      const counts = outbox.counts();
      db.close();

      const sql = openCentralDb(join(dir, 'pump.db'));
      const prefix = `${keyFor(0xbe, 0).slice(0, 8)}%`;
      const applied = sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM operations WHERE key LIKE ?', prefix)?.n ?? 0;
      const extraPostings =
        sql.get<{ n: number }>(
          'SELECT COALESCE(SUM(c - 1), 0) AS n FROM (SELECT COUNT(*) AS c FROM postings WHERE op_key LIKE ? GROUP BY op_key HAVING c > 1)',
          prefix,
        )?.n ?? 0;
      sql.close();
      const duplicates = Math.max(0, applied - N) + extraPostings;
      const lost = N - applied + counts.pending + counts.unknown;

      const pumpRate = N / pumpSecs;
      const centralRate = N / directSecs;
      return [
        atLeast('sync/drain-vs-central-ingest', Number((pumpRate / centralRate).toFixed(3)), 'ratio (10.000 ops, same batches)', 0.5),
        atMost('sync/duplicates', duplicates, 'operations', 0),
        atMost('sync/lost', lost, 'operations', 0),
        info('sync/drain-ops-per-second', Math.round(pumpRate), 'ops/s'),
        info('sync/central-ingest-ops-per-second', Math.round(centralRate), 'ops/s'),
        info('sync/batch-ratio-min', Number(Math.min(...ratios).toFixed(3)), 'ratio'),
      ];
    } finally {
      for (const c of centrals) await c.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
