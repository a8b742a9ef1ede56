import { test, expect } from './support/fixtures';
import { openAccount, openTill } from './support/comprobante';

test('Esc from the confirmation goes back to the amount: Enter reviews again, without the mouse', async ({ app }) => {
  await openTill(app);
  await openAccount(app, 'F4', 'Retiro', '240000000029');
  await app.keyboard.type('250000');
  await app.keyboard.press('Enter');
  const confirm = app.getByRole('dialog', { name: 'Confirmar retiro' });
  // Whose account and who withdraws, read out before paying.
  await expect(confirm.getByTestId('withdrawal-account-line')).toContainText('Cuenta 240000000029');
  await expect(confirm.getByTestId('withdrawal-account-line')).toContainText(/Retira: JUAN .*\(CC /);
  await app.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(app.getByLabel('Valor a retirar')).toBeFocused();
  await app.keyboard.press('Backspace');
  await app.keyboard.press('Backspace');
  await app.keyboard.type('50');
  await app.keyboard.press('Enter');
  await expect(confirm.getByTestId('withdrawal-summary')).toContainText('$ 250.050');
  await app.keyboard.press('Escape');
  await expect(app.getByLabel('Valor a retirar')).toBeFocused();
  await expect(app.getByRole('heading', { name: 'Retiro', exact: true })).toBeVisible();
});

test('typing ahead: the amount and its Enter typed while the account is looked up are not lost', async ({ app }) => {
  await openTill(app);
  await app.keyboard.press('F4');
  await expect(app.getByRole('heading', { name: 'Retiro', exact: true })).toBeVisible();
  // No wait between the account's Enter and the amount: a fast teller does not watch the screen.
  await app.keyboard.type('240000000029');
  await app.keyboard.press('Enter');
  await app.keyboard.type('180000');
  await app.keyboard.press('Enter');
  const confirm = app.getByRole('dialog', { name: 'Confirmar retiro' });
  await expect(confirm.getByTestId('withdrawal-summary')).toContainText('$ 180.000');
  await expect(confirm.getByTestId('withdrawal-account-line')).toContainText('Cuenta 240000000029');
});

test('an account number edited after its lookup hides the old account until Enter looks up the new one', async ({ app }) => {
  await openTill(app);
  await openAccount(app, 'F4', 'Retiro', '240000000029');
  const number = app.getByLabel('Número de cuenta');
  await number.press('End');
  await number.press('Backspace');
  await number.press('Backspace');
  await number.pressSequentially('37');
  // Nothing of 240000000029 is left to withdraw from while the field says 240000000037.
  await expect(app.getByTestId('account-panel')).toHaveCount(0);
  await expect(app.getByLabel('Valor a retirar')).toHaveCount(0);
  await number.press('Enter');
  await expect(app.getByTestId('account-panel')).toContainText('240000000037');
  await expect(app.getByTestId('account-panel')).toContainText('Colectiva');
});

test('colectiva: nobody is presumed to withdraw; the receipt names the holder the teller marked', async ({ app }) => {
  await openTill(app);
  await openAccount(app, 'F4', 'Retiro', '240000000037');
  const presenters = app.getByTestId('presenters');
  // Either holder withdraws alone: a pre-marked first holder would print María's name when Luz took the money.
  await expect(presenters.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await app.keyboard.type('100000');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('alert')).toContainText('Marque quién está presente e identificado');
  await app.getByLabel(/LUZ/).check();
  await app.getByLabel('Valor a retirar').fill('100000');
  await app.getByLabel('Valor a retirar').press('Enter');
  await expect(app.getByRole('dialog', { name: 'Confirmar retiro' }).getByTestId('withdrawal-account-line')).toContainText(/Retira: LUZ/);
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt')).toContainText(/Retira\s*LUZ[^\n]*\(titular\)/);
});

test('cheque de gerencia to a company: its NIT goes to the core, the confirmation and the receipt', async ({ app }) => {
  await openTill(app);
  await openAccount(app, 'F4', 'Retiro', '240000000029');
  await app.keyboard.type('1000000');
  await app.getByLabel('Forma de pago').selectOption('cheque-tercero');
  await app.getByLabel('Número del cheque de gerencia').fill('4455669');
  await app.getByLabel('Beneficiario del cheque').fill('Ferretería El Tornillo SAS');
  const doc = app.getByRole('group', { name: 'Documento del beneficiario' });
  await doc.getByLabel('Tipo de documento').selectOption('NIT');
  // A wrong check digit is the core's typed refusal, in words.
  await doc.getByLabel('Número de documento').fill('900123456-1');
  await doc.getByLabel('Número de documento').press('Enter');
  await expect(app.getByRole('alert')).toContainText('dígito de verificación');
  await doc.getByLabel('Número de documento').fill('900123456-8');
  await doc.getByLabel('Número de documento').press('Enter');
  const confirm = app.getByRole('dialog', { name: 'Confirmar retiro' });
  await expect(confirm.getByTestId('payout-cheque')).toContainText('FERRETERÍA EL TORNILLO SAS (NIT 900.123.456-8)');
  await expect(confirm).toContainText('a solicitud del titular');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt')).toContainText('Cheque de gerencia a FERRETERÍA EL TORNILLO SAS (NIT 900.123.456-8)');
});

test('cheque de gerencia to a company with a cédula: warned at the field, Enter goes to its confirmation and past it; a person with a NIT is warned too; a NIT for the company says nothing', async ({ app }) => {
  await openTill(app);
  await openAccount(app, 'F4', 'Retiro', '240000000029');
  await app.keyboard.type('1000000');
  await app.getByLabel('Forma de pago').selectOption('cheque-tercero');
  await app.getByLabel('Número del cheque de gerencia').fill('4455671');
  await app.getByLabel('Beneficiario del cheque').fill('Ferretería El Tornillo S.A.S.');
  const doc = app.getByRole('group', { name: 'Documento del beneficiario' });
  await expect(doc.getByLabel('Tipo de documento')).toHaveValue('CC');
  const warning = app.getByTestId('beneficiary-warning');
  await expect(warning).toContainText('El beneficiario parece una empresa (S.A.S.) y el documento no es un NIT');
  await doc.getByLabel('Número de documento').fill('79123456');
  await doc.getByLabel('Número de documento').press('Enter');
  // Not a block: Enter stops on the confirmation, and Enter there goes on to the summary with the cédula.
  const confirm = app.getByRole('dialog', { name: 'Confirmar retiro' });
  const goOn = warning.getByRole('button', { name: 'El documento es correcto, continuar' });
  await expect(goOn).toBeFocused();
  await expect(confirm).toHaveCount(0);
  await app.keyboard.press('Enter');
  await expect(confirm.getByTestId('payout-cheque')).toContainText('FERRETERÍA EL TORNILLO S.A.S. (CC 79.123.456)');
  await app.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(warning).toContainText('Confirmado');

  // A plainly personal name with a NIT is warned again (another beneficiary, another confirmation).
  await app.getByLabel('Beneficiario del cheque').fill('Pedro Pérez');
  await doc.getByLabel('Tipo de documento').selectOption('NIT');
  await expect(warning).toContainText('El beneficiario parece una persona y el documento es un NIT');
  await expect(goOn).toBeVisible();
  // The company with its NIT: nothing to say, Enter reviews at once.
  await app.getByLabel('Beneficiario del cheque').fill('Ferretería El Tornillo S.A.S.');
  await expect(warning).toHaveCount(0);
  await doc.getByLabel('Número de documento').fill('900123456-8');
  await doc.getByLabel('Número de documento').press('Enter');
  await expect(confirm.getByTestId('payout-cheque')).toContainText('FERRETERÍA EL TORNILLO S.A.S. (NIT 900.123.456-8)');
});

test('Enter on "Forma de pago", the beneficiary and the document type reviews, as the button says; the list never opens and ↓ still chooses', async ({ app }) => {
  await openTill(app);
  await openAccount(app, 'F4', 'Retiro', '240000000029');
  const payout = app.getByLabel('Forma de pago');
  // Nothing to review yet: Enter on the list says what is missing, and F2 still reaches the people present.
  await app.keyboard.press('Tab');
  await expect(payout).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('alert')).toContainText('Escriba el valor a retirar');
  await app.keyboard.press('F2');
  await expect(app.getByTestId('presenters').getByRole('checkbox').first()).toBeFocused();

  await app.getByLabel('Valor a retirar').focus();
  await app.keyboard.type('200000');
  await app.keyboard.press('Tab');
  await app.keyboard.press('ArrowDown');
  await expect(payout).toHaveValue('cheque-titular');
  // A cheque payout needs its number; then Enter back on the list reviews.
  await app.getByLabel('Número del cheque de gerencia').fill('4455670');
  await payout.focus();
  await app.keyboard.press('Enter');
  const confirm = app.getByRole('dialog', { name: 'Confirmar retiro' });
  await expect(confirm.getByTestId('payout-cheque')).toContainText('JUAN');
  await app.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);

  await payout.focus();
  await app.keyboard.press('ArrowDown');
  await expect(payout).toHaveValue('cheque-tercero');
  await app.keyboard.press('Tab');
  await expect(app.getByLabel('Número del cheque de gerencia')).toBeFocused();
  await app.keyboard.press('Tab');
  await expect(app.getByLabel('Beneficiario del cheque')).toBeFocused();
  await app.keyboard.type('Pedro Pérez');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('alert')).toContainText('Escriba el nombre y el documento del beneficiario');
  const type = app.getByRole('group', { name: 'Documento del beneficiario' }).getByLabel('Tipo de documento');
  await app.keyboard.press('Tab');
  await expect(type).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(type).toHaveValue('CE');
  await app.keyboard.press('Tab');
  await app.keyboard.type('456789');
  await app.keyboard.press('Shift+Tab');
  await expect(type).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(confirm.getByTestId('payout-cheque')).toContainText('PEDRO PÉREZ (CE');
  await app.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await app.getByLabel('Beneficiario del cheque').focus();
  await app.keyboard.press('Enter');
  await expect(confirm.getByTestId('payout-cheque')).toContainText('PEDRO PÉREZ (CE');
});

test('Enter twice quickly on the confirmation pays once and the receipt stays on screen until "Nueva operación" is enabled', async ({ app }) => {
  await openTill(app);
  await openAccount(app, 'F4', 'Retiro', '240000000029');
  await app.keyboard.type('150000');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('dialog', { name: 'Confirmar retiro' })).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt-sequence')).toHaveText('001-03-000001');
  await app.keyboard.press('Enter'); // the double press's second Enter
  const next = app.getByRole('button', { name: /^Nueva operación/ });
  await expect(next).toBeEnabled();
  await expect(app.getByTestId('receipt-sequence')).toHaveText('001-03-000001');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
});
