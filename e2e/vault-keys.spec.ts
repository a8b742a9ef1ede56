import { test, expect } from './support/fixtures';
import { openTill } from './support/comprobante';
import { DEMO, switchUser } from './support/pages';

/**
 * The cash-send form of Bóveda y traslados takes the keys of the other count screens (Apertura, Cierre): F10
 * registers the count, Esc goes back (asking first when cash is counted), and each button shows its key.
 */
test('sending cash to the vault with the keyboard: F10 sends, Esc goes back to the vault screen', async ({ app }) => {
  await openTill(app);
  await app.keyboard.press('F10');
  await expect(app.getByRole('heading', { name: 'Bóveda y traslados' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Trasladar efectivo' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByLabel('$ 100.000 billete')).toBeFocused();
  await expect(app.getByRole('button', { name: 'Cancelar Esc', exact: true })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Enviar traslado F10', exact: true })).toBeVisible();

  // Esc with nothing counted: back to the vault screen, not to Inicio.
  await app.keyboard.press('Escape');
  await expect(app.getByRole('heading', { name: 'Bóveda y traslados' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Trasladar efectivo' })).toBeFocused();

  // Counted: Esc asks before dropping the count; Esc again stays on it.
  await app.keyboard.press('Enter');
  await app.keyboard.type('2');
  await app.keyboard.press('Escape');
  const ask = app.getByRole('dialog', { name: '¿Descartar el conteo del traslado?' });
  await expect(ask).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(app.getByLabel('$ 100.000 billete')).toHaveValue('2');

  // Enter on the last row stops on Destino (QA: it jumped to the total past a destination that defaults to the
  // vault, so a teller could send to the vault what was meant for another till); Enter there goes to the total.
  for (let i = 0; i < 11; i++) await app.keyboard.press('Enter');
  await expect(app.getByLabel('Destino')).toBeFocused();
  await expect(app.getByLabel('Destino')).toHaveValue('BOVEDA');
  await app.keyboard.press('Enter');
  await expect(app.getByLabel('Total del traslado (verificación)')).toBeFocused();
  await app.keyboard.type('200000');
  // F10 from a row of the count sends.
  await app.getByLabel('$ 50.000 billete').focus();
  await app.keyboard.press('F10');
  await expect(app.getByRole('status').filter({ hasText: 'Traslado de $ 200.000 enviado a Bóveda' })).toBeVisible();
  await expect(app.getByRole('table', { name: 'Traslados' })).toContainText('En tránsito');
});

test('Enter on "Descartar y salir" drops the count and goes back to the vault screen, the question closed', async ({ app }) => {
  await openTill(app);
  await app.keyboard.press('F10');
  await expect(app.getByRole('button', { name: 'Trasladar efectivo' })).toBeFocused();
  await app.keyboard.press('Enter');
  await app.keyboard.type('2');
  await app.keyboard.press('Escape');
  const ask = app.getByRole('dialog', { name: '¿Descartar el conteo del traslado?' });
  await expect(ask.getByRole('button', { name: 'Descartar y salir' })).toBeFocused();
  // Bóveda stays mounted when the form closes: the question stayed open and a second Enter did nothing.
  await app.keyboard.press('Enter');
  await expect(ask).toBeHidden();
  await expect(app.getByRole('heading', { name: 'Bóveda y traslados' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Trasladar efectivo' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByLabel('$ 100.000 billete')).toHaveValue('');
});

test('a provision counted with the keyboard: Esc leaves the count for the vault screen, F10 receives it', async ({ app }) => {
  await openTill(app);
  await switchUser(app, DEMO.supervisor);
  await app.keyboard.press('F10');
  await expect(app.getByRole('button', { name: 'Provisionar una caja' })).toBeFocused();
  await app.keyboard.press('Enter');
  await app.keyboard.type('5');
  await app.getByLabel('Total del traslado (verificación)').fill('500000');
  await app.getByLabel('$ 100.000 billete').focus();
  await app.keyboard.press('F10');
  // A provision is confirmed before it leaves the vault (QA F10).
  await expect(app.getByRole('dialog', { name: 'Confirmar provisión' })).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('status').filter({ hasText: 'Provisión de $ 500.000 enviada' })).toBeVisible();

  await switchUser(app, DEMO.teller);
  await app.keyboard.press('F10');
  const receive = app.getByRole('button', { name: 'Contar y recibir' });
  await expect(receive).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByLabel('$ 100.000 billete')).toBeFocused();
  await expect(app.getByRole('button', { name: 'Recibir traslado F10', exact: true })).toBeVisible();
  // Esc before counting: back to the list, the provision still waiting; before, Esc left for Inicio.
  await app.keyboard.press('Escape');
  await expect(app.getByRole('heading', { name: 'Bóveda y traslados' })).toBeVisible();
  await expect(receive).toBeFocused();
  await app.keyboard.press('Enter');
  await app.keyboard.type('5');
  await app.keyboard.press('F10');
  await expect(app.getByRole('status').filter({ hasText: 'Traslado de $ 500.000 recibido de Bóveda' })).toBeVisible();
});

test('F10 with the verification total empty sends nothing and takes the focus to the total (provision and teller send)', async ({ app }) => {
  await openTill(app);
  await switchUser(app, DEMO.supervisor);
  await app.keyboard.press('F10');
  await expect(app.getByRole('button', { name: 'Provisionar una caja' })).toBeFocused();
  await app.keyboard.press('Enter');
  await app.keyboard.type('20');
  await app.keyboard.press('F10');
  // Before, -1 went to the core ("El valor no puede ser negativo") and the focus stayed in the 100.000 row.
  await expect(app.getByRole('alert')).toHaveText('Escriba el total del traslado para verificar el conteo.');
  const total = app.getByLabel('Total del traslado (verificación)');
  await expect(total).toBeFocused();
  await app.keyboard.type('2000000');
  await expect(app.getByLabel('$ 100.000 billete')).toHaveValue('20');
  await expect(total).toHaveValue('2.000.000');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('dialog', { name: 'Confirmar provisión' })).toContainText('$ 2.000.000');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('status').filter({ hasText: 'Provisión de $ 2.000.000 enviada' })).toBeVisible();

  await switchUser(app, DEMO.teller);
  await app.keyboard.press('F10');
  await app.getByRole('button', { name: 'Trasladar efectivo' }).click();
  await expect(app.getByLabel('$ 100.000 billete')).toBeFocused();
  await app.keyboard.type('10');
  await app.keyboard.press('F10');
  await expect(app.getByRole('alert')).toHaveText('Escriba el total del traslado para verificar el conteo.');
  await expect(total).toBeFocused();
  // A total that does not match is refused the same way, selected so the right one replaces it.
  await app.keyboard.type('100000');
  await app.getByLabel('$ 100.000 billete').focus();
  await app.keyboard.press('F10');
  await expect(app.getByRole('alert')).toHaveText('El conteo suma $ 1.000.000 y usted escribió $ 100.000. Revise el conteo.');
  await expect(total).toBeFocused();
  await expect(app.getByLabel('$ 100.000 billete')).toHaveValue('10');
  await expect(app.getByRole('table', { name: 'Traslados' })).not.toContainText('$ 1.000.000');
  // Dropped, the count takes its refusal with it.
  await app.keyboard.press('Escape');
  const ask = app.getByRole('dialog', { name: '¿Descartar el conteo del traslado?' });
  await expect(ask.getByRole('button', { name: 'Descartar y salir' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(ask).toBeHidden();
  await expect(app.getByLabel('$ 100.000 billete')).toHaveCount(0);
  await expect(app.getByRole('alert')).toHaveCount(0);
});

test('a till with no transfer with the vault shows no empty table of them', async ({ app }) => {
  await openTill(app);
  await app.keyboard.press('F10');
  await expect(app.getByRole('button', { name: 'Trasladar efectivo' })).toBeFocused();
  // Before, the table of transfers with the vault was drawn with its header and no row.
  await expect(app.getByRole('table', { name: 'Traslados' })).toHaveCount(0);
  await expect(app.getByText('No hay traslados con la bóveda ni con otras cajas.')).toBeVisible();
});

test('QA F10/F12: "Provisionar una caja F2" keeps Tab on the page and asks before sending; the teller rejects it from the keyboard (F4, Enter in the motivo)', async ({ app }) => {
  await openTill(app);
  await switchUser(app, DEMO.supervisor);
  await app.keyboard.press('F10');
  const provision = app.getByRole('button', { name: 'Provisionar una caja F2', exact: true });
  await expect(provision).toBeFocused();
  // F12: Tab from the screen's last button went to <body>, where no key reaches anything.
  await app.keyboard.press('Tab');
  expect(await app.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
  await app.keyboard.press('F2');
  await expect(app.getByLabel('$ 100.000 billete')).toBeFocused();
  await app.keyboard.type('5');
  await app.getByLabel('Total del traslado (verificación)').focus();
  await app.keyboard.type('500000');
  await app.keyboard.press('F10');
  // As the till's opening does: the provision is confirmed (amount, destination) before it leaves the vault.
  const confirm = app.getByRole('dialog', { name: 'Confirmar provisión' });
  await expect(confirm).toContainText('$ 500.000');
  await expect(confirm).toContainText('Caja 03 · Ana Gómez');
  await expect(app.getByRole('table', { name: 'Traslados' })).toHaveCount(0);
  await app.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(app.getByLabel('$ 100.000 billete')).toHaveValue('5');
  await app.keyboard.press('F10');
  await expect(confirm).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('status').filter({ hasText: 'Provisión de $ 500.000 enviada' })).toBeVisible();

  await switchUser(app, DEMO.teller);
  await app.keyboard.press('F10');
  await expect(app.getByRole('button', { name: 'Trasladar efectivo F2', exact: true })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Contar y recibir' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByLabel('$ 100.000 billete')).toBeFocused();
  await expect(app.getByRole('button', { name: 'Rechazar traslado F4', exact: true })).toBeVisible();
  // F4 without a motivo says so and goes to it; Enter in the motivo rejects (it did nothing).
  await app.keyboard.press('F4');
  await expect(app.getByRole('alert').filter({ hasText: 'Escriba el motivo del rechazo' })).toBeVisible();
  await expect(app.getByLabel('Motivo del rechazo')).toBeFocused();
  await app.keyboard.type('Faltan billetes en el paquete');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('status').filter({ hasText: 'Provisión rechazada: el efectivo vuelve a la bóveda.' })).toBeVisible();
});
