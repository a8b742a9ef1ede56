import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { openDatabase } from '../main/store/db';
import { test, expect, type ControlledCentral } from './support/central-control';
import { fillCheque, openAccount, openTill, postCashDeposit, nextOperation } from './support/comprobante';

/** The account as central has it now (its reference feed). */
const atCentral = async (central: ControlledCentral, number: string) => {
  const r = await central.client().call('reference', { cursor: 0, limit: 500 });
  if (!r.ok) throw new Error(r.error.message);
  const found = r.data.changes.find((c) => c.entity === 'account' && c.account.number === number);
  if (found?.entity !== 'account') throw new Error(`account ${number} not at central`);
  return found.account.balances;
};
const owedAtCentral = async (central: ControlledCentral, account: string) => {
  const r = await central.client().call('pendingCharges', { account });
  return r.ok ? r.data.total : -1;
};

/** Registers the return of the list's selected cheque for insufficient funds, the fee charged. */
const returnSelected = async (app: Page) => {
  await app.keyboard.press('d');
  const dialog = app.getByRole('dialog', { name: 'Devolver cheque' });
  await dialog.getByLabel('Causal de devolución').fill('1');
  await dialog.getByLabel('Causal de devolución').press('Enter');
  await dialog.getByRole('button', { name: /^Registrar devolución/ }).press('Enter');
  await expect(dialog).toBeHidden();
};

test('a canje charge paid by a deposit at this counter: the list names the comprobante that paid it', async ({ app, host, central }) => {
  const ACCOUNT = '240000000086';
  await openTill(app);
  const before = await atCentral(central, ACCOUNT);
  await openAccount(app, 'F3', 'Consignación', ACCOUNT);
  await fillCheque(app, { bank: '07', number: '1234567', drawerAccount: '11122233', amount: 300_000 });
  await expect(app.getByRole('dialog', { name: 'Confirmar consignación' })).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt')).toContainText('Cheques recibidos sujetos a verificación');
  await nextOperation(app);
  await expect.poll(async () => (await atCentral(central, ACCOUNT)).inCanje, { timeout: 20_000 }).toBe(before.inCanje + 300_000);
  // The cheque clears at central and the customer spends all but $ 100.000 elsewhere; then it comes back.
  expect((await central.client().call('advanceClock', { ms: 5 * 86_400_000 })).ok).toBe(true);
  const cleared = await atCentral(central, ACCOUNT);
  await central.postAs({ type: 'withdrawal', account: ACCOUNT, payload: { amount: cleared.available - 100_000, gmf: 0 } });
  const db = openDatabase(join(host.dataDir, 'caja.sqlite'));
  db.prepare('UPDATE canje_cheques SET release_on = received_on').run();
  db.close();
  await app.keyboard.press('c');
  const status = app.getByTestId('canje-status');
  await expect(status).toHaveText('Abonado');
  await returnSelected(app);
  await expect(status).toHaveText('Devuelto (Fondos insuficientes) · comisión $ 15.000 · cargo pendiente $ 215.000');

  // A cash deposit at this counter pays it.
  await app.keyboard.press('Escape');
  await openAccount(app, 'F3', 'Consignación', ACCOUNT);
  await expect(app.locator('#denom-100000')).toBeFocused();
  await app.keyboard.type('3');
  await postCashDeposit(app, 300_000);
  const sequence = await app.getByTestId('receipt-sequence').innerText();
  await nextOperation(app);
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  await expect.poll(() => owedAtCentral(central, ACCOUNT), { timeout: 20_000 }).toBe(0);
  await app.keyboard.press('c');
  // Before: "… pagado", and the customer asking with which money was not told.
  await expect(status).toHaveText(`Devuelto (Fondos insuficientes) · comisión $ 15.000 · cargo pendiente $ 215.000 pagado con el comprobante ${sequence}`);
});

test('a returned remesa: the dialog states the fee, the list says what central says of its charge now, and "sin conexión" when central is down', async ({ app, central }) => {
  const ACCOUNT = '240000000029';
  await openTill(app);
  const before = await atCentral(central, ACCOUNT);
  await openAccount(app, 'F3', 'Consignación', ACCOUNT);
  await fillCheque(app, { bank: '13', number: '555', drawerAccount: '99988877', amount: 2_000_000, city: 'Medellín' });
  await expect(app.getByRole('dialog', { name: 'Confirmar consignación' })).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt')).toContainText('remesa al cobro (Medellín)');
  await nextOperation(app);
  await app.keyboard.press('r');
  const status = app.getByTestId('remittance-status');
  await expect(status).toHaveText('Recibida');
  await app.keyboard.press('e');
  await app.keyboard.press('Enter');
  await expect(status).toHaveText('Enviada');
  await expect.poll(async () => (await atCentral(central, ACCOUNT)).inCanje, { timeout: 20_000 }).toBe(before.inCanje + 2_000_000);
  // The customer took everything available elsewhere: the fee of the return stays owed.
  await central.postAs({ type: 'withdrawal', account: ACCOUNT, payload: { amount: (await atCentral(central, ACCOUNT)).available, gmf: 0 } });

  await app.keyboard.press('d');
  const dialog = app.getByRole('dialog', { name: 'Devolver cheque' });
  // Before: the remesa's dialog did not say the fee it charges.
  await expect(dialog.getByRole('checkbox', { name: 'Cobrar comisión por cheque devuelto ($ 15.000)', exact: true })).toBeChecked();
  await dialog.getByLabel('Causal de devolución').fill('1');
  await dialog.getByLabel('Causal de devolución').press('Enter');
  await dialog.getByRole('button', { name: /^Registrar devolución/ }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(status).toHaveText('Devuelta (Fondos insuficientes) · comisión $ 15.000 · cargo pendiente $ 15.000');

  // Another workstation's deposit pays it: before, the list kept saying $ 15.000 owed.
  await central.postAs({ type: 'cash_deposit', account: ACCOUNT, payload: { amount: 100_000 } });
  await app.keyboard.press('F5');
  await expect(status).toHaveText(/^Devuelta \(Fondos insuficientes\) · comisión \$ 15\.000 · cargo pendiente \$ 15\.000 pagado en la estación 001-01 \(autorización [^)]+\)$/);

  // Central down: the list says it cannot know, not a figure.
  await central.stop();
  await app.keyboard.press('F5');
  await expect(status).toHaveText('Devuelta (Fondos insuficientes) · comisión $ 15.000 · cargo pendiente al devolverlo $ 15.000 (sin conexión con central: puede estar pagado)');
});
