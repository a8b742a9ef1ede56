import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channelNames, COMMON_ERROR_CODES, specOf, type Channel } from '../../domain/contract';
import { createCore, type Core, type Log } from '../compose';
import { loadConfig } from '../config/load';
import { systemClock, systemIds } from '../core/runtime';
import { DEMO_USERS } from '../services/demo/seed';

/**
 * Contract fuzz: every channel of the UI<->core contract, through the real dispatcher of a real core (SQLite in
 * a temp dir), with `fc.anything()` and schema-shaped near misses (the request's own keys, nested, with edge
 * values). Property: no throw, no unhandled rejection, and every answer is `{ ok: true, data }` matching the
 * response schema or `{ ok: false, error: { code, message } }` with a code the channel declares or a common one,
 * never INTERNAL (a handler that threw).
 */

const RUNS = 10_000;
// Channels whose request carries a password run scrypt on every well-shaped call (~50–100 ms each); 200 runs
// keep the whole file under a minute while still reaching the credential check with near misses.
const RUNS_WITH_PASSWORD = 200;
// The contract keeps growing and some channels do device I/O against emulators (tens of ms to seconds per call),
// so the other channels share a time budget: each stops at 10,000 runs or at its share, whichever comes first,
// and says how many it ran. Raise it with CAJA_FUZZ_BUDGET_MS for a soak run.
const BUDGET_MS = Number(process.env.CAJA_FUZZ_BUDGET_MS ?? 45_000);
const SHARE_MS = Math.floor(BUDGET_MS / channelNames.length);
// A channel whose every call waits on a device timeout may only fit one run in its share; it still must run.
const MIN_RUNS = 1;

interface Def {
  type?: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  valueType?: z.ZodType;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const EDGE = fc.constantFrom<unknown>(
  0, -1, 1, 1.5, -0, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, -(2 ** 31), 1e21,
  '', ' ', '0', '-1', 'a'.repeat(300), '2026-02-30', 'null', '__proto__', 'constructor',
  '00000000-0000-0000-0000-000000000000', '6f1c1c1e-4c8b-4d2a-9b7e-2f1c7d9a0b11', 'cajero1', 'supervisor1',
  null, undefined, true, false, [], {}, [0], { toString: 'x' },
);

/** Values near what the schema accepts: its own keys and enum members, wrong types, edges, extra keys. */
const nearMiss = (schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> => {
  const d = defOf(schema);
  const leaf = fc.oneof(EDGE, fc.string(), fc.integer(), fc.double(), fc.uuid(), fc.boolean());
  if (depth > 4) return leaf;
  switch (d.type) {
    case 'object': {
      const shape = d.shape ?? {};
      const fields = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, nearMiss(v, depth + 1)]));
      return fc.oneof(
        fc.record(fields, { requiredKeys: [] }),
        fc.record(fields).chain((r) => fc.dictionary(fc.string(), fc.anything(), { maxKeys: 3 }).map((extra) => ({ ...extra, ...r }))),
        leaf,
      );
    }
    case 'array':
      return fc.oneof(fc.array(nearMiss(d.element ?? z.unknown(), depth + 1), { maxLength: 12 }), leaf);
    case 'record':
      return fc.oneof(fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('', '0', '__proto__', 'constructor', '10000', '-1', '1.5')), nearMiss(d.valueType ?? z.unknown(), depth + 1), { maxKeys: 8 }), leaf);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return fc.oneof(nearMiss(d.innerType ?? z.unknown(), depth + 1), fc.constant(undefined), fc.constant(null));
    case 'pipe':
      return nearMiss(d.in ?? z.unknown(), depth + 1);
    case 'union':
      return fc.oneof(...(d.options ?? []).map((o) => nearMiss(o, depth + 1)), leaf);
    case 'enum': {
      const vals = Object.values(d.entries ?? {});
      return fc.oneof(fc.constantFrom(...vals), fc.constantFrom(...vals).map((v) => String(v).toUpperCase()), leaf);
    }
    case 'literal':
      return fc.oneof(fc.constantFrom(...(d.values ?? [null])), leaf);
    case 'number':
    case 'int':
      return fc.oneof(fc.integer({ min: -1_000_000_000, max: 1_000_000_000_000 }), fc.double(), EDGE);
    case 'string':
      return fc.oneof(fc.string({ maxLength: 80 }), fc.uuid(), EDGE);
    default:
      return fc.oneof(leaf, fc.anything());
  }
};

const hasPassword = (schema: z.ZodType, depth = 0): boolean => {
  if (depth > 6) return false;
  const d = defOf(schema);
  if (d.shape) return Object.entries(d.shape).some(([k, v]) => (/password|clave/i.test(k) || k === 'pin') || hasPassword(v, depth + 1));
  const inner = d.innerType ?? d.in ?? d.element ?? d.valueType;
  return (inner ? hasPassword(inner, depth + 1) : false) || (d.options ?? []).some((o) => hasPassword(o, depth + 1));
};

const COMMON = new Set<string>(COMMON_ERROR_CODES);

/** The property every answer must satisfy; returns why it does not, or null. */
const badAnswer = (channel: Channel, answer: unknown): string | null => {
  const spec = specOf(channel);
  const a = answer as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (a?.ok === true) return spec.response.safeParse(a.data).success ? null : 'ok answer does not match the response schema';
  if (a?.ok !== false || typeof a.error !== 'object' || a.error === null) return `not a result: ${JSON.stringify(answer)?.slice(0, 200)}`;
  const { code, message } = a.error;
  if (typeof code !== 'string' || typeof message !== 'string' || message.length === 0) return `malformed error ${JSON.stringify(a.error)}`;
  if (!COMMON.has(code) && !(spec.errors as readonly string[]).includes(code)) return `undeclared error code ${code}`;
  return null;
};

