import { test as base, chromium, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startHost, type RunningHost } from './host';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The Electron runtime's path when its binary is installed; null here, where it cannot be downloaded. */
export const electronRuntime = (): string | null => {
  try {
    const p = createRequire(import.meta.url)('electron') as unknown;
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
};

interface Fixtures {
  host: RunningHost;
  app: Page;
}

/**
 * `app` is the Caja UI on a fresh workstation database: in the browser-host project a Chromium page on the
 * host; in the electron project the first window of the real shell (skipped where the runtime is missing).
 */
export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await host.stop();
  },
  app: async ({ host }, use, testInfo) => {
    if (testInfo.project.name === 'electron') {
      const runtime = electronRuntime();
      test.skip(runtime === null, 'Electron runtime not installed on this machine (its download is not reachable); the browser-host project covers the same specs.');
      const { _electron } = await import('@playwright/test');
      const electronApp = await _electron.launch({
        executablePath: runtime ?? '',
        args: ['out/electron/main.cjs', `--user-data-dir=${host.dataDir}/electron`],
        env: { ...process.env, CAJA_DATA_DIR: `${host.dataDir}/electron-core` },
      });
      await use(await electronApp.firstWindow());
      await electronApp.close();
      return;
    }
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.launchUrl);
    await use(page);
    await browser.close();
    if (errors.length) throw new Error(`page errors:\n${errors.join('\n')}`);
  },
});

export { expect } from '@playwright/test';
