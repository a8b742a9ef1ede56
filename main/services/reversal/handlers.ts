import type { FeatureHandlers } from '../../core/dispatcher';
import type { ReversalService } from './service';

export const reversalHandlers = (r: ReversalService): FeatureHandlers<'reversal'> => ({
  'reversal.approved': (_req, ctx) => r.approved(ctx.user),
  'reversal.rejections': (_req, ctx) => r.rejections(ctx.user),
  'reversal.rejectionsShown': (req, ctx) => r.rejectionsShown(ctx.user, req.ids),
  'reversal.check': (req, ctx) => r.check(ctx.user, req.sequence),
  'reversal.request': (req, ctx) => r.request(ctx.user, req),
  'reversal.withdraw': (req, ctx) => r.withdraw(ctx.user, req),
  'reversal.post': (req, ctx) => r.post(ctx.user, req),
});
