import type { FeatureHandlers } from '../../core/dispatcher';
import type { CashReportService } from './cash-report';
import type { SupervisorService } from './service';

export const supervisorHandlers = (s: SupervisorService, cash: CashReportService): FeatureHandlers<'supervisor'> => ({
  'supervisor.queue': () => s.queue(),
  'supervisor.decide': (req, ctx) => s.decide(ctx.user, req),
  'supervisor.request': (req, ctx) => s.request(ctx.user, req.id),
  'supervisor.dashboard': () => s.dashboard(),
  'supervisor.cashReport': (req) => cash.report(req.month),
});
