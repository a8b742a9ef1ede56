import { test } from './support/fixtures';
import { askReversalOfFirstDeposit } from './support/comprobante';
import { MONDAY, TUESDAY, lapseToldOnce, overDays } from './support/next-day';

test('QA s35 A4-3: a reversal request left pending lapses overnight; the next day Inicio says so once and the journal reads Vencida', async () => {
  test.setTimeout(180_000);
  await overDays(async (day) => {
    await day(MONDAY, async (app) => {
      // Left to the desk; nobody decides it that day.
      await askReversalOfFirstDeposit(app);
    });
    await day(TUESDAY, (app) => lapseToldOnce(app, 'La solicitud de autorización de reverso de 001-03-000001 por $ 1.200.000 venció sin decisión del supervisor. Pida de nuevo la autorización.'));
  });
});
