import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPath, centralApi, type CentralReqInput, type CentralRoute } from '../../domain/central-api';
import type { RequestLogEntry } from '../http/server';
import type { Clock } from '../runtime';
import { startCentral, type CentralHandle, type CentralOptions } from '../server';
import { demoToken } from '../demo/seed';

/** Test support: a central on a temp SQLite file with a hand-driven clock, and a client built from `centralApi`. */
export interface ManualClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}
export const manualClock = (startIso = '2025-03-10T15:00:00.000Z'): ManualClock => {
  let t = Date.parse(startIso);
  return { now: () => new Date(t), set: (ms) => void (t = ms), advance: (ms) => void (t += ms) };
};

export interface Reply {
  status: number;
  body: unknown;
}

/** Calls a route by name; path params come from the request object, the rest goes to the query or body. */
export const callRoute = async <R extends CentralRoute>(url: string, name: R, req: CentralReqInput<R>, token: string | null): Promise<Reply> => {
  const spec = centralApi[name];
  const { path, rest } = buildPath(spec.path, req as Record<string, unknown>);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const pairs: [string, string][] = Object.entries(rest).map(([k, v]) => [k, String(v)]);
  const query = spec.method === 'GET' ? new URLSearchParams(pairs).toString() : '';
  const res = await fetch(`${url}${path}${query ? `?${query}` : ''}`, {
    method: spec.method,
    headers,
    ...(spec.method === 'POST' ? { body: JSON.stringify(rest) } : {}),
  });
  return { status: res.status, body: (await res.json()) as unknown };
};

export interface TestCentral {
  central: CentralHandle;
  dir: string;
  dbPath: string;
  clock: ManualClock;
  logs: RequestLogEntry[];
  call<R extends CentralRoute>(name: R, req: CentralReqInput<R>, workstation?: string | null): Promise<Reply>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export const startTestCentral = async (opts: Partial<CentralOptions> = {}): Promise<TestCentral> => {
  const dir = mkdtempSync(join(tmpdir(), 'caja-central-'));
  const dbPath = join(dir, 'central.db');
  const clock = manualClock();
  const logs: RequestLogEntry[] = [];
  let n = 0;
  const ids = { uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` };
  const options: CentralOptions = { port: 0, dbPath, demo: true, clock, ids, log: (e) => logs.push(e), tickMs: 0, ...opts };
  let central = await startCentral(options);
  const t: TestCentral = {
    central,
    dir,
    dbPath,
    clock,
    logs,
    call: (name, req, workstation = '001-01') => callRoute(central.url, name, req, workstation === null ? null : demoToken(workstation)),
    restart: async () => {
      await central.close();
      central = await startCentral(options);
      t.central = central;
    },
    stop: async () => {
      await central.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
};
