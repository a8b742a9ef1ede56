import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { holdAnswers } from './support/held-answers';
import { DEMO, expectHome, login, switchUser } from './support/pages';

test('a teller opens the till with a count by denomination, keyboard only', async ({ app }) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await app.keyboard.press('F2');
  await expect(app.getByRole('heading', { name: 'Apertura de caja' })).toBeVisible();
  // 100.000 × 10, 50.000 × 20, 20.000 × 5 (skip 10.000, 5.000, 2.000), coins: 1.000 × 30, 500 × 40
  const rows = ['10', '20', '5', '', '', '', '30', '40', '', '', ''];
  for (const r of rows) {
    if (r) await app.keyboard.type(r);
    await app.keyboard.press('Enter');
  }
  await expect(app.getByTestId('count-total')).toHaveText('$ 2.150.000');
  await expect(app.getByLabel('Total contado (verificación)')).toBeFocused();
  await app.keyboard.type('2150000');
  await expect(app.getByLabel('Total contado (verificación)')).toHaveValue('2.150.000');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('dialog', { name: 'Confirmar apertura' })).toContainText('$ 2.150.000');
  await app.keyboard.press('Enter');
  // Blind close: Inicio does not show the till's cash, not even the count just typed; it is known at the close.
  await expect(app.getByTestId('till-summary')).toHaveText('Caja 03 abierta por Ana Gómez · cierre a ciegas: el efectivo esperado se conoce al cerrar la caja (F6)');
  await expect(app.getByRole('main')).not.toContainText('2.150.000');
  await expect(app.getByTestId('status-till')).toHaveText('Caja abierta');

  // Another teller signing in here sees whose till it is, not its cash, and cannot post to it.
  await switchUser(app, DEMO.teller2);
  await expect(app.getByTestId('till-summary')).toHaveText(/^La caja 03 está abierta por Ana Gómez\. Solo quien la abrió registra operaciones/);
  await expect(app.getByTestId('till-summary')).not.toContainText('$');
  for (const item of [/F3 Consignación/, /F4 Retiro/, /F2 Abrir caja/]) await expect(app.getByRole('button', { name: item })).toBeDisabled();
});

test('a declared total that differs from the count is refused before anything is sent', async ({ app }) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await app.keyboard.press('F2');
  await app.keyboard.type('1');
  await expect(app.getByTestId('count-pieces')).toHaveText('1 pieza');
  await app.keyboard.press('Backspace');
  await app.keyboard.type('3');
  await expect(app.getByTestId('count-pieces')).toHaveText('3 piezas');
  await expect(app.getByTestId('count-total')).toHaveText('$ 300.000');
  await app.getByLabel('Total contado (verificación)').fill('250000');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('alert')).toContainText('El conteo suma $ 300.000 y usted escribió $ 250.000');
  await expect(app.getByTestId('status-till')).toHaveText('Caja sin abrir');
});

test('a supervisor cannot open a till', async ({ app }) => {
  await login(app, DEMO.supervisor);
  await expectHome(app, DEMO.supervisor.name);
  await expect(app.getByRole('button', { name: /Abrir caja/ })).toBeDisabled();
});

test('F10 refused leaves the focus on the verification total, not in a row of the count', async ({ app }) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await app.keyboard.press('F2');
  await app.keyboard.type('3');
  await app.keyboard.press('F10');
  await expect(app.getByRole('alert')).toHaveText('Escriba el total contado para verificar el conteo.');
  const total = app.getByLabel('Total contado (verificación)');
  await expect(total).toBeFocused();
  // Typed after the refusal, the digits are the total: before, they went on into the 100.000 row (3 → 3300000).
  await app.keyboard.type('200000');
  await expect(app.getByLabel('$ 100.000 billete')).toHaveValue('3');
  await expect(total).toHaveValue('200.000');
  // A total that does not match, F10 from the count: the total is selected, so the right one replaces it.
  await app.getByLabel('$ 100.000 billete').focus();
  await app.keyboard.press('F10');
  await expect(app.getByRole('alert')).toContainText('El conteo suma $ 300.000 y usted escribió $ 200.000');
  await expect(total).toBeFocused();
  await app.keyboard.type('300000');
  await expect(total).toHaveValue('300.000');
  await expect(app.getByLabel('$ 100.000 billete')).toHaveValue('3');
  await app.keyboard.press('F10');
  await expect(app.getByRole('dialog', { name: 'Confirmar apertura' })).toContainText('$ 300.000');
});

/** Logged in, the opening count shown, Enter from the first row: the focus on the $ 50.000 row. */
const fiftyThousandRow = async (app: Page) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await app.keyboard.press('F2');
  await app.keyboard.press('Enter');
  const row = app.getByLabel('$ 50.000 billete');
  await expect(row).toBeFocused();
  return row;
};

