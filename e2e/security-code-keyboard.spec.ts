import type { Page } from '@playwright/test';
import { expect, test } from './support/central-control';
import { DEMO, expectHome, login } from './support/pages';

/**
 * QA (keyboard-first): the focus never lands on nothing in the security-code screen, and the "Trámite" selector
 * only moves its choice with the arrow keys; Enter on the form acts.
 */
const docNumber = (app: Page) => app.getByLabel('Número de documento');

const openWizard = async (app: Page) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await app.keyboard.press('F7');
  await expect(app.getByRole('heading', { name: 'Generación de código de seguridad', level: 1 })).toBeVisible();
  await expect(docNumber(app)).toBeFocused();
};

test('F7 → F7 → Esc: closing "Solicitudes abiertas" gives the focus back to the document number', async ({ app }) => {
  await openWizard(app);
  await app.keyboard.press('F7');
  await expect(app.getByTestId('open-flows')).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(app.getByTestId('open-flows')).toHaveCount(0);
  await expect(docNumber(app)).toBeFocused();
  // F7 twice (open, close) as well.
  await app.keyboard.press('F7');
  await expect(app.getByTestId('open-flows')).toBeVisible();
  await app.keyboard.press('F7');
  await expect(app.getByTestId('open-flows')).toHaveCount(0);
  await expect(docNumber(app)).toBeFocused();
});

test('cancelling a request: back from the reason keeps the focus on the step; confirming lands on "Nueva solicitud"', async ({ app }) => {
  await openWizard(app);
  await app.keyboard.type('900000002');
  await expect(async () => {
    await docNumber(app).press('Enter');
    await expect(app.getByTestId('flow-customer')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const phone = app.getByLabel('Celular que indica el cliente');
  await expect(phone).toBeFocused();

  await app.getByRole('button', { name: 'Cancelar solicitud' }).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByLabel('Motivo de la cancelación')).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(app.getByLabel('Motivo de la cancelación')).toHaveCount(0);
  await expect(phone).toBeFocused();

  await app.getByRole('button', { name: 'Cancelar solicitud' }).focus();
  await app.keyboard.press('Enter');
  await app.keyboard.type('El cliente se retiró');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('flow-message')).toContainText('Solicitud cancelada');
  await expect(app.getByRole('button', { name: /Nueva solicitud/ })).toBeFocused();
});

test('arrow keys on "Trámite" only move the choice; Enter looks the customer up in the chosen trámite', async ({ app }) => {
  await openWizard(app);
  await app.keyboard.type('900000002');
  const tramite = app.getByLabel('Trámite');
  await tramite.focus();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowUp');
  await expect(tramite).toHaveValue('contact_update:cellphone');
  // Nothing was cancelled or started: the typed document is still there and the selector keeps the focus.
  await expect(docNumber(app)).toHaveValue('900000002');
  await expect(tramite).toBeFocused();

  await docNumber(app).focus();
  await expect(async () => {
    await docNumber(app).press('Enter');
    await expect(app.getByTestId('flow-customer')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(app.getByRole('heading', { name: 'Actualización de datos de contacto', level: 1 })).toBeVisible();
  await expect(app.getByLabel('Celular nuevo que indica el cliente')).toBeFocused();
});

test('Enter on the document type looks the customer up, as Enter in the number does (the list never opens)', async ({ app }) => {
  await openWizard(app);
  await app.keyboard.type('900000002');
  await app.keyboard.press('Shift+Tab');
  const type = app.getByRole('group', { name: 'Documento del cliente' }).getByLabel('Tipo de documento');
  await expect(type).toBeFocused();
  await expect(async () => {
    await type.press('Enter');
    await expect(app.getByTestId('flow-customer')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
});
