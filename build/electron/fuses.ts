import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

/**
 * Every Electron fuse decided explicitly (architecture anchors §9). `strictlyRequireAllFuses` makes a fuse added
 * by a future Electron fail the build until someone decides it here. The e2e test build (`CAJA_TEST_BUILD=1`)
 * differs only in the inspect fuse, which Playwright needs to attach.
 */
export const fuseConfig = (opts: { testBuild: boolean; resetAdHocDarwinSignature?: boolean }): FuseV1Config => ({
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  resetAdHocDarwinSignature: opts.resetAdHocDarwinSignature ?? false,
  // ELECTRON_RUN_AS_NODE would turn the signed binary into a plain Node. utilityProcess does not need it.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: opts.testBuild,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The UI is served from app://, so file:// needs no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Electron's default; keeps WebAssembly bounds checks in hardware (faster, same safety).
  [FuseV1Options.WasmTrapHandlers]: true,
});

export const isTestBuild = (env: NodeJS.ProcessEnv): boolean => env.CAJA_TEST_BUILD === '1';
