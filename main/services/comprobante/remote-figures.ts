/** How long to wait for central before evaluating with what is known: the counter must not hang on it. */
const WAIT_MS = 800;
/** After central failed to answer, later refreshes run in the background for this long instead of waiting. */
const QUIET_AFTER_FAILURE_MS = 30_000;

/**
 * Figures central keeps for the whole bank (a customer's cash in the month, an account's activity of the day),
 * read by postings that are synchronous (one SQLite transaction): each is fetched before, with a bounded wait,
 * and read from here. Without an answer the last known figure stands (none if never answered). `fetch` answers
 * null when central refused or failed.
 */
export const createRemoteFigures = <V>(deps: { fetch: ((key: string) => Promise<V | null>) | null; now?: () => number }) => {
  const figures = new Map<string, V>();
  const now = deps.now ?? Date.now;
  let failedAt = -Infinity;
  return {
    refresh: async (key: string): Promise<void> => {
      const fetch = deps.fetch;
      if (!fetch) return;
      const call = fetch(key)
        .catch(() => null)
        .then((v) => {
          if (v !== null) figures.set(key, v);
          else failedAt = now();
        });
      if (now() - failedAt < QUIET_AFTER_FAILURE_MS) return;
      const answered = await Promise.race([call.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), WAIT_MS).unref())]);
      if (!answered) failedAt = now();
    },
    get: (key: string): V | undefined => figures.get(key),
    /** Whether central has answered for `key` (a figure of 0 and "never asked or never answered" differ). */
    known: (key: string): boolean => figures.has(key),
  };
};
