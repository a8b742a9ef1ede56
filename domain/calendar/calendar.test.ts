import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysBetween, isBusinessDay } from './business-days';
import { colombianHolidays, easterSunday } from './holidays';
import { addMonths, dayOfWeek, daysBetween, fromEpochDay, isIsoDate, toEpochDay } from './iso-date';

const isoDate = fc
  .integer({ min: toEpochDay('2000-01-01'), max: toEpochDay('2099-12-31') })
  .map((d) => fromEpochDay(d));

describe('ISO dates', () => {
  it('round-trips epoch days and agrees with the JS calendar in UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_000, max: 100_000 }), (d) => {
        const iso = fromEpochDay(d);
        expect(isIsoDate(iso)).toBe(true);
        expect(toEpochDay(iso)).toBe(d);
        // Only the test uses Date, as an independent oracle.
        expect(new Date(d * 86_400_000).toISOString().slice(0, 10)).toBe(iso);
      }),
    );
  });
  it('knows weekdays and rejects impossible dates', () => {
    expect(dayOfWeek('2025-01-01')).toBe(3);
    expect(dayOfWeek('2026-03-23')).toBe(1);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-13-01')).toBe(false);
  });
  it('adds calendar months clamping to the month end (Ley 4/1913, domain-co §9)', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2025-01-15', 6)).toBe('2025-07-15');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
  });
});

describe('Colombian holidays (domain-co §9, Ley 51/1983)', () => {
  it('computes Easter', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });
  it('2025 matches the table in domain-co §9 (17 observed dates; 30-Jun holds two holidays)', () => {
    expect(colombianHolidays(2025).map((h) => h.date)).toEqual([
      '2025-01-01', '2025-01-06', '2025-03-24', '2025-04-17', '2025-04-18', '2025-05-01', '2025-06-02',
      '2025-06-23', '2025-06-30', '2025-07-20', '2025-08-07', '2025-08-18', '2025-10-13', '2025-11-03',
      '2025-11-17', '2025-12-08', '2025-12-25',
    ]);
    expect(colombianHolidays(2025).find((h) => h.date === '2025-06-30')?.name).toBe('Sagrado Corazón / San Pedro y San Pablo');
  });
  it('2026 matches the table in domain-co §9', () => {
    expect(colombianHolidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01', '2026-01-12', '2026-03-23', '2026-04-02', '2026-04-03', '2026-05-01', '2026-05-18',
      '2026-06-08', '2026-06-15', '2026-06-29', '2026-07-20', '2026-08-07', '2026-08-17', '2026-10-12',
      '2026-11-02', '2026-11-16', '2026-12-08', '2026-12-25',
    ]);
  });
  it('moved holidays always fall on Monday, Holy Thursday/Friday on Thursday/Friday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1984, max: 2200 }), (year) => {
        const list = colombianHolidays(year);
        for (const h of list) {
          if (/Reyes|San José|Ascensión|Corpus|Sagrado|San Pedro|Asunción|Raza|Todos|Cartagena/.test(h.name)) expect(dayOfWeek(h.date)).toBe(1);
          if (h.name === 'Jueves Santo') expect(dayOfWeek(h.date)).toBe(4);
          if (h.name === 'Viernes Santo') expect(dayOfWeek(h.date)).toBe(5);
          expect(h.date.startsWith(String(year))).toBe(true);
        }
        expect(list.length).toBeGreaterThanOrEqual(17);
        expect(list.length).toBeLessThanOrEqual(18);
      }),
    );
  });
});

describe('business days', () => {
  it('skips weekends, holidays and extra closings', () => {
    expect(isBusinessDay('2025-06-30')).toBe(false);
    expect(addBusinessDays('2025-06-27', 1)).toBe('2025-07-01'); // Friday → Tuesday (Monday 30-Jun holiday)
    expect(addBusinessDays('2025-04-16', 1)).toBe('2025-04-21'); // Holy Week
    expect(addBusinessDays('2025-12-24', 1, ['2025-12-26'])).toBe('2025-12-29');
    expect(addBusinessDays('2025-06-28', 0)).toBe('2025-07-01');
    expect(addBusinessDays('2025-07-02', 0)).toBe('2025-07-02');
  });
  it('result is a business day, after the start, and exactly n business days later', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 15 }), fc.array(isoDate, { maxLength: 3 }), (date, n, extra) => {
        const out = addBusinessDays(date, n, extra);
        expect(isBusinessDay(out, extra)).toBe(true);
        expect(out >= date).toBe(true);
        if (n > 0) {
          expect(out > date).toBe(true);
          expect(businessDaysBetween(date, out, extra)).toBe(n);
          expect(daysBetween(date, out)).toBeLessThanOrEqual(n * 3 + 10);
        }
      }),
    );
  });
  it('is monotone in n (strictly from n = 1; n = 0 and 1 coincide when the start is not a business day)', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 10 }), (date, n) => {
        const a = addBusinessDays(date, n);
        const b = addBusinessDays(date, n + 1);
        expect(n === 0 && !isBusinessDay(date) ? b === a : b > a).toBe(true);
        if (n > 0 || isBusinessDay(date)) expect(addBusinessDays(a, 1)).toBe(b);
      }),
    );
  });
});
