import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startCentralProcess, type CentralProcess } from '../main/host/central-process';
import { test as base, expect } from './support/fixtures';
import { startHost } from './support/host';
import { DEMO, expectHome, login } from './support/pages';

/**
 * Contact-data update of the e-mail (seed 000's verification, seed 002's mismatch wording) at the counter,
 * keyboard first, against a real central process. Demo e-mails: central/demo/seed.ts (DEMO_EMAILS).
 */
const test = base.extend<{ central: CentralProcess }>({
  // eslint-disable-next-line no-empty-pattern
  central: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'caja-e2e-central-'));
    const proc = await startCentralProcess({ dbFile: join(dir, 'central.db') });
    await use(proc);
    await proc.stop();
    rmSync(dir, { recursive: true, force: true });
  },
  host: async ({ central }, use) => {
    const host = await startHost({ CAJA_CENTRAL_URL: central.url, CAJA_CENTRAL_TOKEN: central.tokens.get('001-03') ?? '' });
    await use(host);
    await host.stop();
  },
});

const message = (app: Page) => app.getByTestId('flow-message');

const emulate = async (app: Page, cmd: { action: 'fingerprint.place'; documentNumber: string; finger: 'right-index' }) => {
  const r = await app.evaluate(
    (c) => (window as unknown as { teller: { devices: { emulator(c: unknown): Promise<{ ok: boolean }> } } }).teller.devices.emulator(c),
    cmd,
  );
  expect(r.ok).toBe(true);
};

/** F7, "Actualización del correo electrónico" in the Trámite selector, then the document. */
const emailUpdateFor = async (app: Page, documentNumber: string) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await app.keyboard.press('F7');
  await expect(app.getByRole('heading', { name: 'Generación de código de seguridad', level: 1 })).toBeVisible();
  // Choosing only moves the selection; the flow of that trámite starts when the document is looked up (Enter).
  await app.getByLabel('Trámite').selectOption('contact_update:email');
  await expect(app.getByRole('heading', { name: 'Actualización de datos de contacto', level: 1 })).toBeVisible();
  await app.getByLabel('Número de documento').fill(documentNumber);
  await expect(async () => {
    await app.getByLabel('Número de documento').press('Enter');
    await expect(app.getByTestId('flow-customer')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(app.getByTestId('flow-customer')).toContainText('Correo registrado');
};

test('e-mail update: the previous e-mail is not remembered, ID + fingerprint match updates it at central', async ({ app, central }) => {
  await emailUpdateFor(app, '900000001');
  await expect(app.getByTestId('flow-customer')).toContainText('m***@correo.com.co');
  await expect(app.getByLabel('Correo electrónico nuevo que indica el cliente')).toBeFocused();
  await app.keyboard.type('Maria.Nueva@Correo.co');
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('Error de seguridad en datos');
  await expect(app.getByLabel('Correo anterior que el cliente dio al banco')).toBeFocused();
  await app.keyboard.press('F6');
  await expect(app.getByRole('heading', { name: 'Autorización de datos biométricos' })).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('Validación de huella');
  await emulate(app, { action: 'fingerprint.place', documentNumber: '900000001', finger: 'right-index' });
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('Correo electrónico actualizado');
  await expect(message(app)).toContainText('m***@correo.co');
  // The customer panel shows the e-mail now registered, not the one it replaced.
  await expect(app.getByTestId('flow-customer')).toContainText('m***@correo.co (actualizado)');
  await expect(app.getByTestId('flow-customer')).not.toContainText('m***@correo.com.co');
  await expect(app.getByTestId('constancia')).toContainText('CONSTANCIA DE ACTUALIZACIÓN DE DATOS');
  await expect(app.getByTestId('constancia')).not.toContainText('maria.nueva');
  // Central's customer record carries the new e-mail.
  const res = await fetch(`${central.url}/v1/reference?cursor=0&limit=500`, { headers: { authorization: `Bearer ${central.tokens.get('001-03') ?? ''}` } });
  const body = (await res.json()) as { changes: { entity: string; customer?: { documentNumber: string; email: string | null } }[] };
  expect(body.changes.find((c) => c.customer?.documentNumber === '900000001')?.customer?.email).toBe('maria.nueva@correo.co');
});

test('e-mail mismatch without biometric consent: tells the teller what the customer must do (seed 002)', async ({ app }) => {
  await emailUpdateFor(app, '900000002');
  await app.keyboard.type('otro@correo.co');
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('Error de seguridad en datos');
  await app.keyboard.type('juan@viejo.co');
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('El correo anterior no coincide');
  await expect(app.getByRole('heading', { name: 'Autorización de datos biométricos' })).toBeVisible();
  await app.keyboard.press('F6');
  await expect(message(app)).toContainText('Error de seguridad en datos');
  await expect(message(app)).toContainText('no coinciden con la información registrada');
  await expect(message(app)).toContainText('línea de servicio al cliente');
});
