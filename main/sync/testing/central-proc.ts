import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import { startCentralProcess, type CentralProcess } from '../../host/central-process';

const run = promisify(execFile);
const AUDIT = fileURLToPath(new URL('../../../central/testing/audit.ts', import.meta.url));
const AMEND = fileURLToPath(new URL('../../../central/testing/amend-account.ts', import.meta.url));

export interface CentralAudit {
  /** In the order central applied them. */
  operations: { key: string; status: 'applied' | 'rejected'; hash: string; account: string | null; postings: number }[];
  conflicts: number;
  accounts: { number: string; available: number }[];
  /** The cheques de gerencia central recorded with applied withdrawals, by the withdrawal's key. */
  chequesGerencia: { key: string; number: string }[];
}

/** A real central process on a temp SQLite file, restartable on the same file and port. */
export interface TestCentralProcess {
  readonly url: string;
  readonly token: string;
  readonly dbFile: string;
  readonly proc: CentralProcess;
  restart(): Promise<void>;
  kill(): Promise<void>;
  /** Central's operations whose key starts with `prefix`. */
  audit(prefix?: string): Promise<CentralAudit>;
  /** Changes an account's registration at central (authorized persons, holders, state), as another office would. */
  amendAccount(account: string, fields: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export const startTestCentralProcess = async (workstation = '001-03'): Promise<TestCentralProcess> => {
  const dir = mkdtempSync(join(tmpdir(), 'caja-sync-central-'));
  const dbFile = join(dir, 'central.db');
  let proc = await startCentralProcess({ dbFile });
  const port = Number(new URL(proc.url).port);
  const token = proc.tokens.get(workstation);
  if (!token) throw new Error(`no demo token for ${workstation}`);
  const t: TestCentralProcess = {
    get url() {
      return proc.url;
    },
    token,
    dbFile,
    get proc() {
      return proc;
    },
    restart: async () => {
      await proc.stop();
      proc = await startCentralProcess({ dbFile, port });
    },
    kill: async () => {
      proc.child.kill('SIGKILL');
      await new Promise<void>((r) => (proc.child.exitCode !== null || proc.child.signalCode !== null ? r() : proc.child.once('exit', () => r())));
    },
    audit: async (prefix = '') => {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', AUDIT, dbFile, prefix], { maxBuffer: 64 * 1024 * 1024 });
      return JSON.parse(stdout) as CentralAudit;
    },
    amendAccount: async (account, fields) => {
      await run(process.execPath, ['--import', 'tsx', AMEND, dbFile, account, JSON.stringify(fields)]);
    },
    close: async () => {
      await proc.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
};

/**
 * One central process for a whole test file, started before its first test and closed after its last. The
 * answer stands for it: use it inside tests (before the file starts, it says so rather than being undefined).
 */
export const centralProcessForFile = (workstation?: string): TestCentralProcess => {
  let started: TestCentralProcess | undefined;
  const it = (): TestCentralProcess => {
    if (!started) throw new Error('central is started before the first test: use it inside a test');
    return started;
  };
  beforeAll(async () => {
    started = await startTestCentralProcess(workstation);
  }, 30_000);
  afterAll(async () => {
    await started?.close();
  });
  return {
    get url() {
      return it().url;
    },
    get token() {
      return it().token;
    },
    get dbFile() {
      return it().dbFile;
    },
    get proc() {
      return it().proc;
    },
    restart: () => it().restart(),
    kill: () => it().kill(),
    audit: (prefix) => it().audit(prefix),
    amendAccount: (account, fields) => it().amendAccount(account, fields),
    close: () => it().close(),
  };
};
