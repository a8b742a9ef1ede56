/**
 * Time as the core and central receive it, injected: tests and benches drive it, each runtime wires the system one.
 * Nothing here reads the time itself.
 */
export interface Clock {
  now(): Date;
}

/**
 * `real` started at `start` and running at its pace from then on: a rehearsal on another business day without
 * touching the machine's clock (the browser host's `CAJA_CLOCK_START`, central's `--clock-start`). The offset is
 * taken once, so both sides started with the same `start` stay on the same day.
 */
export const clockStartingAt = (start: Date, real: Clock): Clock => {
  const offset = start.getTime() - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offset) };
};
