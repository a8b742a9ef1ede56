import { expect } from '@playwright/test';
import { test } from './support/fixtures';
import { DEMO, expectHome, login } from './support/pages';
import { TUESDAY, closedMondayAtCentral, dayOnEmptyData } from './support/next-day';
import { startControlledCentral } from './support/central-control';

test('QA: a workstation reinstalled under the same id reads a new journal, not DIARIO ALTERADO; F5 names where the previous one ended at central', async () => {
  test.setTimeout(240_000);
  const central = await startControlledCentral();
  try {
    await closedMondayAtCentral(central);
    await dayOnEmptyData(central, TUESDAY, async (app) => {
      await login(app, DEMO.teller);
      await expectHome(app, DEMO.teller.name);
      await app.keyboard.press('F5');
      await app.getByRole('button', { name: /Verificar integridad/ }).click();
      const status = app.getByTestId('journal-status');
      await expect(status).toContainText(/Diario iniciado en esta instalación el 02\/03\/2027; el anterior de la estación 001-03 quedó en central hasta el registro \d+\./);
      await expect(status).toContainText('Diario íntegro');
      await expect(status).not.toContainText('ALTERADO');
      await expect(app.getByTestId('status-journal')).toHaveCount(0);
    });
  } finally {
    await central.close();
  }
});
