import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll } from 'vitest';
import { createInterface } from 'node:readline';
import { referenceRepo } from '../../../store/reference/repo';
import { createCentralClient, type CentralClient } from '../../../sync/central-client';
import { pullReference } from '../../../sync/reference';
import type { CoreConfigInput } from '../../../config/schema';
import { tempCore, tempDir } from '../../../testing/temp-core';

/** central/demo/seed.ts provisions this token for workstation 001-03 when it runs with --demo. */
export const DEMO_TOKEN_001_03 = 'caja-demo-token-001-03';

export interface RunningCentral {
  url: string;
  stop(): Promise<void>;
}

/**
 * The reference central as a real child process on a temp database, with the demo accounts; `clockStart` starts its
 * clock at that instant (by default it runs on the machine's, years after the workstation's `TODAY_UTC`).
 */
export const startCentralProcess = async (opts: { clockStart?: string } = {}): Promise<RunningCentral> => {
  const dir = tempDir('caja-central-');
  const args = ['--import', 'tsx', 'central/cli.ts', '--demo', '--port', '0', '--db', `${dir.dir}/central.db`, ...(opts.clockStart ? ['--clock-start', opts.clockStart] : [])];
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (l) => stderr.push(l));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`central did not start:\n${stderr.join('\n')}`)), 30_000);
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const m = /^CENTRAL_READY (\S+)/.exec(line);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`central exited with ${code}:\n${stderr.join('\n')}`)));
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      dir.remove();
    },
  };
};

/**
 * The central process a test file shares: started before its first test, stopped after its last (starting one
 * takes seconds; a fresh core per test is cheap). Call it at the top of the file.
 */
export const sharedCentral = (): { readonly central: RunningCentral } => {
  let running: RunningCentral | undefined;
  beforeAll(async () => {
    running = await startCentralProcess();
  }, 40_000);
  afterAll(() => running?.stop());
  return {
    get central() {
      if (!running) throw new Error('central not started: call sharedCentral() at the top of the test file');
      return running;
    },
  };
};

export const TODAY_UTC = '2025-03-03T14:00:00Z';

export const COUNT = { '100000': 150, '50000': 40, '20000': 50, '10000': 50, '5000': 40, '2000': 50, '1000': 50, '500': 40, '200': 50, '100': 50, '50': 40 } as const;

/**
 * A workstation core on a temp SQLite file, with the reference data pulled from a running central, cajero1
 * signed in and the till open with `COUNT`. `client` may be replaced (e.g. by one pointing nowhere): it takes over
 * once the till is open, which happened while central answered, as every morning (with central silent and no close
 * of its own, an opening needs a supervisor: main/services/till/reinstall.test.ts). With `openTill: false`, from the start.
 */
export const world = async (central: RunningCentral, opts: { client?: Pick<CentralClient, 'call'>; openTill?: boolean; config?: CoreConfigInput } = {}) => {
  const client = createCentralClient({ url: central.url, token: DEMO_TOKEN_001_03, timeoutMs: 3000 });
  let opening = opts.openTill !== false && opts.client !== undefined;
  const given = opts.client ?? client;
  const t = await tempCore(opts.config ?? {}, { centralClient: { call: (route, req) => (opening ? client : given).call(route, req) } });
  // The demo accounts' last customer movement is nine days before central's seeding day (central/demo/seed.ts,
  // central's own clock), never six months before this day, so they read active (seed 003 cl. 7.1) except the
  // one seeded `inactiva`; 2025-03-03 is a Monday, 09:00 in Bogotá.
  t.clock.set(new Date(TODAY_UTC));
  const pulled = await pullReference({ client, repo: referenceRepo(t.core.db), clock: t.clock });
  if (!pulled.ok) throw new Error(`reference pull failed: ${pulled.error.message}`);
  await t.call('session.login', { username: 'cajero1', password: 'Caja.2026' });
  if (opts.openTill !== false) {
    const total = Object.entries(COUNT).reduce((s, [d, n]) => s + Number(d) * n, 0);
    const r = await t.call('till.open', { idempotencyKey: crypto.randomUUID(), count: COUNT, declaredTotal: total });
    if (!r.ok) throw new Error(`till.open failed: ${r.error.message}`);
  }
  opening = false;
  return Object.assign(t, { client });
};
export type World = Awaited<ReturnType<typeof world>>;

export const CC = (number: string) => ({ type: 'CC' as const, number });

/** Same-day reversal of a comprobante by the teller, approved by supervisor1 (another person). */
export const reverseSameDay = async (w: World, sequence: string) => {
  const req = await w.call('reversal.request', { sequence, reasonCode: 'CUENTA_ERRADA', reasonText: 'El cliente dictó otra cuenta' });
  if (!req.ok) throw new Error(req.error.message);
  const { approvalId } = req.data as { approvalId: string };
  const decided = await w.call('supervisor.decide', { id: approvalId, source: 'caja', decision: 'aprobar', username: 'supervisor1', password: 'Super.2026' });
  if (!decided.ok) throw new Error(decided.error.message);
  const posted = await w.call('reversal.post', { idempotencyKey: crypto.randomUUID(), sequence, approvalId });
  if (!posted.ok) throw new Error(posted.error.message);
};
