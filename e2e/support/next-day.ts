import { chromium, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ControlledCentral } from './central-control';
import { CHROMIUM_ARGS } from './fixtures';
import { startHost } from './host';
import { DEMO, expectHome, login } from './pages';
import { openAndCloseSquared } from './till';

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

/**
 * Monday on an empty data directory against `central`: the till opened and closed squared ($ 2.030.000), and that close
 * at central before the machine is wiped (it travels through the outbox). The reinstall specs start from here.
 */
export const closedMondayAtCentral = (central: ControlledCentral) =>
  dayOnEmptyData(central, MONDAY, async (app) => {
    await openAndCloseSquared(app);
    await expect
      .poll(async () => {
        const r = await central.client().call('lastTillClose', { workstation: '001-03', tillCode: '03' });
        return r.ok ? r.data.lastClose?.counted : null;
      }, { timeout: 45_000 })
      .toBe(2_030_000);
  });

/**
 * The teller's first Inicio of the next day: the lapsed request is told once (`told`), the journal keeps "Solicitada"
 * and "Vencida" for it, and back at Inicio the notice is gone.
 */
export const lapseToldOnce = async (app: Page, told: string) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  const lapsed = app.getByTestId('request-lapsed');
  await expect(lapsed).toHaveText(told);
  await app.keyboard.press('F5');
  await app.getByLabel('Tipo de evento').selectOption('approval');
  await app.getByRole('button', { name: 'Buscar' }).click();
  const rows = app.getByRole('table', { name: 'Registros del diario' });
  await expect(rows).toContainText('Solicitada');
  await expect(rows).toContainText('Vencida');
  await app.keyboard.press('Escape');
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  await expect(lapsed).toHaveCount(0);
};
