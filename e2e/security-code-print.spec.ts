import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { DEMO, expectHome, login } from './support/pages';

/**
 * F7's constancia when the printer fails, as the deposit's receipt (e2e/deposit.spec.ts): the screen says so, the
 * focus waits on "Reintentar impresión", and Enter there prints the original, never a copy. The emulator stands in
 * for the hardware (the roll runs out, the teller changes it).
 */
type Printer = { action: 'printer.condition'; value: 'ok' | 'paper-out' } | { action: 'printer.paperOutMidJob' };
const printer = async (app: Page, cmd: Printer) => {
  const r = await app.evaluate(
    (c) => (window as unknown as { teller: { devices: { emulator(c: unknown): Promise<{ ok: boolean }> } } }).teller.devices.emulator(c),
    cmd,
  );
  expect(r.ok).toBe(true);
};

/** Every paper recorded for this number, and the last one the emulated printer let out. */
const papers = (app: Page, reference: string) =>
  app.evaluate(async (ref) => {
    type Call = (r: object) => Promise<{ ok: boolean; data: unknown }>;
    const t = (window as unknown as { teller: { devices: { jobs: Call; list: Call } } }).teller;
    const [mine, all] = [await t.devices.jobs({ reference: ref }), await t.devices.list({})];
    const jobs = (mine.data as { jobs: { copyNumber: number; state: string }[] }).jobs.map((j) => ({ copyNumber: j.copyNumber, state: j.state }));
    return { jobs, lastPaper: (all.data as { lastPaper: { lines: string[] } | null }).lastPaper?.lines.map((l) => l.trim()) ?? [] };
  }, reference);

/** The registered cellphone stated: central sends the code at once and the constancia goes to the printer. */
const sendCode = async (app: Page) => {
  await app.keyboard.press('F7');
  await expect(app.getByLabel('Número de documento')).toBeFocused();
  await app.keyboard.type('900000002');
  // Retried while the workstation's first pull of central's data is under way.
  await expect(async () => {
    await app.getByLabel('Número de documento').press('Enter');
    await expect(app.getByTestId('flow-customer')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await app.keyboard.type('310 123 4502');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('constancia')).toContainText('CONSTANCIA DE ENVÍO DE CÓDIGO');
  return (await app.getByTestId('constancia-reference').innerText()).trim();
};

test('F7, paper out: the constancia did not print, Enter on "Reintentar impresión" prints the original, then Enter starts the next request', async ({ app }) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await printer(app, { action: 'printer.condition', value: 'paper-out' });
  await expect(app.getByTestId('status-device-printer')).toHaveClass(/device-error/);
  const radicado = await sendCode(app);
  const status = app.getByTestId('print-status');
  await expect(status).toHaveAttribute('data-state', 'failed');
  await expect(status).toContainText('Impresión: la constancia no se imprimió. Impresora sin papel: cambie el rollo y pulse Reintentar');
  const retry = status.getByRole('button', { name: 'Reintentar impresión' });
  await expect(retry).toBeFocused();
  // The original is owed: its action is Reintentar; a copy ("Imprimir de nuevo") is offered only once it is out.
  const again = app.getByRole('button', { name: 'Imprimir de nuevo' });
  await expect(again).toHaveCount(0);
  // Enter while the roll is still out tries again and fails again: the next request does not start over the owed paper.
  await app.keyboard.press('Enter');
  await expect(retry).toBeFocused();
  await expect(app.getByTestId('constancia-reference')).toHaveText(radicado);

  await printer(app, { action: 'printer.condition', value: 'ok' });
  await expect(status).toContainText('Impresión: la constancia no se imprimió. La impresora ya está lista: pulse Reintentar impresión.');
  await app.keyboard.press('Enter');
  await expect(status).toHaveText('Impresión terminada. Entregue la constancia al cliente.');
  // The original, printed on a later try: one paper with this radicado, no copy.
  expect((await papers(app, radicado)).jobs).toEqual([{ copyNumber: 0, state: 'printed' }]);
  await expect(again).toBeVisible();
  // The paper is out: Enter goes on to the next request, as after a receipt.
  await expect(app.getByRole('button', { name: /^Nueva solicitud/ })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('constancia')).toBeHidden();
  await expect(app.getByLabel('Número de documento')).toBeFocused();
});

test('F7, paper out halfway through the constancia: the screen says it may be out, and Reintentar prints it marked REIMPRESIÓN', async ({ app }) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await printer(app, { action: 'printer.paperOutMidJob' });
  const radicado = await sendCode(app);
  const status = app.getByTestId('print-status');
  await expect(status).toHaveAttribute('data-state', 'failed');
  // Not "no se imprimió": part of it is on paper, so the teller looks before handing anything over.
  await expect(status).toContainText('Impresión: Se cortó mientras imprimía: pudo haber salido, total o parcialmente. Revise el papel');
  await expect(status.getByRole('button', { name: 'Reintentar impresión' })).toBeFocused();
  await printer(app, { action: 'printer.condition', value: 'ok' });
  await app.keyboard.press('Enter');
  await expect(status).toHaveText('Impresión terminada. Entregue la constancia al cliente.');
  // Still the original (no COPIA), marked so the customer never holds two unmarked constancias.
  const after = await papers(app, radicado);
  expect(after.jobs).toEqual([{ copyNumber: 0, state: 'printed' }]);
  expect(after.lastPaper).toContain('*** REIMPRESIÓN ***');
  const paper = after.lastPaper.join(' ');
  expect(paper).toContain('CONSTANCIA DE ENVÍO DE CÓDIGO');
  expect(paper).toContain(radicado);
  expect(paper).not.toContain('COPIA');
});
