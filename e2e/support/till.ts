import { expect, type Page } from '@playwright/test';
import { DEMO, expectHome, login } from './pages';

/** Shared steps of the till's own specs (open, count, close), keyboard only as a teller counts. */

/** Types a count row by row (Enter moves down), largest denomination first, as tellers count. */
export const typeCount = async (app: Page, rows: string[]) => {
  for (const r of rows) {
    if (r) await app.keyboard.type(r);
    await app.keyboard.press('Enter');
  }
};

// 100.000 × 10, 50.000 × 20, 1.000 × 30 = $ 2.030.000
export const OPENING = ['10', '20', '', '', '', '', '30', '', '', '', ''];

/** The demo teller opens the till with OPENING. */
export const openTill = async (app: Page) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await app.keyboard.press('F2');
  await typeCount(app, OPENING);
  await app.keyboard.type('2030000');
  await app.keyboard.press('Enter');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('status-till')).toHaveText('Caja abierta');
};

/** `user` signs in and opens their till with $ 2.000.000 (100.000 × 10, 50.000 × 20): the two-workstation specs. */
export const openTillAs = async (page: Page, user: { username: string; password: string; name: string }) => {
  await login(page, user);
  await expectHome(page, user.name);
  await page.keyboard.press('F2');
  await typeCount(page, ['10', '20', '', '', '', '', '', '', '', '', '']);
  await page.keyboard.type('2000000');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('status-till')).toHaveText('Caja abierta');
};

/** Opens the close screen and waits for the blind count grid (it appears once the gate is read). */
export const startCount = async (app: Page) => {
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  await app.keyboard.press('F6');
  await expect(app.getByTestId('arqueo-hint')).toBeVisible();
  await app.getByLabel('$ 100.000 billete').focus();
};

/** The teller opens the till with OPENING, counts the same at the close and closes it (F10): the report is shown. */
export const openAndCloseSquared = async (app: Page) => {
  await openTill(app);
  await startCount(app);
  await typeCount(app, OPENING);
  await expect(app.getByTestId('arqueo-result')).toContainText('Caja cuadrada');
  await app.keyboard.press('F10');
  await expect(app.getByTestId('close-report')).toContainText('CAJA CUADRADA');
};

/** At Inicio, a till the teller closed today: F2 refuses and points to F6; Esc and F6 show the closed till. */
export const closedTodayToF6 = async (app: Page) => {
  await app.keyboard.press('F2');
  await expect(app.getByRole('alert')).toContainText('Usted ya cerró la caja 03 hoy. Para volver a atender pida la reapertura en Cierre de caja (F6)');
  await app.keyboard.press('Escape');
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  await app.keyboard.press('F6');
  await expect(app.getByRole('heading', { name: 'Caja cerrada' })).toBeVisible();
};
