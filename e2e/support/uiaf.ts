import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { openAccount, openTill } from './comprobante';

/** A cash deposit to Juan's account (240000000029) in 100.000 bills, up to the declaration the core asks for. */
export const cashToJuan = async (app: Page, total: number) => {
  await openTill(app);
  await openAccount(app, 'F3', 'Consignación', '240000000029');
  await app.locator('#denom-100000').fill(String(total / 100_000));
  await app.getByLabel('Total del comprobante').fill(String(total));
  await app.getByLabel('Total del comprobante').press('Enter');
  return app.getByRole('dialog', { name: 'Declaración de origen de fondos' });
};

/** Juan deposits $ 10.000.000 in cash with the signed declaración de origen de fondos; the receipt is on screen. */
export const depositWithDeclaration = async (app: Page) => {
  const form = await cashToJuan(app, 10_000_000);
  await expect(form).toContainText('$ 10.000.000');
  // Why the UIAF asks, so the teller can tell the customer (the month's total says so the same way, domain/uiaf).
  await expect(form.getByTestId('decl-why')).toHaveText('Esta operación en efectivo es de $ 10.000.000 (desde $ 10.000.000 en una sola operación la UIAF exige la declaración).');
  await form.getByLabel('Dirección').fill('Calle 10 # 5-20, Bogotá');
  await form.getByLabel('Teléfono').fill('3101234502');
  await form.getByLabel('Origen de los fondos').fill('Venta de un vehículo particular');
  await form.getByLabel('Actividad económica').fill('Comerciante');
  await form.getByRole('button', { name: /Guardar declaración/ }).click();
  await expect(form.getByRole('alert')).toContainText('firmada');
  await form.getByLabel('El cliente firmó la declaración').check();
  await form.getByRole('button', { name: /Guardar declaración/ }).click();
  // Taken and signed just now: the confirmation says so instead of asking for it again.
  const confirm = app.getByRole('dialog', { name: 'Confirmar consignación' });
  await expect(confirm).toContainText('Efectivo sujeto a reporte UIAF: declaración de origen de fondos tomada y firmada por el cliente.');
  await expect(confirm).not.toContainText('requiere declaración');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt-words')).toHaveText('SON: DIEZ MILLONES DE PESOS M/CTE');
};
