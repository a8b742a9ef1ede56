import type { CentralLink } from '../services/status/service';
import type { Contingency } from './contingency';
import type { Sync } from './service';

/** The status bar's view of central: link state, operations still owed, last successful sync, contingency. */
export const syncLink = (sync: Pick<Sync, 'status'>, contingency: Pick<Contingency, 'mode'>): CentralLink => ({
  status: () => {
    const s = sync.status();
    return { state: s.state, queueLength: s.queueLength, lastSyncAt: s.lastSyncAt };
  },
  contingency: () => contingency.mode() === 'contingencia',
});
