import type { CentralClient } from '../../sync/central-client';
import { createRemoteFigures } from './remote-figures';

/**
 * A customer's cash this month at the bank's other workstations, from central's register (central/cash-report),
 * so the monthly UIAF threshold (domain-co §2: $ 50.000.000 in the month) sees the customer's whole month.
 * Unknown is 0.
 */
export const createRemoteCash = (deps: { central: Pick<CentralClient, 'call'> | null; now?: () => number }) => {
  const central = deps.central;
  const figures = createRemoteFigures<{ customer: string; month: string }, number>({
    now: deps.now,
    keyOf: (q) => `${q.month}|${q.customer}`,
    fetch: central
      ? async (q) => {
          const r = await central.call('customerCash', q);
          return r.ok ? r.data.elsewhere : null;
        }
      : null,
  });
  return {
    refresh: (customer: string, month: string): Promise<void> => figures.refresh({ customer, month }),
    elsewhere: (customer: string, month: string): number => figures.get({ customer, month }) ?? 0,
    known: (customer: string, month: string): boolean => figures.known({ customer, month }),
    stale: (customer: string, month: string): boolean => figures.stale({ customer, month }),
  };
};
export type RemoteCash = ReturnType<typeof createRemoteCash>;
