import { test, expect } from './support/fixtures';
import { DEMO, expectHome, login } from './support/pages';
import { bogotaDaysAgo, openAccount, openTill, nextOperation } from './support/comprobante';

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

test('a company’s messenger brings the legal representative’s letter: refused while it is old, then approved by the supervisor; the account is active at the counter', async ({ app }) => {
  await openTill(app);
  await app.keyboard.press('a');
  await expect(app.getByRole('heading', { name: 'Reactivación de cuenta' })).toBeVisible();
  await app.keyboard.type('240000000136');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('account-panel')).toContainText('inactiva');
  // Nobody marked and no letter: the screen says who must be there.
  await app.getByRole('button', { name: 'Verificar (Enter)' }).click();
  await expect(app.getByRole('alert')).toContainText('el representante legal');

  await app.getByLabel(/Trae autorización escrita/).check();
  const letter = app.getByTestId('reactivation-letter');
  await letter.getByLabel('Número de documento').fill('900000005');
  const date = app.getByLabel(/Fecha de la carta/);
  await date.fill(bogotaDaysAgo(45).replace(/-/g, ''));
  await expect(date).toHaveValue(bogotaDaysAgo(45));
  await date.press('Enter');
  await expect(app.getByRole('alert')).toContainText('tiene 45 días');

  await date.fill(bogotaDaysAgo(3).replace(/-/g, ''));
  await date.press('Enter');
  await expect(app.getByTestId('reactivation-check')).toContainText('Con autorización escrita del representante legal');
  await expect(app.getByTestId('reactivation-check')).toContainText('actualice los datos del cliente');
  await expect(app.getByRole('button', { name: /Solicitar aprobación del supervisor/ })).toBeFocused();
  await app.keyboard.press('Enter');

  // The supervisor types at the teller's workstation; the teller cannot approve their own request.
  const approval = app.getByRole('form', { name: 'Aprobación del supervisor' });
  await expect(approval.getByLabel('Usuario del supervisor')).toBeFocused();
  await app.keyboard.type(DEMO.teller.username);
  await approval.getByLabel('Contraseña del supervisor').fill(DEMO.teller.password);
  await approval.getByLabel('Contraseña del supervisor').press('Enter');
  await expect(approval.getByRole('alert')).toBeVisible();
  await approval.getByLabel('Usuario del supervisor').fill(DEMO.supervisor.username);
  await approval.getByLabel('Contraseña del supervisor').fill(DEMO.supervisor.password);
  await approval.getByLabel('Contraseña del supervisor').press('Enter');

  const heading = app.getByRole('heading', { name: /Cuenta reactivada · RA-001-03-\d{6}/ });
  await expect(heading).toBeVisible();
  const constancia = /RA-001-03-\d{6}/.exec((await heading.textContent()) ?? '')?.[0] ?? '';
  const receipt = app.getByTestId('receipt');
  await expect(receipt).toContainText('CONSTANCIA DE REACTIVACIÓN DE CUENTA');
  await expect(receipt).toContainText('****0136');
  await expect(receipt).toContainText(`CARLOS ALBERTO DÍAZ RAMOS, carta del ${ddmmyyyy(bogotaDaysAgo(3))}`);
  await expect(receipt).toContainText(DEMO.supervisor.name);
  await expect(app.getByTestId('print-status')).toHaveText('Impresión terminada. Entregue la constancia al cliente.');

  // Enter starts the next operation; the withdrawal screen sees the account active, no reactivation asked.
  await nextOperation(app);
  await expectHome(app, DEMO.teller.name);
  await openAccount(app, 'F4', 'Retiro', '240000000136');
  await expect(app.getByTestId('account-panel')).toContainText('activa');
  await expect(app.getByTestId('account-panel')).not.toContainText('inactiva');
  await expect(app.getByTestId('inactive-notice')).toHaveCount(0);

  // The journal names the event and its state in Spanish, and copies the constancia.
  await app.keyboard.press('Escape');
  await app.keyboard.press('F5');
  // Found by the number printed on the constancia, which is also its Referencia.
  await app.getByLabel(/Número impreso/).fill(constancia);
  await app.getByRole('button', { name: 'Buscar' }).click();
  const rows = app.getByRole('table', { name: 'Registros del diario' });
  await expect(rows.getByRole('row')).toHaveCount(2);
  await expect(rows).toContainText('Reactivada');
  await expect(rows).toContainText('240000000136');
  await expect(rows.getByRole('row').nth(1).getByRole('cell').nth(7)).toHaveText(constancia);
  await app.getByRole('button', { name: `Reimprimir ${constancia}` }).click();
  await expect(app.getByRole('status').filter({ hasText: `${constancia}: COPIA No. 1 enviada a la impresora.` })).toBeVisible();
  await expect(app.getByTestId('print-status')).toHaveText('Impresión terminada. Entregue la constancia al cliente.');
});

test('the holder in person, the only one offered; a supervisor’s rejection, with its reason, lets the teller ask again', async ({ app }) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await app.keyboard.press('a');
  await app.keyboard.type('240000000052');
  await app.keyboard.press('Enter');
  const presenters = app.getByTestId('reactivation-presenters');
  await expect(presenters).toContainText('ANDRÉS');
  await expect(presenters.getByRole('checkbox')).toHaveCount(1);
  await expect(presenters.getByRole('checkbox')).toBeChecked();
  // The lookup hands the focus on to who is present: Enter there verifies, no Tab needed.
  await expect(presenters.getByRole('checkbox')).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('reactivation-check')).toContainText('Presencial');
  await app.keyboard.press('Enter');
  const approval = app.getByRole('form', { name: 'Aprobación del supervisor' });
  await approval.getByLabel('Usuario del supervisor').fill(DEMO.supervisor.username);
  await approval.getByLabel('Contraseña del supervisor').fill(DEMO.supervisor.password);
  // A rejection needs its reason, for the teller.
  await approval.getByRole('button', { name: 'Rechazar' }).click();
  await expect(approval.getByRole('alert')).toContainText('Escriba el motivo del rechazo');
  await approval.getByLabel('Motivo de la decisión').fill('Cédula ilegible: pida otro documento');
  await approval.getByRole('button', { name: 'Rechazar' }).click();
  await expect(app.getByRole('alert')).toContainText('Reactivación rechazada por el supervisor');
  await expect(approval).toHaveCount(0);
  await app.getByRole('button', { name: 'Verificar (Enter)' }).click();
  await app.getByRole('button', { name: /Solicitar aprobación del supervisor/ }).press('Enter');
  await approval.getByLabel('Usuario del supervisor').fill(DEMO.supervisor.username);
  await approval.getByLabel('Contraseña del supervisor').fill(DEMO.supervisor.password);
  await approval.getByLabel('Contraseña del supervisor').press('Enter');
  await expect(app.getByRole('heading', { name: /Cuenta reactivada/ })).toBeVisible();
  await expect(app.getByTestId('receipt')).toContainText('Presencial');
});
