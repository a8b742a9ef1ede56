import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

/**
 * `npm start`: the Electron app where its runtime is installed, otherwise the browser host. The runtime is
 * missing when `electron`'s install script (which downloads it) was not allowed or could not reach the network.
 */
const electronBinary = (): string | null => {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
};

const bin = electronBinary();
if (bin && existsSync('out/electron/main.cjs')) {
  const child = spawn(bin, ['out/electron/main.cjs'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron no está instalado en esta máquina: se inicia Caja en el navegador (host local).');
  await import('./host/browser/cli');
}
