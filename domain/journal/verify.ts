import { ByteWriter, CanonicalEncodingError } from './canonical';
import { FIRST_SEQUENCE, GENESIS_PREV_HASH, writeHashInput, type ChainHead, type HashFn, type JournalEntry } from './entry';

export type ChainBreak = 'hash_mismatch' | 'prev_mismatch' | 'sequence_gap' | 'reordered';

export type ChainVerification =
  | {
      ok: true;
      count: number;
      /** Hash of the last entry (the `from` head's hash, or 64 zeros, when there were no entries). */
      head: string;
      lastSequence: number;
    }
  | {
      ok: false;
      /** The first sequence number that cannot be trusted: the tampered entry, or the missing one. */
      firstBadSequence: number;
      reason: ChainBreak;
      /** 0-based position in the stream where the break was found. */
      index: number;
    };

export interface VerifyOptions {
  /** Verify a segment that continues an already verified head instead of starting at the genesis. */
  readonly from?: ChainHead;
  /**
   * A head recorded elsewhere (central anchor at sync or till close). The chain must reach it and agree with it,
   * which also detects deleting the last rows — something no chain can detect on its own.
   */
  readonly anchor?: ChainHead;
}

/**
 * Streams `entries` once, holding one entry and one reusable byte buffer: fit for a million rows read from a
 * cursor. Per entry, in this order:
 *   sequence ≠ expected → `reordered` if an earlier sequence shows up (a sequence goes back, or the missing one
 *                         appears further on), else `sequence_gap` (rows deleted);
 *   prevHash ≠ hash of the previous entry → `prev_mismatch` (a row before it was rewritten with a new hash);
 *   recomputed hash ≠ stored hash → `hash_mismatch` (the row itself was changed).
 */
export const verifyChain = (entries: Iterable<JournalEntry>, hash: HashFn, options: VerifyOptions = {}): ChainVerification => {
  let expectedSequence = options.from ? options.from.sequence + 1 : FIRST_SEQUENCE;
  let expectedPrev = options.from ? options.from.hash : GENESIS_PREV_HASH;
  const anchor = options.anchor;
  const w = new ByteWriter(1024);
  let index = 0;
  const fail = (reason: ChainBreak): ChainVerification => ({ ok: false, firstBadSequence: expectedSequence, reason, index });

  const it = entries[Symbol.iterator]();
  for (let step = it.next(); !step.done; step = it.next(), index++) {
    const entry = step.value;
    const sequence = entry.sequence;
    if (sequence !== expectedSequence) {
      if (!Number.isSafeInteger(sequence)) return fail('hash_mismatch');
      if (sequence < expectedSequence) return fail('reordered');
      // Ahead of what we expect: deleted rows, or rows moved. Scan the rest (only on failure) to tell which.
      let last = sequence;
      for (let rest = it.next(); !rest.done; rest = it.next()) {
        const s = rest.value.sequence;
        if (s === expectedSequence || s < last) return fail('reordered');
        last = s;
      }
      return fail('sequence_gap');
    }
    if (entry.prevHash !== expectedPrev) return fail('prev_mismatch');
    w.reset();
    try {
      if (!writeHashInput(w, entry)) return fail('hash_mismatch');
    } catch (e) {
      // A value with no canonical form cannot have been written by appendEntry.
      if (e instanceof CanonicalEncodingError) return fail('hash_mismatch');
      throw e;
    }
    if (hash(w.view()) !== entry.hash) return fail('hash_mismatch');
    if (anchor && sequence === anchor.sequence && entry.hash !== anchor.hash) return fail('hash_mismatch');
    expectedPrev = entry.hash;
    expectedSequence++;
  }
  if (anchor && expectedSequence <= anchor.sequence) return fail('sequence_gap');
  return { ok: true, count: index, head: expectedPrev, lastSequence: expectedSequence - 1 };
};
