import { describe, expect, it } from 'vitest';
import { bogotaDateOf, formatReceiptDateTime } from './bogota-time';

describe('moments in Bogotá time (UTC−5 all year)', () => {
  it('the receipt date-time converts a UTC stamp, across midnight too', () => {
    expect(formatReceiptDateTime('2026-11-22T02:10:00.000Z')).toBe('21/11/2026 21:10:00');
    expect(formatReceiptDateTime('2026-11-21T18:30:05-05:00')).toBe('21/11/2026 18:30:05');
  });
  it('a stamp without a zone is already local; anything else is left as it came', () => {
    expect(formatReceiptDateTime('2026-11-21T18:30')).toBe('21/11/2026 18:30:00');
    expect(formatReceiptDateTime('mañana')).toBe('mañana');
  });
  it('the Bogotá day of an instant: after 19:00 Bogotá time UTC already names tomorrow', () => {
    expect(bogotaDateOf('2026-12-06T01:44:00Z')).toBe('2026-12-05');
    expect(bogotaDateOf(Date.parse('2026-12-06T05:00:00Z'))).toBe('2026-12-06');
  });
});
