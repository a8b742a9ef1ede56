import type { AfterPackContext as BeforePackContext } from 'electron-builder'; // same shape (PackContext)
import { Arch } from 'electron-builder';

/** ABI-specific addons rebuilt for Electron. node-hid and @serialport/bindings-cpp are N-API: never rebuilt. */
export const REBUILD_FOR_ELECTRON = ['better-sqlite3'] as const;

/**
 * electron-builder `beforePack` (npmRebuild is off, see electron-builder.yml): rebuilds better-sqlite3 in the
 * project's node_modules for Electron's ABI with `@electron/rebuild`, when that package is installed (it comes
 * with electron-builder). Needs the network (Electron headers) and a C++ toolchain. Afterwards node_modules
 * holds the Electron build: `npm rebuild better-sqlite3` gives Node's back (the `dist` script does it).
 * Skipped for the offline layout check (placeholder runtime) and with CAJA_SKIP_NATIVE_REBUILD=1.
 */
export const beforePack = async (ctx: BeforePackContext): Promise<void> => {
  if (process.env.CAJA_PLACEHOLDER_RUNTIME === '1' || process.env.CAJA_SKIP_NATIVE_REBUILD === '1') {
    console.log(`  • native rebuild SKIPPED (${REBUILD_FOR_ELECTRON.join(', ')} keep the ABI they were installed with)`);
    return;
  }
  let rebuild: typeof import('@electron/rebuild').rebuild;
  try {
    ({ rebuild } = await import('@electron/rebuild'));
  } catch {
    console.warn('  • @electron/rebuild is not installed: better-sqlite3 is packed as installed (Node ABI) and will not load in Electron');
    return;
  }
  const electronVersion = ctx.packager.config.electronVersion ?? ctx.packager.info.framework.version;
  await rebuild({
    buildPath: ctx.packager.info.projectDir,
    electronVersion,
    arch: Arch[ctx.arch],
    onlyModules: [...REBUILD_FOR_ELECTRON],
    force: true,
  });
  console.log(`  • rebuilt ${REBUILD_FOR_ELECTRON.join(', ')} for Electron ${electronVersion} (${Arch[ctx.arch]})`);
};
