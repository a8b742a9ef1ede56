/**
 * ESC/POS printer emulator as its own process:
 *   tsx drivers/printer/emulator/cli.ts --tcp 9100 [--baud 9600] [--out .tmp/printer-out] [--control 9199]
 *   tsx drivers/printer/emulator/cli.ts --pty /tmp/x/device --baud 9600      (or --serial /dev/ttyUSB1)
 * Options: --cp858 <n> (ESC t number, default 19), --auto-slip <ms>, --condition <ok|near-end|paper-out|cover-open|offline>.
 * Control: JSON lines on stdin (and on 127.0.0.1:<--control> if given), see README-devices.md.
 */
import { z } from 'zod';
import { emitEvent, parseFlags, serveControl } from '../../emulator-control/control';
import { startPrinterEmulator } from './emulator';

const ConditionSchema = z.enum(['ok', 'near-end', 'paper-out', 'cover-open', 'offline']);
const CommandSchema = z.discriminatedUnion('cmd', [
  z.object({ cmd: z.literal('condition'), value: ConditionSchema }),
  z.object({ cmd: z.literal('paperOutAfterLines'), value: z.number().int().positive() }),
  z.object({ cmd: z.literal('insertSlip') }),
  z.object({ cmd: z.literal('removeSlip') }),
  z.object({ cmd: z.literal('garbage'), value: z.number().int().positive().max(4096).default(16) }),
  z.object({ cmd: z.literal('unplug') }),
  z.object({ cmd: z.literal('replug') }),
  z.object({ cmd: z.literal('status') }),
  z.object({ cmd: z.literal('stop') }),
]);

const flags = parseFlags(process.argv.slice(2));
const num = (name: string): number | undefined => (flags.has(name) ? Number(flags.get(name)) : undefined);
const serialPath = flags.get('pty') ?? flags.get('serial');
const tcpPort = num('tcp');
if (serialPath === undefined && tcpPort === undefined) {
  process.stderr.write('Uso: cli.ts --tcp <puerto> | --pty <ruta> | --serial <ruta> [--baud 9600] [--out carpeta] [--control puerto]\n');
  process.exit(2);
}
const baud = num('baud');
const autoSlip = num('auto-slip');
const cp858 = num('cp858');
const emulator = await startPrinterEmulator({
  ...(tcpPort !== undefined ? { tcp: { port: tcpPort } } : {}),
  ...(serialPath !== undefined ? { serial: { path: serialPath, ...(baud !== undefined ? { baudRate: baud } : {}) } } : {}),
  ...(baud !== undefined ? { baudRate: baud } : {}),
  outDir: flags.get('out') ?? '.tmp/printer-out',
  ...(cp858 !== undefined ? { cp858Number: cp858 } : {}),
  ...(autoSlip !== undefined ? { autoSlipMs: autoSlip } : {}),
});
const initial = flags.get('condition');
if (initial) emulator.setCondition(ConditionSchema.parse(initial));
emulator.on('paper', (p, file) => emitEvent('paper', { kind: p.kind, complete: p.complete, lines: p.lines.length, file }));

const controlPort = num('control');
const control = await serveControl(async (raw) => {
  const c = CommandSchema.parse(raw);
  switch (c.cmd) {
    case 'condition': emulator.setCondition(c.value); break;
    case 'paperOutAfterLines': emulator.paperOutAfterLines(c.value); break;
    case 'insertSlip': emulator.insertSlip(); break;
    case 'removeSlip': emulator.removeSlip(); break;
    case 'garbage': emulator.garbage(c.value); break;
    case 'unplug': await emulator.unplug(); break;
    case 'replug': await emulator.replug(); break;
    case 'status': break;
    case 'stop':
      setTimeout(() => void shutdown(), 10);
      break;
  }
  return { condition: emulator.core.condition, printed: emulator.printed.length, bytesReceived: emulator.core.bytesReceived };
}, { stdio: true, ...(controlPort !== undefined ? { port: controlPort } : {}) });

const shutdown = async (): Promise<void> => {
  await emulator.stop();
  await control.close();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
emitEvent('ready', { tcpPort: emulator.port, serial: serialPath, controlPort: control.port, baud });
