import { describe, expect, it } from 'vitest';
import { formatBogotaShort, formatReceiptDateTime } from './bogota-time';

describe('moments in Bogotá time (UTC−5 all year)', () => {
  it('the receipt date-time converts a UTC stamp, across midnight too', () => {
    expect(formatReceiptDateTime('2026-11-22T02:10:00.000Z')).toBe('21/11/2026 21:10:00');
    expect(formatReceiptDateTime('2026-11-21T18:30:05-05:00')).toBe('21/11/2026 18:30:05');
  });
  it('a stamp without a zone is already local; anything else is left as it came', () => {
    expect(formatReceiptDateTime('2026-11-21T18:30')).toBe('21/11/2026 18:30:00');
    expect(formatReceiptDateTime('mañana')).toBe('mañana');
  });
  it('the short form is the day in Bogotá, not in UTC', () => {
    expect(formatBogotaShort('2026-03-03T02:00:00Z')).toMatch(/^2\/03\/26,? 9:00\sp\.\s?m\.$/);
  });
});
