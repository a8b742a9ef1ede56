import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { fuseConfig, isTestBuild } from './fuses';

// Architecture anchors §9, fuse table.
describe('fuseConfig', () => {
  const release = fuseConfig({ testBuild: false }) as unknown as Record<string, unknown>;

  it('decides every fuse the installed @electron/fuses knows, strictly', () => {
    expect(release.strictlyRequireAllFuses).toBe(true);
    expect(release.version).toBe(FuseVersion.V1);
    const indices = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    for (const i of indices) expect(typeof release[String(i)], `fuse ${FuseV1Options[i as number]}`).toBe('boolean');
  });

  it.each([
    ['RunAsNode', FuseV1Options.RunAsNode, false],
    ['EnableCookieEncryption', FuseV1Options.EnableCookieEncryption, true],
    ['EnableNodeOptionsEnvironmentVariable', FuseV1Options.EnableNodeOptionsEnvironmentVariable, false],
    ['EnableNodeCliInspectArguments', FuseV1Options.EnableNodeCliInspectArguments, false],
    ['EnableEmbeddedAsarIntegrityValidation', FuseV1Options.EnableEmbeddedAsarIntegrityValidation, true],
    ['OnlyLoadAppFromAsar', FuseV1Options.OnlyLoadAppFromAsar, true],
    ['LoadBrowserProcessSpecificV8Snapshot', FuseV1Options.LoadBrowserProcessSpecificV8Snapshot, false],
    ['GrantFileProtocolExtraPrivileges', FuseV1Options.GrantFileProtocolExtraPrivileges, false],
  ])('release build: %s = %s', (_name, index, value) => {
    expect(release[String(index)]).toBe(value);
  });

  it('the test build differs only in the inspect fuse', () => {
    const test = fuseConfig({ testBuild: true }) as unknown as Record<string, unknown>;
    const differing = Object.keys(release).filter((k) => release[k] !== test[k]);
    expect(differing).toEqual([String(FuseV1Options.EnableNodeCliInspectArguments)]);
    expect(test[String(FuseV1Options.EnableNodeCliInspectArguments)]).toBe(true);
  });

  it('is a test build only with CAJA_TEST_BUILD=1', () => {
    expect(isTestBuild({ CAJA_TEST_BUILD: '1' })).toBe(true);
    expect(isTestBuild({ CAJA_TEST_BUILD: 'true' })).toBe(false);
    expect(isTestBuild({})).toBe(false);
  });
});
