import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { fillCheque, openAccount, openTill } from './support/comprobante';

/** A Bogotá cheque deposited in Bogotá goes to canje (seed 003 cl. 3.9). */
const depositCanje = async (app: Page) => {
  await openAccount(app, 'F3', 'Consignación', '240000000086');
  await fillCheque(app, { bank: '07', number: '1234567', drawerAccount: '11122233', amount: 800_000 });
  const dialog = app.getByRole('dialog', { name: 'Confirmar consignación' });
  await expect(dialog.getByTestId('holds')).toContainText('en canje');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt')).toContainText('Cheques recibidos sujetos a verificación');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
};

test('a canje cheque returned by the clearing house: causal, fee, receipt, and the list shows it devuelto', async ({ app }) => {
  await openTill(app);
  await depositCanje(app);
  await app.keyboard.press('c');
  await expect(app.getByRole('heading', { name: 'Cheques en canje' })).toBeVisible();
  const list = app.getByTestId('canje-cheques');
  await expect(list).toBeFocused();
  await expect(list).toContainText('240000000086');
  await expect(list).toContainText('1234567');
  await expect(list).toContainText('$ 800.000');
  await expect(app.getByTestId('canje-status')).toHaveText('En canje');
  await app.keyboard.press('d');
  const dialog = app.getByRole('dialog', { name: 'Devolver cheque' });
  await expect(dialog.getByLabel('Causal de devolución')).toBeFocused();
  await dialog.getByLabel('Causal de devolución').selectOption('fondos-insuficientes');
  await expect(dialog.getByLabel('Cobrar comisión por cheque devuelto')).toBeChecked();
  await dialog.getByLabel('Causal de devolución').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(app.getByTestId('canje-status')).toHaveText(/Devuelto \(Fondos insuficientes\) · comisión \$ 15\.000/);
  const returned = app.getByTestId('canje-returned');
  await expect(returned).toContainText('Reclámelo en la oficina');
  await expect(returned.getByTestId('receipt')).toContainText('DEVOLUCIÓN DE CHEQUE EN CANJE');
  await expect(returned.getByTestId('receipt')).toContainText('Comisión cheque devuelto');
  await expect(returned.getByTestId('receipt-words')).toHaveText('SON: OCHOCIENTOS MIL PESOS M/CTE');
  // Returned once: the row offers no second return.
  await expect(list.getByRole('button', { name: /Devuelto/ })).toHaveCount(0);
});
