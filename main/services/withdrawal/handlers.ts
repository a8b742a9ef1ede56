import type { FeatureHandlers } from '../../core/dispatcher';
import type { WithdrawalService } from './service';

export const withdrawalHandlers = (withdrawal: WithdrawalService): FeatureHandlers<'withdrawal'> => ({
  'withdrawal.evaluate': async (req) => {
    await withdrawal.prefetch(req.request.accountNumber);
    return { plan: withdrawal.evaluate(req.request) };
  },
  'withdrawal.post': (req, ctx) => withdrawal.post(ctx.user, req),
});
