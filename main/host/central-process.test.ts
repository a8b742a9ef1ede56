import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, it } from 'vitest';
import { centralForConfig, startCentralProcess } from './central-process';
import { clockFrom } from '../core/runtime';

it('starts the demo central, reads its URL and the workstation tokens, and stops it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'caja-central-proc-'));
  try {
    const c = await startCentralProcess({ dbFile: join(dir, 'central.db') });
    expect(c.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(c.tokens.get('001-03')).toBeTruthy();
    const health = (await (await fetch(`${c.url}/v1/health`)).json()) as { status: string; demo: boolean };
    expect(health).toMatchObject({ status: 'ok', demo: true });
    await c.stop();
    expect(c.child.exitCode ?? c.child.signalCode).not.toBeNull();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);

it('central goes down with its parent even when the parent is killed -9', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'caja-central-orphan-'));
  // A parent process that starts central and prints its pid, then is SIGKILLed.
  const script = `
    import { startCentralProcess } from ${JSON.stringify(new URL('./central-process.ts', import.meta.url).pathname)};
    const c = await startCentralProcess({ dbFile: ${JSON.stringify(join(dir, 'central.db'))} });
    console.log('CENTRAL_PID ' + c.child.pid);
    setInterval(() => {}, 1000);
  `;
  const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const pid = await new Promise<number>((resolve, reject) => {
      createInterface({ input: parent.stdout }).on('line', (l) => {
        const m = /^CENTRAL_PID (\d+)$/.exec(l);
        if (m?.[1]) resolve(Number(m[1]));
      });
      parent.once('exit', () => reject(new Error('parent exited')));
    });
    parent.kill('SIGKILL');
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive()).toBe(false);
  } finally {
    if (parent.exitCode === null) parent.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);

it('the demo central of a host whose clock starts elsewhere (CAJA_CLOCK_START) runs on that day too', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'caja-central-day-'));
  const linked = await centralForConfig(
    { dataDir: dir, workstation: { id: '001-03' }, central: { url: null } },
    () => undefined,
    { clock: clockFrom(new Date('2027-03-02T15:00:00Z')) },
  );
  try {
    if (!linked.central) throw new Error('demo central did not start');
    const health = (await (await fetch(`${linked.central.url}/v1/health`)).json()) as { now: string };
    // Same instant as the workstation's clock, give or take central's start-up.
    expect(Math.abs(Date.parse(health.now) - Date.parse('2027-03-02T15:00:00Z'))).toBeLessThan(20_000);
  } finally {
    await linked.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);
