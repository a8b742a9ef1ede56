import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { fillCheque, openAccount, openTill, nextOperation } from './support/comprobante';

/** A Medellín cheque deposited in Bogotá goes to remesa al cobro (seed 003 cl. 3.9). */
const depositRemesa = async (app: Page) => {
  await openAccount(app, 'F3', 'Consignación', '240000000029');
  await fillCheque(app, { bank: '13', number: '555', drawerAccount: '99988877', amount: 2_000_000, city: 'Medellín' });
  const dialog = app.getByRole('dialog', { name: 'Confirmar consignación' });
  await expect(dialog.getByTestId('holds')).toContainText('remesa');
  // The commission, line by line, comes out of the available balance today; the cheque adds to it when paid.
  await expect(dialog.getByTestId('deposit-summary')).toContainText('Comisión remesa, cheque 1');
  await expect(dialog.getByTestId('available-today')).toHaveText('$ 15.000 (comisión $ 15.000; los cheques se abonan al pagarse)');
  await expect(dialog.getByRole('row', { name: /Se debita hoy de la cuenta/ })).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt')).toContainText('Cheques recibidos sujetos a verificación');
  await expect(app.getByTestId('receipt')).toContainText('remesa al cobro (Medellín), fecha estimada');
  await nextOperation(app);
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
};

test('remesa al cobro: received, sent, paid', async ({ app }) => {
  await openTill(app);
  await depositRemesa(app);
  await app.keyboard.press('r');
  await expect(app.getByRole('heading', { name: 'Remesas al cobro' })).toBeVisible();
  const status = app.getByTestId('remittance-status');
  await expect(status).toHaveText('Recibida');
  await expect(app.getByTestId('remittances')).toBeFocused();
  // The drawee bank by its name and the plaza chosen from the list, not their codes (013, 05001).
  await expect(app.getByTestId('remittances')).toContainText('BBVA Colombia · 555');
  await expect(app.getByTestId('remittances')).toContainText('Medellín');
  // Not sent yet, so it cannot have come back: said at once, no causal asked.
  await app.keyboard.press('d');
  await expect(app.getByRole('alert')).toContainText('márquela enviada (E)');
  await expect(app.getByRole('dialog', { name: 'Devolver cheque' })).toBeHidden();
  // P says the same: what to do first, not "la remesa está recibida; no se puede pagar".
  await app.keyboard.press('p');
  await expect(app.getByRole('alert')).toContainText('márquela enviada (E) cuando la despache');
  await app.keyboard.press('e');
  const asked = app.getByRole('dialog', { name: 'Confirmar remesa enviada' });
  await expect(asked).toContainText('¿Confirma que la remesa 555 de BBVA Colombia por $ 2.000.000 de la cuenta ****0029 se envió al banco girado?');
  await app.keyboard.press('Enter');
  await expect(status).toHaveText('Enviada');
  await expect(app.getByTestId('remittance-moved')).toHaveText('Remesa 555 marcada enviada al banco girado.');
  // Before: P marked it paid at once, its whole value withdrawable, before the date it was expected (seed 003 cl. 3.9).
  await app.keyboard.press('p');
  const paying = app.getByRole('dialog', { name: 'Confirmar remesa pagada' });
  await expect(paying).toContainText('¿Confirma que el banco girado pagó la remesa 555 de BBVA Colombia por $ 2.000.000 a la cuenta ****0029? Su valor queda disponible para retirar.');
  await expect(paying).toContainText(/Atención: se esperaba pagada el \d{2}\/\d{2}\/\d{4}; la marca antes de esa fecha/);
  await expect(paying).toContainText('Enter confirma, Esc cancela.');
  await app.keyboard.press('Escape');
  await expect(paying).toBeHidden();
  await expect(app.getByRole('heading', { name: 'Remesas al cobro' })).toBeVisible();
  await expect(status).toHaveText('Enviada');
  await expect(app.getByTestId('remittances')).toBeFocused();
  await app.keyboard.press('p');
  await app.keyboard.press('Enter');
  await expect(status).toHaveText('Pagada');
  await expect(app.getByTestId('remittance-moved')).toHaveText('Remesa 555 marcada pagada: $ 2.000.000 quedan disponibles en la cuenta ****0029.');
  await expect(app.getByTestId('remittances')).toContainText(/pagada \d{2}\/\d{2}\/\d{4}/);
  await app.keyboard.press('p');
  await expect(app.getByRole('alert')).toContainText(/ya pagó esta remesa el \d{2}\/\d{2}\/\d{4}: no queda nada por hacer con ella/);
  await app.keyboard.press('d');
  await expect(app.getByRole('alert')).toContainText('ya pagó esta remesa');
});

