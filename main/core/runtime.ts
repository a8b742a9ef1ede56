import { randomUUID } from 'node:crypto';
import { clockStartingAt, type Clock } from '../../domain/calendar/clock';

/** Injected so that tests and benches control time and ids; services never call `new Date()` themselves. */
export type { Clock };
export interface Ids {
  uuid(): string;
}

export const systemClock: Clock = { now: () => new Date() };
export const systemIds: Ids = { uuid: () => randomUUID() };

/** The browser host's test and training knob `CAJA_CLOCK_START`. Never a UI control. */
export const clockFrom = (start: Date): Clock => clockStartingAt(start, systemClock);

/** A clock tests can move by hand. */
export const manualClock = (start: Date): Clock & { advance(ms: number): void; set(d: Date): void } => {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
    set: (d) => {
      t = d.getTime();
    },
  };
};
