import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ControlledCentral } from './central-control';
import { CHROMIUM_ARGS } from './fixtures';
import { startHost, type RunningHost } from './host';

export interface SecondWorkstation {
  /** A page on workstation 001-02, at its sign-in. */
  page: Page;
  host: RunningHost;
  /** Closes the browser, stops the host (again if the test stopped it) and removes its config. */
  close: () => Promise<void>;
}

/**
 * Workstation 001-02 (Caja 02): a second browser host on `central` beside the test's own (001-03), and a Chromium
 * page open on it. The caller closes it, in a `finally`.
 */
export const startSecondWorkstation = async (central: ControlledCentral): Promise<SecondWorkstation> => {
  const dir = mkdtempSync(join(tmpdir(), 'caja-e2e-ws02-'));
  const config = join(dir, 'config.json');
  writeFileSync(config, JSON.stringify({ workstation: { id: '001-02', tillCode: '02' } }));
  const host = await startHost({ CAJA_CONFIG: config, CAJA_CENTRAL_URL: central.url, CAJA_CENTRAL_TOKEN: central.token('001-02') });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const close = async () => {
    await browser.close();
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const page = await browser.newPage();
    await page.goto(host.launchUrl);
    return { page, host, close };
  } catch (e) {
    await close();
    throw e;
  }
};
