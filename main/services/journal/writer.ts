import { createHash, hash as oneShotHash } from 'node:crypto';
import { appendEntry, type ChainHead, type HashFn, type JournalEntry, type JournalEntryType } from '../../../domain/journal/entry';
import { canonicalBytes, type JsonObject } from '../../../domain/journal/canonical';
import { verifyEncodedChain, type HashTextFn } from '../../../domain/journal/stored';
import { verifyChain, type ChainVerification } from '../../../domain/journal/verify';
import type { Clock } from '../../core/runtime';
import type { JournalRepo, JournalRow } from '../../store/journal/repo';

export const sha256: HashFn =
  typeof oneShotHash === 'function' ? (bytes) => oneShotHash('sha256', bytes, 'hex') : (bytes) => createHash('sha256').update(bytes).digest('hex');

/** SHA-256 of a string's UTF-8 bytes. Node's one-shot `crypto.hash` (20.12+) skips the Hash object. */
export const sha256Text: HashTextFn =
  typeof oneShotHash === 'function' ? (text) => oneShotHash('sha256', text, 'hex') : (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Appends events to the workstation's electronic journal; callers inside a posting transaction share it. */
export interface Journal {
  record(type: JournalEntryType, actor: string, payload: JsonObject): { sequence: number; hash: string };
  /** Streams the whole chain from the store and checks every link (at start and on demand). */
  verify(options?: { anchor?: ChainHead }): ChainVerification;
  /** The last entry's sequence and hash, what central anchors; null for an empty journal. */
  head(): ChainHead | null;
  /** The first stored entry's sequence, hash and time: the chain's beginning, what central binds an installation to. */
  first(): (ChainHead & { at: string }) | null;
}

export const toEntry = (r: JournalRow): JournalEntry => ({
  sequence: r.sequence,
  at: r.at,
  workstation: r.workstation,
  actor: r.actor,
  type: r.type as JournalEntryType,
  payload: JSON.parse(r.payload) as JsonObject,
  prevHash: r.prevHash,
  hash: r.hash,
});

/** The slow, independent path (parse + canonical re-encoding); kept for tests that cross-check the fast one. */
export const verifyParsed = (repo: JournalRepo): ChainVerification => {
  function* entries(): Generator<JournalEntry> {
    for (const row of repo.iterate()) yield toEntry(row);
  }
  return closing(entries(), (g) => verifyChain(g, sha256));
};

/** The verifiers stop at the first break without closing the stream; close it so the statement is released. */
const closing = <T, R>(g: Generator<T>, f: (g: Generator<T>) => R): R => {
  try {
    return f(g);
  } finally {
    g.return(undefined);
  }
};

const decoder = new TextDecoder();

export const createJournal = (deps: { repo: JournalRepo; clock: Clock; workstation: string }): Journal => ({
  record(type, actor, payload) {
    const head = deps.repo.head();
    const entry = appendEntry(
      head ? { sequence: head.sequence, hash: head.hash } : null,
      { at: deps.clock.now().toISOString(), workstation: deps.workstation, actor, type, payload },
      sha256,
    );
    // The payload is stored as its canonical text: what was hashed is what is kept, byte for byte.
    deps.repo.append({ ...entry, payload: decoder.decode(canonicalBytes(entry.payload)) });
    return { sequence: entry.sequence, hash: entry.hash };
  },
  verify: (options = {}) => closing(deps.repo.encodedRows(), (g) => verifyEncodedChain(g, sha256, options)),
  head: () => {
    const h = deps.repo.head();
    return h ? { sequence: h.sequence, hash: h.hash } : null;
  },
  first: () => {
    const f = deps.repo.first();
    return f ? { sequence: f.sequence, hash: f.hash, at: f.at } : null;
  },
});
