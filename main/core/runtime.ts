import { randomUUID } from 'node:crypto';

/** Injected so that tests and benches control time; services never call `new Date()` themselves. */
export interface Clock {
  now(): Date;
}
export interface Ids {
  uuid(): string;
}

export const systemClock: Clock = { now: () => new Date() };
export const systemIds: Ids = { uuid: () => randomUUID() };

/**
 * The system clock started at `start` and running at its pace from now on: the browser host's test and training
 * knob `CAJA_CLOCK_START` (a next business day without touching the machine's clock). Never a UI control.
 */
export const clockFrom = (start: Date, real: Clock = systemClock): Clock => {
  const offset = start.getTime() - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offset) };
};

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
