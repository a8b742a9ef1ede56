import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, inTransaction } from '../main/store/db';
import { tillRepo } from '../main/store/till/repo';
import { usersRepo } from '../main/store/users/repo';
import { journalRepo } from '../main/store/journal/repo';
import { createJournal } from '../main/services/journal/writer';
import { systemClock } from '../main/core/runtime';
import { atLeast, info, type Bench } from './figure';
import { rawFsyncRate } from './fsync';

const N = 2000;

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

/**
 * Durable till-operation commits per second (movement + position + journal entry in one transaction with
 * synchronous=FULL) against the raw write+fsync rate of the same directory, interleaved in rounds so that
 * noise from the shared machine hits both sides alike.
 */
export const bench: Bench = {
  name: 'till-commit',
  run: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caja-bench-'));
    try {
      const db = openDatabase(join(dir, 'bench.sqlite'));
      const users = usersRepo(db);
      users.insert({ id: 'u1', username: 'b', displayName: 'Bench', role: 'cajero', passwordHash: 'x', createdAt: '2026-01-01T00:00:00Z' });
      const tills = tillRepo(db);
      tills.insertOpen({
        id: 't1', tillCode: '03', tellerId: 'u1', businessDate: '2026-01-01', openedAt: '2026-01-01T00:00:00Z',
        openingCount: {}, openingTotal: 0, position: {}, positionTotal: 0,
      });
      const journal = createJournal({ repo: journalRepo(db), clock: systemClock, workstation: 'WS-BENCH' });
      let seq = 0;
      const commit = () =>
        inTransaction(db, () => {
          seq++;
          const pos = { '10000': seq };
          tills.addMovement({ id: `m${seq}`, tillSessionId: 't1', kind: 'bench', reference: null, delta: { '10000': 1 }, amount: 10_000, at: '2026-01-01T00:00:00Z' }, pos, seq * 10_000);
          journal.record('comprobante', 'u1', { seq });
        });
      // Steady state: a workstation's WAL has already grown to its working size; the first commits of a new
      // file pay for extending it, which is not what a teller waits for during the day.
      for (let i = 0; i < 500; i++) commit();
      const rounds = 10;
      const per = N / rounds;
      const ratios: number[] = [];
      let commitSecs = 0;
      let fsyncSecs = 0;
      for (let r = 0; r < rounds; r++) {
        const fsyncRate = rawFsyncRate(dir, per);
        const start = process.hrtime.bigint();
        for (let i = 0; i < per; i++) commit();
        const secs = Number(process.hrtime.bigint() - start) / 1e9;
        commitSecs += secs;
        fsyncSecs += per / fsyncRate;
        ratios.push(per / secs / fsyncRate);
      }
      db.close();
      const commitRate = N / commitSecs;
      const fsyncRate = N / fsyncSecs;
      return [
        atLeast('till-commit/ratio-to-raw-fsync', Number(median(ratios).toFixed(3)), 'ratio (median of rounds)', 0.7),
        info('till-commit/commits-per-second', Math.round(commitRate), 'commits/s'),
        info('till-commit/raw-fsync-per-second', Math.round(fsyncRate), 'fsync/s'),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
