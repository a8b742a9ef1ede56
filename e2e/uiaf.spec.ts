import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { test as withCentral } from './support/central-control';
import { openAccount, openTill } from './support/comprobante';
import { DEMO, switchUser } from './support/pages';

/** A cash deposit to Juan's account in 100.000 bills, up to the declaration the core asks for. */
const cashToJuan = async (app: Page, total: number) => {
  await openTill(app);
  await openAccount(app, 'F3', 'Consignación', '240000000029');
  await app.locator('#denom-100000').fill(String(total / 100_000));
  await app.getByLabel('Total del comprobante').fill(String(total));
  await app.getByLabel('Total del comprobante').press('Enter');
  return app.getByRole('dialog', { name: 'Declaración de origen de fondos' });
};

const depositWithDeclaration = async (app: Page) => {
  const form = await cashToJuan(app, 10_000_000);
  await expect(form).toContainText('$ 10.000.000');
  await form.getByLabel('Dirección').fill('Calle 10 # 5-20, Bogotá');
  await form.getByLabel('Teléfono').fill('3101234502');
  await form.getByLabel('Origen de los fondos').fill('Venta de un vehículo particular');
  await form.getByLabel('Actividad económica').fill('Comerciante');
  await form.getByRole('button', { name: /Guardar declaración/ }).click();
  await expect(form.getByRole('alert')).toContainText('firmada');
  await form.getByLabel('El cliente firmó la declaración').check();
  await form.getByRole('button', { name: /Guardar declaración/ }).click();
  await expect(app.getByRole('dialog', { name: 'Confirmar consignación' })).toContainText('UIAF');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt-words')).toHaveText('SON: DIEZ MILLONES DE PESOS M/CTE');
};

test('a cash deposit of 10.000.000 needs the signed declaración de origen de fondos before it posts', async ({ app }) => {
  await depositWithDeclaration(app);
});

test('the declaration holds for the amount it was signed for: after an edit it is asked again, with the customer’s answers kept', async ({ app }) => {
  const form = await cashToJuan(app, 10_000_000);
  await form.getByLabel('Dirección').fill('Calle 10 # 5-20, Bogotá');
  await form.getByLabel('Teléfono').fill('3101234502');
  await form.getByLabel('Origen de los fondos').fill('Venta de un vehículo particular');
  await form.getByLabel('Actividad económica').fill('Comerciante');
  await form.getByLabel('El cliente firmó la declaración').check();
  await form.getByRole('button', { name: /Guardar declaración/ }).click();
  const confirm = app.getByRole('dialog', { name: 'Confirmar consignación' });
  await expect(confirm).toBeVisible();
  await app.keyboard.press('Escape');
  await app.locator('#denom-100000').fill('120');
  await app.getByLabel('Total del comprobante').fill('12000000');
  await app.getByLabel('Total del comprobante').press('Enter');
  // A new declaration for the new amount, starting from what the customer said; the signature is confirmed again.
  await expect(form).toContainText('$ 12.000.000');
  await expect(form.getByLabel('Origen de los fondos')).toHaveValue('Venta de un vehículo particular');
  await expect(form.getByLabel('El cliente firmó la declaración')).not.toBeChecked();
  await form.getByLabel('El cliente firmó la declaración').check();
  await form.getByRole('button', { name: /Guardar declaración/ }).click();
  await expect(confirm).toContainText('UIAF');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt-words')).toHaveText('SON: DOCE MILLONES DE PESOS M/CTE');
});

withCentral('the declaration reaches central with the cash, where the month’s cash report lists it for the UIAF', async ({ app, central }) => {
  await depositWithDeclaration(app);
  const month = new Date(Date.now() - 5 * 3_600_000).toISOString().slice(0, 7);
  const report = async () => {
    const r = await central.client().call('cashReport', { branch: '001', month });
    return r.ok ? r.data.individual : [];
  };
  await expect.poll(async () => (await report()).map((t) => [t.account, t.amount, t.direction]), { timeout: 15_000 }).toEqual([['240000000029', 10_000_000, 'deposito']]);
  const [row] = await report();
  expect(row?.declaration).toEqual({ originOrDestination: 'Venta de un vehículo particular', economicActivity: 'Comerciante', pep: false });
  expect(row?.transactor).toMatchObject({ type: 'CC', number: '900000002' });

  // The supervisor reads the branch's part of the report at the desk (F6), from central.
  await switchUser(app, DEMO.supervisor);
  await app.keyboard.press('F1');
  await expect(app.getByRole('heading', { name: 'Escritorio del supervisor' })).toBeVisible();
  await app.keyboard.press('F6');
  const individual = app.getByRole('table', { name: 'Transacciones individuales' });
  await expect(individual).toContainText('240000000029');
  await expect(individual).toContainText('$ 10.000.000');
  await expect(individual).toContainText('Declarada: Venta de un vehículo particular');
  await expect(app.getByRole('heading', { name: 'Clientes sobre el umbral mensual (0)' })).toBeVisible();
});

withCentral('cash the customer brought to another till this month counts: 6.000.000 here after 45.000.000 there asks for the declaration', async ({ app, central }) => {
  await central.postAs({
    type: 'cash_deposit',
    account: '240000000045',
    payload: { amount: 45_000_000, cash: { transactor: { type: 'CC', number: '900000002' }, declaration: { originOrDestination: 'Venta de un inmueble', economicActivity: 'Comerciante', pep: false } } },
  });
  await expect(await cashToJuan(app, 6_000_000)).toContainText('$ 6.000.000');
});
