import { atMost, type Bench, type Figure, info } from './figure';
import { startPrinterEmulator } from '../drivers/printer/emulator/emulator';
import { encodeReceipt } from '../drivers/printer/layout';
import { EscPosPrinter } from '../drivers/printer/printer';
import { sampleReceipt } from '../drivers/testing/fixtures';
import { createPtyPair } from '../drivers/testing/pty-pair';
import { SerialTransport } from '../drivers/transport/serial/serial-transport';

/**
 * Time to print a typical receipt through the emulator over a real pty pair, divided by the wire limit
 * (bytes written × 10 / baud). The emulator throttles itself to the baud rate (a pty ignores it), so the ratio
 * shows the driver's own overhead: status pre-check round trip, GS r 1 "done" marker, scheduling. Goal ≤ 1.1.
 */
const RUNS = 5;

const measure = async (baud: number): Promise<{ ratio: number; bytes: number; ms: number }> => {
  const pty = await createPtyPair('caja-bench-printer');
  const emu = await startPrinterEmulator({ serial: { path: pty.device, baudRate: baud } });
  const transport = new SerialTransport({ path: pty.app, baudRate: baud, dataBits: 8, stopBits: 1, parity: 'none', flowControl: 'none' });
  let written = 0;
  const write = transport.write.bind(transport);
  transport.write = async (data: Uint8Array) => { written += data.length; await write(data); };
  // No heartbeat during the measurement: its queries would add wire bytes that are not the receipt's.
  const printer = new EscPosPrinter(transport, { heartbeatMs: 60_000 });
  try {
    await printer.start();
    const payload = encodeReceipt(sampleReceipt(), { paper: '80mm', model: 'epson-tm-t88v' });
    const ratios: { ratio: number; bytes: number; ms: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      await new Promise((r) => setTimeout(r, 50)); // let the wire go idle
      written = 0;
      const t0 = performance.now();
      await printer.printBytes(payload);
      const ms = performance.now() - t0;
      const wireMs = (written * 10 * 1000) / baud;
      ratios.push({ ratio: ms / wireMs, bytes: written, ms });
    }
    ratios.sort((a, b) => a.ratio - b.ratio);
    const median = ratios[Math.floor(ratios.length / 2)];
    if (!median) throw new Error('no runs');
    return median;
  } finally {
    await printer.stop().catch(() => undefined);
    await emu.stop();
    await pty.dispose();
  }
};

export const bench: Bench = {
  name: 'printer',
  run: async (): Promise<Figure[]> => {
    const slow = await measure(9600);
    const fast = await measure(115200);
    return [
      info('printer receipt bytes on the wire', slow.bytes, 'B'),
      info('printer receipt time @9600', Math.round(slow.ms), 'ms'),
      atMost('printer time / wire limit @9600', Number(slow.ratio.toFixed(3)), 'ratio', 1.1),
      info('printer receipt time @115200', Math.round(fast.ms), 'ms'),
      atMost('printer time / wire limit @115200', Number(fast.ratio.toFixed(3)), 'ratio', 1.1),
    ];
  },
};
