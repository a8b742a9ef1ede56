import { expect } from '@playwright/test';
import { test } from './support/fixtures';
import { openAccount, openTill } from './support/comprobante';
import { MONDAY, overDays } from './support/next-day';

/**
 * The counter's approval dialog shows the time left to its request's deadline on the core's clock: here the core's
 * clock starts on another day than the browser's (CAJA_CLOCK_START), and the dialog still counts 15 minutes down.
 * The lapse itself ('La solicitud venció: pídala de nuevo.') is not driven here: the host's clock cannot be moved
 * forward while a page is open and a visación lives 15 minutes, so it is left to the renderer's unit test and the
 * core's lapse tests.
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