test('remesa al cobro returned: causal, fee, the credit reversed and a receipt printed', async ({ app }) => {
  await openTill(app);
  await depositRemesa(app);
  await app.keyboard.press('r');
  await expect(app.getByTestId('remittances')).toBeFocused();
  await app.keyboard.press('e');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('remittance-status')).toHaveText('Enviada');
  await app.keyboard.press('d');
  const dialog = app.getByRole('dialog', { name: 'Devolver cheque' });
  await expect(dialog.getByLabel('Causal de devolución')).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('Escriba el número de la causal de devolución que trae el cheque (1 a 31)');
  await dialog.getByLabel('Causal de devolución').fill('1');
  await expect(dialog.getByLabel('Cobrar comisión por cheque devuelto')).toBeChecked();
  await dialog.getByLabel('Causal de devolución').press('Enter');
  await dialog.getByRole('button', { name: /^Registrar devolución/ }).press('Enter');
  await expect(app.getByTestId('remittance-status')).toHaveText(/Devuelta \(Fondos insuficientes\) · comisión \$ 15\.000/);
  const returned = app.getByTestId('remittance-returned');
  await expect(returned).toContainText('Reclámelo en la oficina');
  await expect(returned.getByTestId('receipt')).toContainText('DEVOLUCIÓN DE CHEQUE EN REMESA');
  await expect(returned.getByTestId('receipt')).toContainText('Comisión cheque devuelto');
  await expect(returned.getByTestId('receipt-words')).toHaveText('SON: DOS MILLONES DE PESOS M/CTE');
  await expect(returned.getByTestId('print-status')).toHaveText('Impresión terminada. Entregue el recibo al cliente.');

  // The journal: the deposit, its remesa sent and returned. Each paper is copied from its own row; only the
  // deposit itself offers Reversar.
  await app.keyboard.press('Escape');
  await app.keyboard.press('F5');
  await app.getByLabel('Tipo de evento').selectOption('comprobante');
  await app.getByLabel('Cuenta').fill('240000000029');
  await app.getByRole('button', { name: 'Buscar' }).click();
  const rows = app.getByRole('table', { name: 'Registros del diario' }).locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.getByRole('button', { name: 'Reversar' })).toHaveCount(1);
  await expect(rows.getByRole('button', { name: /^Reimprimir / })).toHaveCount(2);
  await rows.getByRole('button', { name: /^Reimprimir \d{3}-\d{2}-\d{6}-DEV$/ }).click();
  await expect(app.getByRole('status').filter({ hasText: /-DEV: COPIA No\. 1 enviada a la impresora\.$/ })).toBeVisible();
});

test('not charging the returned-cheque fee needs a supervisor other than the teller (cl. 4.2 h)', async ({ app }) => {
  await openTill(app);
  await depositRemesa(app);
  await app.keyboard.press('r');
  await expect(app.getByTestId('remittances')).toBeFocused();
  await app.keyboard.press('e');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('remittance-status')).toHaveText('Enviada');
  await app.keyboard.press('d');
  const dialog = app.getByRole('dialog', { name: 'Devolver cheque' });
  await dialog.getByLabel('Causal de devolución').fill('15');
  await expect(dialog.getByTestId('return-causal-chosen')).toHaveText('15. Falta endoso');
  await dialog.getByLabel('Cobrar comisión por cheque devuelto').uncheck();
  await dialog.getByLabel('Causal de devolución').press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('el supervisor escribe su usuario y contraseña');
  // The teller's own password is refused by the core: maker ≠ checker. The dialog stays with the reason.
  await dialog.getByLabel('Usuario del supervisor').fill('cajero1');
  await dialog.getByLabel('Contraseña del supervisor').fill('Caja.2026');
  await dialog.getByLabel('Contraseña del supervisor').press('Enter');
  await dialog.getByRole('button', { name: /^Registrar devolución/ }).press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('Quien registra la operación no puede aprobarla');
  await expect(app.getByTestId('remittance-status')).toHaveText('Enviada');
  await dialog.getByLabel('Usuario del supervisor').fill('supervisor1');
  await dialog.getByLabel('Contraseña del supervisor').fill('Super.2026');
  await dialog.getByLabel('Contraseña del supervisor').press('Enter');
  await expect(dialog.getByTestId('return-confirm')).toContainText('No se cobra: autoriza el supervisor supervisor1');
  await dialog.getByRole('button', { name: /^Registrar devolución/ }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(app.getByTestId('remittance-status')).toHaveText('Devuelta (Falta endoso)');
  await expect(app.getByTestId('remittance-returned').getByTestId('receipt')).not.toContainText('Comisión cheque devuelto');
});

