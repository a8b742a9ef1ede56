import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TEMPLATE_FORMAT, demoTemplateBase64 } from '../../../domain/devices/demo-citizens';
import { FingerprintConfigSchema } from '../../../domain/devices/config';
import { waitUntil } from '../../testing/fixtures';
import { AgentReader } from './agent-reader';

let child: ChildProcess;
let port = 0;
const replies: Record<string, unknown>[] = [];
const send = async (cmd: Record<string, unknown>): Promise<void> => {
  const n = replies.length;
  child.stdin?.write(JSON.stringify(cmd) + '\n');
  await waitUntil(() => replies.length > n, 3000, 'control reply');
};

beforeAll(async () => {
  child = spawn(process.execPath, ['--import', 'tsx', 'drivers/fingerprint/agent/fake-agent-cli.ts', '--port', '0'], {
    cwd: path.resolve(__dirname, '../../..'),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (l) => {
    const m = JSON.parse(l) as Record<string, unknown>;
    if (m.event === 'ready') port = m.port as number; else replies.push(m);
  });
  await waitUntil(() => port > 0, 15_000, 'fake agent ready');
});
afterAll(() => {
  if (child.exitCode === null) child.kill('SIGTERM');
});

describe('biometric operator agent adapter against a fake agent process on 127.0.0.1', () => {
  it('config refuses an agent that is not on this machine', () => {
    expect(FingerprintConfigSchema.safeParse({ driver: 'agent', url: 'http://10.0.0.5:8080' }).success).toBe(false);
    expect(FingerprintConfigSchema.safeParse({ driver: 'agent', url: `http://127.0.0.1:${port}` }).success).toBe(true);
  });

  it('captures: template, format and quality come back validated', async () => {
    await send({ cmd: 'mode', value: 'ok' });
    await send({ cmd: 'citizen', documentNumber: '900000003' });
    const reader = new AgentReader({ url: `http://127.0.0.1:${port}/`, heartbeatMs: 0 });
    await reader.start();
    expect(reader.status).toEqual({ connected: true, busy: false, problem: null });
    const r = await reader.capture('left-index');
    expect(r).toEqual({ template: demoTemplateBase64('900000003', 'left-index'), format: DEMO_TEMPLATE_FORMAT, quality: 82 });
    await reader.stop();
  });

  it.each([
    ['no-finger', 'FINGER_NO_FINGER'],
    ['poor-image', 'FINGER_POOR_IMAGE'],
    ['not-ready', 'FINGER_DISCONNECTED'],
  ] as const)('agent mode %s → %s', async (mode, code) => {
    const reader = new AgentReader({ url: `http://127.0.0.1:${port}`, heartbeatMs: 0 });
    await send({ cmd: 'mode', value: 'ok' });
    await reader.start();
    await send({ cmd: 'mode', value: mode });
    await expect(reader.capture('right-index')).rejects.toMatchObject({ code });
    expect(reader.status.busy).toBe(false);
  });

  it('an agent that never answers times out', async () => {
    await send({ cmd: 'mode', value: 'ok' });
    const reader = new AgentReader({ url: `http://127.0.0.1:${port}`, heartbeatMs: 0, captureTimeoutMs: 1000 });
    await reader.start();
    await send({ cmd: 'mode', value: 'slow' });
    await expect(reader.capture('right-index')).rejects.toMatchObject({ code: 'FINGER_TIMEOUT' });
  });

  it('no agent running: FINGER_AGENT_UNAVAILABLE', async () => {
    const reader = new AgentReader({ url: 'http://127.0.0.1:9', heartbeatMs: 0 });
    await expect(reader.start()).rejects.toMatchObject({ code: 'FINGER_AGENT_UNAVAILABLE' });
  });
});
