import { test as base, chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/**
 * The Electron runtime's path when its binary is installed; null here, where it cannot be downloaded. Reads
 * `electron/path.txt` instead of `require('electron')`, which tries to download the runtime on every call.
 * `ELECTRON_OVERRIDE_DIST_PATH` (electron's own variable) points at a runtime unpacked elsewhere.
 */
export { electronRuntime } from '../../main/host/electron-runtime';
import { electronRuntime } from '../../main/host/electron-runtime';

const SKIP_ELECTRON =
  'Electron runtime not installed on this machine (its download is not reachable); the browser-host project covers the same specs.';

interface Fixtures {
  host: RunningHost;
  app: Page;
  /** A browser-host page not yet opened on the host: for tests that route its traffic first (e.g. the bridge socket). */
  bare: Page;
}

/** A page of its own Chromium (opened on `url` when given); fails the test on any uncaught page error. */
const onBrowserPage = async (use: (page: Page) => Promise<void>, url?: string) => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (url) await page.goto(url);
  await use(page);
  await browser.close();
  if (errors.length) throw new Error(`page errors:\n${errors.join('\n')}`);
};

/**
 * `app` is the Caja UI on a fresh workstation database: in the browser-host project a Chromium page on the
 * host; in the electron project the first window of the real shell (skipped where the runtime is missing).
 */
export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use, testInfo) => {
    // Decide the skip before paying for a host the electron project would not use.
    test.skip(testInfo.project.name === 'electron' && electronRuntime() === null, SKIP_ELECTRON);
    const host = await startHost();
    await use(host);
    await host.stop();
  },
  app: async ({ host }, use, testInfo) => {
    if (testInfo.project.name === 'electron') {
      const runtime = electronRuntime();
      test.skip(runtime === null, SKIP_ELECTRON);
      const { _electron } = await import('@playwright/test');
      // A fresh profile and core data dir per test (Element's pattern): no session, cookie or database leaks
      // between tests, and a crashed run leaves nothing for the next one.
      const profile = mkdtempSync(join(tmpdir(), 'caja-electron-'));
      const electronApp = await _electron.launch({
        executablePath: runtime ?? '',
        args: ['out/electron/main.cjs', `--user-data-dir=${join(profile, 'user-data')}`],
        env: {
          ...process.env,
          CAJA_USER_DATA_DIR: join(profile, 'user-data'),
          CAJA_DATA_DIR: join(profile, 'core'),
        },
      });
      try {
        const window = await electronApp.firstWindow();
        await window.waitForLoadState('domcontentloaded');
        await use(window);
      } finally {
        await electronApp.close();
        rmSync(profile, { recursive: true, force: true });
      }
      return;
    }
    await onBrowserPage(use, host.launchUrl);
  },
  // eslint-disable-next-line no-empty-pattern
  bare: async ({}, use, testInfo) => {
    test.skip(testInfo.project.name === 'electron', 'a page the test routes before it opens exists only in the browser-host project');
    await onBrowserPage(use);
  },
});

export { expect } from '@playwright/test';
