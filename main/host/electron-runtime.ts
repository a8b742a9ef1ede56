import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Electron executable when its runtime is installed, else null. It reads the package's `path.txt` instead
 * of `require('electron')`, which would try to download the runtime (unreachable here) on every call.
 */
export const electronRuntime = (): string | null => {
  try {
    const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(pkgDir, 'path.txt');
    const exe = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
    const full = process.env.ELECTRON_OVERRIDE_DIST_PATH ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, exe) : join(pkgDir, 'dist', exe);
    return existsSync(full) ? full : null;
  } catch {
    return null;
  }
};
