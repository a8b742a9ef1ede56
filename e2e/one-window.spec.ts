import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, test, expect } from './support/fixtures';
import { DEMO, expectHome, login } from './support/pages';

/**
 * The browser host's launch URL opened in a second tab of the same browser (the same token): one live window per
 * workstation, as in Electron. The newer tab takes the session; the older one says so over the whole page and
 * gives it back only with "Usar aquí", which replaces the other tab in turn.
 */
const elsewhere = (page: Page) => page.getByRole('alertdialog', { name: 'Caja se abrió en otra ventana' });

test('a second tab on the launch URL takes the workstation; the first says so and takes it back with "Usar aquí"', async ({ host }, info) => {
  test.skip(info.project.name === 'electron', 'Electron has one window; the launch URL and its tabs exist only in the browser host.');
  // Two tabs of one browser profile, as a teller would open them (the fixture's page has a context of its own).
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext();
  const app = await context.newPage();
  await app.goto(host.launchUrl);
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);

  const second = await context.newPage();
  await second.goto(host.launchUrl);
  await expectHome(second, DEMO.teller.name);

  // The first tab no longer shows the session nor takes its keys.
  await expect(elsewhere(app)).toContainText('Esta ventana ya no atiende operaciones.');
  await expect(app.getByRole('heading', { name: 'Inicio' })).toHaveCount(0);
  await expect(app.getByTestId('status-user')).toHaveCount(0);
  await app.keyboard.press('F2');
  await expect(app.getByRole('heading', { name: 'Apertura de caja' })).toHaveCount(0);

  // "Usar aquí" (focused: Enter) takes it back, and the second tab is the one told now.
  await app.bringToFront();
  await expect(elsewhere(app).getByRole('button', { name: 'Usar aquí' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expectHome(app, DEMO.teller.name);
  await expect(elsewhere(second)).toBeVisible();
  await expect(second.getByTestId('status-user')).toHaveCount(0);

  // Reloading the live tab keeps it live (its token survives the reload) and the other stays replaced.
  await app.reload();
  await expectHome(app, DEMO.teller.name);
  await expect(elsewhere(app)).toHaveCount(0);
  await expect(elsewhere(second)).toBeVisible();
  await app.keyboard.press('F2');
  await expect(app.getByRole('heading', { name: 'Apertura de caja' })).toBeVisible();
  await browser.close();
});
