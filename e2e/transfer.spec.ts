import { test, expect } from './support/fixtures';
import { openAccount, openTill, supervisorApproves, nextOperation } from './support/comprobante';
import { DEMO } from './support/pages';

test('transfer (T): origin, destination, amount, GMF on its own line, receipt; no cash moves', async ({ app }) => {
  await openTill(app);
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
  await expect(confirm.getByTestId('transfer-accounts-line')).toContainText(/De la cuenta 240000000029 \(JUAN .*\) a la cuenta 240000000011 .*Ordena: JUAN .*\(CC /);
  // Esc back to the amount and Enter again: the keyboard never leaves the comprobante.
  await app.keyboard.press('Escape');
  await expect(app.getByLabel('Valor a trasladar')).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(confirm.getByTestId('transfer-summary')).toContainText('$ 301.200');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: /Traslado registrado/ })).toBeVisible();
  await expect(app.getByTestId('receipt')).toContainText('****0011');
  await nextOperation(app);
  // Back on Inicio; the till's cash is not on it under blind close (the service tests check it did not move).
  await expect(app.getByTestId('till-summary')).toContainText('cierre a ciegas');
});

test('an amount pasted as "15000.00" is $ 15.000, never 100 times it; "150000.50", "-50000" and "1.000,000" are refused at the field, left as pasted (QA s35 A6-1, s36 F1)', async ({ app }) => {
  await openTill(app);
  await openAccount(app, 't', 'Transferencia', '240000000029');
  await app.keyboard.type('240000000011');
  await app.keyboard.press('Enter');
  const amount = app.getByLabel('Valor a trasladar');
  await expect(amount).toBeFocused();
  // Typed by hand with the es-CO dots, key by key: the dots are the teller's thousands, not decimals.
  await amount.pressSequentially('1.234.567');
  await expect(amount).toHaveValue('1.234.567');
  await expect(app.getByRole('alert')).toHaveCount(0);
  await amount.press('Control+a');
  // A paste arrives as one insertion, as from a spreadsheet or an e-mail.
  await app.keyboard.insertText('150000.50');
  await expect(amount).toHaveValue('150000.50');
  await expect(app.getByText('Los pesos no llevan centavos: borre los decimales (lo que sigue a la coma o al punto).')).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('dialog', { name: 'Confirmar transferencia' })).toHaveCount(0);
  await amount.press('Control+a');
  await app.keyboard.insertText('-50000');
  await expect(amount).toHaveValue('-50000');
  await expect(app.getByText('El valor no lleva signo: escriba solo los pesos, sin "-" ni "+".')).toBeVisible();
  // QA s36 F1: "1.000,000" was read as $ 1.000 ("000" as decimals) and confirmed as such.
  await amount.press('Control+a');
  await app.keyboard.insertText('1.000,000');
  await expect(app.getByText('No se sabe si lo que sigue al punto o la coma son miles o decimales')).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('dialog', { name: 'Confirmar transferencia' })).toHaveCount(0);
  await amount.press('Control+a');
  await app.keyboard.insertText('15000.00');
  await expect(app.getByText('El valor no lleva signo')).toHaveCount(0);
  await app.keyboard.press('Enter');
  const confirm = app.getByRole('dialog', { name: 'Confirmar transferencia' });
  await expect(confirm.getByTestId('transfer-summary')).toContainText('$ 15.000');
  await expect(confirm.getByTestId('transfer-summary')).not.toContainText('1.500.000');
  await expect(confirm.getByTestId('transfer-summary')).toContainText('$ 15.060');
});

