/**
 * GROW fingerprint reader emulator as its own process:
 *   tsx drivers/fingerprint/emulator/cli.ts --pty /tmp/x/device [--baud 57600] [--control 9198]
 *   tsx drivers/fingerprint/emulator/cli.ts --tcp 0
 * Optional --finger 900000001:right-index puts a demo citizen's finger on the sensor from the start.
 * Control (JSON lines on stdin, and on 127.0.0.1:<--control>): see build/README-devices.md.
 */
import { z } from 'zod';
import { FingerSchema } from '../../../domain/devices/demo-citizens';
import { emitEvent, parseFlags, serveControl } from '../../emulator-control/control';
import { startGrowEmulator } from './grow-emulator';

const CommandSchema = z.discriminatedUnion('cmd', [
  z.object({ cmd: z.literal('place'), documentNumber: z.string().regex(/^\d{1,10}$/), finger: FingerSchema }),
  z.object({ cmd: z.literal('lift') }),
  z.object({ cmd: z.literal('mode'), value: z.enum(['ok', 'no-finger', 'poor-image', 'timeout']) }),
  z.object({ cmd: z.literal('garbage'), value: z.number().int().positive().max(4096).default(16) }),
  z.object({ cmd: z.literal('unplug') }),
  z.object({ cmd: z.literal('replug') }),
  z.object({ cmd: z.literal('status') }),
  z.object({ cmd: z.literal('stop') }),
]);

const flags = parseFlags(process.argv.slice(2));
const serialPath = flags.get('pty') ?? flags.get('serial');
const tcp = flags.get('tcp');
if (serialPath === undefined && tcp === undefined) {
  process.stderr.write('Uso: cli.ts --pty <ruta> | --serial <ruta> | --tcp <puerto> [--baud 57600] [--control puerto] [--finger doc:dedo]\n');
  process.exit(2);
}
const fingerFlag = flags.get('finger')?.split(':');
const emulator = await startGrowEmulator({
  ...(serialPath !== undefined ? { serial: { path: serialPath, baudRate: Number(flags.get('baud') ?? 57600) } } : {}),
  ...(tcp !== undefined ? { tcp: { port: Number(tcp) } } : {}),
  ...(fingerFlag ? { finger: { documentNumber: fingerFlag[0] ?? '', finger: FingerSchema.parse(fingerFlag[1]) } } : {}),
});

const controlPort = flags.has('control') ? Number(flags.get('control')) : undefined;
const control = await serveControl(async (raw) => {
  const c = CommandSchema.parse(raw);
  switch (c.cmd) {
    case 'place': emulator.placeFinger({ documentNumber: c.documentNumber, finger: c.finger }); break;
    case 'lift': emulator.liftFinger(); break;
    case 'mode': emulator.setMode(c.value); break;
    case 'garbage': emulator.garbage(c.value); break;
    case 'unplug': await emulator.unplug(); break;
    case 'replug': await emulator.replug(); break;
    case 'status': break;
    case 'stop': setTimeout(() => void shutdown(), 10); break;
  }
  // Never echo templates: the control channel reports the mode and counts only.
  return { mode: emulator.mode, commands: emulator.commands.length };
}, { stdio: true, ...(controlPort !== undefined ? { port: controlPort } : {}) });

const shutdown = async (): Promise<void> => {
  await emulator.stop();
  await control.close();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
emitEvent('ready', { tcpPort: emulator.port, serial: serialPath, controlPort: control.port });
