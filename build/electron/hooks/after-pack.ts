import { flipFuses } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fuseConfig, isTestBuild } from '../fuses';
import { PLACEHOLDER_MARKER } from '../placeholder-runtime';

/** Where electron-builder left the Electron binary for this platform. */
export const electronBinaryPath = (ctx: Pick<AfterPackContext, 'appOutDir' | 'electronPlatformName' | 'packager'>): string => {
  const { productFilename } = ctx.packager.appInfo;
  switch (ctx.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(ctx.appOutDir, `${productFilename}.app`);
    case 'win32':
      return join(ctx.appOutDir, `${productFilename}.exe`);
    default:
      return join(ctx.appOutDir, (ctx.packager as unknown as { executableName: string }).executableName);
  }
};

/**
 * electron-builder `afterPack`: writes every fuse (build/electron/fuses.ts). The offline layout check
 * (check-dist.ts) packs against a placeholder runtime, a shell script with no fuse wire; the hook skips it then,
 * and only then: the placeholder must be both announced (CAJA_PLACEHOLDER_RUNTIME=1) and recognised.
 */
export const afterPack = async (ctx: AfterPackContext): Promise<void> => {
  const binary = electronBinaryPath(ctx);
  if (process.env.CAJA_PLACEHOLDER_RUNTIME === '1') {
    let isPlaceholder: boolean;
    try {
      isPlaceholder = readFileSync(binary).subarray(0, 4096).toString('latin1').includes(PLACEHOLDER_MARKER);
    } catch {
      isPlaceholder = false;
    }
    if (!isPlaceholder) throw new Error(`CAJA_PLACEHOLDER_RUNTIME=1 but ${binary} is a real Electron binary: refusing to skip the fuses`);
    console.log(`  • fuses SKIPPED: ${binary} is the placeholder runtime (fuses need a real Electron binary)`);
    return;
  }
  const testBuild = isTestBuild(process.env);
  await flipFuses(binary, fuseConfig({ testBuild, resetAdHocDarwinSignature: ctx.electronPlatformName === 'darwin' }));
  console.log(`  • fuses written to ${binary}${testBuild ? ' (TEST BUILD: inspect arguments enabled)' : ''}`);
};
