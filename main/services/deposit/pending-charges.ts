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
  const answers = new Map<string, PendingCharge[]>();
  return {
    refresh: async (account: string): Promise<void> => {
      answers.delete(account);
      if (!central) return;
      const call = central.call('pendingCharges', { account }).then(
        (r) => (r.ok ? r.data.charges : null),
        () => null,
      );
      const charges = await within(call, WAIT_MS);
      if (charges) answers.set(account, charges);
    },
    /** What central said is owed, oldest first; null when it did not answer the last question. */
    owed: (account: string): PendingCharge[] | null => answers.get(account) ?? null,
  };
};
