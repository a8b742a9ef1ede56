import type { AccountActivity } from '../../../domain/central-api/account-activity';
import type { CentralClient } from '../../sync/central-client';
import { createRemoteFigures } from './remote-figures';

/** Nothing known of the other workstations (central never answered, or there is no central). */
export const NO_ACTIVITY: AccountActivity = { withdrawals: { count: 0, amount: 0 }, cashIn: 0, gmfCapUsedInMonth: 0 };

/**
 * An account's activity at the bank's other workstations (central/account-activity): the day's withdrawals and
 * cash deposits and the month's use of the GMF exemption, so that limits per account hold across tills.
 */
export const createRemoteActivity = (deps: { central: Pick<CentralClient, 'call'> | null; now?: () => number }) => {
  const central = deps.central;
  const figures = createRemoteFigures<{ account: string; day: string }, AccountActivity>({
    now: deps.now,
    keyOf: (q) => `${q.day}|${q.account}`,
    fetch: central
      ? async (q) => {
          const r = await central.call('accountActivity', q);
          return r.ok ? r.data.elsewhere : null;
        }
      : null,
  });
  return {
    refresh: (account: string, day: string): Promise<void> => figures.refresh({ account, day }),
    elsewhere: (account: string, day: string): AccountActivity => figures.get({ account, day }) ?? NO_ACTIVITY,
    known: (account: string, day: string): boolean => figures.known({ account, day }),
    /**
     * The other workstations' withdrawals of the day as central counted them when it refused to reserve the limits
     * (withdrawal-limits): newer than the last answer, so the check and the supervisor's request see them at once.
     */
    noteWithdrawalsElsewhere: (account: string, day: string, withdrawals: AccountActivity['withdrawals']): void =>
      figures.set({ account, day }, { ...(figures.get({ account, day }) ?? NO_ACTIVITY), withdrawals }),
  };
};
export type RemoteActivity = ReturnType<typeof createRemoteActivity>;
