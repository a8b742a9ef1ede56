import type { FeatureHandlers } from '../../core/dispatcher';
import type { CashReportService } from './cash-report';
import type { LapseNews } from './lapsed';
import type { SupervisorService } from './service';

export const supervisorHandlers = (s: SupervisorService, cash: CashReportService, lapsed: LapseNews): FeatureHandlers<'supervisor'> => ({
  'supervisor.queue': () => s.queue(),
  'supervisor.decide': (req, ctx) => s.decide(ctx.user, req),
  'supervisor.request': (req, ctx) => s.request(ctx.user, req.id),
  'supervisor.lapsed': (_req, ctx) => lapsed.list(ctx.user),
  'supervisor.lapsedShown': (req, ctx) => lapsed.shown(ctx.user, req.ids),
  'supervisor.dashboard': () => s.dashboard(),
  'supervisor.cashReport': (req) => cash.report(req.month),
});
