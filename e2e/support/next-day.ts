import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ControlledCentral } from './central-control';
import { CHROMIUM_ARGS } from './fixtures';
import { startHost } from './host';

/** Monday 1 March 2027 and Tuesday 2 March, 09:00 in Bogotá (neither is a holiday): the next-day specs' two days. */
export const MONDAY = '2027-03-01T14:00:00.000Z';
export const TUESDAY = '2027-03-02T14:00:00.000Z';

/**
 * One workstation over several business days: each day is the browser host started on the same data directory
 * (its SQLite file and its demo central's) with its clock at that day (`CAJA_CLOCK_START`, README), as the
 * machine is switched on each morning, and a fresh Chromium page on it. `day(iso, steps)` runs `steps` that day.
 */
export const overDays = async (run: (day: (startAt: string, steps: (app: Page) => Promise<void>) => Promise<void>) => Promise<void>) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'caja-e2e-days-'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    await run(async (startAt, steps) => {
      const host = await startHost({ CAJA_CLOCK_START: startAt }, { dataDir });
      const page = await browser.newPage();
      try {
        await page.goto(host.launchUrl);
        await steps(page);
      } finally {
        await page.close();
        await host.stop();
      }
    });
  } finally {
    await browser.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

/**
 * One day of workstation 001-03 on a host started on an empty data directory against `central`, its clock at
 * `startAt`: a reinstalled or replaced machine under the same workstation id, which knows only what central kept.
 */
export const dayOnEmptyData = async (central: ControlledCentral, startAt: string, steps: (app: Page) => Promise<void>) => {
  const host = await startHost({ CAJA_CLOCK_START: startAt, CAJA_CENTRAL_URL: central.url, CAJA_CENTRAL_TOKEN: central.token() });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(host.launchUrl);
    await steps(page);
  } finally {
    await browser.close();
    await host.stop();
  }
};
