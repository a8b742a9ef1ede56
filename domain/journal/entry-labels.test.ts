import { describe, expect, it } from 'vitest';
import { JOURNAL_ENTRY_TYPES } from './entry';
import { JOURNAL_ENTRY_LABEL, journalEntryLabel } from './entry-labels';

describe('journal entry labels', () => {
  it('names every event type in Spanish, each name once', () => {
    const names = JOURNAL_ENTRY_TYPES.map((t) => JOURNAL_ENTRY_LABEL[t]);
    expect(names.every((n) => n.length > 0 && !/_/.test(n))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  it('shows a type this build does not know as stored', () => {
    expect(journalEntryLabel('reprint')).toBe('Reimpresión');
    expect(journalEntryLabel('future_event')).toBe('future_event');
  });
});
