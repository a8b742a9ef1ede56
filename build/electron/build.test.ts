import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildElectron, checkPreload, requiresIn } from './build';

describe('build/electron/build.ts (esbuild bundles of the Electron shell)', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'caja-electron-build-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('writes main, preload and core-process as CJS bundles', async () => {
    const built = await buildElectron(outDir);
    for (const file of [built.main, built.preload, built.coreProcess]) expect(existsSync(file), file).toBe(true);
    expect(Object.values(built).map((f) => f.slice(outDir.length + 1)).sort()).toEqual(['core-process.cjs', 'main.cjs', 'preload.cjs']);
  }, 60_000);

  it('keeps the preload self-contained: its only require is electron (sandboxed preloads load nothing else)', () => {
    const preload = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
    expect(new Set(requiresIn(preload))).toEqual(new Set(['electron']));
    expect(preload).toContain('exposeInMainWorld');
    expect(preload).not.toMatch(/better-sqlite3|node-hid|serialport/);
  });

  it('leaves native modules to node_modules in the core bundle and keeps electron out of it', () => {
    const core = readFileSync(join(outDir, 'core-process.cjs'), 'utf8');
    expect(requiresIn(core)).toContain('better-sqlite3');
    expect(requiresIn(core)).not.toContain('electron');
    expect(requiresIn(readFileSync(join(outDir, 'main.cjs'), 'utf8'))).toContain('electron');
  });

  it('checkPreload refuses node_modules, Node built-ins the sandbox lacks and dynamic requires', () => {
    expect(() => checkPreload('require("electron");require("events")')).not.toThrow();
    expect(() => checkPreload('require("zod")')).toThrow(/zod/);
    expect(() => checkPreload("require('node:fs')")).toThrow(/node:fs/);
    expect(() => checkPreload('require(name)')).toThrow(/dynamic/);
  });
});
