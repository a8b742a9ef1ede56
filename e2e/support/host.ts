import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface RunningHost {
  launchUrl: string;
  origin: string;
  token: string;
  dataDir: string;
  stderr: string[];
  stop(): Promise<void>;
  /** SIGKILL, as a crash or a power cut would: the data directory stays for a host started on it again. */
  kill(): Promise<void>;
}

/**
 * Starts the browser host as a real child process and waits for its ready line: on a fresh data directory, or on
 * `o.dataDir` (a restart after `kill`), which `stop` then leaves to its owner.
 */
export const startHost = async (env: Record<string, string> = {}, o: { dataDir?: string } = {}): Promise<RunningHost> => {
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'caja-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'main/host/browser/cli.ts'], {
    env: { ...process.env, CAJA_DATA_DIR: dataDir, CAJA_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (l) => stderr.push(l));
  const launchUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${stderr.join('\n')}`)), 30_000);
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const m = /^CAJA_READY (\S+)/.exec(line);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${stderr.join('\n')}`)));
  });
  const url = new URL(launchUrl);
  return {
    launchUrl,
    origin: url.origin,
    token: url.hash.replace('#token=', ''),
    dataDir,
    stderr,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!o.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
  };
};
