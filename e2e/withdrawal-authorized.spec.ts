import { test, expect } from './support/fixtures';
import { bogotaDaysAgo, nextOperation, openAccount, openTill } from './support/comprobante';

// Demo account 240000000128 (central/demo/seed.ts): holder Andrés; Rosa authorized for cash to herself up to
// $ 500.000 a withdrawal and $ 800.000 a day; Luz's authorization lapsed ten days before central seeded (seed 003 cl. 2.1, 3.5).
const ACCOUNT = '240000000128';
const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

test('an expired authorization: the screen shows it lapsed when she is marked, and the core refuses it at Revisar', async ({ app }) => {
  await openTill(app);
  await openAccount(app, 'F4', 'Retiro', ACCOUNT);
  const holder = app.getByLabel(/ANDRÉS FELIPE PEÑA OSPINA/);
  const luz = app.getByLabel(/LUZ ÁNGELA MUÑOZ ÁLVAREZ/);
  await app.keyboard.type('100000');
  // F2 lands on the first person not marked (Rosa); Tab goes on to Luz, Space marks her.
  await app.keyboard.press('F2');
  await app.keyboard.press('Tab');
  await expect(luz).toBeFocused();
  await app.keyboard.press(' ');
  await expect(luz).toBeChecked();
  const lapsed = ddmmyyyy(bogotaDaysAgo(10));
  await expect(app.getByTestId('authorized-conditions')).toHaveText(
    `LUZ ÁNGELA MUÑOZ ÁLVAREZ: Autorización VENCIDA el ${lapsed} · sin tope por retiro · efectivo, cheque de gerencia o traslado`,
  );
  // The holder is away: back to him and unmark.
  await app.keyboard.press('Shift+Tab');
  await app.keyboard.press('Shift+Tab');
  await expect(holder).toBeFocused();
  await app.keyboard.press(' ');
  await expect(holder).not.toBeChecked();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('alert')).toContainText(`La autorización de LUZ ÁNGELA MUÑOZ ÁLVAREZ venció el ${lapsed}`);
  await expect(app.getByRole('alert')).toContainText('El titular debe renovarla en la oficina');
  await expect(app.getByRole('dialog', { name: 'Confirmar retiro' })).toHaveCount(0);
});

test('an authorized person with a maximum: refused above it naming the maximum, paid within it, the receipt names her', async ({ app }) => {
  await openTill(app);
  await openAccount(app, 'F4', 'Retiro', ACCOUNT);
  const holder = app.getByLabel(/ANDRÉS FELIPE PEÑA OSPINA/);
  const rosa = app.getByLabel(/ROSA ELENA CÁRDENAS LÓPEZ/);
  await expect(app.getByTestId('authorized-conditions')).toHaveCount(0);
  await app.keyboard.type('600000');
  await app.keyboard.press('F2');
  await expect(rosa).toBeFocused();
  await app.keyboard.press(' ');
  await expect(app.getByTestId('authorized-conditions')).toContainText('ROSA ELENA CÁRDENAS LÓPEZ: Autorización vigente hasta');
  await expect(app.getByTestId('authorized-conditions')).toContainText('hasta $ 500.000 por retiro · hasta $ 800.000 por día · solo efectivo a la persona autorizada');
  await app.keyboard.press('Shift+Tab');
  await app.keyboard.press(' ');
  await expect(holder).not.toBeChecked();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('alert')).toContainText('La autorización de ROSA ELENA CÁRDENAS LÓPEZ permite hasta $ 500.000 por operación');
  // No supervisor can widen it: no approval is asked.
  await expect(app.getByRole('dialog', { name: 'Aprobación del supervisor' })).toHaveCount(0);

  const amount = app.getByLabel('Valor a retirar');
  await amount.fill('');
  await amount.pressSequentially('450000');
  await amount.press('Enter');
  const confirm = app.getByRole('dialog', { name: 'Confirmar retiro' });
  await expect(confirm.getByTestId('withdrawal-summary')).toContainText('GMF 4x1000');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt-words')).toHaveText('SON: CUATROCIENTOS CINCUENTA MIL PESOS M/CTE');
  await expect(app.getByTestId('receipt')).toContainText('ROSA ELENA CÁRDENAS LÓPEZ (autorizado)');
  await expect(app.getByTestId('receipt')).toContainText(/Nombre\s*ROSA ELENA CÁRDENAS LÓPEZ\s*Documento\s*CC \*{5}0005/);
});

