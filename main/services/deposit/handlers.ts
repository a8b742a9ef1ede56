import type { FeatureHandlers } from '../../core/dispatcher';
import type { DepositService } from './service';

export const depositHandlers = (deposit: DepositService): FeatureHandlers<'deposit'> => ({
  'deposit.evaluate': async (req) => ({ plan: await deposit.evaluate(req.slip) }),
  'deposit.post': (req, ctx) => deposit.post(ctx.user, req),
});
