import { AppError } from '../core/errors';
import { requestHash } from '../core/hash';
import type { Clock } from '../core/runtime';
import { inTransaction, type Db } from '../store/db';
import type { IdempotencyRepo } from '../store/idempotency/repo';

/**
 * Runs a state-changing request once per idempotency key, in one transaction with its effect: a double Enter,
 * a retry after a lost answer or a restart gets the first answer back; the same key with a different request
 * is refused rather than answered with someone else's result.
 */
export const createIdempotentRunner = (deps: { db: Db; repo: IdempotencyRepo; clock: Clock }) =>
  <T>(channel: string, key: string, request: unknown, effect: () => T): T =>
    inTransaction(deps.db, () => {
      const hash = requestHash({ channel, request });
      const seen = deps.repo.find(key);
      if (seen) {
        if (seen.requestHash !== hash) {
          throw new AppError('IDEMPOTENCY_CONFLICT', 'Esta operación ya se registró con otros datos. Inicie una operación nueva.');
        }
        return JSON.parse(seen.response) as T;
      }
      const result = effect();
      deps.repo.record(key, { channel, requestHash: hash, response: JSON.stringify(result) }, deps.clock.now().toISOString());
      return result;
    });
export type IdempotentRunner = ReturnType<typeof createIdempotentRunner>;
