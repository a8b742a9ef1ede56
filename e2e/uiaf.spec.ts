import { test, expect } from './support/fixtures';
import { openTill } from './support/comprobante';

test('a cash deposit of 10.000.000 needs the signed declaración de origen de fondos before it posts', async ({ app }) => {
  await openTill(app);
  await app.keyboard.press('F3');
  await app.keyboard.type('240000000029');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('account-panel')).toBeVisible();
  await app.locator('#denom-100000').fill('100');
  await app.getByLabel('Total del comprobante').fill('10000000');
  await app.getByLabel('Total del comprobante').press('Enter');
  const form = app.getByRole('dialog', { name: 'Declaración de origen de fondos' });
  await expect(form).toContainText('$ 10.000.000');
  await form.getByLabel('Dirección').fill('Calle 10 # 5-20, Bogotá');
  await form.getByLabel('Teléfono').fill('3101234502');
  await form.getByLabel('Origen de los fondos').fill('Venta de un vehículo particular');
  await form.getByLabel('Actividad económica').fill('Comerciante');
  await form.getByRole('button', { name: /Guardar declaración/ }).click();
  await expect(form.getByRole('alert')).toContainText('firmada');
  await form.getByLabel('El cliente firmó la declaración').check();
  await form.getByRole('button', { name: /Guardar declaración/ }).click();
  await expect(app.getByRole('dialog', { name: 'Confirmar consignación' })).toContainText('UIAF');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt-words')).toHaveText('SON: DIEZ MILLONES DE PESOS M/CTE');
});
