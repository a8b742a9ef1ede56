import type { FeatureHandlers } from '../../core/dispatcher';
import type { CanjeService } from './service';

export const canjeHandlers = (canje: CanjeService): FeatureHandlers<'canje'> => ({
  'canje.list': () => canje.list(),
  'canje.return': (req, ctx) => canje.returnCheque(ctx.user, req),
});
