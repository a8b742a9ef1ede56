import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Operation } from '../domain/central-api';
import { demoToken } from '../central/demo/seed';
import { startCentral } from '../central/server';
import { info, type Bench } from './figure';
import { rawFsyncRate } from './fsync';

const BATCH = 100;
const ROUNDS = 8;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

const deposit = (): Operation => ({
  key: randomUUID(),
  branch: '001',
  workstation: '001-01',
  occurredAt: '2026-01-01T10:00:00-05:00',
  type: 'cash_deposit',
  account: '240000000011',
  payload: { amount: 1_000 },
});

/**
 * Central's exactly-once posting over real HTTP on 127.0.0.1 with synchronous=FULL: one batch of 100 cash
 * deposits is one transaction (one WAL fsync), so the figure is how many operations become durable in the time
 * of one raw fsync measured in the same rounds; HTTP, zod and SQL work per operation are what keep it below 100. Replays (all duplicates) and a one-operation round trip are reported for context.
 */
export const bench: Bench = {
  name: 'central',
  run: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caja-bench-central-'));
    const central = await startCentral({ port: 0, dbPath: join(dir, 'central.db'), demo: true, log: () => undefined, tickMs: 0 });
    const post = async (operations: Operation[]): Promise<number> => {
      const start = process.hrtime.bigint();
      const res = await fetch(`${central.url}/v1/operations:batch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${demoToken('001-01')}`, 'content-type': 'application/json' },
        body: JSON.stringify({ operations }),
      });
      if (res.status !== 200) throw new Error(`central answered ${res.status}`);
      await res.arrayBuffer();
      return Number(process.hrtime.bigint() - start) / 1e9;
    };
    try {
      for (let i = 0; i < 5; i++) await post(Array.from({ length: BATCH }, deposit));
      const opsPerFsync: number[] = [];
      const batchSecs: number[] = [];
      const replaySecs: number[] = [];
      const singleSecs: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const fsyncRate = rawFsyncRate(dir, 50);
        const ops = Array.from({ length: BATCH }, deposit);
        const secs = await post(ops);
        batchSecs.push(secs);
        // Operations made durable in the time the disk takes for one raw fsync: what batching buys.
        opsPerFsync.push(BATCH / secs / fsyncRate);
        replaySecs.push(await post(ops));
        for (let i = 0; i < 5; i++) singleSecs.push(await post([deposit()]));
      }
      return [
        // No issue sets a goal for central alone; the sync bench compares the branch's drain against it.
        info('central/batch100-ops-per-raw-fsync', Number(median(opsPerFsync).toFixed(2)), 'ops per fsync time (median of rounds)'),
        info('central/batch100-ops-per-second', Math.round(BATCH / median(batchSecs)), 'ops/s'),
        info('central/replay100-ops-per-second', Math.round(BATCH / median(replaySecs)), 'ops/s'),
        info('central/single-op-round-trip', Number((median(singleSecs) * 1000).toFixed(2)), 'ms (median)'),
      ];
    } finally {
      await central.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
