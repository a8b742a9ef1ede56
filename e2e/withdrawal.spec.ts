import { test, expect } from './support/fixtures';
import { DEMO } from './support/pages';
import { openAccount, openTill } from './support/comprobante';

test('conjunta: refused without all holders, accepted with them after the approvals the core asks for', async ({ app }) => {
  await openTill(app);
  await openAccount(app, 'F4', 'Retiro', '240000000045');
  await expect(app.getByLabel('Valor a retirar')).toBeFocused();
  await app.keyboard.type('100000');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('alert')).toContainText('deben presentarse y firmar todos los titulares');
  await app.getByLabel(/ROSA ELENA/).check();
  await app.getByLabel('Valor a retirar').press('Enter');
  // The demo accounts' last movement may be older than six months (seed 003 cl. 7.1): then a supervisor reactivates.
  const approval = app.getByRole('dialog', { name: 'Aprobación del supervisor' });
  const confirm = app.getByRole('dialog', { name: 'Confirmar retiro' });
  await expect(approval.or(confirm)).toBeVisible();
  if (await approval.isVisible()) {
    await approval.getByLabel('Usuario del supervisor').fill(DEMO.supervisor.username);
    await approval.getByLabel('Contraseña del supervisor').fill(DEMO.supervisor.password);
    await approval.getByLabel('Contraseña del supervisor').press('Enter');
  }
  await expect(confirm.getByTestId('withdrawal-summary')).toContainText('GMF 4x1000');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt')).toContainText('RETIRO CUENTA DE AHORROS');
  await expect(app.getByTestId('receipt-words')).toHaveText('SON: CIEN MIL PESOS M/CTE');
});

test('over the visación amount: the teller cannot approve their own, the supervisor approves at the same workstation', async ({ app }) => {
  await openTill(app);
  await openAccount(app, 'F4', 'Retiro', '240000000029');
  await expect(app.getByLabel('Valor a retirar')).toBeFocused();
  await app.keyboard.type('6000000');
  await app.keyboard.press('Enter');
  const approval = app.getByRole('dialog', { name: 'Aprobación del supervisor' });
  await expect(approval.getByTestId('approval-reasons')).toContainText('visación');
  await approval.getByLabel('Usuario del supervisor').fill(DEMO.teller.username);
  await approval.getByLabel('Contraseña del supervisor').fill(DEMO.teller.password);
  await approval.getByLabel('Contraseña del supervisor').press('Enter');
  await expect(approval.getByRole('alert')).toContainText('no puede aprobarla');
  await approval.getByLabel('Usuario del supervisor').fill(DEMO.supervisor.username);
  await approval.getByLabel('Contraseña del supervisor').fill(DEMO.supervisor.password);
  await approval.getByLabel('Contraseña del supervisor').press('Enter');
  const confirm = app.getByRole('dialog', { name: 'Confirmar retiro' });
  await expect(confirm.getByTestId('payout-mix')).toContainText('× $ 100.000');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt')).toContainText('Autorización');
  await expect(app.getByTestId('receipt-words')).toHaveText('SON: SEIS MILLONES DE PESOS M/CTE');
});
