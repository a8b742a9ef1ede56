import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/iso-date';
import { tillDayRefusal } from './business-day';

describe('tillDayRefusal: a till operates only on the business day it was opened for', () => {
  it('refuses a till opened on an earlier day, naming that day as the teller reads dates', () => {
    expect(tillDayRefusal('2026-12-07', '2026-12-09')).toEqual({
      code: 'TILL_FROM_EARLIER_DAY',
      message: 'La caja quedó abierta desde el 07/12/2026. Ciérrela (arqueo) antes de operar.',
    });
  });

  it('lets the opening day operate', () => {
    expect(tillDayRefusal('2026-12-07', '2026-12-07')).toBeNull();
  });

  it('refuses exactly when the opening day is before today, across months and years', () => {
    const day = fc.integer({ min: 0, max: 20_000 }).map((n) => addDays('2000-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: -400, max: 400 }), (opened, shift) => {
        const today = addDays(opened, shift);
        expect(tillDayRefusal(opened, today) !== null).toBe(shift > 0);
      }),
    );
  });
});
