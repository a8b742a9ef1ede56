import type { FeatureHandlers } from '../../core/dispatcher';
import type { SupervisorService } from './service';

export const supervisorHandlers = (s: SupervisorService): FeatureHandlers<'supervisor'> => ({
  'supervisor.queue': () => s.queue(),
  'supervisor.decide': (req, ctx) => s.decide(ctx.user, req),
  'supervisor.dashboard': () => s.dashboard(),
});
