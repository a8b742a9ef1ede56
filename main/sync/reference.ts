import { MAX_REFERENCE_PAGE } from '../../domain/central-api';
import type { Clock } from '../core/runtime';
import type { ReferenceRepo } from '../store/reference/repo';
import type { CentralClient } from './central-client';

/**
 * Delta pull of reference data: pages from the cached cursor until central says there is no more. Each page
 * and its cursor commit together, so a pull cut halfway resumes where it stopped.
 */
export type PullResult = { ok: true; changes: number } | { ok: false; changes: number; kind: 'rejected' | 'network' | 'timeout'; error: { code: string; message: string } };

export const pullReference = async (deps: { client: Pick<CentralClient, 'call'>; repo: ReferenceRepo; clock: Clock; pageSize?: number }): Promise<PullResult> => {
  let changes = 0;
  for (let pages = 0; pages < 10_000; pages++) {
    const r = await deps.client.call('reference', { cursor: deps.repo.cursor(), limit: deps.pageSize ?? MAX_REFERENCE_PAGE });
    if (!r.ok) return { ok: false, changes, kind: r.kind, error: r.error };
    const at = deps.clock.now().toISOString();
    // An empty page writes nothing: the loop records the successful round itself (throttled).
    if (r.data.changes.length > 0) deps.repo.applyChanges(r.data.changes, r.data.nextCursor, at);
    changes += r.data.changes.length;
    if (!r.data.hasMore) break;
  }
  return { ok: true, changes };
};
