import type { Account } from '../../../../domain/central-api';
import { outboxRepo } from '../../../store/outbox/repo';
import { createPump } from '../../../sync/pump';
import type { World } from './world';

/** Sends the world's outbox to its central until nothing is left, as the sync pump does in the app. */
export const drainer = (w: World) => {
  const pump = createPump({ db: w.core.db, outbox: outboxRepo(w.core.db), client: w.client, clock: w.clock });
  return async () => {
    for (let i = 0; i < 20; i++) if ((await pump.step()).idle) return;
    throw new Error('outbox did not drain');
  };
};

/** An account's balances as central has them now (its reference feed). */
export const centralBalances = async (w: World, accountNumber: string) => {
  const r = await w.client.call('reference', { cursor: 0, limit: 500 });
  if (!r.ok) throw new Error(r.error.message);
  const found = r.data.changes.find((c): c is { entity: 'account'; version: number; account: Account } => c.entity === 'account' && c.account.number === accountNumber);
  if (!found) throw new Error('account not at central');
  return found.account.balances;
};
