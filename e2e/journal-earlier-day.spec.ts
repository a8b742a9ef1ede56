import { expect } from '@playwright/test';
import { test } from './support/fixtures';
import { firstCashDeposit, openTill } from './support/comprobante';
import { DEMO, expectHome, login } from './support/pages';
import { MONDAY, TUESDAY, overDays } from './support/next-day';

test('QA s35 A4-2: the next day F5 does not offer Reversar on yesterday\'s comprobante; the row says why, by the core\'s date', async () => {
  test.setTimeout(180_000);
  await overDays(async (day) => {
    await day(MONDAY, async (app) => {
      await openTill(app);
      await firstCashDeposit(app);
      await app.keyboard.press('Escape');
      // The same day it is offered, to the teller who posted it.
      await app.keyboard.press('F5');
      await app.getByLabel('Tipo de evento').selectOption('comprobante');
      await app.getByRole('button', { name: 'Buscar' }).click();
      const posting = app.getByRole('table', { name: 'Registros del diario' }).getByRole('row').filter({ hasText: '001-03-000001' });
      await expect(posting.getByRole('button', { name: 'Reversar 001-03-000001' })).toBeVisible();
    });
    await day(TUESDAY, async (app) => {
      await login(app, DEMO.teller);
      await expectHome(app, DEMO.teller.name);
      await app.keyboard.press('F5');
      await app.getByLabel('Tipo de evento').selectOption('comprobante');
      await app.getByRole('button', { name: 'Buscar' }).click();
      const posting = app.getByRole('table', { name: 'Registros del diario' }).getByRole('row').filter({ hasText: '001-03-000001' });
      await expect(posting).toContainText('Contabilizado');
      await expect(posting.getByRole('button', { name: /Reversar/ })).toHaveCount(0);
      await expect(posting).toContainText('Solo se reversan comprobantes del día. Para días anteriores acuda a la oficina de operaciones.');
      // Opened with Enter, the row offers no V Reversar either.
      await posting.focus();
      await app.keyboard.press('Enter');
      const actions = app.getByRole('dialog');
      await expect(actions).toContainText('Solo se reversan comprobantes del día');
      await expect(actions.getByRole('button', { name: /Reversar/ })).toHaveCount(0);
    });
  });
});
