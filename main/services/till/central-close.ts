import type { LastClose } from '../../../domain/till/opening';
import type { CentralClient } from '../../sync/central-client';
import type { CentralCloseWord } from './service';

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
    const close: LastClose | null = c ? { closedTillId: c.tillSessionId, businessDate: c.businessDate, closedAt: c.closedAt, count: c.count, total: c.counted } : null;
    answered = { reached: true, close };
    return answered;
  };
};
