import { test, expect } from './support/fixtures';
import { openTill } from './support/comprobante';

test('Inicio\'s letter keys work with Shift or Caps Lock on, as README writes them (T, R, C) (QA s35 A6-2)', async ({ app }) => {
  await openTill(app);
  const home = app.getByRole('heading', { name: 'Inicio' });
  await expect(home).toBeVisible();
  await app.keyboard.press('Shift+T');
  await expect(app.getByRole('heading', { name: 'Transferencia' })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(home).toBeVisible();
  // Caps Lock on: the key arrives as a capital without Shift.
  await app.keyboard.press('R');
  await expect(app.getByRole('heading', { name: 'Remesas al cobro' })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(home).toBeVisible();
  await app.keyboard.press('Shift+C');
  await expect(app.getByRole('heading', { name: 'Cheques en canje' })).toBeVisible();
});
