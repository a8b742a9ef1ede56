import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_CITIZENS, demoTemplateBase64 } from '../../../domain/devices/demo-citizens';
import { waitUntil } from '../../testing/fixtures';
import { createPtyPair } from '../../testing/pty-pair';
import { SerialTransport } from '../../transport/serial/serial-transport';
import { type GrowEmulator, startGrowEmulator } from '../emulator/grow-emulator';
import { FINGERPRINT_MESSAGES, type FingerprintLiveStatus } from '../port';
import { GrowReader, type GrowReaderOptions } from './grow-reader';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const rig = async (o: GrowReaderOptions = {}, password = 0) => {
  const pty = await createPtyPair('caja-grow');
  cleanups.push(() => pty.dispose());
  const emu: GrowEmulator = await startGrowEmulator({ serial: { path: pty.device, baudRate: 57600 }, password });
  cleanups.push(() => emu.stop());
  const reader = new GrowReader(
    new SerialTransport({ path: pty.app, baudRate: 57600, dataBits: 8, stopBits: 1, parity: 'none', flowControl: 'none' }),
    { commandTimeoutMs: 200, pollMs: 30, captureTimeoutMs: 1500, heartbeatMs: 0, templateFormat: 'caja-demo-v1', ...o },
  );
  cleanups.push(() => reader.stop());
  return { pty, emu, reader };
};

const [maria, juan] = DEMO_CITIZENS;
if (!maria || !juan) throw new Error('demo citizens missing');

describe('GROW reader over a real pty pair against the reader emulator', () => {
  it('happy path: handshake, GenImg → Img2Tz → UpChar gives the citizen\'s deterministic template', async () => {
    const { emu, reader } = await rig();
    await reader.start();
    expect(reader.status).toEqual({ connected: true, busy: false, problem: null });
    emu.placeFinger({ documentNumber: maria.documentNumber, finger: 'right-index' });
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const r = await reader.capture('right-index');
    expect(r).toEqual({ template: demoTemplateBase64(maria.documentNumber, 'right-index'), format: 'caja-demo-v1', quality: null });
    expect(Buffer.from(r.template, 'base64')).toHaveLength(512);
    // the template is never logged
    for (const s of spies) { expect(s).not.toHaveBeenCalled(); s.mockRestore(); }
    expect(emu.commands).toEqual([0x13, 0x01, 0x02, 0x08]);
    // another finger / citizen, another template
    emu.placeFinger({ documentNumber: juan.documentNumber, finger: 'left-index' });
    expect((await reader.capture('left-index')).template).toBe(demoTemplateBase64(juan.documentNumber, 'left-index'));
  });

  it('waits for the finger (GenImg polling) and captures once it is placed late', async () => {
    const { emu, reader } = await rig();
    await reader.start();
    const prompts: string[] = [];
    setTimeout(() => emu.placeFinger({ documentNumber: maria.documentNumber, finger: 'right-index' }), 300);
    const r = await reader.capture('right-index', { onPrompt: (p) => prompts.push(p) });
    expect(r.template).toBe(demoTemplateBase64(maria.documentNumber, 'right-index'));
    expect(emu.commands.filter((c) => c === 0x01).length).toBeGreaterThan(3);
    expect(prompts[0]).toBe('Pida al cliente que apoye el dedo en el lector.');
  });

  it('no finger: gives up after the capture timeout with the Spanish instruction', async () => {
    const { reader } = await rig({ captureTimeoutMs: 400 });
    await reader.start();
    await expect(reader.capture('right-index')).rejects.toMatchObject({ code: 'FINGER_NO_FINGER', message: FINGERPRINT_MESSAGES.FINGER_NO_FINGER });
    expect(reader.status.busy).toBe(false);
  });

  it('poor image: retries, then reports FINGER_POOR_IMAGE; recovers when the image is good', async () => {
    const { emu, reader } = await rig({ poorImageRetries: 2 });
    await reader.start();
    emu.placeFinger({ documentNumber: maria.documentNumber, finger: 'right-thumb' });
    emu.setMode('poor-image');
    await expect(reader.capture('right-thumb')).rejects.toMatchObject({ code: 'FINGER_POOR_IMAGE' });
    expect(emu.commands.filter((c) => c === 0x02)).toHaveLength(3);
    emu.setMode('ok');
    expect((await reader.capture('right-thumb')).template).toBe(demoTemplateBase64(maria.documentNumber, 'right-thumb'));
  });

  it('silent module: resends, then FINGER_TIMEOUT', async () => {
    const { emu, reader } = await rig({ commandRetries: 2 });
    await reader.start();
    emu.placeFinger({ documentNumber: maria.documentNumber, finger: 'right-index' });
    emu.setMode('timeout');
    const before = emu.commands.length;
    await expect(reader.capture('right-index')).rejects.toMatchObject({ code: 'FINGER_TIMEOUT' });
    expect(emu.commands.length - before).toBe(3);
  });

  it('garbage on the line is skipped by resynchronising on the packet header', async () => {
    const { emu, reader } = await rig();
    await reader.start();
    emu.placeFinger({ documentNumber: maria.documentNumber, finger: 'right-index' });
    emu.garbage(100);
    await waitUntil(() => reader.droppedBytes > 0, 2000, 'garbage seen');
    expect((await reader.capture('right-index')).template).toBe(demoTemplateBase64(maria.documentNumber, 'right-index'));
  });

  it('wrong password is refused at handshake', async () => {
    const { reader } = await rig({ password: 0x1234 }, 0);
    await expect(reader.start()).rejects.toMatchObject({ code: 'FINGER_WRONG_PASSWORD' });
  });

  it('unplug (socat killed) during a capture: FINGER_DISCONNECTED and status goes disconnected', async () => {
    const { pty, reader } = await rig({ captureTimeoutMs: 5000 });
    await reader.start();
    const statuses: FingerprintLiveStatus[] = [];
    reader.on('status', (s) => statuses.push(s));
    // Attach the expectation before unplugging: the capture may reject while unplug() is still awaited, and a
    // rejection with no handler yet is reported as unhandled.
    const rejected = expect(reader.capture('right-index')).rejects.toMatchObject({ code: 'FINGER_DISCONNECTED' });
    await new Promise((r) => setTimeout(r, 150));
    await pty.unplug();
    await rejected;
    await waitUntil(() => !reader.status.connected, 2000, 'disconnected');
    expect(statuses.at(-1)).toEqual({ connected: false, busy: false, problem: 'FINGER_DISCONNECTED' });
  });
});
