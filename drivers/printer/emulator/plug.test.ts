import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startGrowEmulator, type GrowEmulator } from '../../fingerprint/emulator/grow-emulator';
import { startPrinterEmulator, type PrinterEmulator } from './emulator';

/** Whether something accepts TCP connections on 127.0.0.1:port (the cable is in). */
const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = net.connect({ port, host: '127.0.0.1' });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const e of running.splice(0)) await e.stop();
});

describe.each([
  ['printer', () => startPrinterEmulator({ tcp: { port: 0 } })],
  ['fingerprint reader', () => startGrowEmulator({ tcp: { port: 0 } })],
] as const)('%s emulator: unplug and replug from the Devices screen', (_name, start) => {
  it('a replug of a plugged device and an unplug of an unplugged one change nothing (no EADDRINUSE)', async () => {
    const emu: PrinterEmulator | GrowEmulator = await start();
    running.push(emu);
    const port = emu.port ?? 0;
    await emu.replug();
    expect(await accepts(port)).toBe(true);
    await emu.unplug();
    await emu.unplug();
    expect(await accepts(port)).toBe(false);
    await emu.replug();
    expect(await accepts(port)).toBe(true);
  });

  it('commands in quick succession run one at a time and end in the last one’s state', async () => {
    const emu: PrinterEmulator | GrowEmulator = await start();
    running.push(emu);
    const port = emu.port ?? 0;
    await Promise.all([emu.unplug(), emu.replug(), emu.replug(), emu.unplug(), emu.replug()]);
    expect(await accepts(port)).toBe(true);
    await Promise.all([emu.replug(), emu.unplug()]);
    expect(await accepts(port)).toBe(false);
  });
});
