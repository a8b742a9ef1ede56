import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Written into the stub so the afterPack hook can tell it from a real Electron binary. */
export const PLACEHOLDER_MARKER = 'CAJA_PLACEHOLDER_ELECTRON_RUNTIME';

/**
 * A stand-in for an unpacked Electron distribution, for `electronDist`: electron-builder copies a directory that
 * holds no `electron-v<ver>-<platform>-<arch>.zip` as an "unpacked Electron distribution" and then renames
 * `electron` to the executable name (app-builder-lib/out/electron/ElectronFramework.js, `unpack`). It has the
 * executable, `resources/` and the files a real Linux runtime carries, so the layout check sees them copied.
 * It cannot run Caja: the stub only says so.
 */
export const writePlaceholderRuntime = (dir: string): string => {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const exe = join(dir, 'electron');
  writeFileSync(
    exe,
    `#!/bin/sh\n# ${PLACEHOLDER_MARKER}: electron-builder layout check only, not a runtime.\necho "placeholder Electron runtime: Caja cannot run from this build" >&2\nexit 3\n`,
  );
  chmodSync(exe, 0o755);
  writeFileSync(join(dir, 'chrome-sandbox'), `${PLACEHOLDER_MARKER}\n`);
  writeFileSync(join(dir, 'LICENSE'), `${PLACEHOLDER_MARKER}\n`);
  writeFileSync(join(dir, 'locales', 'es-419.pak'), '');
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
  return dir;
};
