import type { PersonId } from '../../../domain/accounts/person';
import type { NearThresholdRequest, NearThresholdResponse } from '../../../domain/central-api/cash-report';
import type { KeyedCash } from '../../../domain/uiaf/merge';
import type { CashDepositRecord } from '../../../domain/uiaf/thresholds';
import type { CentralClient } from '../../sync/central-client';
import { createRemoteFigures } from './remote-figures';

export type KeyedDeposit = CashDepositRecord & KeyedCash;

/**
 * Cash deposits just under the UIAF threshold made at the bank's workstations (this one's included) to an account or by a
 * depositor (central's cash register), so the structuring alert sees deposits split across tills and branches,
 * and the structuring rejections standing there, so a deposit refused at one till is refused at all of them.
 */
export const createRemoteStructuring = (deps: { central: Pick<CentralClient, 'call'> | null; now?: () => number }) => {
  const central = deps.central;
  const figures = createRemoteFigures<NearThresholdRequest, { deposits: KeyedDeposit[]; rejections: NearThresholdResponse['rejections'] }>({
    now: deps.now,
    keyOf: (q) => JSON.stringify(q),
    fetch: central
      ? async (q) => {
          const r = await central.call('nearThresholdDeposits', q);
          if (!r.ok) return null;
          return { deposits: r.data.deposits.map((d) => ({ key: d.key, on: d.on, at: d.at, amount: d.amount, accountNumber: d.account, depositor: d.depositor as PersonId })), rejections: r.data.rejections };
        }
      : null,
  });
  return {
    refresh: (req: NearThresholdRequest): Promise<void> => figures.refresh(req),
    /** Central's list (null before it ever answered), to merge by key with this workstation's own. */
    deposits: (req: NearThresholdRequest): KeyedDeposit[] | null => figures.get(req)?.deposits ?? null,
    /** Whether central answered the latest ask: otherwise the alert saw only this workstation's deposits (and any earlier answer). */
    known: (req: NearThresholdRequest): boolean => figures.known(req),
    /** Structuring rejections standing at other workstations for the account or the depositor (last answer). */
    rejections: (req: NearThresholdRequest): NearThresholdResponse['rejections'] => figures.get(req)?.rejections ?? [],
  };
};
export type RemoteStructuring = ReturnType<typeof createRemoteStructuring>;
