import { createHash } from 'node:crypto';
import { appendEntry, type HashFn, type JournalEntry, type JournalEntryType } from '../../../domain/journal/entry';
import { canonicalBytes, type JsonObject } from '../../../domain/journal/canonical';
import { verifyChain, type ChainVerification } from '../../../domain/journal/verify';
import type { Clock } from '../../core/runtime';
import type { JournalRepo, JournalRow } from '../../store/journal/repo';

export const sha256: HashFn = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Appends events to the workstation's electronic journal; callers inside a posting transaction share it. */
export interface Journal {
  record(type: JournalEntryType, actor: string, payload: JsonObject): { sequence: number; hash: string };
  /** Streams the whole chain from the store and checks every link (at start and on demand). */
  verify(): ChainVerification;
}

const toEntry = (r: JournalRow): JournalEntry => ({
  sequence: r.sequence,
  at: r.at,
  workstation: r.workstation,
  actor: r.actor,
  type: r.type as JournalEntryType,
  payload: JSON.parse(r.payload) as JsonObject,
  prevHash: r.prevHash,
  hash: r.hash,
});

function* entries(repo: JournalRepo): Generator<JournalEntry> {
  for (const row of repo.iterate()) yield toEntry(row);
}

const decoder = new TextDecoder();

export const createJournal = (deps: { repo: JournalRepo; clock: Clock; workstation: string }): Journal => ({
  record(type, actor, payload) {
    const head = deps.repo.head();
    const entry = appendEntry(
      head ? { sequence: head.sequence, hash: head.hash } : null,
      { at: deps.clock.now().toISOString(), workstation: deps.workstation, actor, type, payload },
      sha256,
    );
    deps.repo.append({ ...entry, payload: decoder.decode(canonicalBytes(entry.payload)) });
    return { sequence: entry.sequence, hash: entry.hash };
  },
  verify: () => verifyChain(entries(deps.repo), sha256),
});