test('Enter on a remesa lists its actions with their letters; Esc goes back to the list on the same row', async ({ app }) => {
  await openTill(app);
  for (const number of ['555', '556']) {
    await openAccount(app, 'F3', 'Consignación', '240000000029');
    await fillCheque(app, { bank: '13', number, drawerAccount: '99988877', amount: 2_000_000, city: 'Medellín' });
    await expect(app.getByRole('dialog', { name: 'Confirmar consignación' })).toBeVisible();
    await app.keyboard.press('Enter');
    await expect(app.getByTestId('receipt')).toContainText('remesa al cobro (Medellín)');
    await nextOperation(app);
    await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  }
  await app.keyboard.press('r');
  const list = app.getByTestId('remittances');
  await expect(list).toBeFocused();
  await expect(app.getByText('↑/↓ elige la remesa · Enter lista sus acciones')).toBeVisible();
  const second = list.locator('tbody tr').nth(1);
  await app.keyboard.press('ArrowDown');
  await expect(second).toHaveAttribute('aria-selected', 'true');
  const number = (await second.locator('td').nth(2).innerText()).replace(/.*· /, '');

  // Recibida: its one action, Enviada (E); Enter does not move the remesa by itself.
  await app.keyboard.press('Enter');
  const chooser = app.getByRole('dialog', { name: /^Remesa / });
  await expect(chooser).toContainText(`Cheque ${number}`);
  await expect(chooser.getByRole('button', { name: 'Enviada E', exact: true })).toBeFocused();
  await expect(second.getByTestId('remittance-status')).toHaveText('Recibida');
  await app.keyboard.press('Escape');
  await expect(chooser).toBeHidden();
  await expect(list).toBeFocused();
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(second.getByTestId('remittance-status')).toHaveText('Recibida');

  // Enter, Enter: the focused action, asked before it is made; Enter confirms.
  await app.keyboard.press('Enter');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('dialog', { name: 'Confirmar remesa enviada' })).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(second.getByTestId('remittance-status')).toHaveText('Enviada');
  await expect(list.locator('tbody tr').nth(0).getByTestId('remittance-status')).toHaveText('Recibida');
  await expect(list).toBeFocused();

  // Enviada: Pagada (P) and Devuelta (D); its letter works in the list of actions too, and Esc from the return dialog
  // comes back to the same row.
  await app.keyboard.press('Enter');
  await expect(chooser.getByRole('button', { name: 'Pagada P', exact: true })).toBeFocused();
  await expect(chooser.getByRole('button', { name: 'Devuelta D', exact: true })).toBeVisible();
  await app.keyboard.press('d');
  const giveBack = app.getByRole('dialog', { name: 'Devolver cheque' });
  await expect(giveBack).toContainText(`Cheque ${number}`);
  await app.keyboard.press('Escape');
  await expect(giveBack).toBeHidden();
  await expect(list).toBeFocused();
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(second.getByTestId('remittance-status')).toHaveText('Enviada');
});

test('embargada: a remesa whose commission does not fit in what the embargo leaves free is refused, saying so; the retention stays whole', async ({ app }) => {
  await openTill(app);
  // The QA case: $ 1.195.200 and its GMF out of Luz's $ 3.000.000, $ 1.800.000 retained for a child-support order: $ 19 free.
  await openAccount(app, 'F4', 'Retiro', '240000000060');
  await app.keyboard.type('1195200');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('dialog', { name: 'Confirmar retiro' })).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt-sequence')).toHaveText(/^001-03-\d{6}$/);
  await app.keyboard.press('Escape');
  await openAccount(app, 'F3', 'Consignación', '240000000060');
  await expect(app.getByTestId('embargo-retained')).toHaveText('$ 1.800.000');
  await fillCheque(app, { bank: '13', number: '556', drawerAccount: '99988870', amount: 500_000, city: 'Medellín' });
  // The $ 15.000 of the remesa would come out of the court's money: refused before the summary, with what to do.
  await expect(app.getByRole('alert')).toContainText(
    'La comisión ($ 15.000) no se puede debitar de lo retenido por embargo ($ 1.800.000, cláusulas 7.2 y 8.5): con el efectivo de esta consignación la cuenta tiene libres $ 19. Para registrarla, el cliente debe consignar además al menos $ 14.981 en efectivo.',
  );
  await expect(app.getByRole('dialog', { name: 'Confirmar consignación' })).toBeHidden();
});
