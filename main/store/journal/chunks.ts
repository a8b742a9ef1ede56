import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { ChainHead } from '../../../domain/journal/entry';
import type { ChunkSummary } from '../../../domain/journal/stored';
import { HASH_INPUT_SQL } from './repo';

/**
 * Checkers of sequence ranges on worker threads, each with its own read-only connection to the journal file
 * (WAL lets them read beside the writer). Each range is read a page at a time as SQLite-built hash inputs
 * (HASH_INPUT_SQL, the same bytes as the single-thread verifier) joined by a newline, plus the page's stored
 * prev hashes and hashes as two comma-separated strings, so the checks are a few string comparisons per page
 * instead of work per row:
 *   - sequences consecutive: max - min + 1 = count (sequence is the primary key, so no repeats);
 *   - digests: the SHA-256 of each input (64 hex characters), comma-separated, equals the stored hashes. A
 *     stored hash holding a comma would add one, so equal strings mean every hash equals its own digest;
 *   - links: the prev hashes end with every hash but the last (same argument), after a first prev hash that
 *     must be the previous page's last hash (or, for a range's first row, the caller's expected prev hash);
 *   - the anchor row, if in the page, has the anchor's hash.
 * A newline cannot occur in an untouched hash input (canonical JSON and json_quote escape control characters,
 * hashes are hex); a page whose inputs hold one (count of newlines ≠ rows - 1) is not split at all: doubt.
 * On any doubt the range is reported `fine: false` and the caller verifies exactly from there
 * (`joinChunk`, `ChainChecker.resume`), so the verdicts are the single-thread verifier's.
 *
 * The worker is plain JavaScript evaluated from a string (`eval: true`): there is no separate file to bundle,
 * and it runs the same under tsx, vitest and the Electron CJS bundle. It requires better-sqlite3 by the path
 * resolved here, because an evaluated worker resolves bare names from the working directory.
 */
/**
 * Rows per page here: ~0.5 MB of inputs. 256 and 512 measured the same; 2048 about twice the CPU, most of it in
 * page faults: the page's hash lists then pass 128 KB, the size from which V8 maps each string on its own.
 */
const CHUNK_PAGE_ROWS = 1024;
// The input is built inside the subquery: the outer aggregates then get 4 values per row from it instead of the
// 8 columns (the payload the largest), which measured ~10% less SQLite time per page.
const CHUNK_PAGE = `
  SELECT count(*), min(sequence), max(sequence), group_concat(prev_hash, ','), group_concat(hash, ','),
         CAST(group_concat(input, char(10)) AS BLOB)
  FROM (SELECT sequence, prev_hash, hash, ${HASH_INPUT_SQL} AS input FROM journal
        WHERE sequence > ? AND sequence <= ? ORDER BY sequence LIMIT ${CHUNK_PAGE_ROWS})`;

const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const crypto = require('node:crypto');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
// Each verification opens fresh connections and reads every page once, so a mapping of the file pays a page
// fault for each page it touches; read() into a page cache small enough to stay in the core's L2 measured ~10%
// less CPU per row than mmap (and than the default 2 MB cache) on the 2-core VM.
db.pragma('cache_size = -256');
const page = db.prepare(workerData.sql).raw(true);
const digest = typeof crypto.hash === 'function'
  ? (b) => crypto.hash('sha256', b, 'hex')
  : (b) => crypto.createHash('sha256').update(b).digest('hex');
const NEWLINE = 10;
const DOUBT = { fine: false };
const check = (lo, hi, anchorSeq, anchorHash) => {
  let after = lo, count = 0, firstSequence = 0, firstPrevHash = '', lastSequence = 0, lastHash = '';
  for (;;) {
    const [n, min, max, prevs, hashes, inputs] = page.get(after, hi);
    if (n === 0) break;
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max - min + 1 !== n) return DOUBT;
    const digests = new Array(n);
    let start = 0;
    for (let i = 0; i < n - 1; i++) {
      const end = inputs.indexOf(NEWLINE, start);
      if (end < 0) return DOUBT;
      digests[i] = digest(inputs.subarray(start, end));
      start = end + 1;
    }
    if (inputs.indexOf(NEWLINE, start) >= 0) return DOUBT;
    digests[n - 1] = digest(inputs.subarray(start));
    if (digests.join(',') !== hashes) return DOUBT;
    // prevs = first + ',' + every hash but the last (hashes = 64 characters + a comma each, the last without).
    const tail = n === 1 ? '' : ',' + hashes.slice(0, -65);
    if (!prevs.endsWith(tail)) return DOUBT;
    const first = prevs.slice(0, prevs.length - tail.length);
    if (count === 0) {
      firstSequence = min;
      firstPrevHash = first;
    } else if (min !== lastSequence + 1 || first !== lastHash) return DOUBT;
    if (anchorSeq !== null && anchorSeq >= min && anchorSeq <= max) {
      const at = (anchorSeq - min) * 65;
      if (hashes.slice(at, at + 64) !== anchorHash) return DOUBT;
    }
    count += n;
    lastSequence = max;
    lastHash = hashes.slice(-64);
    after = max;
  }
  return { fine: true, rows: count === 0 ? null : { count, firstSequence, firstPrevHash, lastSequence, lastHash } };
};
parentPort.on('message', ({ id, lo, hi, anchorSeq, anchorHash }) => {
  parentPort.postMessage({ id, summary: check(lo, hi, anchorSeq, anchorHash) });
});`;

/** better-sqlite3's entry file: the Electron CJS bundle has `require`; tsx and vitest run this file as ESM. */
const sqliteEntry = (): string =>
  (typeof require === 'function' ? require : createRequire(import.meta.url)).resolve('better-sqlite3');

export interface ChunkChecker {
  /** Checks the rows with lo < sequence ≤ hi (see the module comment). One range at a time per checker. */
  check(lo: number, hi: number, anchor?: ChainHead): Promise<ChunkSummary>;
}

export interface ChunkCheckers {
  readonly checkers: readonly ChunkChecker[];
  close(): Promise<void>;
}

/** Starts `threads` workers on the journal database at `file`. Close them when done (also on failure). */
export const openChunkCheckers = (file: string, threads: number): ChunkCheckers => {
  const workerData = { sqlite: sqliteEntry(), file, sql: CHUNK_PAGE };
  const workers: Worker[] = [];
  const checkers = Array.from({ length: Math.max(1, threads) }, (): ChunkChecker => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
    worker.unref();
    workers.push(worker);
    const waiting = new Map<number, { resolve: (s: ChunkSummary) => void; reject: (e: unknown) => void }>();
    let nextId = 0;
    let dead: unknown = null;
    const failAll = (e: unknown) => {
      dead ??= e;
      for (const w of waiting.values()) w.reject(e);
      waiting.clear();
    };
    worker.on('message', (m: { id: number; summary: ChunkSummary }) => {
      const w = waiting.get(m.id);
      waiting.delete(m.id);
      w?.resolve(m.summary);
    });
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`journal chunk worker exited (${code})`)));
    return {
      check: (lo, hi, anchor) =>
        new Promise<ChunkSummary>((resolve, reject) => {
          if (dead !== null) return reject(dead);
          const id = nextId++;
          waiting.set(id, { resolve, reject });
          worker.postMessage({ id, lo, hi, anchorSeq: anchor?.sequence ?? null, anchorHash: anchor?.hash ?? null });
        }),
    };
  });
  return {
    checkers,
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
};
