import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { openDatabase } from '../main/store/db';
import { test, expect } from './support/fixtures';
import { test as withCentral, type ControlledCentral } from './support/central-control';
import { fillCheque, openAccount, openTill, reverseWithApproval, nextOperation } from './support/comprobante';
import { DEMO, expectHome, login } from './support/pages';
import { overDays } from './support/next-day';

/** A Bogotá cheque deposited in Bogotá goes to canje (seed 003 cl. 3.9). */
const depositCanje = async (app: Page, amount = 800_000) => {
  await openAccount(app, 'F3', 'Consignación', '240000000086');
  await fillCheque(app, { bank: '07', number: '1234567', drawerAccount: '11122233', amount });
  const dialog = app.getByRole('dialog', { name: 'Confirmar consignación' });
  await expect(dialog.getByTestId('holds')).toContainText('en canje');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt')).toContainText('Cheques recibidos sujetos a verificación');
  await nextOperation(app);
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
  // The row D acts on is marked on screen, not only for the screen reader.
  const shade = (sel: string) => list.locator(sel).first().evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await shade('tr[aria-selected="true"] > td')).not.toBe(await shade('thead th'));
  await app.keyboard.press('d');
  const dialog = app.getByRole('dialog', { name: 'Devolver cheque' });
  await expect(dialog.getByLabel('Causal de devolución')).toBeFocused();
  // The causales are numbered: the teller types the number; one outside the list is said, not taken.
  const causal = dialog.getByLabel('Causal de devolución');
  await expect(dialog.getByTestId('causal-list').getByRole('listitem').first()).toHaveText('Fondos insuficientes (código Asobancaria 2)');
  await app.keyboard.type('40');
  await expect(dialog.getByTestId('return-causal-chosen')).toHaveText('No hay causal número 40.');
  await app.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('No hay causal número 40: escriba un número de 1 a 31.');
  await causal.fill('');
  await app.keyboard.type('1');
  await expect(dialog.getByTestId('return-causal-chosen')).toHaveText('1. Fondos insuficientes (código Asobancaria 2)');
  await expect(dialog.getByLabel('Cobrar comisión por cheque devuelto')).toBeChecked();
  // Before: the box stretched over the dialog's width with its label below it, and the fee was not said.
  const fee = dialog.getByRole('checkbox', { name: 'Cobrar comisión por cheque devuelto ($ 15.000)', exact: true });
  const box = await fee.boundingBox();
  const label = await dialog.locator('label', { hasText: 'Cobrar comisión' }).boundingBox();
  // One line: the box as wide as a box, the label no taller than a line of text.
  expect({ boxWidth: (box?.width ?? 999) < 40, oneLine: (label?.height ?? 999) < 40 }).toEqual({ boxWidth: true, oneLine: true });
  await app.keyboard.press('Enter');
  // Before anything is registered: cheque, bank, amount, account and causal, read out; Esc goes back to the choice.
  const confirm = dialog.getByTestId('return-confirm');
  await expect(confirm).toContainText('Cheque1234567');
  await expect(confirm).toContainText('BancoBancolombia');
  await expect(confirm).toContainText('Valor$ 800.000');
  await expect(confirm).toContainText('Cuenta240000000086');
  await expect(confirm).toContainText('Causal1. Fondos insuficientes (código Asobancaria 2)');
  await expect(confirm).toContainText('ComisiónSe cobra ($ 15.000)');
  const register = dialog.getByRole('button', { name: /^Registrar devolución/ });
  await expect(register).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(causal).toBeFocused();
  await expect(causal).toHaveValue('1');
  await expect(app.getByTestId('canje-status')).toHaveText('En canje');
  await app.keyboard.press('Enter');
  await expect(register).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(app.getByTestId('canje-status')).toHaveText(/Devuelto \(Fondos insuficientes\) · comisión \$ 15\.000/);
  const returned = app.getByTestId('canje-returned');
  await expect(returned).toContainText('Reclámelo en la oficina');
  await expect(returned.getByTestId('receipt')).toContainText('DEVOLUCIÓN DE CHEQUE EN CANJE');
  await expect(returned.getByTestId('receipt')).toContainText('Comisión cheque devuelto');
  await expect(returned.getByTestId('receipt-words')).toHaveText('SON: OCHOCIENTOS MIL PESOS M/CTE');
  await expect(returned.getByTestId('print-status')).toHaveText('Impresión terminada. Entregue el recibo al cliente.');
  // Returned once: the row offers no second return.
  await expect(list.getByRole('button', { name: /Devuelto/ })).toHaveCount(0);
  // Before: D on it did nothing and said nothing.
  await list.press('d');
  await expect(app.getByRole('alert')).toContainText(/Este cheque ya fue devuelto el \d{2}\/\d{2}\/\d{4}: no queda otra devolución por registrar/);
  await expect(dialog).toBeHidden();
  // Before: at 1366×768 the money wrapped, "$" on one line and "800.000" on the next.
  await app.setViewportSize({ width: 1366, height: 768 });
  const lines = await list.locator('tbody td.num').first().evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
  expect(lines).toBe(1);
});

