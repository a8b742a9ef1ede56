import { FIRST_SEQUENCE, GENESIS_PREV_HASH, type ChainHead, type HashFn } from './entry';
import type { ChainBreak, ChainVerification, VerifyOptions } from './verify';

/**
 * Verification straight from stored rows, the fast path for a million entries. The store keeps each payload as
 * the exact canonical JSON text that was hashed (UTF-8 bytes of `canonicalBytes(payload)`), so the hash input
 * can be rebuilt by concatenating text instead of parsing the payload and encoding it again:
 *
 *   prevHash + {"actor":…,"at":…,"payload":<stored text>,"prevHash":"…","sequence":n,"type":…,"workstation":…}
 *
 * This is stricter than `verifyChain` on parsed entries, never looser: a row verifies only when its bytes are
 * exactly the bytes that were hashed, so a payload rewritten into an equivalent but non-canonical form (extra
 * spaces, other key order) is reported too. JSON.stringify escapes strings exactly as `ByteWriter.string` does
 * (well-formed JSON.stringify, lone surrogates as lowercase \udxxx); a test pins the equivalence.
 */

/** One stored row as a tuple, in column order: what a raw SQLite cursor yields without building objects. */
export type StoredRow = readonly [
  sequence: number,
  at: string,
  workstation: string,
  actor: string,
  type: string,
  /** Canonical JSON text of the payload, as stored. */
  payload: string,
  prevHash: string,
  hash: string,
];

/** SHA-256 (or the configured digest) of the UTF-8 encoding of `text`, as 64 lowercase hex characters. */
export type HashTextFn = (text: string) => string;

/** The hash input of a stored row as text (its UTF-8 encoding is the byte string that was hashed). */
export const storedHashInput = (r: StoredRow): string | null => {
  const [sequence, at, workstation, actor, type, payload, prevHash] = r;
  if (
    typeof at !== 'string' ||
    typeof workstation !== 'string' ||
    typeof actor !== 'string' ||
    typeof type !== 'string' ||
    typeof payload !== 'string' ||
    !Number.isSafeInteger(sequence)
  ) {
    return null;
  }
  return `${prevHash}{"actor":${JSON.stringify(actor)},"at":${JSON.stringify(at)},"payload":${payload},"prevHash":"${prevHash}","sequence":${sequence},"type":${JSON.stringify(type)},"workstation":${JSON.stringify(workstation)}}`;
};

/** A row whose hash input the store already built as UTF-8 bytes (see `main/store/journal`, bulk reading). */
export interface EncodedRow {
  readonly sequence: number;
  readonly prevHash: string;
  readonly hash: string;
  /** UTF-8 bytes of `storedHashInput(row)`; the verifier does not keep them (buffers may be reused). */
  readonly input: Uint8Array;
}

interface Access<R> {
  sequence(r: R): number;
  prevHash(r: R): string;
  hash(r: R): string;
  /** The recomputed digest of the row, or null when the row cannot have one. */
  digest(r: R): string | null;
}

/** What `ChainChecker` holds between rows while the chain is intact: the next sequence, its prevHash, rows so far. */
export interface ChainState {
  readonly expectedSequence: number;
  readonly expectedPrev: string;
  readonly index: number;
}

/** The state before the first row (or after the `from` head). */
export const initialChainState = (from?: ChainHead): ChainState => ({
  expectedSequence: from ? from.sequence + 1 : FIRST_SEQUENCE,
  expectedPrev: from ? from.hash : GENESIS_PREV_HASH,
  index: 0,
});

/** The rows of one sequence range, as a chunk checker saw them (parallel verification). */
export interface ChunkRows {
  readonly count: number;
  readonly firstSequence: number;
  /** The first row's stored prevHash. */
  readonly firstPrevHash: string;
  readonly lastSequence: number;
  readonly lastHash: string;
}

/**
 * A chunk checker's report on one sequence range. `fine` only when the range, taken alone, is a chain
 * `ChainChecker` accepts row by row once its first row is accepted: sequences consecutive, every prevHash the
 * previous row's hash, every stored hash the digest of the row's input, the anchor row (if in range) equal to
 * the anchor. `rows` is null for an empty range. Anything else — a break, or bytes the checker could not settle
 * cheaply — is `fine: false`, and the caller verifies exactly from that range on.
 */
export type ChunkSummary = { readonly fine: false } | { readonly fine: true; readonly rows: ChunkRows | null };

/**
 * Joins the next range (in sequence order) onto the chain verified so far. Returns the state `ChainChecker`
 * would hold after pushing the range's rows one by one, or null when that is not established (the range is not
 * fine, or its first row does not continue the chain): the verdict must then come from `ChainChecker.resume`.
 */
