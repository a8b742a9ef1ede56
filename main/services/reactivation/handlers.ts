import type { FeatureHandlers } from '../../core/dispatcher';
import type { ReactivationService } from './service';

export const reactivationHandlers = (r: ReactivationService): FeatureHandlers<'reactivation'> => ({
  'reactivation.check': (req) => r.check(req.request),
  'reactivation.request': (req, ctx) => r.request(ctx.user, req.request),
  'reactivation.post': (req, ctx) => r.post(ctx.user, req),
  'reactivation.rejections': (_req, ctx) => r.rejections(ctx.user),
  'reactivation.rejectionsShown': (req, ctx) => r.rejectionsShown(ctx.user, req.ids),
});
