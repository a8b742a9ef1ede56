import type { PersonId } from '../../../domain/accounts/person';
import type { NearThresholdRequest } from '../../../domain/central-api/cash-report';
import type { CashDepositRecord } from '../../../domain/uiaf/thresholds';
import type { CentralClient } from '../../sync/central-client';
import { createRemoteFigures } from './remote-figures';

/**
 * Cash deposits just under the UIAF threshold made at the bank's other workstations to an account or by a
 * depositor (central's cash register), so the structuring alert sees deposits split across tills and branches.
 */
export const createRemoteStructuring = (deps: { central: Pick<CentralClient, 'call'> | null; now?: () => number }) => {
  const requests = new Map<string, NearThresholdRequest>();
  const central = deps.central;
  const figures = createRemoteFigures<CashDepositRecord[]>({
    now: deps.now,
    fetch: central
      ? async (key) => {
          const req = requests.get(key);
          if (!req) return null;
          const r = await central.call('nearThresholdDeposits', req);
          if (!r.ok) return null;
          return r.data.deposits.map((d) => ({ on: d.on, amount: d.amount, accountNumber: d.account, depositor: d.depositor as PersonId }));
        }
      : null,
  });
  const keyOf = (req: NearThresholdRequest) => JSON.stringify(req);
  return {
    refresh: (req: NearThresholdRequest): Promise<void> => {
      if (requests.size >= 2_000) requests.clear(); // a day of deposits; older windows are never asked again
      requests.set(keyOf(req), req);
      return figures.refresh(keyOf(req));
    },
    elsewhere: (req: NearThresholdRequest): CashDepositRecord[] => figures.get(keyOf(req)) ?? [],
  };
};
export type RemoteStructuring = ReturnType<typeof createRemoteStructuring>;