test('the origin as destination is refused as soon as it is looked up, the focus on the destination; at Revisar too, if the origin is changed to it', async ({ app }) => {
  await openTill(app);
  await openAccount(app, 't', 'Transferencia', '240000000029');
  await expect(app.getByLabel('Cuenta de destino')).toBeFocused();
  await app.keyboard.type('240000000029');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('alert')).toHaveText('La cuenta de destino es la misma de origen: un traslado necesita otra cuenta. Verifique con el cliente el número de la cuenta de destino.');
  await expect(app.getByLabel('Cuenta de destino')).toBeFocused();
  await expect(app.getByLabel('Valor a trasladar')).toHaveCount(0);
  await expect(app.getByTestId('destination-panel')).toHaveCount(0);
  // The refused number is selected: the right one typed over it, and the transfer goes on.
  await app.keyboard.type('240000000011');
  await expect(app.getByLabel('Cuenta de destino')).toHaveValue('240000000011');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('destination-panel')).toContainText('240000000011');
  await expect(app.getByLabel('Valor a trasladar')).toBeFocused();
  await app.keyboard.type('300000');
  // The origin changed afterwards to the destination's number: Revisar refuses it and sends the teller to the destination.
  await app.getByLabel('Cuenta de origen').fill('240000000011');
  await app.getByLabel('Cuenta de origen').press('Enter');
  await expect(app.getByTestId('account-panel')).toContainText('240000000011');
  await app.getByLabel('Valor a trasladar').press('Enter');
  await expect(app.getByRole('alert')).toContainText('La cuenta de destino es la misma de origen');
  await expect(app.getByLabel('Cuenta de destino')).toBeFocused();
});

test('Esc with the destination and the amount typed asks before dropping the transfer: Enter discards and goes to Inicio', async ({ app }) => {
  await openTill(app);
  await openAccount(app, 't', 'Transferencia', '240000000029');
  await app.keyboard.type('240000000011');
  await app.keyboard.press('Enter');
  await expect(app.getByLabel('Valor a trasladar')).toBeFocused();
  await app.keyboard.type('300000');
  await app.keyboard.press('Escape');
  const ask = app.getByRole('dialog', { name: '¿Descartar el traslado?' });
  await expect(ask).toContainText('la cuenta de destino y el valor');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
});

test('transfer from a jurídica: ordered by its legal representative with the certificate date, approved by the supervisor', async ({ app }) => {
  await openTill(app);
  await openAccount(app, 't', 'Transferencia', '240000000078');
  await expect(app.getByTestId('presenters')).not.toContainText('FERRETERÍA');
  await app.keyboard.type('240000000011');
  await app.keyboard.press('Enter');
  await expect(app.getByLabel('Valor a trasladar')).toBeFocused();
  await app.keyboard.type('500000');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('alert')).toContainText('Marque quién ordena el traslado');
  await app.getByLabel(/CARLOS ALBERTO DÍAZ RAMOS/).check();
  await app.getByLabel('Valor a trasladar').press('Enter');
  await expect(app.getByRole('alert')).toContainText('Solicite el Certificado de Existencia y Representación Legal');
  const today = new Date(Date.now() - 5 * 3_600_000).toISOString().slice(0, 10);
  await app.getByLabel(/Fecha de expedición del Certificado/).fill(today);
  await app.getByLabel(/Fecha de expedición del Certificado/).press('Enter');
  await supervisorApproves(app, /persona jurídica/);
  await expect(app.getByRole('dialog', { name: 'Confirmar transferencia' }).getByTestId('transfer-summary')).toContainText('GMF 4x1000');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: /Traslado registrado/ })).toBeVisible();
  await expect(app.getByTestId('receipt')).toContainText('****0011');
  await expect(app.getByTestId('receipt')).toContainText('Ordena');
  await expect(app.getByTestId('receipt')).toContainText('(representante legal)');
});

test('the refusal of a review goes once the amount changes: "Saldo insuficiente" is not left beside an amount the account has', async ({ app }) => {
  await openTill(app);
  await openAccount(app, 't', 'Transferencia', '240000000029');
  await app.keyboard.type('240000000011');
  await app.keyboard.press('Enter');
  await expect(app.getByLabel('Valor a trasladar')).toBeFocused();
  await app.keyboard.type('900000000');
  await app.keyboard.press('Enter');
  const errors = app.locator('.error-list');
  await expect(errors).toContainText('Saldo insuficiente');
  await app.getByLabel('Valor a trasladar').fill('300000');
  await expect(errors).toHaveCount(0);
  await expect(app.getByTestId('errors-outdated')).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('dialog', { name: 'Confirmar transferencia' })).toBeVisible();
});