test('with the holder present, a lapsed or exceeded authorized person marked with him is refused, telling to unmark her; within her mandate the receipt names both, the holder first', async ({ app }) => {
  await openTill(app);
  await openAccount(app, 'F4', 'Retiro', ACCOUNT);
  const holder = app.getByLabel(/ANDRÉS FELIPE PEÑA OSPINA/);
  const luz = app.getByLabel(/LUZ ÁNGELA MUÑOZ ÁLVAREZ/);
  // The QA steps: $ 600.000, Rosa and Luz marked, Andrés stays marked.
  await app.keyboard.type('600000');
  await app.keyboard.press('F2');
  await app.keyboard.press(' ');
  await app.keyboard.press('Tab');
  await expect(luz).toBeFocused();
  await app.keyboard.press(' ');
  await expect(holder).toBeChecked();
  await app.keyboard.press('Enter');
  const alert = app.getByRole('alert');
  await expect(alert).toContainText('La autorización de ROSA ELENA CÁRDENAS LÓPEZ permite hasta $ 500.000 por operación');
  await expect(alert).toContainText('Desmarque a ROSA ELENA CÁRDENAS LÓPEZ en «Presentes e identificados»: el titular presente puede retirar solo');
  await expect(alert).toContainText(`La autorización de LUZ ÁNGELA MUÑOZ ÁLVAREZ venció el ${ddmmyyyy(bogotaDaysAgo(10))}`);
  await expect(alert).toContainText('Desmarque a LUZ ÁNGELA MUÑOZ ÁLVAREZ');
  await expect(app.getByRole('dialog', { name: 'Confirmar retiro' })).toHaveCount(0);

  // Luz unmarked, within Rosa's maximum: the holder and Rosa take the money, and every paper names both.
  await luz.focus();
  await app.keyboard.press(' ');
  await expect(luz).not.toBeChecked();
  const amount = app.getByLabel('Valor a retirar');
  await amount.fill('');
  await amount.pressSequentially('450000');
  await amount.press('Enter');
  const confirm = app.getByRole('dialog', { name: 'Confirmar retiro' });
  await expect(confirm.getByTestId('withdrawal-account-line')).toContainText(/Retira: ANDRÉS FELIPE PEÑA OSPINA \(.*\), ROSA ELENA CÁRDENAS LÓPEZ \(.*\)\./);
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt')).toContainText('ANDRÉS FELIPE PEÑA OSPINA (titular) / ROSA ELENA CÁRDENAS LÓPEZ (autorizado)');
  await expect(app.getByTestId('receipt')).not.toContainText('LUZ ÁNGELA MUÑOZ ÁLVAREZ');
});

test('an authorized person\'s maximum per day: a second withdrawal the same day beyond it is refused, saying what she took and what is left', async ({ app }) => {
  await openTill(app);
  // Rosa alone at the counter (the holder away) takes $ 500.000, her maximum per withdrawal.
  const rosaAlone = async (amount: string) => {
    await openAccount(app, 'F4', 'Retiro', ACCOUNT);
    await app.keyboard.type(amount);
    await app.keyboard.press('F2');
    await expect(app.getByLabel(/ROSA ELENA CÁRDENAS LÓPEZ/)).toBeFocused();
    await app.keyboard.press(' ');
    await app.keyboard.press('Shift+Tab');
    await app.keyboard.press(' ');
    await expect(app.getByLabel(/ANDRÉS FELIPE PEÑA OSPINA/)).not.toBeChecked();
    await expect(app.getByTestId('authorized-conditions')).toContainText('hasta $ 800.000 por día');
    await app.keyboard.press('Enter');
  };
  await rosaAlone('500000');
  await expect(app.getByRole('dialog', { name: 'Confirmar retiro' })).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt-words')).toHaveText('SON: QUINIENTOS MIL PESOS M/CTE');
  await nextOperation(app);
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();

  // The same day, $ 400.000: within the maximum per withdrawal, beyond the day's with the first.
  await rosaAlone('400000');
  await expect(app.getByRole('alert')).toContainText(
    'La autorización de ROSA ELENA CÁRDENAS LÓPEZ permite hasta $ 800.000 por día: hoy ya retiró u ordenó $ 500.000 de esta cuenta y con $ 400.000 serían $ 900.000. Reduzca el valor a $ 300.000 como máximo',
  );
  await expect(app.getByRole('dialog', { name: 'Confirmar retiro' })).toHaveCount(0);
  // No supervisor can widen it: no approval is asked.
  await expect(app.getByRole('dialog', { name: 'Aprobación del supervisor' })).toHaveCount(0);
});
