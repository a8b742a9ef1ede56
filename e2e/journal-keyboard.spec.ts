import { test, expect } from './support/fixtures';
import { firstCashDeposit, openTill } from './support/comprobante';

test('F5 by keyboard: Enter on a filter select searches, an empty answer says so, rows move with the arrows and Enter opens one; Reversar names its comprobante', async ({ app }) => {
  await openTill(app);
  await firstCashDeposit(app);
  await app.keyboard.press('Escape');
  await app.keyboard.press('F5');
  await expect(app.getByLabel('Desde (AAAA-MM-DD)')).toBeFocused();
  const table = app.getByRole('table', { name: 'Registros del diario' });

  // Nothing reversed yet: Enter on the type select runs the search, and the empty answer is said.
  const type = app.getByLabel('Tipo de evento');
  await type.selectOption({ label: 'Reverso' });
  await type.press('Enter');
  await expect(table.getByRole('status')).toHaveText('Sin registros con esos filtros.');

  // The state the row shows is the one the filter offers; Enter on the state select searches too.
  await type.selectOption('');
  const state = app.getByLabel('Estado', { exact: true });
  await state.selectOption({ label: 'Contabilizado' });
  await state.press('Enter');
  const posting = table.getByRole('row', { name: /^Registro \d+$/ });
  await expect(posting).toHaveCount(1);
  await expect(posting).toContainText('Contabilizado');
  await expect(posting).toContainText('$ 1.200.000');
  await expect(posting).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await expect(table.getByRole('status')).toHaveCount(0);
  await expect(posting.getByRole('button', { name: 'Reversar 001-03-000001' })).toBeVisible();

  // Every entry: the arrows go from row to row, Enter opens the focused one, Esc goes back to it.
  await state.selectOption('');
  await state.press('Enter');
  const rows = table.getByRole('row', { name: /^Registro \d+$/ });
  await expect.poll(() => rows.count()).toBeGreaterThan(2);
  await rows.nth(0).focus();
  await app.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(rows.nth(2)).toBeFocused();
  await app.keyboard.press('ArrowUp');
  await expect(rows.nth(1)).toBeFocused();
  const second = (await rows.nth(1).getAttribute('aria-label')) ?? '';
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: `${second.replace('Registro', 'Registro No.')}` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/Fecha y hora\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(rows.nth(1)).toBeFocused();
});

test('F5 amount filters read amounts as every amount field does: "1200000.00" finds the $ 1.200.000 deposit, "1e6" is refused, not read as 16 (QA s35 A6-1)', async ({ app }) => {
  await openTill(app);
  await firstCashDeposit(app);
  await app.keyboard.press('Escape');
  await app.keyboard.press('F5');
  const table = app.getByRole('table', { name: 'Registros del diario' });
  await app.getByLabel('Tipo de evento').selectOption('comprobante');
  const from = app.getByLabel('Valor desde');
  await from.fill('1e6');
  await from.press('Enter');
  await expect(app.getByRole('alert')).toContainText('Valor desde: El valor solo lleva dígitos (y puntos de miles): borre las letras y los símbolos.');
  await expect(table).not.toContainText('001-03-000001');
  await from.fill('1200000.00');
  await app.getByLabel('Valor hasta').fill('1.200.000');
  await from.press('Enter');
  await expect(table).toContainText('001-03-000001');
  await expect(app.getByRole('alert')).toHaveCount(0);
});
