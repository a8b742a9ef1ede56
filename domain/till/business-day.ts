import { formatReceiptDate } from '../calendar/bogota-time';
import type { IsoDate } from '../calendar/iso-date';

/**
 * A till belongs to the business day it was opened for: its end-of-day report files every movement under that
 * date, and central files each posting under the day it reaches it. A till left open overnight must be closed
 * (arqueo) before it takes anything else, or a later day's operations would be reported under the opening day.
 * `today` is the business date the app stamps postings with (the Bogotá calendar day, `bogotaDate`).
 */
export const tillDayRefusal = (tillBusinessDate: IsoDate, today: IsoDate): { code: 'TILL_FROM_EARLIER_DAY'; message: string } | null =>
  tillBusinessDate < today ? { code: 'TILL_FROM_EARLIER_DAY', message: tillFromEarlierDayMessage(tillBusinessDate) } : null;

/** The words for a till the core marks `fromEarlierDay`, wherever they are shown (core refusal, Inicio, menu). */
export const tillFromEarlierDayMessage = (tillBusinessDate: IsoDate): string =>
  `La caja quedó abierta desde el ${formatReceiptDate(tillBusinessDate)}. Ciérrela (arqueo) antes de operar.`;
