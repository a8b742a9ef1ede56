import type { FeatureHandlers } from '../../core/dispatcher';
import type { ApprovalService } from './service';

export const approvalHandlers = (approval: ApprovalService): FeatureHandlers<'approval'> => ({
  'approval.request': async (req, ctx) => ({ approval: await approval.request(ctx.user, req) }),
  'approval.decide': async (req, ctx) => ({ approval: await approval.decide(ctx.user, req) }),
  'approval.get': async (req) => ({ approval: await approval.get(req.approvalId) }),
  'approval.withdraw': (req, ctx) => ({ approval: approval.withdraw(ctx.user, req.approvalId) }),
  'approval.structuringAlerts': (req) => approval.structuringAlerts(req.month),
  'approval.reconsiderStructuring': (req, ctx) => ({ alert: approval.reconsiderStructuring(ctx.user, req) }),
});
