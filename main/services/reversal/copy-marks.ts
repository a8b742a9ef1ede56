import { reversedMark, type ReversalOf } from '../../../domain/receipt/reversal';
import type { JournalRepo } from '../../store/journal/repo';
import type { ReversalRepo } from '../../store/reversal/repo';
import type { UsersRepo } from '../../store/users/repo';

/**
 * The reversal of a comprobante as its copies and the journal tell it: its receipt number, when and who approved it
 * (the reversal's journal entry names the supervisor). Undefined when the comprobante was not reversed.
 */
export const reversalOf =
  (deps: { reversals: Pick<ReversalRepo, 'ofOriginal'>; journalRepo: Pick<JournalRepo, 'get'>; users: Pick<UsersRepo, 'findById'> }) =>
  (sequence: string): ReversalOf | undefined => {
    const r = deps.reversals.ofOriginal(sequence);
    if (!r) return undefined;
    const entry = deps.journalRepo.get(r.journalSequence);
    const p = entry ? (JSON.parse(entry.payload) as Record<string, unknown>) : {};
    const checker = typeof p.checkerId === 'string' ? p.checkerId : null;
    return {
      document: typeof p.document === 'string' ? p.document : `R-${sequence}`,
      at: r.postedAt,
      approvedBy: checker ? (deps.users.findById(checker)?.displayName ?? checker) : '—',
    };
  };

/** What a copy of this paper must say that its original did not: a reversed comprobante's copy says so. */
export const reversedCopyMarks = (of: (sequence: string) => ReversalOf | undefined) => (reference: string): string[] => {
  const r = of(reference);
  return r ? [reversedMark(r)] : [];
};
