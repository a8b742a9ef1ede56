import type { FeatureHandlers } from '../../core/dispatcher';
import type { RadicationsService } from './radications';
import type { SecurityCodeService } from './service';

export const securityCodeHandlers = (sc: SecurityCodeService, radications: RadicationsService): FeatureHandlers<'securityCode'> => ({
  'securityCode.start': (_req, ctx) => ({ flow: sc.start(ctx.user, 'security_code') }),
  'securityCode.get': (req, ctx) => ({ flow: sc.get(ctx.user, req.flowId) }),
  'securityCode.identify': async (req, ctx) => ({ flow: await sc.identify(ctx.user, req.flowId, req.document, req.source) }),
  'securityCode.replaceExisting': async (req, ctx) => ({ flow: await sc.replaceExisting(ctx.user, req.flowId, req.reason) }),
  'securityCode.statePhone': async (req, ctx) => ({ flow: await sc.statePhone(ctx.user, req.flowId, req.phone) }),
  'securityCode.previousPhone': async (req, ctx) => ({ flow: await sc.previousPhone(ctx.user, req.flowId, req.phone) }),
  'securityCode.consent': async (req, ctx) => ({ flow: await sc.consent(ctx.user, req.flowId, req.given, req.textVersion) }),
  'securityCode.capture': async (req, ctx) => ({ flow: await sc.capture(ctx.user, req.flowId, req.finger) }),
  'securityCode.cancel': async (req, ctx) => ({ flow: await sc.cancel(ctx.user, req.flowId, req.reason) }),
  'securityCode.openFlows': (_req, ctx) => sc.openFlows(ctx.user),
  'securityCode.resume': (req, ctx) => ({ flow: sc.resume(ctx.user, req.flowId) }),
  'securityCode.retry': async (req, ctx) => ({ flow: await sc.retry(ctx.user, req.flowId) }),
  'securityCode.printConstancia': async (req, ctx) => ({ flow: await sc.printConstancia(ctx.user, req.flowId) }),
  'securityCode.radications': (_req, ctx) => radications.list(ctx.user),
});
