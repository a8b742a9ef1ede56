import { within } from '../../core/within';
/** How long to wait for central before evaluating with what is known: the counter must not hang on it. */
const WAIT_MS = 800;
/** After central failed to answer, later refreshes run in the background for this long instead of waiting. */
const QUIET_AFTER_FAILURE_MS = 30_000;
/** A long day's worth of questions; older ones are never asked again, so the cache starts over past it. */
const MAX_FIGURES = 2_000;

/**
 * Figures central keeps for the whole bank (a customer's cash in the month, an account's activity of the day),
 * read by postings that are synchronous (one SQLite transaction): each is fetched before, with a bounded wait,
 * and read from here. Without an answer the last known figure stands (none if never answered). `fetch` answers
 * null when central refused or failed; `keyOf` names a question so that the same one finds its answer.
 */
export const createRemoteFigures = <Q, V>(deps: { keyOf: (q: Q) => string; fetch: ((q: Q) => Promise<V | null>) | null; now?: (() => number) | undefined }) => {
  const figures = new Map<string, V>();
  // Questions whose latest ask central answered. A figure answered earlier stays usable when central goes silent,
  // but it no longer counts as known: the teller must be told the check missed what happened since (QA: central
  // down after one answer, the UIAF check went on without saying it was partial).
  const fresh = new Set<string>();
  const now = deps.now ?? Date.now;
  let failedAt = -Infinity;
  return {
    refresh: async (q: Q): Promise<void> => {
      const fetch = deps.fetch;
      if (!fetch) return;
      const key = deps.keyOf(q);
      const call = fetch(q)
        .catch(() => null)
        .then((v) => {
          if (v === null) {
            failedAt = now();
            fresh.delete(key);
          } else {
            if (figures.size >= MAX_FIGURES) {
              figures.clear();
              fresh.clear();
            }
            figures.set(key, v);
            fresh.add(key);
          }
        });
      if (now() - failedAt < QUIET_AFTER_FAILURE_MS) {
        // Not waited for: until its answer arrives, what is here is not central's word of now.
        fresh.delete(key);
        return;
      }
      const answered = (await within(call.then(() => true), WAIT_MS)) ?? false;
      if (!answered) {
        failedAt = now();
        fresh.delete(key);
      }
    },
    /** Central's word of now given in another answer (a refused reservation carries the account's day). */
    set: (q: Q, v: V): void => {
      figures.set(deps.keyOf(q), v);
      fresh.add(deps.keyOf(q));
    },
    get: (q: Q): V | undefined => figures.get(deps.keyOf(q)),
    /** Whether central answered the latest ask of this question (a figure of 0 and "not answered" differ). */
    known: (q: Q): boolean => fresh.has(deps.keyOf(q)),
    /** Whether a figure central gave earlier stands in for an answer it did not give now. */
    stale: (q: Q): boolean => figures.has(deps.keyOf(q)) && !fresh.has(deps.keyOf(q)),
  };
};
