import { createHash, randomInt, randomUUID } from 'node:crypto';
import { canonicalJson } from '../domain/central-api/canonical';
import { clockStartingAt, type Clock } from '../domain/calendar/clock';

export type { Clock };

/** Injected ids and randomness (time: domain/calendar/clock.ts): tests drive them, the CLI wires the system ones. */
export interface Ids {
  uuid(): string;
}
/** Uniform integer in [0, maxExclusive). Used for security codes, so the default is a CSPRNG. */
export interface Random {
  int(maxExclusive: number): number;
}

export const systemClock: Clock = { now: () => new Date() };
export const systemIds: Ids = { uuid: () => randomUUID() };
export const systemRandom: Random = { int: (max) => randomInt(max) };

/** `--clock-start`: a demo central on the workstation's rehearsal day, so what central dates (a canje release) follows it. */
export const clockFrom = (start: Date): Clock => clockStartingAt(start, systemClock);

/** Demo mode's clock: real time plus an offset that `POST /v1/test/advance` moves forward. */
export interface AdjustableClock extends Clock {
  advance(ms: number): Date;
}
export const offsetClock = (base: Clock): AdjustableClock => {
  let offset = 0;
  return {
    now: () => new Date(base.now().getTime() + offset),
    advance: (ms) => {
      offset += ms;
      return new Date(base.now().getTime() + offset);
    },
  };
};

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
/** SHA-256 of the canonical JSON: what an idempotency key is bound to. */
export const hashCanonical = (value: unknown): string => sha256Hex(canonicalJson(value));

export const iso = (ms: number): string => new Date(ms).toISOString();

/** A zero-padded string of `n` random decimal digits. */
export const randomDigits = (random: Random, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(random.int(10));
  return s;
};
