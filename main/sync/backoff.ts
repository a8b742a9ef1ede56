/**
 * Exponential backoff with jitter: the n-th consecutive failure waits a random time between half and all of
 * `base · 2^(n-1)`, capped at `max`. The random source is injected (tests and the property run drive it);
 * jitter keeps a branch's workstations from hammering central in step after an outage.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 60_000 };

export const backoffDelay = (failures: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number => {
  if (failures <= 0) return 0;
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random(), 0), 1));
};
