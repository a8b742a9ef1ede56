/**
 * Moments as the branch reads them. Colombia keeps UTC−5 all year, and postings are stamped in UTC, so every
 * time shown or printed names the zone rather than trusting the machine's: the receipt on screen, the one on
 * paper and the customer's constancia then agree whatever the OS is set to.
 */
import type { IsoDate } from './iso-date';

const ZONE = 'America/Bogota';
const BOGOTA_OFFSET_MS = 5 * 3_600_000;
const DAY_MS = 86_400_000;

type Instant = Date | string | number;
const ms = (instant: Instant): number => (instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant));

/**
 * The business date: the Bogotá calendar day of an instant, `YYYY-MM-DD` (a UTC stamp after 19:00 in Bogotá
 * already names tomorrow). Offset arithmetic rather than Intl, since every posting stamps one.
 */
export const bogotaDate = (instant: Instant): IsoDate => new Date(ms(instant) - BOGOTA_OFFSET_MS).toISOString().slice(0, 10);

/** The instant (epoch ms) the Bogotá calendar day of `instant` began. */
export const bogotaDayStartMs = (instant: Instant): number => {
  const local = ms(instant) - BOGOTA_OFFSET_MS;
  return local - (((local % DAY_MS) + DAY_MS) % DAY_MS) + BOGOTA_OFFSET_MS;
};

/** The instant (ISO, UTC) a business date began in Bogotá. */
export const startOfBogotaDay = (date: IsoDate): string => new Date(Date.parse(`${date}T00:00:00.000Z`) + BOGOTA_OFFSET_MS).toISOString();

/** The instant (ISO, UTC) the Bogotá calendar day of `instant` began. */
export const bogotaDayStart = (instant: Instant): string => new Date(bogotaDayStartMs(instant)).toISOString();

const TIME = new Intl.DateTimeFormat('es-CO', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** `14:05`: a moment of today in a status line. */
export const formatBogotaTime = (instant: string | number): string => TIME.format(new Date(instant));

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

/**
 * `YYYY-MM-DDTHH:mm[:ss]…` → `DD/MM/YYYY HH:mm:ss` in Bogotá time: the receipt's date-time, on screen and on
 * paper. A stamp with a zone is converted; one without a zone is already local and is written as it came.
 */
export const formatReceiptDateTime = (iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const instant = /(?:Z|[+-]\d{2}:?\d{2})$/.test(iso) ? new Date(iso) : null;
  if (instant && !Number.isNaN(instant.getTime())) {
    const parts = PARTS.formatToParts(instant);
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}:${part('second')}`;
  }
  return `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}:${m[6] ?? '00'}`;
};

/** `YYYY-MM-DD` → `DD/MM/AAAA`, as dates are read in Colombia: a business date is already local, no zone. */
export const formatReceiptDate = (date: IsoDate): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
