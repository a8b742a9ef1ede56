import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../../config/load';
import { DEMO_USERS } from '../../services/demo/seed';
import { stderrLog } from '../logger';
import { startBrowserHost } from './server';
import { startCore } from '../start-core';
import { clockFrom } from '../../core/runtime';

/** `npm run start:browser`: the same core and renderer as the Electron app, in a browser on 127.0.0.1. */
export const runBrowserHost = async () => {
  const config = loadConfig(process.env);
  const rendererDir = resolve(process.env.CAJA_RENDERER_DIR ?? 'out/renderer');
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    console.error(`No se encontró la interfaz compilada en ${rendererDir}. Ejecute "npm run build" primero.`);
    process.exit(1);
  }
  // Test and training knob (README): the core's clock starts at this instant and runs from there.
  const start = process.env.CAJA_CLOCK_START;
  const startAt = start ? new Date(start) : null;
  if (startAt && Number.isNaN(startAt.getTime())) {
    console.error(`CAJA_CLOCK_START no es una fecha y hora ISO válida: ${start}`);
    process.exit(1);
  }
  const { core, stop: stopCore } = await startCore(config, stderrLog, { demoCentral: true, ...(startAt ? { clock: clockFrom(startAt) } : {}) });
  const host = await startBrowserHost({
    core,
    rendererDir,
    port: Number(process.env.CAJA_PORT ?? 4780),
    log: stderrLog,
  });
  if (config.demo) {
    console.log('Usuarios de demostración:');
    for (const u of DEMO_USERS) console.log(`  ${u.username.padEnd(12)} ${u.password.padEnd(11)} (${u.role})`);
  }
  console.log(`Caja lista en ${host.launchUrl}`);
  // A machine-readable line for tests and scripts.
  console.log(`CAJA_READY ${host.launchUrl}`);

  const stop = async () => {
    await host.close();
    await stopCore();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
};

await runBrowserHost();
