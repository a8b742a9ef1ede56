import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, test, expect } from './support/fixtures';
import { startHost } from './support/host';
import { firstCashDeposit, openAccount, openTill, postCashDeposit, nextOperation, postedKeysActive } from './support/comprobante';

const INSERT = 'Validación del comprobante: Inserte el comprobante en la ranura de validación.';
const REMOVE = 'Validación del comprobante: Retire el comprobante validado.';
const VALIDATED = 'Comprobante del cliente validado: entrégueselo con el recibo.';

/** The teller's hand at the slip slot of the emulated TM-H6000 (the paper is physical: no key does this). */
const hand = (app: Page, action: 'printer.insertSlip' | 'printer.removeSlip') =>
  app.evaluate(async (a) => {
    const t = (window as unknown as { teller: { devices: { emulator(r: object): Promise<{ ok: boolean }> } } }).teller;
    return (await t.devices.emulator({ action: a })).ok;
  }, action);

// eslint-disable-next-line no-empty-pattern
test('slip station: each deposit asks for the customer\'s slip, imprints it, and F7 or leaving omits it, leaving Reintentar (keyboard only)', async ({}, testInfo) => {
  testInfo.skip(testInfo.project.name === 'electron', 'The workstation config is given to the browser host.');
  test.slow(); // a host of its own
  const dir = mkdtempSync(join(tmpdir(), 'caja-e2e-slip-'));
  const config = join(dir, 'slip-station.json');
  // The slip is put in and taken out by the test's hand, not by the emulator on its own.
  writeFileSync(config, JSON.stringify({ devices: { printer: { model: 'epson-tm-h6000', slip: true, link: { kind: 'emulated', autoSlipMs: null } } } }));
  const host = await startHost({ CAJA_CONFIG: config });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const app = await browser.newPage();
    await app.goto(host.launchUrl);
    await openTill(app);
    const status = app.getByTestId('validation-status');

    // First deposit: the receipt prints, then the slip station asks for the customer's slip, stage by stage.
    await firstCashDeposit(app);
    await expect(app.getByTestId('print-status')).toHaveText('Impresión terminada. Entregue el recibo al cliente.');
    await expect(status.getByRole('paragraph')).toHaveText(INSERT);
    await expect(status.getByRole('button', { name: /Omitir validación/ })).toBeVisible();
    expect(await hand(app, 'printer.insertSlip')).toBe(true);
    await expect(status.getByRole('paragraph')).toHaveText(REMOVE);
    expect(await hand(app, 'printer.removeSlip')).toBe(true);
    await expect(status).toHaveText(VALIDATED);
    await expect(status).toHaveAttribute('data-state', 'printed');

    // Second deposit: the teller omits the validation (F7); the screen says why, and Enter on Reintentar retries it.
    const deposit = async (sequence: string) => {
      await openAccount(app, 'F3', 'Consignación', '240000000011');
      await app.keyboard.press('Enter');
      await app.keyboard.type('2'); // 50.000 × 2
      await postCashDeposit(app, 100000);
      await expect(app.getByTestId('receipt-sequence')).toHaveText(sequence);
      await expect(status.getByRole('paragraph')).toHaveText(INSERT);
      await app.keyboard.press('F7');
      await expect(status).toHaveAttribute('data-state', 'failed');
      await expect(status.getByRole('paragraph')).toHaveText(
        'Validación del comprobante: no se validó. Validación omitida: el comprobante del cliente quedó sin validar. Valídelo con Reintentar en Dispositivos (F9).',
      );
      await expect(status.getByRole('button', { name: /Reintentar validación/ })).toBeFocused();
      await postedKeysActive(app);
    };
    await nextOperation(app); // Nueva operación
    await deposit('001-03-000002');
    await app.keyboard.press('Enter');
    await expect(status.getByRole('paragraph')).toHaveText(INSERT);
    expect(await hand(app, 'printer.insertSlip')).toBe(true);
    await expect(status.getByRole('paragraph')).toHaveText(REMOVE);
    expect(await hand(app, 'printer.removeSlip')).toBe(true);
    await expect(status).toHaveText(VALIDATED);
    // What went on the customer's slip: the receipt's sequence, date-time, amount and verification code, once.
    const code = await app.getByTestId('receipt').getByText(/^[0-9A-F]{4}-[0-9A-F]{4}$/).textContent();
    const postedAt = await app.getByTestId('receipt-posted-at').textContent();
    const paper = await app.evaluate(async () => {
      const t = (window as unknown as { teller: { devices: { list(r: object): Promise<{ ok: true; data: { lastPaper: { kind: string; lines: string[] } | null } }> } } }).teller;
      return (await t.devices.list({})).data.lastPaper;
    });
    expect(paper?.kind).toBe('slip');
    expect(paper?.lines.filter((l) => l !== '')).toEqual([`001-03-000002 ${postedAt} $ 100.000 ${code}`]);

    // Third deposit omitted, the fourth left (Esc) while the station waits: both stay owed in F9.
    await nextOperation(app); // Nueva operación
    await deposit('001-03-000003');
    await app.keyboard.press('Escape');
    await openAccount(app, 'F3', 'Consignación', '240000000011');
    await app.keyboard.press('Enter');
    await app.keyboard.type('2');
    await postCashDeposit(app, 100000);
    await expect(status.getByRole('paragraph')).toHaveText(INSERT);
    await app.keyboard.press('Escape');
    await app.keyboard.press('F9');
    const jobs = app.getByRole('table', { name: 'Impresiones recientes' });
    const row = (sequence: string) => jobs.getByRole('row').filter({ hasText: `Validación ${sequence}` });
    await expect(row('001-03-000003').getByTestId('job-state')).toContainText('Falló');
    await expect(row('001-03-000003').getByTestId('job-state')).toContainText('Validación omitida');
    await expect(row('001-03-000003').getByRole('button', { name: /Reintentar/ })).toBeVisible();
    await expect(row('001-03-000004').getByTestId('job-state')).toContainText('Validación omitida');
    await expect(app.getByTestId('status-device-printer')).toContainText('Hay 2 documentos sin imprimir');
    // The retried one printed on its second try; an imprint is on the customer's paper, so it offers no copy.
    await expect(row('001-03-000002').getByTestId('job-state')).toHaveText('Impreso');
    await expect(row('001-03-000002').getByRole('cell').nth(4)).toHaveText('2');
    await expect(row('001-03-000002').getByRole('button', { name: /Reimprimir/ })).toHaveCount(0);
    await expect(row('001-03-000001').getByTestId('job-state')).toHaveText('Impreso');
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
