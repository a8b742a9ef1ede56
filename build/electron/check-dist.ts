/**
 * `npm run dist:check`: what can be proven about packaging on a machine that cannot download the Electron
 * runtime. 1) The builder configuration: electron-builder's own schema plus Caja's policy (asar, unpacked
 * addons, no npm rebuild, hooks, deb depends, NSIS per-machine, install scripts, every fuse decided).
 * 2) The unpacked Linux layout (`--dir`), built against a placeholder runtime given as `electronDist`: the app
 * files, the asar listing and the native addons under app.asar.unpacked. The fuses step is skipped against the
 * placeholder (they need a real Electron binary) and the output says so.
 * Run: `node --import tsx build/electron/check-dist.ts [--config-only] [--keep]`. Exit code 1 on any problem.
 */
import { getRawHeader, listPackage, extractFile } from '@electron/asar';
import { FuseV1Options } from '@electron/fuses';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build as buildVite } from 'vite';
import { buildElectron, ROOT } from './build';
import { fuseConfig } from './fuses';
import { PLACEHOLDER_MARKER, writePlaceholderRuntime } from './placeholder-runtime';

type Config = Record<string, unknown> & {
  asar?: unknown;
  asarUnpack?: unknown;
  npmRebuild?: unknown;
  beforePack?: unknown;
  afterPack?: unknown;
  files?: unknown;
  linux?: { target?: unknown; executableName?: unknown };
  deb?: { depends?: unknown; afterInstall?: unknown; afterRemove?: unknown };
  win?: { target?: unknown; signExts?: unknown };
  nsis?: { oneClick?: unknown; perMachine?: unknown };
  extraResources?: unknown;
};

export const CONFIG_FILE = 'electron-builder.yml';
export const UDEV_RULES = 'build/udev/99-caja-devices.rules';
const REQUIRED_DEB_DEPENDS = ['libusb-1.0-0', 'libudev1', 'libgtk-3-0', 'libnss3', 'libgbm1'];
/** Macros electron-builder substitutes in deb scripts (FpmTarget `bashTemplateOptions`); others abort the build. */
const SCRIPT_MACROS = new Set(['executable', 'sanitizedProductName', 'productFilename']);

const targetsOf = (t: unknown): string[] =>
  (Array.isArray(t) ? t : [t]).map((x) => (typeof x === 'string' ? x : ((x as { target?: string })?.target ?? ''))).filter(Boolean);

/** electron-builder's own view of the file: loaded, extended and validated against its JSON schema. */
export const loadBuilderConfig = async (): Promise<Config> => {
  const { getConfig, validateConfiguration } = await import('app-builder-lib/out/util/config/config.js');
  const { DebugLogger } = await import('builder-util');
  const config = (await getConfig(ROOT, join(ROOT, CONFIG_FILE), null)) as Config;
  await validateConfiguration(config as never, new DebugLogger(false));
  return config;
};

/** Caja's packaging policy (architecture anchors §9); each string is a problem. */
export const policyProblems = (c: Config): string[] => {
  const p: string[] = [];
  const req = (ok: boolean, why: string) => {
    if (!ok) p.push(why);
  };
  req(c.asar === true, 'asar must be true');
  req(Array.isArray(c.asarUnpack) && c.asarUnpack.includes('**/*.node'), "asarUnpack must include '**/*.node'");
  req(c.npmRebuild === false, 'npmRebuild must be false (N-API addons are not rebuilt; better-sqlite3 is rebuilt in beforePack)');
  for (const [hook, file] of [['beforePack', c.beforePack], ['afterPack', c.afterPack]] as const) {
    req(typeof file === 'string' && existsSync(join(ROOT, file)), `${hook} must name an existing hook file (got ${String(file)})`);
  }
  req(targetsOf(c.linux?.target).includes('deb') && targetsOf(c.linux?.target).includes('AppImage'), 'linux targets must be deb and AppImage');
  const depends = Array.isArray(c.deb?.depends) ? (c.deb.depends as string[]) : [];
  for (const d of REQUIRED_DEB_DEPENDS) req(depends.includes(d), `deb.depends must include ${d}`);
  for (const key of ['afterInstall', 'afterRemove'] as const) {
    const file = c.deb?.[key];
    if (typeof file !== 'string' || !existsSync(join(ROOT, file))) {
      p.push(`deb.${key} must name an existing script`);
      continue;
    }
    p.push(...scriptProblems(key, readFileSync(join(ROOT, file), 'utf8')));
  }
  req(targetsOf(c.win?.target).includes('nsis'), 'win target must be nsis');
  req(c.nsis?.oneClick === false && c.nsis?.perMachine === true, 'nsis must be oneClick: false, perMachine: true');
  req(Array.isArray(c.win?.signExts) && (c.win.signExts as string[]).includes('.node'), 'win.signExts must include .node');
  const extra = JSON.stringify(c.extraResources ?? []);
  req(extra.includes(UDEV_RULES), `extraResources must ship ${UDEV_RULES}`);
  // Every fuse the installed @electron/fuses knows must be decided (strictlyRequireAllFuses).
  const fuses = fuseConfig({ testBuild: false }) as unknown as Record<string, unknown>;
  for (const [name, index] of Object.entries(FuseV1Options).filter(([, v]) => typeof v === 'number')) {
    req(typeof fuses[String(index)] === 'boolean', `fuse ${name} is not decided in build/electron/fuses.ts`);
  }
  return p;
};

