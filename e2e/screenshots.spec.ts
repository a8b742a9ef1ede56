import { test, expect } from './support/fixtures';
import { DEMO, expectHome, login } from './support/pages';

/**
 * Regenerates the README's screenshots when SCREENSHOTS=1 (`SCREENSHOTS=1 npx playwright test e2e/screenshots.spec.ts
 * --project=browser-host`); otherwise it only walks the same screens.
 */
const shot = async (page: import('@playwright/test').Page, name: string) => {
  if (process.env.SCREENSHOTS === '1') await page.screenshot({ path: `docs/screenshots/${name}.png` });
};

test('walks the first screens (README screenshots)', async ({ app }) => {
  await app.setViewportSize({ width: 1200, height: 820 });
  await expect(app.getByRole('heading', { name: 'Caja · Ingreso' })).toBeVisible();
  await shot(app, 'login');
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await shot(app, 'home');
  await app.keyboard.press('F2');
  for (const r of ['12', '30', '40', '20', '', '', '50', '60']) {
    if (r) await app.keyboard.type(r);
    await app.keyboard.press('Enter');
  }
  await app.getByLabel('Total contado (verificación)').fill('3780000');
  await shot(app, 'open-till');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('dialog', { name: 'Confirmar apertura' })).toBeVisible();
  await shot(app, 'open-till-confirm');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('till-summary')).toContainText('$ 3.780.000');
  await app.keyboard.press('F11');
  await expect(app.getByRole('heading', { name: 'Sesión bloqueada' })).toBeVisible();
  await shot(app, 'locked');
});
