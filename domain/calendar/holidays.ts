import { type IsoDate, addDays, dayOfWeek, formatIsoDate } from './iso-date';

export interface Holiday {
  readonly date: IsoDate;
  readonly name: string;
}

/** Gregorian Easter Sunday (anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export const easterSunday = (year: number): IsoDate => {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate({ year, month, day });
};

/** Ley 51/1983 ("Emiliani"): the holiday is observed on the next Monday unless it already falls on one. */
const toMonday = (date: IsoDate): IsoDate => {
  const dow = dayOfWeek(date);
  return dow === 1 ? date : addDays(date, (8 - dow) % 7);
};

const on = (year: number, month: number, day: number): IsoDate => formatIsoDate({ year, month, day });

/**
 * Colombian national holidays of `year` (domain-co §9): six fixed dates, seven moved by Ley 51/1983, Holy
 * Thursday and Good Friday, and three Easter-based holidays also moved to Monday (Ascensión E+39, Corpus
 * Christi E+60, Sagrado Corazón E+68, observed as E+43, E+64, E+71). When two fall on the same day (2025-06-30)
 * one entry carries both names.
 */
export const colombianHolidays = (year: number): Holiday[] => {
  const easter = easterSunday(year);
  const raw: Holiday[] = [
    { date: on(year, 1, 1), name: 'Año Nuevo' },
    { date: toMonday(on(year, 1, 6)), name: 'Reyes Magos' },
    { date: toMonday(on(year, 3, 19)), name: 'San José' },
    { date: addDays(easter, -3), name: 'Jueves Santo' },
    { date: addDays(easter, -2), name: 'Viernes Santo' },
    { date: on(year, 5, 1), name: 'Día del Trabajo' },
    { date: addDays(easter, 43), name: 'Ascensión del Señor' },
    { date: addDays(easter, 64), name: 'Corpus Christi' },
    { date: addDays(easter, 71), name: 'Sagrado Corazón' },
    { date: toMonday(on(year, 6, 29)), name: 'San Pedro y San Pablo' },
    { date: on(year, 7, 20), name: 'Día de la Independencia' },
    { date: on(year, 8, 7), name: 'Batalla de Boyacá' },
    { date: toMonday(on(year, 8, 15)), name: 'Asunción de la Virgen' },
    { date: toMonday(on(year, 10, 12)), name: 'Día de la Raza' },
    { date: toMonday(on(year, 11, 1)), name: 'Todos los Santos' },
    { date: toMonday(on(year, 11, 11)), name: 'Independencia de Cartagena' },
    { date: on(year, 12, 8), name: 'Inmaculada Concepción' },
    { date: on(year, 12, 25), name: 'Navidad' },
  ];
  const byDate = new Map<IsoDate, string>();
  for (const h of raw) {
    const prev = byDate.get(h.date);
    byDate.set(h.date, prev === undefined ? h.name : `${prev} / ${h.name}`);
  }
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, name]) => ({ date, name }));
};

const cache = new Map<number, ReadonlySet<IsoDate>>();

/** Memoised set of holiday dates; the computation is pure, so caching cannot change a result. */
export const holidaySet = (year: number): ReadonlySet<IsoDate> => {
  let set = cache.get(year);
  if (set === undefined) {
    set = new Set(colombianHolidays(year).map((h) => h.date));
    cache.set(year, set);
  }
  return set;
};

export const isColombianHoliday = (date: IsoDate): boolean => holidaySet(Number(date.slice(0, 4))).has(date);
