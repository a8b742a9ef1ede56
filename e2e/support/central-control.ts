import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Operation } from '../../domain/central-api';
import { startCentralProcess, type CentralProcess } from '../../main/host/central-process';
import { createCentralClient, type CentralClient } from '../../main/sync/central-client';
import { test as base } from './fixtures';
import { startHost, type RunningHost } from './host';

const run = promisify(execFile);

/** The demo central's token per workstation (central/demo/seed.ts); the host under test is 001-03. */
export const HOST_WORKSTATION = '001-03';

export interface CentralAudit {
  /** In the order central applied them (central/testing/audit.ts). */
  operations: { key: string; status: 'applied' | 'rejected'; hash: string; account: string | null; postings: number }[];
  conflicts: number;
  accounts: { number: string; available: number }[];
}

/**
 * A demo central the test owns: a real child process on its own SQLite file. `stop()` takes it down (the branch
 * sees connections refused), `start()` brings it back on the same file and port; `start({ elsewhere: true })`
 * runs it on another port the branch does not know, so the test can move balances at central while the
 * branch is still cut off.
 */
export interface ControlledCentral {
  /** The URL the branch is configured with (fixed for the life of the test). */
  readonly url: string;
  readonly dbFile: string;
  readonly running: boolean;
  token(workstation?: string): string;
  start(opts?: { elsewhere?: boolean }): Promise<void>;
  /** SIGTERM by default; `kill9` as a crash. */
  stop(opts?: { kill9?: boolean }): Promise<void>;
  /** A client as workstation `workstation` on whatever port central currently listens. */
  client(workstation?: string): CentralClient;
  /** Posts one operation as another workstation of the branch (001-01 by default): a movement the branch did not make. */
  postAs(op: Omit<Operation, 'key' | 'branch' | 'workstation' | 'occurredAt'>, workstation?: string): Promise<string>;
  audit(keyPrefix?: string): Promise<CentralAudit>;
  close(): Promise<void>;
}

const AUDIT = 'central/testing/audit.ts';

export const startControlledCentral = async (): Promise<ControlledCentral> => {
  const dir = mkdtempSync(join(tmpdir(), 'caja-e2e-central-'));
  const dbFile = join(dir, 'central.db');
  let proc: CentralProcess | null = await startCentralProcess({ dbFile });
  const url = proc.url;
  const port = Number(new URL(url).port);
  const tokens = new Map(proc.tokens);
  const current = (): CentralProcess => {
    if (!proc) throw new Error('central is stopped');
    return proc;
  };
  const stop = async (opts: { kill9?: boolean } = {}) => {
    const p = proc;
    proc = null;
    if (!p) return;
    if (opts.kill9) {
      const exited = new Promise<void>((r) => (p.child.exitCode !== null || p.child.signalCode !== null ? r() : p.child.once('exit', () => r())));
      p.child.kill('SIGKILL');
      await exited;
    } else await p.stop();
  };
  const client = (workstation = HOST_WORKSTATION) => {
    const token = tokens.get(workstation);
    if (!token) throw new Error(`no demo token for ${workstation}`);
    return createCentralClient({ url: current().url, token, timeoutMs: 5_000 });
  };
  return {
    url,
    dbFile,
    get running() {
      return proc !== null;
    },
    token: (workstation = HOST_WORKSTATION) => {
      const t = tokens.get(workstation);
      if (!t) throw new Error(`no demo token for ${workstation}`);
      return t;
    },
    start: async (opts = {}) => {
      if (proc) return;
      proc = await startCentralProcess({ dbFile, port: opts.elsewhere ? 0 : port });
    },
    stop,
    client,
    postAs: async (op, workstation = '001-01') => {
      const key = randomUUID();
      const full = { ...op, key, branch: '001', workstation, occurredAt: new Date().toISOString() } as Operation;
      const r = await client(workstation).call('postOperations', { operations: [full] });
      if (!r.ok) throw new Error(`central refused the batch: ${r.error.code} ${r.error.message}`);
      const first = r.data.results[0];
      if (first?.status !== 'applied') throw new Error(`central did not apply ${op.type}: ${JSON.stringify(first)}`);
      return key;
    },
    audit: async (keyPrefix = '') => {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', AUDIT, dbFile, keyPrefix], { maxBuffer: 16 * 1024 * 1024 });
      return JSON.parse(stdout) as CentralAudit;
    },
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/**
 * Specs whose branch talks to a central the test controls: `central` is started first, `host` is the browser host
 * pointed at it (CAJA_CENTRAL_URL/CAJA_CENTRAL_TOKEN), `app` the Chromium page on that host. Browser host only.
 */
export const test = base.extend<{ central: ControlledCentral; host: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern
  central: async ({}, use, testInfo) => {
    test.skip(testInfo.project.name === 'electron', 'browser host only: the central URL is set through its environment');
    const central = await startControlledCentral();
    await use(central);
    await central.close();
  },
  host: async ({ central }, use) => {
    const host = await startHost({ CAJA_CENTRAL_URL: central.url, CAJA_CENTRAL_TOKEN: central.token() });
    await use(host);
    await host.stop();
  },
});

export { expect } from './fixtures';
