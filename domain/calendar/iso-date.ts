import { z } from 'zod';

/**
 * Business dates are ISO `YYYY-MM-DD` strings (docs/conventions.md). Arithmetic runs on whole days since
 * 1970-01-01 with the civil-calendar algorithms below, so no time zone or `Date` can shift a day.
 */
export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const daysInMonth = (year: number, month: number): number => {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
};

export const isIsoDate = (text: string): boolean => {
  const m = ISO_RE.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1900 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
};

export const IsoDateSchema = z.string().refine(isIsoDate, { message: 'Fecha inválida: use el formato AAAA-MM-DD' });

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export const parseIsoDate = (date: IsoDate): CivilDate => {
  if (!isIsoDate(date)) throw new RangeError(`Fecha inválida: ${date}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
};

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
export const formatIsoDate = ({ year, month, day }: CivilDate): IsoDate => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;

/** Days since 1970-01-01 (H. Hinnant, "days_from_civil"). */
export const toEpochDay = (date: IsoDate): number => {
  const { year, month, day } = parseIsoDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
};

export const fromEpochDay = (days: number): IsoDate => {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate({ year, month, day });
};

export const addDays = (date: IsoDate, n: number): IsoDate => fromEpochDay(toEpochDay(date) + n);

/** Whole days from `a` to `b` (positive when `b` is later). */
export const daysBetween = (a: IsoDate, b: IsoDate): number => toEpochDay(b) - toEpochDay(a);

/** ISO strings of valid dates compare correctly as text; this keeps the intent visible. */
export const compareIsoDate = (a: IsoDate, b: IsoDate): number => (a < b ? -1 : a > b ? 1 : 0);

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const dayOfWeek = (date: IsoDate): number => (((toEpochDay(date) + 4) % 7) + 7) % 7;

/**
 * Calendar months, as legal month terms run (Ley 4/1913 art. 59-62, domain-co §9): same day number, clamped to
 * the month's last day (31-Aug + 6 months = 28/29-Feb).
 */
export const addMonths = (date: IsoDate, n: number): IsoDate => {
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
};

/** `YYYY-MM` of a date: the GMF cap and the UIAF monthly sum run per calendar month. */
export const monthOf = (date: IsoDate): string => date.slice(0, 7);
