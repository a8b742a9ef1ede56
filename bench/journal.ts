import { hash as oneShotHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendEntry, type JournalEntry, type JournalEntryType } from '../domain/journal/entry';
import { canonicalBytes } from '../domain/journal/canonical';
import { storedHashInput, type StoredRow } from '../domain/journal/stored';
import { openDatabase } from '../main/store/db';
import { journalRepo } from '../main/store/journal/repo';
import { createJournal, sha256 } from '../main/services/journal/writer';
import { defaultVerifyThreads, verifyInParallel } from '../main/services/journal/parallel';
import { systemClock } from '../main/core/runtime';
import { atLeast, info, type Bench } from './figure';
import { median } from './till-commit';

const N = Number(process.env.JOURNAL_BENCH_ENTRIES ?? 1_000_000);
const ROUNDS = 3;
const TYPES: JournalEntryType[] = ['comprobante', 'print', 'approval', 'till_open', 'login'];
const decoder = new TextDecoder();

/** A realistic day's mix: mostly comprobantes with amounts, accounts and keys, some prints and approvals. */
const draftFor = (i: number) => ({
  at: new Date(Date.UTC(2026, 2, 2, 13, 0, 0) + i * 37).toISOString(),
  workstation: '001-03',
  actor: i % 7 === 0 ? '2f1c9a4e-0000-4000-8000-000000000002' : '2f1c9a4e-0000-4000-8000-000000000001',
  type: TYPES[i % TYPES.length] ?? 'comprobante',
  payload: {
    sequence: `001-03-${String(i).padStart(6, '0')}`,
    kind: i % 2 ? 'deposito' : 'retiro',
    account: `4${String(i % 99991).padStart(9, '0')}`,
    total: 10_000 + (i % 5000) * 1_000,
    cashIn: 10_000 + (i % 5000) * 1_000,
    gmf: 0,
    idempotencyKey: `0c4f2d3e-1a2b-4c3d-8e9f-${String(i).padStart(12, '0')}`,
    approvalId: null,
    centralKeys: [`k-${i}`],
  },
});

/** Writes N chained entries into a real SQLite file (WAL, synchronous=FULL) in large transactions. */
const buildJournalFile = (file: string): void => {
  const db = openDatabase(file);
  const repo = journalRepo(db);
  let prev: JournalEntry | null = null;
  const batch = 20_000;
  for (let start = 1; start <= N; start += batch) {
    db.transaction(() => {
      for (let i = start; i < start + batch && i <= N; i++) {
        const e: JournalEntry = appendEntry(prev, draftFor(i), sha256);
        repo.append({ ...e, payload: decoder.decode(canonicalBytes(e.payload)) });
        prev = e;
      }
    })();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
};

/**
 * The verifier measured is the app's on-demand one (`journal.verify` channel, main/services/journal/parallel.ts):
 * the chain is cut into ranges of sequences that worker threads read from SQLite (one read-only connection each)
 * and check in parallel, on as many threads as `os.availableParallelism()` reports (at most 8; both printed as
 * info figures — the ratio depends on the core count); the calling thread only joins the ranges. Reported beside
 * it: the same verifier on one worker thread (what one core gives: the goal is met by parallelism, not by
 * reading for free), and the single-thread verifier used at start-up.
 *
 * `journal`: verifying a 1.000.000-entry chain streamed from a real SQLite file (read, rebuild each entry's hash
 * input, SHA-256, compare links) against raw SHA-256 over the very same hash-input bytes, held in memory, in the
 * same run with the same one-shot digest, on ONE thread (the baseline is not parallelised). Goal: the verifier
 * runs at ≥ 0.5 of that raw hashing speed.
 */
export const bench: Bench = {
  name: 'journal',
  run: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caja-bench-journal-'));
    try {
      const file = join(dir, 'journal.sqlite');
      const t0 = process.hrtime.bigint();
      buildJournalFile(file);
      const buildSecs = Number(process.hrtime.bigint() - t0) / 1e9;

      const db = openDatabase(file);
      const repo = journalRepo(db);
      const journal = createJournal({ repo, clock: systemClock, workstation: '001-03' });

      // The exact bytes the verifier hashes, gathered once into one buffer (offsets per entry).
      const texts: string[] = [];
      for (const row of repo.iterateRaw()) texts.push(storedHashInput(row as StoredRow) ?? '');
      const bytes = Buffer.from(texts.join(''), 'utf8');
      const ends = new Uint32Array(texts.length);
      let off = 0;
      for (let i = 0; i < texts.length; i++) {
        off += Buffer.byteLength(texts[i] ?? '', 'utf8');
        ends[i] = off;
      }
      texts.length = 0;

      const rawRates: number[] = [];
      const verifyRates: number[] = [];
      const ratios: number[] = [];
      const singleRatios: number[] = [];
      const oneWorkerRatios: number[] = [];
      let sink = 0;
      for (let r = 0; r < ROUNDS; r++) {
        let start = process.hrtime.bigint();
        let prevEnd = 0;
        for (let i = 0; i < ends.length; i++) {
          const end = ends[i] ?? 0;
          sink += oneShotHash('sha256', bytes.subarray(prevEnd, end), 'hex').charCodeAt(0);
          prevEnd = end;
        }
        const rawSecs = Number(process.hrtime.bigint() - start) / 1e9;

        start = process.hrtime.bigint();
        const single = journal.verify();
        const singleSecs = Number(process.hrtime.bigint() - start) / 1e9;
        start = process.hrtime.bigint();
        const v = await verifyInParallel(repo);
        const verifySecs = Number(process.hrtime.bigint() - start) / 1e9;
        start = process.hrtime.bigint();
        const one = await verifyInParallel(repo, { threads: 1 });
        const oneSecs = Number(process.hrtime.bigint() - start) / 1e9;
        for (const x of [single, v, one]) if (!x.ok || x.count !== N) throw new Error(`journal bench: chain did not verify: ${JSON.stringify(x)}`);
        rawRates.push(N / rawSecs);
        verifyRates.push(N / verifySecs);
        ratios.push(rawSecs / verifySecs);
        singleRatios.push(rawSecs / singleSecs);
        oneWorkerRatios.push(rawSecs / oneSecs);
      }
      db.close();
      if (sink === 0) throw new Error('unreachable');
      return [
        atLeast('journal/verify-vs-raw-sha256', Number(median(ratios).toFixed(3)), `ratio (median of ${ROUNDS}, ${N} entries)`, 0.5),
        info('journal/verify-entries-per-second', Math.round(median(verifyRates)), 'entries/s'),
        info('journal/one-worker-verify-vs-raw-sha256', Number(median(oneWorkerRatios).toFixed(3)), 'ratio (same verifier, threads: 1)'),
        info('journal/single-thread-verify-vs-raw-sha256', Number(median(singleRatios).toFixed(3)), 'ratio (read+hash on one thread)'),
        info('journal/raw-sha256-per-second', Math.round(median(rawRates)), 'hashes/s (one thread)'),
        info('journal/verify-threads', defaultVerifyThreads(), 'worker threads'),
        info('journal/available-parallelism', availableParallelism(), 'cores (os.availableParallelism)'),
        info('journal/avg-hash-input-bytes', Math.round(bytes.length / N), 'bytes'),
        info('journal/file-size', Math.round(statSync(file).size / 1e6), 'MB'),
        info('journal/build-seconds', Number(buildSecs.toFixed(1)), 's'),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
