import type { FeatureHandlers } from '../../core/dispatcher';
import type { JournalHealth } from '../journal/health';
import type { JournalSearch } from './service';

export const journalHandlers = (health: JournalHealth, search: JournalSearch): FeatureHandlers<'journal'> => ({
  'journal.status': () => health.status(),
  'journal.verify': () => health.verifyNow(),
  'journal.anchor': () => health.anchor(),
  'journal.search': (req, ctx) => search.search(req, ctx.user.id),
});
