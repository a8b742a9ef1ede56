/**
 * Bundles the Electron shell with esbuild into `out/electron/{main,preload,core-process}.cjs`.
 * - main and core-process: CJS for Electron's Node; native modules stay external (electron-builder packs them
 *   from node_modules and unpacks their `.node` files, see electron-builder.yml).
 * - preload: ONE self-contained CJS file, because a sandboxed preload may only `require('electron')` (and a few
 *   polyfilled built-ins); nothing from node_modules. `checkPreload` enforces it.
 * Run: `npx tsx build/electron/build.ts [outDir]`.
 */
import { build, type BuildOptions } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHELL = join(ROOT, 'main', 'host', 'electron');

/** Native addons (ABI-specific or N-API): loaded from node_modules at run time, never bundled. */
export const NATIVE_EXTERNALS = ['better-sqlite3', 'node-hid', 'serialport', '@serialport/*', 'bindings', 'node-gyp-build'];
/** Electron 45 ships Node 22; keep syntax at what it runs. */
const NODE_TARGET = 'node22';

/** What a sandboxed preload's `require` can load (Electron docs, "Process Sandboxing": preload scripts). */
export const SANDBOX_PRELOAD_REQUIRES = new Set(['electron', 'events', 'timers', 'url']);

const common: BuildOptions = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: NODE_TARGET,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // `import.meta.url` has no meaning in CJS; the shell uses `__dirname` instead. Fail if anything relies on it.
  define: { 'import.meta.url': '__caja_import_meta_url_is_not_available_in_cjs__' },
};

export interface BuiltElectron {
  main: string;
  preload: string;
  coreProcess: string;
}

export const buildElectron = async (outDir = join(ROOT, 'out', 'electron')): Promise<BuiltElectron> => {
  const out = (name: string) => join(outDir, `${name}.cjs`);
  await Promise.all([
    build({ ...common, entryPoints: [join(SHELL, 'main.ts')], outfile: out('main'), external: ['electron', ...NATIVE_EXTERNALS] }),
    build({ ...common, entryPoints: [join(SHELL, 'core-process.ts')], outfile: out('core-process'), external: ['electron', ...NATIVE_EXTERNALS] }),
    // No externals but electron: every other import is inlined, so the sandbox never has to resolve a module.
    build({ ...common, entryPoints: [join(SHELL, 'preload.ts')], outfile: out('preload'), external: ['electron'] }),
  ]);
  const built = { main: out('main'), preload: out('preload'), coreProcess: out('core-process') };
  checkPreload(readFileSync(built.preload, 'utf8'));
  return built;
};

/** Every `require("x")` in a bundle. */
export const requiresIn = (code: string): string[] =>
  [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1] ?? '');

/** Throws when the preload would need something a sandboxed preload cannot `require`. */
export const checkPreload = (code: string): void => {
  const bad = requiresIn(code).filter((r) => !SANDBOX_PRELOAD_REQUIRES.has(r));
  if (bad.length) throw new Error(`preload.cjs requires modules a sandboxed preload cannot load: ${[...new Set(bad)].join(', ')}`);
  if (/\brequire\(\s*[^"'`\s)]/.test(code)) throw new Error('preload.cjs has a dynamic require(), which the sandbox cannot resolve');
};

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = process.argv[2] ? resolve(process.argv[2]) : undefined;
  const built = await buildElectron(outDir);
  for (const file of Object.values(built)) console.log(`built ${file}`);
}
