import type { Clock } from '../../core/runtime';
import type { JournalRepo } from '../../store/journal/repo';
import { canonicalJson } from '../../../domain/central-api/canonical';
import { sha256Hex } from '../../core/hash';

export type JournalPayload = Record<string, unknown>;

/** Appends events to the workstation's electronic journal; callers inside a posting transaction share it. */
export interface Journal {
  record(type: string, actor: string, payload: JournalPayload): { sequence: number; hash: string };
}

const GENESIS = '0'.repeat(64);

export const createJournal = (deps: { repo: JournalRepo; clock: Clock; workstation: string }): Journal => ({
  record(type, actor, payload) {
    const head = deps.repo.head();
    const sequence = (head?.sequence ?? 0) + 1;
    const prevHash = head?.hash ?? GENESIS;
    const at = deps.clock.now().toISOString();
    const body = canonicalJson({ sequence, at, workstation: deps.workstation, actor, type, payload });
    const hash = sha256Hex(prevHash + body);
    deps.repo.append({ sequence, at, workstation: deps.workstation, actor, type, payload: canonicalJson(payload), prevHash, hash });
    return { sequence, hash };
  },
});
