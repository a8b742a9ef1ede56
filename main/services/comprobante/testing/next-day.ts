import { tillCash } from '../../../testing/till-cash';
import { drainer } from './at-central';
import type { World } from './world';

/**
 * The signed-in teller closes the open till squared (every operation synced first, as the close gate asks) and
 * opens a new one with the cash the close counted: what a teller does on a later business day, since a till of
 * an earlier day takes no operations (QA M2).
 */
export const closeAndOpenAgain = async (w: World) => {
  await drainer(w)();
  const { position, positionTotal } = tillCash(w.core.db);
  const counted = await w.call('till.count', { idempotencyKey: crypto.randomUUID(), count: position });
  if (!counted.ok) throw new Error(counted.error.message);
  const closed = await w.call('till.close', { idempotencyKey: crypto.randomUUID(), closingId: (counted.data as { closingId: string }).closingId });
  if (!closed.ok) throw new Error(closed.error.message);
  const opened = await w.call('till.open', { idempotencyKey: crypto.randomUUID(), count: position, declaredTotal: positionTotal });
  if (!opened.ok) throw new Error(opened.error.message);
};
