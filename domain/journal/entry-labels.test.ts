import { describe, expect, it } from 'vitest';
import { JOURNAL_ENTRY_TYPES } from './entry';
import { JOURNAL_ENTRY_LABEL, journalEntryLabel, journalEntryTitle } from './entry-labels';

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

  it('names a posting by its comprobante, and any other entry by its type', () => {
    expect(journalEntryTitle('comprobante', { kind: 'retiro' })).toBe('Comprobante · Retiro');
    expect(journalEntryTitle('comprobante', { kind: 'traslado' })).toBe('Comprobante · Traslado');
    expect(journalEntryTitle('comprobante', { kind: 'otro' })).toBe('Comprobante');
    expect(journalEntryTitle('reversal', { kind: 'retiro' })).toBe('Reverso');
  });
});
