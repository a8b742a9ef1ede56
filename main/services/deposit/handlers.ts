import type { FeatureHandlers } from '../../core/dispatcher';
import type { ChargeAcks } from './charge-ack';
import type { DepositService } from './service';

export const depositHandlers = (deposit: DepositService, chargeAcks: ChargeAcks): FeatureHandlers<'deposit'> => ({
  'deposit.evaluate': async (req) => ({ plan: await deposit.evaluate(req.slip) }),
  'deposit.post': (req, ctx) => deposit.post(ctx.user, req),
  'deposit.chargeDifferences': () => ({ differences: chargeAcks.differences() }),
  'deposit.chargeDifferenceSeen': (req, ctx) => ({ seen: chargeAcks.seen(ctx.user.id, req.id) }),
});
