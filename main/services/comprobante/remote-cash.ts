import type { CustomerCashOperationsResponse } from '../../../domain/central-api/cash-report';
import type { CentralClient } from '../../sync/central-client';
import { createRemoteFigures } from './remote-figures';

/**
 * A customer's cash operations this month at every workstation of the bank, from central's register
 * (central/cash-report), so the monthly UIAF threshold (domain-co §2: $ 50.000.000 in the month) sees the customer's
 * whole month; merged with this workstation's own by key (context.ts). Null while central never answered.
 */
export const createRemoteCash = (deps: { central: Pick<CentralClient, 'call'> | null; now?: () => number }) => {
  const central = deps.central;
  const figures = createRemoteFigures<{ customer: string; month: string }, CustomerCashOperationsResponse['operations']>({
    now: deps.now,
    keyOf: (q) => `${q.month}|${q.customer}`,
    fetch: central
      ? async (q) => {
          const r = await central.call('customerCashOperations', q);
          return r.ok ? r.data.operations : null;
        }
      : null,
  });
  return {
    refresh: (customer: string, month: string): Promise<void> => figures.refresh({ customer, month }),
    operations: (customer: string, month: string): CustomerCashOperationsResponse['operations'] | null => figures.get({ customer, month }) ?? null,
    known: (customer: string, month: string): boolean => figures.known({ customer, month }),
    stale: (customer: string, month: string): boolean => figures.stale({ customer, month }),
  };
};
export type RemoteCash = ReturnType<typeof createRemoteCash>;
