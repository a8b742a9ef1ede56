import type { AccountActivity } from '../../../domain/central-api/account-activity';
import type { CentralClient } from '../../sync/central-client';
import { createRemoteFigures } from './remote-figures';

const NONE: AccountActivity = { withdrawals: { count: 0, amount: 0 }, cashIn: 0, gmfCapUsedInMonth: 0 };

/**
 * An account's activity at the bank's other workstations (central/account-activity): the day's withdrawals and
 * cash deposits and the month's use of the GMF exemption, so that limits per account hold across tills.
 */
export const createRemoteActivity = (deps: { central: Pick<CentralClient, 'call'> | null; now?: () => number }) => {
  const keyOf = (account: string, day: string) => `${day}|${account}`;
  const central = deps.central;
  const figures = createRemoteFigures<AccountActivity>({
    now: deps.now,
    fetch: central
      ? async (key) => {
          const [day = '', account = ''] = key.split('|');
          const r = await central.call('accountActivity', { account, day });
          return r.ok ? r.data.elsewhere : null;
        }
      : null,
  });
  return {
    refresh: (account: string, day: string): Promise<void> => figures.refresh(keyOf(account, day)),
    elsewhere: (account: string, day: string): AccountActivity => figures.get(keyOf(account, day)) ?? NONE,
    known: (account: string, day: string): boolean => figures.known(keyOf(account, day)),
  };
};
export type RemoteActivity = ReturnType<typeof createRemoteActivity>;
