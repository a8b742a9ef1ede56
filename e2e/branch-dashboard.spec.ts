import { test, expect } from './support/central-control';
import { DEMO, switchUser } from './support/pages';
import { startSecondWorkstation } from './support/second-workstation';
import { openTillAs } from './support/till';

/**
 * Issue 7 "Supervisor desk", branch dashboard: `app` is workstation 001-03, a second browser host is 001-02, both
 * on the same central. The teller opens Caja 02 at 001-02; the supervisor at 001-03 sees it on the dashboard with
 * its position against its limit, beside 001-03's own till; with central down the dashboard says so and keeps
 * the local till; a workstation that stops reporting is shown stale ("Sin reporte desde hh:mm").
 */
test('a teller opens Caja 02 at 001-02; the supervisor at 001-03 sees it on the branch dashboard with its position and limit; central down: said so, local till kept; a silent workstation shows stale', async ({ app, central }) => {
  const other = await startSecondWorkstation(central);
  try {
    // 001-03: Ana opens her till, then the supervisor signs in at the same workstation.
    await openTillAs(app, DEMO.teller);
    await switchUser(app, DEMO.supervisor);

    // 001-02: Luis opens Caja 02.
    await openTillAs(other.page, DEMO.teller2);

    // The supervisor's desk (F1): both tills, the remote one from central with how fresh its report is.
    await app.keyboard.press('F1');
    await expect(app.getByRole('heading', { name: 'Escritorio del supervisor' })).toBeVisible();
    const tills = app.getByRole('table', { name: 'Cajas abiertas' });
    const remote = app.getByTestId('dashboard-till-001-02');
    // F5 rereads at once (the desk also rereads on its own every 15 s).
    await expect(async () => {
      await app.keyboard.press('F5');
      await expect(remote).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(remote).toContainText('001-02');
    await expect(remote).toContainText('Luis Pérez');
    await expect(remote).toContainText('$ 2.000.000');
    await expect(remote).toContainText('$ 60.000.000');
    await expect(remote).toContainText('Dentro del límite');
    await expect(remote).toContainText(/Hace \d+ (s|min)/);
    const local = app.getByTestId('dashboard-till-001-03');
    await expect(local).toContainText('Ana Gómez');
    await expect(local).toContainText('En vivo (esta estación)');
    await expect(app.getByTestId('dashboard-scope')).toContainText('Cajas abiertas de toda la oficina');
    await expect(tills.locator('tbody tr')).toHaveCount(2);

    // Central stops: the dashboard says so and still shows this workstation's till.
    await central.stop();
    await app.keyboard.press('F5');
    await expect(app.getByTestId('dashboard-scope')).toContainText('Central no responde: se muestra solo la caja de esta estación.');
    await expect(app.getByTestId('dashboard-scope')).toHaveAttribute('role', 'alert');
    await expect(local).toContainText('Ana Gómez');
    await expect(remote).toHaveCount(0);

    // Back: the remote till returns.
    await central.start();
    await expect(async () => {
      await app.keyboard.press('F5');
      await expect(remote).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });

    // 001-02 goes silent (its host stops) and three minutes pass at central: its row stays, marked stale.
    await other.host.stop();
    const advanced = await central.client('001-03').call('advanceClock', { ms: 3 * 60_000 });
    expect(advanced.ok).toBe(true);
    await app.keyboard.press('F5');
    await expect(remote).toContainText(/Sin reporte desde \d{2}:\d{2}/);
    await expect(remote).toContainText(/Desconocida \(en su último reporte: [^)]+\)/);
    await expect(remote).not.toContainText('Al día');
    await expect(remote).toContainText('Luis Pérez');
    await expect(local).toContainText('En vivo (esta estación)');
  } finally {
    await other.close();
  }
});
