import { availableParallelism } from 'node:os';
import type { ChainHead } from '../../../domain/journal/entry';
import { ChainChecker, initialChainState, joinChunk, type ChainState, type ChunkSummary } from '../../../domain/journal/stored';
import type { ChainVerification } from '../../../domain/journal/verify';
import { openChunkCheckers, type ChunkCheckers } from '../../store/journal/chunks';
import { AFTER_ALL, BEFORE_ALL, type JournalRepo } from '../../store/journal/repo';
import { sha256 } from './writer';

/** Rows per range: ~4 MB of journal, ~15 ms of work: small enough that no thread idles long at the end. */
const CHUNK_ROWS = 8192;
/** Bounds the number of ranges when a tampered sequence is huge (the last range is open-ended anyway). */
const MAX_CHUNKS = 16_384;
/** A bound for large machines (each thread holds a connection and ~1 MB pages); measured only on 2 cores. */
const MAX_THREADS = 8;

export interface ParallelVerifyOptions {
  anchor?: ChainHead;
  /** Worker threads; default: the cores available (`os.availableParallelism()`), at most 8. */
  threads?: number;
  /** Rows per range (tests use tiny ranges to put breaks on their edges). */
  chunkRows?: number;
  /**
   * Called when the workers could not run (e.g. the SQLite addon does not load in a worker of a packaged app);
   * the rest of the chain is then verified on this thread, with the same verdict, only slower.
   */
  onWorkersFailed?: (error: unknown) => void;
}

export const defaultVerifyThreads = (): number => Math.min(MAX_THREADS, availableParallelism());

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The exact check (`ChainChecker` over the single-thread verifier's rows) from the first row after `after`,
 * continuing a chain whose earlier rows left it in `state`. Yields to the event loop between pages.
 */
const verifyRest = async (repo: JournalRepo, after: number, state: ChainState, anchor?: ChainHead): Promise<ChainVerification> => {
  const checker = ChainChecker.resume(state, anchor);
  for (const p of repo.encodedPages(after)) {
    let start = 0;
    for (let i = 0; i < p.sequences.length; i++) {
      const end = p.ends[i] ?? start;
      const s = start;
      if (checker.push(p.sequences[i] ?? -1, p.prevHashes[i] ?? '', p.hashes[i] ?? '', () => sha256(p.bytes.subarray(s, end)))) {
        return checker.finish();
      }
      start = end;
    }
    await nextTurn();
  }
  return checker.finish();
};

/**
 * On-demand verification of the whole chain on worker threads. Once the stored hashes are read, each entry is
 * checked on its own (its digest against its hash, its prevHash against the previous row's hash), so the
 * sequence line is cut into ranges of `chunkRows` rows that workers read and check in parallel, each with its
 * own read-only SQLite connection (store/journal/chunks.ts). This thread joins the ranges in order (links
 * between ranges, `joinChunk`); from the first range that is not provably intact, it finishes with the exact
 * row-by-row check, so the verdict — first bad entry, reason, index — is the single-thread verifier's
 * (`Journal.verify()`). An in-memory database cannot be shared with workers and is checked here.
 */
export const verifyInParallel = async (repo: JournalRepo, options: ParallelVerifyOptions = {}): Promise<ChainVerification> => {
  const file = repo.file();
  const maxSequence = repo.maxSequence();
  // A chain that fits in one range is checked here: starting a worker (a thread, the SQLite addon, a
  // connection) costs more than the range itself.
  const oneRange = maxSequence === null || maxSequence <= Math.max(1, options.chunkRows ?? CHUNK_ROWS);
  const start =
    file !== null && !oneRange ? await checkRanges(file, maxSequence, options) : { state: initialChainState(), resumeAfter: BEFORE_ALL };
  return verifyRest(repo, start.resumeAfter, start.state, options.anchor);
};

/** The worker phase: how far the chain is established by joined ranges, and where the exact check resumes. */
const checkRanges = async (file: string, maxSequence: number, options: ParallelVerifyOptions): Promise<{ state: ChainState; resumeAfter: number }> => {
  const rows = Math.max(1, options.chunkRows ?? CHUNK_ROWS);
  // Ranges are laid out for an intact chain (1..max); the first and last are open-ended, so together they cover
  // every stored row whatever its sequence, and their concatenation is the verifier's stream.
  const count = Math.min(MAX_CHUNKS, Math.max(1, Math.ceil(maxSequence / rows)));
  const lo = (j: number) => (j === 0 ? BEFORE_ALL : j * rows);
  const hi = (j: number) => (j === count - 1 ? AFTER_ALL : (j + 1) * rows);
  const results: (ChunkSummary | undefined)[] = new Array<ChunkSummary | undefined>(count);
  let state = initialChainState();
  let next = 0;
  let joined = 0;
  /** The first range that does not join: nothing after it needs checking by the workers. */
  let stop = count;
  let failed = false;
  const advance = () => {
    for (; joined < stop && !failed; joined++) {
      const r = results[joined];
      if (!r) return;
      const s = joinChunk(state, r);
      if (s === null) {
        stop = joined;
        return;
      }
      state = s;
    }
  };
  let pool: ChunkCheckers | null = null;
  try {
    const threads = Math.min(count, Math.max(1, options.threads ?? defaultVerifyThreads()));
    const checkers = (pool = openChunkCheckers(file, threads)).checkers;
    await Promise.all(
      checkers.map(async (c) => {
        while (next < stop && !failed) {
          const j = next++;
          results[j] = await c.check(lo(j), hi(j), options.anchor);
          advance();
        }
      }),
    );
  } catch (e) {
    // The ranges joined so far stand; the exact check goes on from the first one not joined.
    failed = true;
    options.onWorkersFailed?.(e);
  } finally {
    await pool?.close();
  }
  return { state, resumeAfter: joined === count ? AFTER_ALL : lo(joined) };
};
