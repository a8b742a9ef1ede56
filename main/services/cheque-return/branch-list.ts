import type { BranchCheque } from '../../../domain/central-api';
import { RETURN_CAUSALES } from '../../../domain/cheque/causales';
import { bogotaDate } from '../../../domain/calendar/bogota-time';
import { within } from '../../core/within';
import type { ComprobanteDeps } from '../comprobante/deps';

/** How long a canje or remesa list waits for central's list of the branch's cheques before showing this one's. */
const BRANCH_WAIT_MS = 1_500;

/** A cheque of central's branch list that this workstation has no row for: its list id names its central key. */
const REMOTE = 'central:';
export const remoteId = (depositKey: string): string => `${REMOTE}${depositKey}`;
export const depositKeyOfRemote = (id: string): string | null => (id.startsWith(REMOTE) ? id.slice(REMOTE.length) : null);

/** The branch's cheques as central has them now; null when central did not answer in time (the list is this one's). */
export const fetchBranchCheques = async (deps: Pick<ComprobanteDeps, 'central' | 'workstation'>): Promise<BranchCheque[] | null> => {
  if (!deps.central) return null;
  const r = await within(deps.central.call('branchCheques', { branch: deps.workstation.branchCode }).catch(() => null), BRANCH_WAIT_MS);
  return r?.ok ? r.data.cheques : null;
};

/** The returned cheque's causal from the reversal's reason code (booking.ts `returnOperation`); null: another reversal. */
export const causalOfReversal = (reasonCode: string): string | null =>
  RETURN_CAUSALES.find((c) => `CHEQUE_DEVUELTO_${c.id}`.slice(0, 40).toUpperCase() === reasonCode)?.id ?? null;

/** What central's list says became of a cheque, in the words both screens use. */
export interface CentralFate {
  /** A returned cheque (its deposit reversed with a cheque causal). */
  returned: { on: string; causalId: string; fee: number } | null;
  /** The deposit reversed for another reason (typed in error): the cheque went back to the customer. */
  depositReversed: boolean;
}
export const fateOf = (c: BranchCheque): CentralFate => {
  const causalId = c.reversal ? causalOfReversal(c.reversal.reasonCode) : null;
  return {
    returned: c.reversal && causalId ? { on: c.reversal.on, causalId, fee: c.reversal.fee } : null,
    depositReversed: c.reversal !== undefined && causalId === null,
  };
};

/**
 * The cheques of the deposit of cheque `centralKey` that central's list says came back returned, by their central
 * keys: what the return receipt's number counts besides this workstation's own rows. The deposit is what central has
 * the cheque under: the same comprobante, workstation, account and posting instant (a sequence alone may repeat
 * across a workstation's reinstalls). Empty when central does not list the cheque.
 */
export const returnedOfDeposit = (branch: readonly BranchCheque[], centralKey: string): string[] => {
  const own = branch.find((c) => c.depositKey === centralKey);
  if (!own?.sequence) return [];
  const sameDeposit = (c: BranchCheque) => c.sequence === own.sequence && c.workstation === own.workstation && c.account === own.account && c.receivedAt === own.receivedAt;
  return branch.filter((c) => sameDeposit(c) && fateOf(c).returned !== null).map((c) => c.depositKey);
};

/** The fields both routes copy from central's list into a row of their own (or show for a cheque they have no row for). */
export const chequeOfBranch = (c: BranchCheque) => ({
  // A workstation that did not send the sequence: the deposit is named by the start of its central key.
  sequence: c.sequence ?? c.depositKey.slice(0, 8),
  holderName: c.holderName,
  bank: c.bankCode,
  chequeNumber: c.number,
  drawerAccount: c.drawerAccount ?? '',
  city: c.city ?? '',
  centralKey: c.depositKey,
  accountNumber: c.account,
  amount: c.amount,
  receivedOn: bogotaDate(new Date(c.receivedAt)),
  takenAt: c.workstation,
});

/** Later first, by plain string order (ISO dates; sequences of one workstation share their prefix). */
const later = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);
/** How the canje and remesa lists order their cheques: the newest day first, then the higher sequence. */
export const newestFirst = (a: { receivedOn: string; sequence: string }, b: { receivedOn: string; sequence: string }): number =>
  later(a.receivedOn, b.receivedOn) || later(a.sequence, b.sequence);
