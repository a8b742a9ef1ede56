import type { FeatureHandlers } from '../../core/dispatcher';
import type { WithdrawalService } from './service';

export const withdrawalHandlers = (withdrawal: WithdrawalService): FeatureHandlers<'withdrawal'> => ({
  'withdrawal.evaluate': async (req, ctx) => ({ plan: await withdrawal.evaluate(ctx.user, req.request) }),
  'withdrawal.fingerprint': (req, ctx) => withdrawal.fingerprint(ctx.user, req),
  'withdrawal.consentRefused': (req, ctx) => withdrawal.consentRefused(ctx.user, req),
  'withdrawal.post': (req, ctx) => withdrawal.post(ctx.user, req),
  'withdrawal.abandon': (req, ctx) => withdrawal.abandon(ctx.user, req.idempotencyKey),
  'withdrawal.unconfirmed': (_req, ctx) => ({ debits: withdrawal.unconfirmed(ctx.user) }),
});
