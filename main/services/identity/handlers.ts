import type { FeatureHandlers } from '../../core/dispatcher';
import type { SecurityCodeService } from '../security-code/service';
import { contactOnFile } from './contact-on-file';
import type { CustomerDirectory } from './directory';
import type { ScanInbox } from './scan-inbox';

/** The contact-data update is a flow of the security-code service with its own purpose (same verification). */
export const identityHandlers = (sc: SecurityCodeService, scans: ScanInbox, directory: CustomerDirectory): FeatureHandlers<'identity'> => ({
  'identity.startContactUpdate': (req, ctx) => ({ flow: sc.start(ctx.user, 'contact_update', req.field) }),
  'identity.takeScan': () => ({ scan: scans.take() }),
  'identity.contactOnFile': (req) => contactOnFile(directory, req.id),
});
