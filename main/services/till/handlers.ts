import type { FeatureHandlers } from '../../core/dispatcher';
import type { TillService } from './service';

export const tillHandlers = (till: TillService): FeatureHandlers<'till'> => ({
  'till.current': () => ({ till: till.current() }),
  'till.open': (req, ctx) => ({ till: till.open(ctx.user, req) }),
});
