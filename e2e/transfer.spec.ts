import { test, expect } from './support/fixtures';
import { openAccount, openTill } from './support/comprobante';

test('transfer (T): origin, destination, amount, GMF on its own line, receipt; no cash moves', async ({ app }) => {
  await openTill(app);
  await expect(app.getByTestId('till-summary')).toContainText('$ 8.497.000');
  await openAccount(app, 't', 'Transferencia', '240000000029');
  await expect(app.getByLabel('Cuenta de destino')).toBeFocused();
  await app.keyboard.type('240000000011');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('destination-panel')).toContainText('240000000011');
  await expect(app.getByLabel('Valor a trasladar')).toBeFocused();
  await app.keyboard.type('300000');
  await expect(app.getByLabel('Valor a trasladar')).toHaveValue('300.000');
  await app.keyboard.press('Enter');
  const confirm = app.getByRole('dialog', { name: 'Confirmar transferencia' });
  await expect(confirm.getByTestId('transfer-summary')).toContainText('GMF 4x1000');
  await expect(confirm.getByTestId('transfer-summary')).toContainText('$ 1.200');
  await expect(confirm.getByTestId('transfer-summary')).toContainText('$ 301.200');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: /Traslado registrado/ })).toBeVisible();
  await expect(app.getByTestId('receipt')).toContainText('****0011');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('till-summary')).toContainText('$ 8.497.000');
});
