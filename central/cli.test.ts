import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, expect, it } from 'vitest';
import { BatchResponseSchema, OperationStatusResponseSchema } from '../domain/central-api';
import { demoToken } from './demo/seed';
import { callRoute } from './testing/harness';
import { cashDeposit } from './testing/ops';

const dir = mkdtempSync(join(tmpdir(), 'caja-central-cli-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `tsx central/cli.ts` as a real child process and resolves with its URL from the ready line. */
const launch = (args: string[]): Promise<{ child: ChildProcess; url: string; stdout: string[] }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'central/cli.ts', ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    const stdout: string[] = [];
    if (!child.stdout || !child.stderr) {
      reject(new Error('no pipes'));
      return;
    }
    child.stderr.resume();
    createInterface({ input: child.stdout }).on('line', (line) => {
      stdout.push(line);
      const m = /^CENTRAL_READY (http:\/\/\S+)$/.exec(line);
      if (m?.[1]) resolve({ child, url: m[1], stdout });
    });
    child.once('exit', (code) => reject(new Error(`central exited early with ${code}`)));
  });

const stop = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

it('runs as its own process: ready line, demo tokens, state kept across a restart', async () => {
  const db = join(dir, 'central.db');
  const first = await launch(['--demo', '--port', '0', '--db', db]);
  expect(first.stdout).toContain(`CENTRAL_DEMO_TOKEN 001-01 ${demoToken('001-01')}`);
  const op = cashDeposit('240000000029', 10_000);
  const posted = await callRoute(first.url, 'postOperations', { operations: [op] }, demoToken('001-01'));
  expect(BatchResponseSchema.parse(posted.body).results[0]?.status).toBe('applied');
  await stop(first.child);

  const second = await launch(['--demo', '--port', '0', '--db', db]);
  const st = await callRoute(second.url, 'operationStatus', { key: op.key }, demoToken('001-01'));
  expect(OperationStatusResponseSchema.parse(st.body).status).toBe('applied');
  await stop(second.child);
});

it('refuses to start without any workstation token outside demo mode', async () => {
  await expect(launch(['--port', '0', '--db', join(dir, 'other.db')])).rejects.toThrow(/exited early with 2/);
});

it('takes the interval between two immediate security-code sends to one customer from its configuration', async () => {
  const sendNow = (url: string) =>
    callRoute(url, 'sendSecurityCodeNow', { key: randomUUID(), documentType: 'CC', documentNumber: '900000002', purpose: 'verification_code', statedCellphone: '3101234502' }, demoToken('001-01'));
  const spaced = await launch(['--demo', '--port', '0', '--db', join(dir, 'interval-default.db')]);
  expect((await sendNow(spaced.url)).status).toBe(200);
  expect((await sendNow(spaced.url)).status).toBe(429);
  await stop(spaced.child);
  const free = await launch(['--demo', '--port', '0', '--db', join(dir, 'interval-0.db'), '--send-now-interval-min', '0']);
  expect((await sendNow(free.url)).status).toBe(200);
  expect((await sendNow(free.url)).status).toBe(200);
  await stop(free.child);
  await expect(launch(['--demo', '--port', '0', '--db', join(dir, 'interval-bad.db'), '--send-now-interval-min', 'dos'])).rejects.toThrow(/exited early with 2/);
});