test('a cheque past its release date comes back late: F5 shows it pending at central (not abonado), the supervisor waives the fee, central books it at once', async ({ app, host }) => {
  await openTill(app);
  await depositCanje(app, 300_000);
  await app.keyboard.press('c');
  const status = app.getByTestId('canje-status');
  await expect(status).toHaveText('En canje');
  // Its clearing date reached, moved in the workstation's own store rather than by the clock (an idle night
  // would lock the session); F5 rereads the list.
  const db = openDatabase(join(host.dataDir, 'caja.sqlite'));
  db.prepare('UPDATE canje_cheques SET release_on = received_on').run();
  db.close();
  await app.keyboard.press('F5');
  // Central has not released it (its own date is still before it): the workstation's date alone never says "Abonado".
  await expect(status).toHaveText(/^Pendiente de abono en central \(vence \d\d\/\d\d\)$/);
  await expect(app.getByTestId('canje-cheques')).toBeFocused();
  await app.keyboard.press('d');
  const dialog = app.getByRole('dialog', { name: 'Devolver cheque' });
  await dialog.getByLabel('Causal de devolución').fill('1');
  await dialog.getByLabel('Cobrar comisión por cheque devuelto').uncheck();
  await dialog.getByLabel('Causal de devolución').press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('el supervisor escribe su usuario y contraseña');
  await dialog.getByLabel('Usuario del supervisor').fill(DEMO.supervisor.username);
  await dialog.getByLabel('Contraseña del supervisor').fill(DEMO.supervisor.password);
  await dialog.getByLabel('Contraseña del supervisor').press('Enter');
  await dialog.getByRole('button', { name: /^Registrar devolución/ }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(status).toHaveText('Devuelto (Fondos insuficientes)');
  const receipt = app.getByTestId('canje-returned').getByTestId('receipt');
  await expect(receipt).toContainText('DEVOLUCIÓN DE CHEQUE EN CANJE');
  await expect(receipt).not.toContainText('Comisión cheque devuelto');
  await expect(app.getByTestId('receipt-words')).toHaveText('SON: TRESCIENTOS MIL PESOS M/CTE');
});

test('a deposit reversed the same day: its cheque reads "entregar el cheque al cliente" and offers no return', async ({ app }) => {
  await openTill(app);
  await depositCanje(app);
  await app.keyboard.press('F5');
  await expect(app.getByRole('heading', { name: 'Diario electrónico' })).toBeVisible();
  await app.getByLabel('Tipo de evento').selectOption('comprobante');
  await app.getByLabel('Cuenta').fill('240000000086');
  await app.getByRole('button', { name: 'Buscar' }).click();
  await expect(app.getByRole('table', { name: 'Registros del diario' })).toContainText('$ 800.000');
  await app.getByRole('button', { name: 'Reversar' }).click();
  await reverseWithApproval(app);
  await expect(app.getByTestId('reversal-receipt')).toContainText('REVERSO DE COMPROBANTE');
  await app.keyboard.press('Escape');

  await app.keyboard.press('c');
  const list = app.getByTestId('canje-cheques');
  await expect(app.getByTestId('canje-status')).toHaveText('Consignación reversada · entregar el cheque al cliente');
  await expect(list.getByRole('button', { name: /Devuelto/ })).toHaveCount(0);
  await list.press('d');
  await expect(app.getByRole('dialog', { name: 'Devolver cheque' })).toHaveCount(0);
});

/** The account as central has it now (its reference feed). */
const atCentral = async (central: ControlledCentral, number: string) => {
  const r = await central.client().call('reference', { cursor: 0, limit: 500 });
  if (!r.ok) throw new Error(r.error.message);
  const found = r.data.changes.find((c) => c.entity === 'account' && c.account.number === number);
  if (found?.entity !== 'account') throw new Error(`account ${number} not at central`);
  return found.account.balances;
};

withCentral('a cheque returned after the customer withdrew its money: recorded, the teller sees what was debited and what stays owed, and so does the account', async ({ app, host, central }) => {
  const ACCOUNT = '240000000086';
  await openTill(app);
  const before = await atCentral(central, ACCOUNT);
  await depositCanje(app, 300_000);
  await expect.poll(async () => (await atCentral(central, ACCOUNT)).inCanje, { timeout: 20_000 }).toBe(before.inCanje + 300_000);
  // Days pass at central: the cheque clears, and the customer withdraws all but $ 100.000 at another workstation.
  expect((await central.client().call('advanceClock', { ms: 5 * 86_400_000 })).ok).toBe(true);
  const cleared = await atCentral(central, ACCOUNT);
  expect(cleared.available).toBe(before.available + 300_000);
  await central.postAs({ type: 'withdrawal', account: ACCOUNT, payload: { amount: cleared.available - 100_000, gmf: 0 } });
  // The workstation's own list reaches the clearing date too (its store, not its clock: the session would lock).
  const db = openDatabase(join(host.dataDir, 'caja.sqlite'));
  db.prepare('UPDATE canje_cheques SET release_on = received_on').run();
  db.close();

  await app.keyboard.press('c');
  const status = app.getByTestId('canje-status');
  await expect(status).toHaveText('Abonado');
  await app.getByTestId('canje-cheques').press('d');
  const dialog = app.getByRole('dialog', { name: 'Devolver cheque' });
  await dialog.getByLabel('Causal de devolución').fill('1');
  await dialog.getByLabel('Causal de devolución').press('Enter');
  await dialog.getByRole('button', { name: /^Registrar devolución/ }).press('Enter');
  // Before: central refused the debit and the return was not recorded at all.
  await expect(dialog).toBeHidden();
  await expect(status).toHaveText('Devuelto (Fondos insuficientes) · comisión $ 15.000 · cargo pendiente $ 215.000');
  const returned = app.getByTestId('canje-returned');
  await expect(returned.getByTestId('return-taken')).toHaveText('El cheque ya estaba disponible: debitado del saldo disponible $ 100.000 (cheque y comisión).');
  await expect(returned.getByTestId('return-pending')).toContainText('Cargo pendiente de esta devolución $ 215.000 · la cuenta debe en total $ 215.000.');
  const receipt = returned.getByTestId('receipt');
  await expect(receipt).toContainText('Crédito reversado');
  await expect(receipt).toContainText('Debitado del saldo disponible');
  await expect(receipt).toContainText('Cargo pendiente de esta devolución');
  await expect(receipt).toContainText('La cuenta debe en total');
  await expect(receipt).toContainText('$ 215.000');
  await expect(receipt).toContainText('lo pagan primero los próximos abonos');
  expect(await atCentral(central, ACCOUNT)).toMatchObject({ available: 0, pendingCharges: 215_000 });

  // The account, as the teller opens it for a withdrawal: nothing available, the charge shown.
  await app.keyboard.press('Escape');
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  await openAccount(app, 'F4', 'Retiro', ACCOUNT);
  // Looked up again until the workstation has central's new reference data.
  await expect(async () => {
    await app.getByLabel('Número de cuenta').press('Enter');
    await expect(app.getByTestId('pending-charges')).toHaveText('$ 215.000', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(app.getByTestId('available')).toHaveText('$ 0');
  await expect(app.getByTestId('account-panel')).toContainText('Cargo pendiente por cheque devuelto: $ 215.000');
});

withCentral('a cheque still in canje comes back after the customer spent the available balance: the screen and the receipt say it was never available, only the fee is owed', async ({ app, central }) => {
  const ACCOUNT = '240000000086';
  await openTill(app);
  const before = await atCentral(central, ACCOUNT);
  await depositCanje(app, 1_500_000);
  await expect.poll(async () => (await atCentral(central, ACCOUNT)).inCanje, { timeout: 20_000 }).toBe(before.inCanje + 1_500_000);
  // Another workstation pays out the whole available balance; the cheque has not cleared.
  await central.postAs({ type: 'withdrawal', account: ACCOUNT, payload: { amount: (await atCentral(central, ACCOUNT)).available, gmf: 0 } });

  await app.keyboard.press('c');
  const status = app.getByTestId('canje-status');
  await expect(status).toHaveText('En canje');
  await app.getByTestId('canje-cheques').press('d');
  const dialog = app.getByRole('dialog', { name: 'Devolver cheque' });
  await dialog.getByLabel('Causal de devolución').fill('1');
  await dialog.getByLabel('Causal de devolución').press('Enter');
  await dialog.getByRole('button', { name: /^Registrar devolución/ }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(status).toHaveText('Devuelto (Fondos insuficientes) · comisión $ 15.000 · cargo pendiente $ 15.000');
  const returned = app.getByTestId('canje-returned');
  // Before: "Debitado de la cuenta: $ 1.500.000", and the receipt said the $ 1.500.000 was taken twice.
  await expect(returned.getByTestId('return-taken')).toHaveText(
    'El cheque seguía en canje: nunca estuvo disponible y no se debitó del saldo disponible; el valor en canje baja $ 1.500.000. La comisión de $ 15.000 no se pudo debitar: quedó como cargo pendiente.',
  );
  await expect(returned.getByTestId('return-pending')).toContainText('Cargo pendiente de esta devolución $ 15.000 · la cuenta debe en total $ 15.000.');
  const receipt = returned.getByTestId('receipt');
  await expect(receipt).not.toContainText('Crédito reversado');
  await expect(receipt).not.toContainText('Debitado de la cuenta');
  await expect(receipt).toContainText('Valor en canje reversado');
  await expect(receipt.locator('.r-row', { hasText: 'Debitado del saldo disponible' })).toContainText('$ 0');
  expect(await atCentral(central, ACCOUNT)).toMatchObject({ available: 0, inCanje: before.inCanje, pendingCharges: 15_000 });
});

withCentral('a cheque another workstation of the bank already has in canje is refused at the counter, saying where it is', async ({ app, central }) => {
  await openTill(app);
  // Workstation 001-01 received the paper (bank 07, No. 1234567, drawer's account 11122233) into another account.
  await central.postAs({ type: 'cheque_deposit', account: '240000000011', payload: { amount: 800_000, cheques: [{ bankCode: '07', number: '1234567', drawerAccount: '11122233', amount: 800_000 }] } });
  await openAccount(app, 'F3', 'Consignación', '240000000086');
  await fillCheque(app, { bank: '07', number: '1234567', drawerAccount: '11122233', amount: 800_000 });
  // Before: accepted here, the same paper credited to two accounts.
  await expect(app.getByRole('alert')).toContainText('ya se consignó en la estación 001-01 a la cuenta ****0011');
  await expect(app.getByRole('dialog', { name: 'Confirmar consignación' })).toHaveCount(0);
});

test('Enter on a canje cheque opens its return, as D does; Esc goes back to the list on the same row', async ({ app }) => {
  await openTill(app);
  await depositCanje(app, 800_000);
  // A second cheque (another number: the same one is refused while it is in canje).
  await openAccount(app, 'F3', 'Consignación', '240000000086');
  await fillCheque(app, { bank: '07', number: '7654321', drawerAccount: '11122233', amount: 300_000 });
  await expect(app.getByRole('dialog', { name: 'Confirmar consignación' }).getByTestId('holds')).toContainText('en canje');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt')).toContainText('Cheques recibidos sujetos a verificación');
  await nextOperation(app);
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  await app.keyboard.press('c');
  const list = app.getByTestId('canje-cheques');
  await expect(list).toBeFocused();
  await expect(app.getByText('↑/↓ elige el cheque · D o Enter: devuelto por la cámara')).toBeVisible();
  const second = list.locator('tbody tr').nth(1);
  await app.keyboard.press('ArrowDown');
  await expect(second).toHaveAttribute('aria-selected', 'true');
  const amount = await second.locator('td.num').innerText();
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: 'Devolver cheque' });
  await expect(dialog).toContainText(`por ${amount}`);
  await expect(dialog.getByLabel('Causal de devolución')).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(list).toBeFocused();
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(second.getByTestId('canje-status')).toHaveText('En canje');
});

test('next-day rehearsal (CAJA_CLOCK_START): the demo central runs on the same day, so Monday\'s canje cheque reads Abonado on Tuesday because central released it', async () => {
  test.setTimeout(180_000);
  await overDays(async (day) => {
    // Monday 1 March 2027 and Tuesday 2 March, 09:00 and 10:00 in Bogotá.
    await day('2027-03-01T14:00:00.000Z', async (app) => {
      await openTill(app);
      await depositCanje(app);
      // The deposit reached central before the machine is switched off.
      await expect(app.getByTestId('status-central')).not.toContainText('en cola', { timeout: 20_000 });
      await app.keyboard.press('c');
      await expect(app.getByTestId('canje-status')).toHaveText('En canje');
    });
    await day('2027-03-02T15:00:00.000Z', async (app) => {
      await login(app, DEMO.teller);
      await expectHome(app, DEMO.teller.name);
      await app.keyboard.press('c');
      // Before, central stayed on the machine's date: it still held the cheque, and the list could not say Abonado.
      await expect(app.getByTestId('canje-status')).toHaveText('Abonado');
    });
  });
});
