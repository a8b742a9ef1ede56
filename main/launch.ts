import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadConfig } from './config/load';
import { centralForConfig } from './host/central-process';
import { electronRuntime } from './host/electron-runtime';
import { stderrLog } from './host/logger';

/**
 * `npm start`: the Electron app where its runtime is installed, otherwise the browser host. The runtime is
 * missing when `electron`'s install script (which downloads it) was not allowed or could not reach the network.
 */
const bin = electronRuntime();
if (bin && existsSync('out/electron/main.cjs')) {
  // The demo central runs beside Electron, started here with Node; the app's core gets its URL and token.
  const linked = await centralForConfig(loadConfig(process.env), stderrLog);
  const env = linked.central ? { ...process.env, CAJA_CENTRAL_URL: linked.central.url, CAJA_CENTRAL_TOKEN: linked.central.token } : process.env;
  const child = spawn(bin, ['out/electron/main.cjs'], { stdio: 'inherit', env });
  child.on('exit', (code) => void linked.stop().then(() => process.exit(code ?? 0)));
} else {
  console.log('Electron no está instalado en esta máquina: se inicia Caja en el navegador (host local).');
  await import('./host/browser/cli');
}
