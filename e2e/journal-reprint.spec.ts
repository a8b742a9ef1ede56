import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { firstCashDeposit, openTill } from './support/comprobante';

/** The teller changes the roll or runs out of it; the emulator stands in for the hardware. */
const printer = (app: Page, value: 'ok' | 'paper-out') =>
  app.evaluate(async (v) => {
    const t = (window as unknown as { teller: { devices: { emulator(r: object): Promise<{ ok: boolean }> } } }).teller;
    return (await t.devices.emulator({ action: 'printer.condition', value: v })).ok;
  }, value);

const searchComprobantes = async (app: Page) => {
  await app.keyboard.press('F5');
  await expect(app.getByRole('heading', { name: 'Diario electrónico' })).toBeVisible();
  await app.getByLabel('Tipo de evento').selectOption('comprobante');
  await app.getByRole('button', { name: 'Buscar' }).click();
  return app.getByRole('table', { name: 'Registros del diario' }).getByRole('row').filter({ hasText: '001-03-000001' });
};

test('F5: a comprobante whose original receipt has not printed says so and points to F9 instead of offering Reimprimir; once printed, Reimprimir', async ({ app }) => {
  await openTill(app);
  expect(await printer(app, 'paper-out')).toBe(true);
  await expect(app.getByTestId('status-device-printer')).toHaveClass(/device-error/);
  await firstCashDeposit(app);
  await expect(app.getByTestId('print-status')).toHaveAttribute('data-state', 'failed');
  await app.keyboard.press('Escape');

  // A copy never comes out before the original: the row says where the original is printed.
  const row = await searchComprobantes(app);
  await expect(row).toContainText('Recibo original pendiente de imprimir: F9');
  await expect(row.getByRole('button', { name: /^Reimprimir/ })).toHaveCount(0);

  expect(await printer(app, 'ok')).toBe(true);
  await app.keyboard.press('Escape');
  await app.keyboard.press('F9');
  const job = app.getByRole('table', { name: 'Impresiones recientes' }).getByRole('row').nth(1);
  await job.getByRole('button', { name: /Reintentar/ }).click();
  await expect(job.getByTestId('job-state')).toHaveText('Impreso');
  await app.keyboard.press('Escape');

  const printed = await searchComprobantes(app);
  await expect(printed.getByRole('button', { name: 'Reimprimir 001-03-000001' })).toBeVisible();
  await expect(printed).not.toContainText('pendiente de imprimir');
});