export const joinChunk = (state: ChainState, chunk: ChunkSummary): ChainState | null => {
  if (!chunk.fine) return null;
  const r = chunk.rows;
  if (r === null) return state;
  if (r.firstSequence !== state.expectedSequence || r.firstPrevHash !== state.expectedPrev) return null;
  return { expectedSequence: r.lastSequence + 1, expectedPrev: r.lastHash, index: state.index + r.count };
};

/**
 * The chain check fed one row at a time, for verifiers that get rows (or their digests) asynchronously, e.g.
 * from a hashing worker. `push` returns the verdict as soon as the chain breaks, else null; `finish` gives it.
 * Reordered rows are told apart from deletions on the rows pushed after the first unexpected sequence.
 */
export class ChainChecker {
  private expectedSequence: number;
  private expectedPrev: string;
  private index = 0;
  /** Set once a sequence ran ahead: later rows only decide between `reordered` and `sequence_gap`. */
  private ahead: { last: number; at: number; expected: number } | null = null;
  private verdict: ChainVerification | null = null;

  constructor(private readonly options: VerifyOptions = {}) {
    this.expectedSequence = options.from ? options.from.sequence + 1 : FIRST_SEQUENCE;
    this.expectedPrev = options.from ? options.from.hash : GENESIS_PREV_HASH;
  }

  /** A checker in the state reached after the rows of `state` were accepted (the rest of a joined stream). */
  static resume(state: ChainState, anchor?: ChainHead): ChainChecker {
    const c = new ChainChecker(anchor ? { anchor } : {});
    c.expectedSequence = state.expectedSequence;
    c.expectedPrev = state.expectedPrev;
    c.index = state.index;
    return c;
  }

  private fail(reason: ChainBreak, index = this.index): ChainVerification {
    this.verdict = { ok: false, firstBadSequence: this.expectedSequence, reason, index };
    return this.verdict;
  }

  /** `digest` is the recomputed hash of the row, or null when the row cannot have one. */
  push(sequence: number, prevHash: string, storedHash: string, digest: () => string | null): ChainVerification | null {
    if (this.verdict) return this.verdict;
    if (this.ahead) {
      if (sequence === this.ahead.expected || sequence < this.ahead.last) return this.fail('reordered', this.ahead.at);
      this.ahead.last = sequence;
      return null;
    }
    if (sequence !== this.expectedSequence) {
      if (!Number.isSafeInteger(sequence)) return this.fail('hash_mismatch');
      if (sequence < this.expectedSequence) return this.fail('reordered');
      this.ahead = { last: sequence, at: this.index, expected: this.expectedSequence };
      return null;
    }
    // expectedPrev is a verified digest (or the genesis), so a matching prevHash is well-formed hex.
    if (prevHash !== this.expectedPrev) return this.fail('prev_mismatch');
    if (digest() !== storedHash) return this.fail('hash_mismatch');
    const anchor = this.options.anchor;
    if (anchor && sequence === anchor.sequence && storedHash !== anchor.hash) return this.fail('hash_mismatch');
    this.expectedPrev = storedHash;
    this.expectedSequence++;
    this.index++;
    return null;
  }

  finish(): ChainVerification {
    if (this.verdict) return this.verdict;
    if (this.ahead) return this.fail('sequence_gap', this.ahead.at);
    const anchor = this.options.anchor;
    if (anchor && this.expectedSequence <= anchor.sequence) return this.fail('sequence_gap');
    return { ok: true, count: this.index, head: this.expectedPrev, lastSequence: this.expectedSequence - 1 };
  }
}

const verifyRows = <R>(rows: Iterable<R>, a: Access<R>, options: VerifyOptions): ChainVerification => {
  const checker = new ChainChecker(options);
  for (const row of rows) {
    if (checker.push(a.sequence(row), a.prevHash(row), a.hash(row), () => a.digest(row))) break;
  }
  return checker.finish();
};

/** Same contract and results as `verifyChain`, over stored rows. */
export const verifyStoredChain = (rows: Iterable<StoredRow>, hashText: HashTextFn, options: VerifyOptions = {}): ChainVerification =>
  verifyRows(
    rows,
    {
      sequence: (r) => r[0],
      prevHash: (r) => r[6],
      hash: (r) => r[7],
      digest: (r) => {
        const input = storedHashInput(r);
        return input === null ? null : hashText(input);
      },
    },
    options,
  );

/** Same contract and results again, over rows whose hash input the store encoded in bulk. */
export const verifyEncodedChain = (rows: Iterable<EncodedRow>, hash: HashFn, options: VerifyOptions = {}): ChainVerification =>
  verifyRows(rows, { sequence: (r) => r.sequence, prevHash: (r) => r.prevHash, hash: (r) => r.hash, digest: (r) => hash(r.input) }, options);
