import type { FeatureHandlers } from '../../core/dispatcher';
import type { StatusService } from './service';

export const statusHandlers = (status: StatusService): FeatureHandlers<'status'> => ({
  'status.get': () => status.get(),
});
