import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CedulaParseResult } from '../domain/devices/cedula-pdf417';
import { DEMO_CITIZENS, DEMO_TEMPLATE_FORMAT, demoTemplateBase64 } from '../domain/devices/demo-citizens';
import type { DeviceStatus } from '../domain/devices/status';
import { DeviceConfigError, DeviceManager } from './manager';
import { counterIds, sampleReceipt, waitUntil } from './testing/fixtures';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const clock = { now: () => new Date('2025-03-14T15:00:00Z') };
const citizen = DEMO_CITIZENS[1];
if (!citizen) throw new Error('demo citizen missing');

const managed = async (config: unknown = {}): Promise<DeviceManager> => {
  const m = new DeviceManager(config, { ids: counterIds(), clock });
  cleanups.push(() => m.stop());
  await m.start();
  return m;
};

const stateOf = (m: DeviceManager, id: string): string | undefined => m.status().find((s) => s.id === id)?.state;

describe('device manager (emulated by default)', () => {
  it('an empty config gives three emulated devices, all ready', async () => {
    const m = await managed();
    await waitUntil(() => m.status().every((s) => s.state === 'ready'), 3000, 'all ready');
    expect(m.status().map((s) => [s.id, s.kind, s.emulated])).toEqual([
      ['printer', 'printer', true], ['fingerprint', 'fingerprint', true], ['scanner', 'scanner', true],
    ]);
    expect(m.status()[0]?.since).toBe('2025-03-14T15:00:00.000Z');
  });

  it('prints, captures a demo finger and reads a demo cédula through the emulators', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'caja-manager-'));
    cleanups.push(() => fs.rmSync(out, { recursive: true, force: true }));
    const m = await managed({ printer: { link: { kind: 'emulated', outDir: out } } });
    const job = m.printReceipt(sampleReceipt());
    await waitUntil(() => m.jobs().find((j) => j.id === job.id)?.state === 'printed', 5000, 'printed');
    expect(fs.readdirSync(out)).toEqual(['receipt-0001.txt']);

    m.emulators.fingerprint?.placeFinger({ documentNumber: citizen.documentNumber, finger: 'right-index' });
    expect(await m.captureFingerprint('right-index')).toEqual({
      template: demoTemplateBase64(citizen.documentNumber, 'right-index'), format: DEMO_TEMPLATE_FORMAT, quality: null,
    });

    const scans: CedulaParseResult[] = [];
    m.on('cedula', (r: CedulaParseResult) => scans.push(r));
    await m.emulators.scanner?.scan(citizen);
    expect(scans).toHaveLength(1);
    expect(scans[0]?.ok && scans[0].value).toMatchObject({ documentNumber: citizen.documentNumber, names: citizen.names, firstSurname: citizen.firstSurname });
  });

  it('reconnects after an unplug without restart, and shows attention states in Spanish', async () => {
    const m = await managed({ reconnect: { initialMs: 100, maxMs: 400 }, printer: { heartbeatMs: 250 } });
    const seen: DeviceStatus[] = [];
    m.on('status', (s: DeviceStatus) => seen.push(s));
    await waitUntil(() => stateOf(m, 'printer') === 'ready', 3000, 'printer ready');

    m.emulators.printer?.setCondition('paper-out');
    await waitUntil(() => stateOf(m, 'printer') === 'attention', 3000, 'attention');
    expect(m.status()[0]?.message).toBe('Impresora sin papel: cambie el rollo y pulse Reintentar.');
    m.emulators.printer?.setCondition('ok');
    await waitUntil(() => stateOf(m, 'printer') === 'ready', 3000, 'ready again');

    await m.emulators.printer?.unplug();
    await waitUntil(() => stateOf(m, 'printer') === 'disconnected', 3000, 'printer disconnected');
    await m.emulators.fingerprint?.unplug();
    m.emulators.scanner?.unplug();
    await waitUntil(() => m.status().every((s) => s.state === 'disconnected'), 3000, 'all disconnected');
    await new Promise((r) => setTimeout(r, 300)); // a few failed reconnect attempts

    await m.emulators.printer?.replug();
    await m.emulators.fingerprint?.replug();
    m.emulators.scanner?.replug();
    await waitUntil(() => m.status().every((s) => s.state === 'ready'), 5000, 'all ready after replug');
    const job = m.printReceipt(sampleReceipt());
    await waitUntil(() => m.jobs().find((j) => j.id === job.id)?.state === 'printed', 5000, 'printed after replug');
    expect(seen.some((s) => s.kind === 'fingerprint' && s.state === 'disconnected' && s.message?.startsWith('Lector de huella desconectado'))).toBe(true);
  });

  it('refuses an invalid config with a typed Spanish error', () => {
    expect(() => new DeviceManager({ printer: { paperWidth: '76mm' } }, { ids: counterIds(), clock })).toThrow(DeviceConfigError);
    let err: unknown;
    try {
      new DeviceManager({ fingerprint: { driver: 'agent', url: 'http://192.168.1.10/' } }, { ids: counterIds(), clock });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'DEVICE_CONFIG_INVALID', message: 'La configuración de dispositivos no es válida: pida a soporte que la revise.' });
    expect((err as DeviceConfigError).issues.join()).toContain('127.0.0.1');
  });

  it('a configured device that is missing shows as disconnected and does not block start', async () => {
    const m = await managed({ printer: { link: { kind: 'serial', path: '/dev/nonexistent-caja-printer' } }, reconnect: { initialMs: 5000, maxMs: 5000 } });
    expect(stateOf(m, 'printer')).toBe('disconnected');
    expect(stateOf(m, 'fingerprint')).toBe('ready');
  });
});