test('a transfer above $ 5.000.000 needs the supervisor’s visación: the teller cannot give their own, the supervisor’s goes on the receipt', async ({ app }) => {
  await openTill(app);
  await openAccount(app, 't', 'Transferencia', '240000000029');
  await app.keyboard.type('240000000011');
  await app.keyboard.press('Enter');
  await expect(app.getByLabel('Valor a trasladar')).toBeFocused();
  await app.keyboard.type('6000000');
  await app.keyboard.press('Enter');
  const approval = app.getByRole('dialog', { name: 'Aprobación del supervisor' });
  await expect(approval.getByTestId('approval-reasons')).toContainText('Retiro o traslado por ventanilla que requiere visación del supervisor. Valor $ 6.000.000; se visa por encima de $ 5.000.000.');
  await expect(approval).toContainText(/Traslado \$ 6\.000\.000 desde la cuenta \*+0029/);
  // Where the money goes, and whose account it is: what the visación checks (QA s37 Q2).
  await expect(approval).toContainText('a la cuenta ****0011 (MARÍA FERNANDA GÓMEZ PATIÑO)');
  // Its only reason is the visación: a supervisor at another workstation's desk may decide it too.
  await expect(approval.getByTestId('approval-at-desks')).toContainText('desde su escritorio (F1) en otra estación');
  await approval.getByLabel('Usuario del supervisor').fill(DEMO.teller.username);
  await approval.getByLabel('Contraseña del supervisor').fill(DEMO.teller.password);
  await approval.getByLabel('Contraseña del supervisor').press('Enter');
  await expect(approval.getByRole('alert')).toContainText('no puede aprobarla');
  await approval.getByLabel('Usuario del supervisor').fill(DEMO.supervisor.username);
  await approval.getByLabel('Contraseña del supervisor').fill(DEMO.supervisor.password);
  await approval.getByLabel('Contraseña del supervisor').press('Enter');
  const confirm = app.getByRole('dialog', { name: 'Confirmar transferencia' });
  await expect(confirm.getByTestId('approval-granted')).toContainText(/Aprobado por el supervisor Marta Rojas · autorización [0-9A-F]{8}/);
  await expect(confirm.getByTestId('transfer-summary')).toContainText('$ 6.024.000');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: /Traslado registrado/ })).toBeVisible();
  await expect(app.getByTestId('receipt')).toContainText('Autorización');
});

test('a transfer to an inactive account: the confirmation says the destination receives it, as a deposit’s does, and it posts', async ({ app }) => {
  await openTill(app);
  await openAccount(app, 't', 'Transferencia', '240000000029');
  await app.keyboard.type('240000000052');
  await app.keyboard.press('Enter');
  await expect(app.getByLabel('Valor a trasladar')).toBeFocused();
  await app.keyboard.type('200000');
  await app.keyboard.press('Enter');
  const confirm = app.getByRole('dialog', { name: 'Confirmar transferencia' });
  await expect(confirm).toContainText('La cuenta de destino está inactiva: el traslado se abona; la inactividad solo restringe débitos (cláusula 7.1).');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: /Traslado registrado/ })).toBeVisible();
});

// QA (keyboard tester): the destination showed Disponible / Retenido / Retirable hoy of another customer while Juan
// ordered the transfer. Banking secrecy: the destination shows number, kind, state and what it means, holders.
test("transfer (T): the destination account shows its holder and state, never another customer's balances", async ({ app }) => {
  await openTill(app);
  await openAccount(app, 't', 'Transferencia', '240000000029');
  const source = app.getByTestId('account-panel');
  await expect(source.getByTestId('available')).toHaveText('$ 15.800.000');
  await expect(app.getByLabel('Cuenta de destino')).toBeFocused();
  // Luz's account: embargada, $ 3.000.000 in it, $ 1.800.000 retained for a child-support order.
  await app.keyboard.type('240000000060');
  await app.keyboard.press('Enter');
  const dest = app.getByTestId('destination-panel');
  await expect(dest).toContainText('Cuenta 240000000060');
  await expect(dest).toContainText('Individual');
  await expect(dest).toContainText('embargada');
  await expect(dest.getByTestId('holders')).toHaveText(/^LUZ /);
  await expect(dest).toContainText('Cuenta embargada: parte del saldo está retenida por orden de autoridad');
  await expect(dest).toContainText('sus saldos no se muestran');
  for (const hidden of ['Disponible', 'Retenido', 'Retirable', 'canje', '$ ']) await expect(dest).not.toContainText(hidden);
  // The source, Juan's own account, keeps its balances.
  await expect(source.getByTestId('available')).toHaveText('$ 15.800.000');
  await expect(app.getByLabel('Valor a trasladar')).toBeFocused();
});
