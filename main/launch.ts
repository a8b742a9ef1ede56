import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { electronRuntime } from './host/electron-runtime';

/**
 * `npm start`: the Electron app where its runtime is installed, otherwise the browser host. The runtime is
 * missing when `electron`'s install script (which downloads it) was not allowed or could not reach the network.
 */
const bin = electronRuntime();
if (bin && existsSync('out/electron/main.cjs')) {
  const child = spawn(bin, ['out/electron/main.cjs'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron no está instalado en esta máquina: se inicia Caja en el navegador (host local).');
  await import('./host/browser/cli');
}
