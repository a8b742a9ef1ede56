import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * The bundled reference central as a child process (`npm start` without a configured central URL): starts
 * `central/cli.ts --demo` on a free port with its own SQLite file and resolves once it prints
 * `CENTRAL_READY <url>`, with the demo token of each workstation from its `CENTRAL_DEMO_TOKEN` lines.
 */
export interface CentralProcess {
  url: string;
  /** Demo tokens by workstation id (`001-03` → token). */
  tokens: ReadonlyMap<string, string>;
  child: ChildProcess;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface CentralProcessOptions {
  dbFile: string;
  /** 0 = any free port. */
  port?: number;
  demo?: boolean;
  startTimeoutMs?: number;
  /** Central's own error lines (its per-request JSON log is dropped). */
  onLog?: (line: string) => void;
  /** Central's clock starts at this instant (`--clock-start`) instead of the machine's. */
  clockStart?: Date;
}

/** Resolved on use: in the Electron CJS bundle `import.meta.url` is empty, and that bundle never spawns central. */
export const centralCli = (): string => fileURLToPath(new URL('../../central/cli.ts', import.meta.url));

export const startCentralProcess = (opts: CentralProcessOptions): Promise<CentralProcess> =>
  new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', centralCli(), '--port', String(opts.port ?? 0), '--db', opts.dbFile, '--exit-with-stdin'];
    if (opts.demo ?? true) args.push('--demo');
    if (opts.clockStart) args.push('--clock-start', opts.clockStart.toISOString());
    // stdin is central's lifeline: if this process dies, even by SIGKILL, the pipe closes and central stops.
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env } });
    const tokens = new Map<string, string>();
    let ready = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('central no inició a tiempo'));
    }, opts.startTimeoutMs ?? 30_000);

    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const stop = async (graceMs = 3_000): Promise<void> => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(t);
    };

    createInterface({ input: child.stderr }).on('line', (line) => {
      if (!line.startsWith('{')) opts.onLog?.(line);
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const token = /^CENTRAL_DEMO_TOKEN (\S+) (\S+)$/.exec(line);
      if (token?.[1] && token[2]) tokens.set(token[1], token[2]);
      const m = /^CENTRAL_READY (http:\/\/\S+)$/.exec(line);
      if (m?.[1] && !ready) {
        ready = true;
        clearTimeout(timer);
        resolve({ url: m[1], tokens, child, stop });
      }
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`central terminó al iniciar (${signal ?? code})`));
    });
  });

/**
 * Which central a host talks to: the configured one (`central.url` + `central.token`), or else the bundled
 * demo central started here with its database in the data directory. If that cannot start, the workstation
 * runs offline (operations queue) rather than not at all. `clock` (the browser host's `CAJA_CLOCK_START`) is the
 * workstation's when it is not the machine's: the demo central starts on the same instant, so what central dates
 * (a canje release, a remesa, an approval's deadline) follows the rehearsed day; a configured central keeps its own.
 */
export const centralForConfig = async (
  config: { dataDir: string; workstation: { id: string }; central: { url: string | null; token?: string | undefined } },
  log: (e: { level: 'info' | 'warn' | 'error'; msg: string; [k: string]: unknown }) => void,
  opts: { clock?: { now(): Date } } = {},
): Promise<{ central: { url: string; token: string } | undefined; stop(): Promise<void> }> => {
  if (config.central.url) {
    if (!config.central.token) log({ level: 'warn', msg: 'central.url configurado sin central.token: central rechazará la estación' });
    return { central: { url: config.central.url, token: config.central.token ?? '' }, stop: async () => {} };
  }
  try {
    const proc = await startCentralProcess({
      dbFile: join(config.dataDir, 'central.db'),
      ...(opts.clock ? { clockStart: opts.clock.now() } : {}),
      onLog: (line) => log({ level: 'warn', msg: 'central', line }),
    });
    const token = proc.tokens.get(config.workstation.id);
    if (!token) {
      log({ level: 'warn', msg: `la central de demostración no tiene token para la estación ${config.workstation.id}` });
      await proc.stop();
      return { central: undefined, stop: async () => {} };
    }
    log({ level: 'info', msg: 'central de demostración iniciada', url: proc.url });
    return { central: { url: proc.url, token }, stop: () => proc.stop() };
  } catch (err) {
    log({ level: 'error', msg: 'no se pudo iniciar la central de demostración; la estación trabaja sin central', err: String(err) });
    return { central: undefined, stop: async () => {} };
  }
};
