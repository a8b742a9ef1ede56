/**
 * Fake biometric operator agent as its own process: `tsx drivers/fingerprint/agent/fake-agent-cli.ts --port 0
 * [--mode ok|no-finger|poor-image|not-ready|slow] [--document 900000001]`. Stdin JSON lines:
 * {"cmd":"mode","value":"poor-image"}, {"cmd":"citizen","documentNumber":"900000002"}, {"cmd":"stop"}.
 */
import { z } from 'zod';
import { emitEvent, parseFlags, serveControl } from '../../emulator-control/control';
import { startFakeAgent } from './fake-agent';

const ModeSchema = z.enum(['ok', 'no-finger', 'poor-image', 'not-ready', 'slow']);
const CommandSchema = z.discriminatedUnion('cmd', [
  z.object({ cmd: z.literal('mode'), value: ModeSchema }),
  z.object({ cmd: z.literal('citizen'), documentNumber: z.string().regex(/^\d{1,10}$/) }),
  z.object({ cmd: z.literal('stop') }),
]);
const flags = parseFlags(process.argv.slice(2));
const agent = await startFakeAgent({
  port: Number(flags.get('port') ?? 0),
  mode: ModeSchema.parse(flags.get('mode') ?? 'ok'),
  documentNumber: flags.get('document') ?? '900000001',
});
const control = await serveControl(async (raw) => {
  const c = CommandSchema.parse(raw);
  if (c.cmd === 'mode') agent.mode = c.value;
  if (c.cmd === 'citizen') agent.documentNumber = c.documentNumber;
  if (c.cmd === 'stop') setTimeout(() => void agent.stop().then(() => control.close()).then(() => process.exit(0)), 10);
  return { mode: agent.mode };
}, { stdio: true });
process.on('SIGTERM', () => void agent.stop().then(() => process.exit(0)));
emitEvent('ready', { port: agent.port });