describe('contract fuzz through the real dispatcher', () => {
  const dirs: string[] = [];
  const cores: Core[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  const firstInternal: Record<string, string> = {};
  /** Signed in as a supervisor, so `user` and `supervisor` channels reach validation and their handlers. */
  let signedIn: Core;
  /** Signed out: log-in and unlock are fuzzed here, where their credential checks run. */
  let signedOut: Core;

  const freshCore = async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'caja-fuzz-'));
    dirs.push(dataDir);
    const log: Log = (e) => {
      const channel = typeof e.channel === 'string' ? e.channel : '';
      if (e.level === 'error' && channel && !firstInternal[channel]) firstInternal[channel] = e.err instanceof Error ? e.err.message : String(e.err);
    };
    const core = await createCore({ config: loadConfig({}, { dataDir }), clock: systemClock, ids: systemIds, log });
    cores.push(core);
    return core;
  };

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    [signedIn, signedOut] = await Promise.all([freshCore(), freshCore()]);
    const sup = DEMO_USERS.find((u) => u.role === 'supervisor');
    const login = await signedIn.dispatch('session.login', { username: sup?.username, password: sup?.password });
    expect(login).toMatchObject({ ok: true, data: { state: 'active' } });
  }, 30_000);

  afterAll(() => {
    process.off('unhandledRejection', onUnhandled);
    for (const c of cores) c.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  // lock/logout end the session of the signed-in core; they run last so the other channels keep reaching
  // their handlers (after them, answers are NOT_AUTHENTICATED / SESSION_LOCKED, still checked).
  const LAST = new Set(['session.lock', 'session.logout']);
  // Well-shaped device settings and emulator commands (another port, an unplugged or silent reader) leave the
  // devices failing or waiting on timeouts: they run after the other device channels have met healthy emulators.
  const LATE = new Set(['devices.configure', 'devices.emulator']);
  const SIGNED_OUT = new Set(['session.login', 'session.unlock']);
  const ordered = [
    ...channelNames.filter((c) => !LAST.has(c) && !LATE.has(c)),
    ...channelNames.filter((c) => LATE.has(c)),
    ...channelNames.filter((c) => LAST.has(c)),
  ];

  // A capture waits up to 10 s for a finger the emulator does not have until one is placed (as the customer
  // would): with one resting on the reader, each well-shaped call is a real capture and answers in milliseconds.
  const BEFORE: Partial<Record<Channel, () => Promise<unknown>>> = {
    'devices.testCapture': () => signedIn.dispatch('devices.emulator', { action: 'fingerprint.place', documentNumber: '52345678', finger: 'right-index' }),
  };

  it.each(ordered)('%s: every answer is a typed result', async (channel) => {
    const spec = specOf(channel);
    const core = SIGNED_OUT.has(channel) ? signedOut : signedIn;
    expect(await BEFORE[channel]?.()).not.toMatchObject({ ok: false });
    const withPassword = hasPassword(spec.request);
    const numRuns = withPassword ? RUNS_WITH_PASSWORD : RUNS;
    const seen = new Map<string, number>();
    const started = performance.now();
    const property = fc.asyncProperty(fc.oneof(fc.anything({ withNullPrototype: true, withObjectString: true }), nearMiss(spec.request)), async (payload) => {
      const answer = await core.dispatch(channel, payload);
      const why = badAnswer(channel, answer);
      if (why) throw new Error(`${channel}: ${why}`);
      const key = answer.ok ? 'ok' : answer.error.code;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    });
    const out = await fc.check(property, withPassword ? { numRuns } : { numRuns, interruptAfterTimeLimit: SHARE_MS, markInterruptAsFailure: false });
    // A device channel's first call (a real capture on the emulator) can outlast its share of the budget:
    // fast-check then stops before any run, which it reports as a failure. Give it its minimum runs untimed.
    const stoppedBeforeAnyRun = out.interrupted && out.numRuns === 0;
    if (out.failed && !stoppedBeforeAnyRun) throw new Error(fc.defaultReportMessage(out) ?? `${channel}: property failed`);
    if (seen.size === 0) await fc.assert(property, { numRuns: MIN_RUNS });
    const runs = [...seen.values()].reduce((a, b) => a + b, 0);
    if (runs < numRuns) console.log(`fuzz ${channel}: ${runs} of ${numRuns} runs (time-boxed at ${SHARE_MS} ms, took ${Math.round(performance.now() - started)} ms)`);
    expect(runs).toBeGreaterThanOrEqual(MIN_RUNS);
    if (process.env.CAJA_FUZZ_VERBOSE) console.log(channel, JSON.stringify(Object.fromEntries(seen)));
    // INTERNAL reaches the teller as a correlation id, but each one is a handler that threw on input the schema
    // accepted, i.e. a missing typed error: the run fails with the first logged error.
    expect(seen.get('INTERNAL') ?? 0, `${channel}: INTERNAL answers; first: ${firstInternal[channel] ?? '?'}`).toBe(0);
    expect(unhandled).toEqual([]);
    // The fuzz must reach validation, not just bounce off the access check (lock/logout end the session on
    // their first success; after that the access check answers first, which is the point of it).
    if (!LAST.has(channel) && runs >= 200) expect([...seen.keys()], JSON.stringify(Object.fromEntries(seen))).toContain('INVALID_REQUEST');
    // A soak run's share per channel may exceed the default test timeout.
  }, Math.max(30_000, SHARE_MS + 30_000));
});
