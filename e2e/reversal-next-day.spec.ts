import { expect } from '@playwright/test';
import { test } from './support/fixtures';
import { askReversalOfFirstDeposit } from './support/comprobante';
import { DEMO, expectHome, login } from './support/pages';
import { MONDAY, TUESDAY, overDays } from './support/next-day';

test('QA s35 A4-3: a reversal request left pending lapses overnight; the next day Inicio says so once and the journal reads Vencida', async () => {
  test.setTimeout(180_000);
  await overDays(async (day) => {
    await day(MONDAY, async (app) => {
      // Left to the desk; nobody decides it that day.
      await askReversalOfFirstDeposit(app);
    });
    await day(TUESDAY, async (app) => {
      await login(app, DEMO.teller);
      await expectHome(app, DEMO.teller.name);
      const lapsed = app.getByTestId('request-lapsed');
      await expect(lapsed).toHaveText('La solicitud de autorización de reverso de 001-03-000001 por $ 1.200.000 venció sin decisión del supervisor. Pida de nuevo la autorización.');
      // The journal keeps the lapse next to the request.
      await app.keyboard.press('F5');
      await app.getByLabel('Tipo de evento').selectOption('approval');
      await app.getByRole('button', { name: 'Buscar' }).click();
      const rows = app.getByRole('table', { name: 'Registros del diario' });
      await expect(rows).toContainText('Solicitada');
      await expect(rows).toContainText('Vencida');
      // Said once: back at Inicio it is gone.
      await app.keyboard.press('Escape');
      await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
      await expect(lapsed).toHaveCount(0);
    });
  });
});
