import type { FeatureHandlers } from '../../core/dispatcher';
import { AppError } from '../../core/errors';
import type { ArqueoService } from '../arqueo/service';
import type { TillService } from './service';

export const tillHandlers = (till: TillService, arqueo: ArqueoService): FeatureHandlers<'till'> => ({
  'till.current': () => ({ till: till.current() }),
  'till.open': (req, ctx) => ({ till: till.open(ctx.user, req) }),
  'till.gate': (_req, ctx) => arqueo.gate(ctx.user),
  'till.count': (req, ctx) => arqueo.count(ctx.user, req),
  'till.requestDifferenceApproval': (req, ctx) => arqueo.requestDifferenceApproval(ctx.user, req),
  'till.close': (req, ctx) => arqueo.close(ctx.user, req),
  'till.lastReport': () => arqueo.lastReport(),
  'till.printReport': (_req, ctx) => ({ printJob: arqueo.printReport(ctx.user) }),
  'till.requestReopen': (req, ctx) => arqueo.requestReopen(ctx.user, req),
  'till.reopen': (req, ctx) => {
    arqueo.reopen(ctx.user, req);
    const t = till.current();
    if (!t) throw new AppError('NOTHING_TO_REOPEN', 'La caja no quedó abierta. Consulte el diario electrónico.');
    return { till: t };
  },
});
