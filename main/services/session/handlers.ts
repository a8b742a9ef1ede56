import type { FeatureHandlers } from '../../core/dispatcher';
import type { SessionService } from './service';

export const sessionHandlers = (session: SessionService): FeatureHandlers<'session'> => ({
  'session.current': () => session.state(),
  'session.login': (req) => session.login(req.username, req.password),
  'session.unlock': (req) => session.unlock(req.password),
  'session.lock': () => session.lock(),
  'session.logout': () => session.logout(),
  'session.touch': () => ({}),
  'session.unlockUser': (req) => session.unlockUser(req.lockedUsername, req.supervisor),
});
