import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { policyProblems, scriptProblems } from './check-dist';
import { ROOT } from './build';

describe('check-dist policy (architecture anchors §9)', () => {
  const good = {
    asar: true,
    asarUnpack: ['**/*.node'],
    npmRebuild: false,
    beforePack: './build/electron/hooks/before-pack.ts',
    afterPack: './build/electron/hooks/after-pack.ts',
    linux: { target: ['deb', 'AppImage'] },
    deb: {
      depends: ['libusb-1.0-0', 'libudev1', 'libgtk-3-0', 'libnss3', 'libgbm1'],
      afterInstall: 'build/electron/linux/after-install.sh',
      afterRemove: 'build/electron/linux/after-remove.sh',
    },
    win: { target: ['nsis'], signExts: ['.node', '.dll'] },
    nsis: { oneClick: false, perMachine: true },
    extraResources: [{ from: 'build/udev/99-caja-devices.rules', to: 'udev/99-caja-devices.rules' }],
  };

  it('accepts the intended configuration', () => {
    expect(policyProblems(good)).toEqual([]);
  });

  it.each([
    ['asar off', { asar: false }, /asar must be true/],
    ['addons left in the asar', { asarUnpack: [] }, /asarUnpack/],
    ['npm rebuild of N-API addons', { npmRebuild: true }, /npmRebuild/],
    ['no libusb for node-hid', { deb: { ...good.deb, depends: ['libudev1'] } }, /libusb-1.0-0/],
    ['per-user NSIS', { nsis: { oneClick: true, perMachine: false } }, /perMachine/],
    ['missing hook file', { afterPack: './build/electron/hooks/nope.ts' }, /afterPack/],
  ])('refuses %s', (_why, patch, message) => {
    expect(policyProblems({ ...good, ...patch }).join('\n')).toMatch(message);
  });

  it('refuses a deb script that uses ${VAR} for a shell variable (electron-builder aborts on unknown macros)', () => {
    expect(scriptProblems('afterInstall', 'echo ${executable}')).toEqual([]);
    expect(scriptProblems('afterInstall', 'X=1; echo ${X}')[0]).toMatch(/not an electron-builder macro/);
    expect(scriptProblems('afterInstall', 'if then fi')[0]).toMatch(/bash -n failed/);
  });
});

// A real child process (electron-builder loads the TypeScript hooks through tsx's loader, not vitest's).
describe('npm run dist:check', () => {
  it('validates the config and builds the unpacked layout against a placeholder runtime', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'build/electron/check-dist.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 170_000,
      env: { ...process.env, CAJA_TEST_BUILD: '' },
    });
    const out = `${run.stdout}\n${run.stderr}`;
    expect(out, out).toContain('DIST_CHECK OK');
    expect(run.status).toBe(0);
    expect(out).toContain("CHECK config: electron-builder.yml passes electron-builder's schema");
    expect(out).toMatch(/CHECK layout: .*linux-unpacked has the bundles/);
    expect(out).toMatch(/native addons unpacked: \d+/);
    expect(out).toContain('fuses SKIPPED');
    expect(out).toContain('SKIPPED fuses: not written');
  }, 180_000);
});
