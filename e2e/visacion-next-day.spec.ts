import { test } from './support/fixtures';
import { askVisacion } from './support/comprobante';
import { MONDAY, TUESDAY, lapseToldOnce, overDays } from './support/next-day';

test("a withdrawal's visación left waiting lapses overnight; the next day Inicio says what lapsed, for how much and what to do, once, and the journal reads Vencida", async () => {
  test.setTimeout(180_000);
  await overDays(async (day) => {
    await day(MONDAY, async (app) => {
      await askVisacion(app);
      // Left waiting for a supervisor who never comes; the workstation is switched off for the night.
    });
    // Journaled when the workstation started, before anyone looked.
    await day(TUESDAY, (app) => lapseToldOnce(app, 'La solicitud de autorización de retiro por $ 6.000.000 venció sin decisión del supervisor. Pida de nuevo la autorización.'));
  });
});
