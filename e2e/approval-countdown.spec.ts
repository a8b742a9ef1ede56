import { expect } from '@playwright/test';
import { test } from './support/fixtures';
import { openAccount, openTill } from './support/comprobante';
import { MONDAY, overDays } from './support/next-day';

/**
 * The counter's approval dialog shows the time left to its request's deadline on the core's clock: here the core's
 * clock starts on another day than the browser's (CAJA_CLOCK_START), and the dialog still counts 15 minutes down.
 */
test('a visación’s dialog counts down the 15 minutes from the core’s clock, not the browser’s', async () => {
  test.setTimeout(120_000);
  await overDays(async (day) => {
    await day(MONDAY, async (app) => {
      await openTill(app);
      await openAccount(app, 'F4', 'Retiro', '240000000029');
      await app.keyboard.type('6000000');
      await app.keyboard.press('Enter');
      const approval = app.getByRole('dialog', { name: 'Aprobación del supervisor' });
      const left = approval.getByTestId('approval-time-left');
      await expect(left).toHaveText(/^Vence en 1[45]:\d\d$/);
      const first = await left.textContent();
      await expect(left).not.toHaveText(first ?? '', { timeout: 5_000 });
      await expect(left).toHaveText(/^Vence en 1[45]:\d\d$/);
      await expect(approval.getByLabel('Usuario del supervisor')).toBeFocused();
    });
  });
});

/**
 * The lapse as the dialog shows it, the page's timers moved 15 minutes on (Playwright's clock): the host's own clock
 * cannot be moved while a page is open, so the core still holds the request open; what is tested is that the dialog
 * says the lapse by itself, at once, locks the decision and offers Enter (ask again) and Esc (close).
 */
test('at the end of the count the dialog says the request lapsed, locks the decision, Enter asks again and Esc closes', async ({ host, bare: app }) => {
  test.setTimeout(120_000);
  await app.clock.install();
  await app.goto(host.launchUrl);
  await openTill(app);
  await openAccount(app, 'F4', 'Retiro', '240000000029');
  await app.keyboard.type('6000000');
  await app.keyboard.press('Enter');
  const approval = app.getByRole('dialog', { name: 'Aprobación del supervisor' });
  await expect(approval.getByTestId('approval-time-left')).toHaveText(/^Vence en 1[45]:\d\d$/);
  await app.keyboard.type('supervisor1');
  await app.clock.fastForward('15:01');
  await expect(approval.getByTestId('approval-lapsed')).toHaveText('La solicitud venció: pídala de nuevo. Presione Enter para pedirla de nuevo o Esc para cerrar.');
  await expect(approval.getByTestId('approval-time-left')).toHaveCount(0);
  for (const field of ['Usuario del supervisor', 'Contraseña del supervisor', /^Observación/]) await expect(approval.getByLabel(field)).toBeDisabled();
  await expect(approval.getByRole('button', { name: /^Aprobar/ })).toHaveCount(0);
  await expect(approval.getByRole('button', { name: /^Rechazar/ })).toHaveCount(0);
  await expect(approval.getByRole('button', { name: /^Pedir de nuevo/ })).toBeFocused();
  // Enter: a new request for the same withdrawal, counted anew and open to a decision.
  await app.keyboard.press('Enter');
  await expect(approval.getByTestId('approval-time-left')).toHaveText(/^Vence en 1[45]:\d\d$/);
  await expect(approval.getByTestId('approval-lapsed')).toHaveCount(0);
  await expect(approval.getByLabel('Usuario del supervisor')).toBeEnabled();
  await expect(approval.getByLabel('Usuario del supervisor')).toBeFocused();
  // Lapsed again, Esc closes the dialog.
  await app.clock.fastForward('15:01');
  await expect(approval.getByTestId('approval-lapsed')).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(approval).toHaveCount(0);
});
