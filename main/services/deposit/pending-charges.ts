import type { Account } from '../../../domain/accounts/account';
import type { PendingCharge } from '../../../domain/central-api';
import type { CentralClient } from '../../sync/central-client';
import { within } from '../../core/within';

/** As long as the other figures central is asked for at the counter (comprobante/remote-figures.ts). */
const WAIT_MS = 800;

/**
 * The account's pending charges for returned cheques, asked of central before a deposit is evaluated and posted:
 * the deposit pays them first, so the review and the receipt must say so. Unlike the other figures, a charge
 * known earlier is not trusted when central does not answer now (another workstation's deposit may have paid
 * it): the answer is then "cannot be known" (null).
 */
export const createPendingCharges = (central: Pick<CentralClient, 'call'> | null) => {
  const answers = new Map<string, { charges: PendingCharge[]; available: number | undefined }>();
  return {
    refresh: async (account: string): Promise<void> => {
      answers.delete(account);
      if (!central) return;
      const call = central.call('pendingCharges', { account }).then(
        (r) => (r.ok ? { charges: r.data.charges, available: r.data.available } : null),
        () => null,
      );
      const answer = await within(call, WAIT_MS);
      if (answer) answers.set(account, answer);
    },
    /** What central said is owed, oldest first; null when it did not answer the last question. */
    owed: (account: string): PendingCharge[] | null => answers.get(account)?.charges ?? null,
    /**
     * The account as a credit to it meets its charges: with the available balance central gave with them, less this
     * workstation's debits it has not applied yet (`localDebits`), since on an embargoed account what the credit pays
     * depends on it and the reference copy may be older. Unchanged when nothing is owed or central did not say.
     */
    asCharged: (account: Account, localDebits: number): Account => {
      const a = answers.get(account.number);
      if (!a || a.charges.length === 0 || a.available === undefined) return account;
      return { ...account, balances: { ...account.balances, available: Math.max(0, a.available - localDebits) } };
    },
  };
};
