import type { FeatureHandlers } from '../../core/dispatcher';
import type { WithdrawalService } from './service';

export const withdrawalHandlers = (withdrawal: WithdrawalService): FeatureHandlers<'withdrawal'> => ({
  'withdrawal.evaluate': async (req) => ({ plan: await withdrawal.evaluate(req.request) }),
  'withdrawal.post': (req, ctx) => withdrawal.post(ctx.user, req),
  'withdrawal.abandon': (req, ctx) => withdrawal.abandon(ctx.user, req.idempotencyKey),
  'withdrawal.unconfirmed': (_req, ctx) => ({ debits: withdrawal.unconfirmed(ctx.user) }),
});
