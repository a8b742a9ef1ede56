import type { CentralClient } from '../../sync/central-client';

/** How long to wait for central before evaluating with what is known: the counter must not hang on it. */
const WAIT_MS = 800;
/** After central failed to answer, later refreshes run in the background for this long instead of waiting. */
const QUIET_AFTER_FAILURE_MS = 30_000;

/**
 * A customer's cash this month at the bank's other workstations, from central's register (central/cash-report),
 * so the monthly UIAF threshold (domain-co §2: $ 50.000.000 in the month) sees the customer's whole month. The
 * posting itself is synchronous (one SQLite transaction), so the figure is fetched before it, with a bounded
 * wait, and read from here. Without an answer the last known figure stands (0 if none).
 */
export const createRemoteCash = (deps: { central: Pick<CentralClient, 'call'> | null; now?: () => number }) => {
  const figures = new Map<string, number>();
  const keyOf = (customer: string, month: string) => `${month}|${customer}`;
  const now = deps.now ?? Date.now;
  let failedAt = -Infinity;
  return {
    refresh: async (customer: string, month: string): Promise<void> => {
      const central = deps.central;
      if (!central) return;
      const call = central
        .call('customerCash', { customer, month })
        .catch(() => null)
        .then((r) => {
          if (r?.ok) figures.set(keyOf(customer, month), r.data.elsewhere);
          else failedAt = now();
          return r;
        });
      if (now() - failedAt < QUIET_AFTER_FAILURE_MS) return;
      const answered = await Promise.race([call.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), WAIT_MS).unref())]);
      if (!answered) failedAt = now();
    },
    elsewhere: (customer: string, month: string): number => figures.get(keyOf(customer, month)) ?? 0,
  };
};
export type RemoteCash = ReturnType<typeof createRemoteCash>;
