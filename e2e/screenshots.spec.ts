import { test, expect } from './support/fixtures';
import { DEMO, expectHome, login } from './support/pages';
import { openAccount, openTill, supervisorApproves, nextOperation } from './support/comprobante';

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
  await expect(app.getByTestId('till-summary')).toContainText('abierta');
  await app.keyboard.press('F11');
  await expect(app.getByRole('heading', { name: 'Sesión bloqueada' })).toBeVisible();
  await shot(app, 'locked');
});

test('walks the counter screens (README screenshots)', async ({ app }) => {
  await app.setViewportSize({ width: 1200, height: 820 });
  await openTill(app);
  await shot(app, 'home-open');
  // A cash and cheque deposit: the cheque goes to canje with its release date.
  await openAccount(app, 'F3', 'Consignación', '240000000086');
  for (const r of ['3', '4']) {
    await app.keyboard.type(r);
    await app.keyboard.press('Enter');
  }
  await app.keyboard.press('F8');
  await app.getByLabel('Banco (código)').fill('07');
  await app.getByLabel('No. cheque').fill('1234567');
  await app.getByLabel('Cuenta girador').fill('11122233');
  await app.locator('#chq-amount-0').fill('800000');
  await app.getByLabel('Total del comprobante').fill('1300000');
  await shot(app, 'deposit');
  await app.getByLabel('Total del comprobante').press('Enter');
  const deposit = app.getByRole('dialog', { name: 'Confirmar consignación' });
  await expect(deposit.getByTestId('holds')).toContainText('en canje, disponible desde');
  await shot(app, 'deposit-confirm');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt-words')).toBeVisible();
  await shot(app, 'deposit-receipt');
  await nextOperation(app);
  // A withdrawal above the visación amount: the supervisor approves at this workstation.
  await openAccount(app, 'F4', 'Retiro', '240000000029');
  await app.keyboard.type('6000000');
  await app.keyboard.press('Enter');
  const approval = app.getByRole('dialog', { name: 'Aprobación del supervisor' });
  await expect(approval.getByTestId('approval-reasons')).toContainText('visación');
  await shot(app, 'withdrawal-approval');
  await supervisorApproves(app, 'visación');
  await expect(app.getByRole('dialog', { name: 'Confirmar retiro' }).getByTestId('payout-mix')).toBeVisible();
  await shot(app, 'withdrawal-confirm');
});
