import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A virtual null-modem cable: two linked ptys made by socat (hardware.md §5). Killing it is "cable pulled". */
export interface PtyPair {
  /** The end the driver opens. */
  readonly app: string;
  /** The end the emulator opens. */
  readonly device: string;
  readonly dir: string;
  /** Pulls the cable: socat exits, both ends see EIO/close. */
  unplug(): Promise<void>;
  /** Plugs a new cable under the same paths (after `unplug`). */
  replug(): Promise<void>;
  /** Unplugs and removes the temp folder. */
  dispose(): Promise<void>;
}

const waitFor = async (check: () => boolean, timeoutMs: number, what: string): Promise<void> => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timeout waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

export const createPtyPair = async (name = 'caja-pty'): Promise<PtyPair> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  const app = path.join(dir, 'app');
  const device = path.join(dir, 'device');
  let child: ChildProcess | null = null;

  const start = async (): Promise<void> => {
    const c = spawn('socat', [
      '-d', '-d',
      `pty,raw,echo=0,link=${app}`,
      `pty,raw,echo=0,link=${device}`,
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    child = c;
    let ready = false;
    c.stderr?.on('data', (d: Buffer) => { if (d.toString().includes('starting data transfer loop')) ready = true; });
    await waitFor(() => ready || c.exitCode !== null, 5000, 'socat');
    if (c.exitCode !== null) throw new Error(`socat exited with ${c.exitCode}`);
  };

  const stop = async (): Promise<void> => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    });
    // socat removes its links on exit; wait so a replug does not race the unlink.
    await waitFor(() => !fs.existsSync(app) && !fs.existsSync(device), 2000, 'pty links removed').catch(() => undefined);
  };

  await start();
  return {
    app,
    device,
    dir,
    unplug: stop,
    replug: start,
    dispose: async () => {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};
