import type { User } from '../../../domain/contract/session';
import type { LastClose } from '../../../domain/till/opening';
import type { CentralClient } from '../../sync/central-client';
import type { CentralCloseWord } from './service';

/** The till's last close as central kept it, with who closed it (a reinstall knows its teller only by username). */
export type CentralClose = LastClose & { closedBy: { id: string; username: string | null } };
/** An opening after the last close that central never received a close of (the till was left open). */
export interface CentralLeftOpen {
  sessionId: string;
  businessDate: string;
  openedAt: string;
  amount: number;
  openedBy: { id: string; username: string | null };
}

/**
 * Whether `user` closed it. User ids are per install, so after a reinstall the username decides; a close sent
 * without one (an older workstation) is matched by id, which holds only where the ids were kept.
 */
export const closedBy = (close: CentralClose, user: User): boolean =>
  close.closedBy.username !== null ? close.closedBy.username === user.username : close.closedBy.id === user.id;

/**
 * Asks central for the till's last close (a workstation reinstalled under the same id has none of its own). An
 * answer is kept for the life of the process: the next close is this store's own. Silence is asked again next time.
 */
export const centralCloseLookup = (central: Pick<CentralClient, 'call'> | null, ws: { id: string; tillCode: string }) => {
  let answered: CentralCloseWord | null = null;
  return async (): Promise<CentralCloseWord | null> => {
    if (!central) return null;
    if (answered) return answered;
    const r = await central.call('lastTillClose', { workstation: ws.id, tillCode: ws.tillCode }).catch(() => null);
    if (!r?.ok) return { reached: false };
    const c = r.data.lastClose;
    const close: CentralClose | null = c
      ? { closedTillId: c.tillSessionId, businessDate: c.businessDate, closedAt: c.closedAt, count: c.count, total: c.counted, closedBy: { id: c.tellerId, username: c.tellerUsername ?? null } }
      : null;
    const o = r.data.leftOpen;
    const leftOpen: CentralLeftOpen | null = o
      ? { sessionId: o.tillSessionId, businessDate: o.businessDate, openedAt: o.openedAt, amount: o.amount, openedBy: { id: o.tellerId, username: o.tellerUsername ?? null } }
      : null;
    answered = { reached: true, close, leftOpen };
    return answered;
  };
};
