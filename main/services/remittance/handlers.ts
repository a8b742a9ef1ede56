import type { FeatureHandlers } from '../../core/dispatcher';
import type { RemittanceService } from './service';

export const remittanceHandlers = (remittance: RemittanceService): FeatureHandlers<'remittance'> => ({
  'remittance.list': (req) => remittance.list(req.status),
  'remittance.advance': (req, ctx) => remittance.advance(ctx.user, req),
});
