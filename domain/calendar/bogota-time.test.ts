import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bogotaDate, bogotaDayStart, bogotaDayStartMs, formatReceiptDateTime, startOfBogotaDay } from './bogota-time';

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
    expect(bogotaDate('2026-12-06T01:44:00Z')).toBe('2026-12-05');
    expect(bogotaDate(Date.parse('2026-12-06T05:00:00Z'))).toBe('2026-12-06');
  });
  it('one arithmetic for the business date and its start, agreeing with the zone database at every instant', () => {
    const zone = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota', year: 'numeric', month: '2-digit', day: '2-digit' });
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2100-01-01T00:00:00Z') }), (t) => {
        const date = bogotaDate(t);
        expect(date).toBe(zone.format(t));
        expect(bogotaDayStart(t)).toBe(startOfBogotaDay(date));
        const start = bogotaDayStartMs(new Date(t));
        expect(t - start).toBeGreaterThanOrEqual(0);
        expect(t - start).toBeLessThan(86_400_000);
        expect(bogotaDate(start)).toBe(date);
        expect(bogotaDate(start - 1)).not.toBe(date);
      }),
    );
  });
});
