import type { FeatureHandlers } from '../../core/dispatcher';
import type { AccountsService } from './service';

export const accountsHandlers = (accounts: AccountsService): FeatureHandlers<'accounts'> => ({
  'accounts.lookup': (req) => accounts.lookup(req.accountNumber),
});
