import type { FeatureHandlers } from '../../core/dispatcher';
import type { TransferService } from './service';

export const transferHandlers = (transfer: TransferService): FeatureHandlers<'transfer'> => ({
  'transfer.evaluate': async (req) => ({ plan: await transfer.evaluate(req.request) }),
  'transfer.post': (req, ctx) => transfer.post(ctx.user, req),
  'transfer.abandon': (req, ctx) => transfer.abandon(ctx.user, req.idempotencyKey),
});