test('a row takes at most 999.999 pieces and says so, keeping what it had', async ({ app }) => {
  const row = await fiftyThousandRow(app);
  await app.keyboard.type('123456');
  await expect(app.getByText('Máximo 999.999 piezas')).toHaveCount(0);
  // One digit more: before, the row silently became 999.999 pieces ($ 49.999.950.000).
  await app.keyboard.type('7');
  await expect(row).toHaveValue('123456');
  await expect(row).toHaveAttribute('aria-invalid', 'true');
  await expect(app.getByRole('row', { name: /\$ 50\.000 billete/ })).toContainText('Máximo 999.999 piezas');
  await expect(app.getByTestId('count-total')).toHaveText('$ 6.172.800.000');
  // Corrected, the word goes.
  await app.keyboard.press('Backspace');
  await expect(row).toHaveValue('12345');
  await expect(app.getByText('Máximo 999.999 piezas')).toHaveCount(0);
});

test('QA F9: a row refuses text that is not a whole number of pieces ("1,5", "2.0", "-1", "1e2") and says so; digits still count', async ({ app }) => {
  const row = await fiftyThousandRow(app);
  // Pasted as one text (insertText): before, the row kept its digits ("1,5" was 15 pieces, "1e2" 12).
  for (const text of ['1,5', '2.0', '-1', '1e2']) {
    await app.keyboard.insertText(text);
    await expect(row).toHaveValue('');
    await expect(row).toHaveAttribute('aria-invalid', 'true');
    await expect(app.getByRole('row', { name: /\$ 50\.000 billete/ }).getByRole('alert')).toHaveText('La cantidad es de piezas enteras: escriba solo dígitos, sin puntos, comas, signos ni letras.');
    await expect(app.getByTestId('count-total')).toHaveText('$ 0');
  }
  await app.keyboard.type('3');
  await expect(row).toHaveValue('3');
  await expect(row).not.toHaveAttribute('aria-invalid', 'true');
  await expect(app.getByTestId('count-total')).toHaveText('$ 150.000');
  // A key typed after the digits is refused the same way, the row keeping its 3.
  await app.keyboard.type(',');
  await expect(row).toHaveValue('3');
  await expect(app.getByRole('row', { name: /\$ 50\.000 billete/ }).getByRole('alert')).toBeVisible();
  await app.keyboard.type('5');
  await expect(row).toHaveValue('35');
  await expect(app.getByRole('row', { name: /\$ 50\.000 billete/ }).getByRole('alert')).toHaveCount(0);
});

test('Esc with a count typed asks before dropping it, as the close does; Esc again keeps counting', async ({ app }) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await app.keyboard.press('F2');
  await app.keyboard.type('10');
  await app.keyboard.press('Enter');
  await app.keyboard.type('4');
  await app.keyboard.press('Escape');
  // Before, Esc went to Inicio at once and F2 again showed every row empty.
  const ask = app.getByRole('dialog', { name: '¿Descartar el conteo?' });
  await expect(ask.getByRole('button', { name: 'Descartar y salir' })).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(app.getByRole('heading', { name: 'Apertura de caja' })).toBeVisible();
  await expect(app.getByLabel('$ 100.000 billete')).toHaveValue('10');
  await expect(app.getByLabel('$ 50.000 billete')).toHaveValue('4');
  // Volver asks the same way; Enter discards and leaves.
  await app.getByRole('button', { name: 'Volver Esc' }).click();
  await expect(ask).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  // Nothing typed, Esc leaves without asking.
  await app.keyboard.press('F2');
  await expect(app.getByLabel('$ 100.000 billete')).toHaveValue('');
  await app.keyboard.press('Escape');
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
});

// Inicio came back from the opening before it had read the till again: 'La caja no está abierta' and F3 disabled for
// that moment, so an F3 typed as soon as Inicio appeared was dropped. The bridge holds that reread here.
test('an F3 pressed as soon as Inicio is back from the opening starts Consignación, without waiting for a reread', async ({ host, bare: app }) => {
  const tillReads = await holdAnswers(app, 'till.current');
  await app.goto(host.launchUrl);
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await expect(app.getByTestId('till-closed')).toBeVisible();
  await app.keyboard.press('F2');
  await expect(app.getByRole('heading', { name: 'Apertura de caja' })).toBeVisible();
  await app.keyboard.type('10'); // 100.000 × 10
  for (let i = 0; i < 11; i++) await app.keyboard.press('Enter');
  await app.keyboard.type('1000000');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('dialog', { name: 'Confirmar apertura' })).toContainText('$ 1.000.000');

  tillReads.hold();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  await app.keyboard.press('F3');
  await expect(app.getByRole('heading', { name: 'Consignación', exact: true })).toBeVisible();
  tillReads.release();
});