/** Renders a deb script the way electron-builder does and checks it with `bash -n`. */
export const scriptProblems = (name: string, template: string): string[] => {
  const unknown = [...template.matchAll(/\$\{([a-zA-Z]+)\}/g)].map((m) => m[1] ?? '').filter((m) => !SCRIPT_MACROS.has(m));
  if (unknown.length) return [`${name}: \${${unknown[0]}} is not an electron-builder macro (write shell variables as $NAME)`];
  const rendered = template.replace(/\$\{([a-zA-Z]+)\}/g, (_m, k: string) => (k === 'executable' ? 'caja' : 'Caja'));
  try {
    execFileSync('bash', ['-n'], { input: rendered, stdio: ['pipe', 'ignore', 'pipe'] });
  } catch (err) {
    return [`${name}: bash -n failed: ${String((err as { stderr?: Buffer }).stderr ?? err)}`];
  }
  return [];
};

const asarEntry = (header: unknown, path: string): { unpacked?: boolean } | null => {
  let node = header as { files?: Record<string, unknown> } | undefined;
  for (const part of path.split('/').filter(Boolean)) node = node?.files?.[part] as typeof node;
  return (node as { unpacked?: boolean } | undefined) ?? null;
};

/** Checks an unpacked Linux app folder (`linux-unpacked`). Returns problems and notes for the report. */
export const layoutProblems = (appDir: string, executableName: string): { problems: string[]; notes: string[] } => {
  const problems: string[] = [];
  const notes: string[] = [];
  const need = (ok: boolean, why: string) => {
    if (!ok) problems.push(why);
  };
  const exe = join(appDir, executableName);
  need(existsSync(exe), `executable ${executableName} missing (electron was not renamed)`);
  need(existsSync(join(appDir, 'chrome-sandbox')), 'chrome-sandbox missing');
  const asar = join(appDir, 'resources', 'app.asar');
  if (!existsSync(asar)) return { problems: [...problems, 'resources/app.asar missing'], notes };
  const files = listPackage(asar, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
  notes.push(`app.asar: ${files.length} entries, ${(statSync(asar).size / 1e6).toFixed(1)} MB`);
  for (const f of ['/package.json', '/out/electron/main.cjs', '/out/electron/preload.cjs', '/out/electron/core-process.cjs', '/out/renderer/index.html']) {
    need(files.includes(f), `app.asar lacks ${f}`);
  }
  const pkg = JSON.parse(extractFile(asar, 'package.json').toString()) as { main?: string };
  need(pkg.main === 'out/electron/main.cjs', `packaged package.json main is ${pkg.main}`);
  need(!files.some((f) => f.startsWith('/out/') && f.endsWith('.map')), 'source maps of the app were packed');
  need(!files.some((f) => /^\/(domain|main|renderer|drivers|central|e2e|build)\//.test(f)), 'TypeScript sources were packed');
  for (const dev of ['electron', 'vite', 'react', 'electron-builder', 'typescript', 'vitest', '@playwright']) {
    need(!files.some((f) => f.startsWith(`/node_modules/${dev}/`)), `devDependency ${dev} was packed`);
  }
  for (const dep of ['better-sqlite3', 'node-hid', '@serialport/bindings-cpp']) {
    need(files.includes(`/node_modules/${dep}/package.json`), `dependency ${dep} missing from app.asar`);
  }
  const header = getRawHeader(asar).header;
  const natives = files.filter((f) => f.endsWith('.node'));
  need(natives.some((f) => f.includes('better_sqlite3.node')), 'better_sqlite3.node not packed');
  need(natives.some((f) => f.startsWith('/node_modules/node-hid/')), 'node-hid prebuilds not packed');
  need(natives.some((f) => f.startsWith('/node_modules/@serialport/bindings-cpp/')), '@serialport/bindings-cpp prebuilds not packed');
  for (const f of natives) {
    need(asarEntry(header, f)?.unpacked === true, `${f} is inside the asar (native addons must be unpacked)`);
    need(existsSync(join(appDir, 'resources', 'app.asar.unpacked', f)), `${f} missing under app.asar.unpacked`);
  }
  notes.push(`native addons unpacked: ${natives.length} (${natives.filter((f) => f.includes('better_sqlite3')).join(', ')} …)`);
  const rules = join(appDir, 'resources', 'udev', '99-caja-devices.rules');
  if (existsSync(join(ROOT, UDEV_RULES))) need(existsSync(rules), 'udev rules not shipped in resources/udev');
  else notes.push(`${UDEV_RULES} does not exist yet (drivers team): the deb would install no rules`);
  return { problems, notes };
};

/** Builds renderer (if needed) and shell bundles, then `electron-builder --linux --dir` against the placeholder. */
export const packUnpacked = async (work: string): Promise<string> => {
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) {
    await buildVite({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  }
  await buildElectron();
  const dist = writePlaceholderRuntime(join(work, 'electron-dist'));
  const output = join(work, 'dist');
  process.env.CAJA_PLACEHOLDER_RUNTIME = '1';
  const { build, Platform, Arch } = await import('electron-builder');
  await build({
    projectDir: ROOT,
    config: { electronDist: dist, directories: { output }, publish: null } as never,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
  });
  return join(output, 'linux-unpacked');
};

const main = async () => {
  const configOnly = process.argv.includes('--config-only');
  const keep = process.argv.includes('--keep');
  const config = await loadBuilderConfig();
  console.log(`CHECK config: ${CONFIG_FILE} passes electron-builder's schema`);
  const policy = policyProblems(config);
  for (const p of policy) console.log(`PROBLEM config: ${p}`);
  if (!policy.length) console.log('CHECK config: Caja packaging policy holds (asar, unpack, rebuild, hooks, deb, nsis, scripts, fuses)');
  if (configOnly) process.exit(policy.length ? 1 : 0);

  const work = mkdtempSync(join(tmpdir(), 'caja-dist-check-'));
  let problems = [...policy];
  try {
    const appDir = await packUnpacked(work);
    const exeName = String(config.linux?.executableName ?? 'caja');
    const layout = layoutProblems(appDir, exeName);
    const exe = readFileSync(join(appDir, exeName)).toString('latin1');
    layout.notes.push(exe.includes(PLACEHOLDER_MARKER) ? 'runtime: placeholder (the app cannot be started from this folder)' : 'runtime: real Electron');
    for (const n of layout.notes) console.log(`NOTE ${n}`);
    for (const p of layout.problems) console.log(`PROBLEM layout: ${p}`);
    if (!layout.problems.length) console.log(`CHECK layout: ${appDir} has the bundles, the UI, the dependencies and unpacked native addons`);
    console.log('SKIPPED fuses: not written, the placeholder runtime has no fuse wire; `npm run dist` writes them on a real binary');
    problems = [...problems, ...layout.problems];
  } finally {
    if (keep) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  console.log(problems.length ? `DIST_CHECK FAILED (${problems.length} problems)` : 'DIST_CHECK OK');
  process.exit(problems.length ? 1 : 0);
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err);
    console.log('DIST_CHECK FAILED (error)');
    process.exit(1);
  });
}
