import { isColombianHoliday } from './holidays';
import { type IsoDate, addDays, dayOfWeek } from './iso-date';

/**
 * A business day for clearing and holds: Monday to Friday and not a national holiday nor one of
 * `extraHolidays` (bank closings, decreed days). Saturdays are excluded although branches may open, because
 * CEDEC does not settle on weekends (domain-co §9 [U]).
 */
export const isBusinessDay = (date: IsoDate, extraHolidays: readonly IsoDate[] = []): boolean => {
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6 && !isColombianHoliday(date) && !extraHolidays.includes(date);
};

/** `date` itself when it is a business day, otherwise the next one. */
export const nextBusinessDayOnOrAfter = (date: IsoDate, extraHolidays: readonly IsoDate[] = []): IsoDate => {
  let d = date;
  while (!isBusinessDay(d, extraHolidays)) d = addDays(d, 1);
  return d;
};

/**
 * The `n`-th business day after `date` (n ≥ 1), counting only business days, so a cheque deposited on Friday
 * or Saturday with one day of canje clears on Monday (Tuesday if Monday is a holiday). With n = 0 the result is
 * `date` when it is a business day, else the next one.
 */
export const addBusinessDays = (date: IsoDate, n: number, extraHolidays: readonly IsoDate[] = []): IsoDate => {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('addBusinessDays: n must be a non-negative integer');
  if (n === 0) return nextBusinessDayOnOrAfter(date, extraHolidays);
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isBusinessDay(d, extraHolidays)) left -= 1;
  }
  return d;
};

/** Business days strictly after `from` up to and including `to` (0 when `to` ≤ `from`). */
export const businessDaysBetween = (from: IsoDate, to: IsoDate, extraHolidays: readonly IsoDate[] = []): number => {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isBusinessDay(d, extraHolidays)) count += 1;
  return count;
};
