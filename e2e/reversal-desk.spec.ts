import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { openDatabase } from '../main/store/db';
import type { ControlledCentral } from './support/central-control';
import { expect, test } from './support/central-control';
import { firstCashDeposit, openTill } from './support/comprobante';

/**
 * A reversal asked from F5 and decided at another workstation's desk while the teller's panel waits: approved, the
 * panel registers it once and says who approved it; rejected, it says who rejected it and why, as a rejection over
 * the teller's shoulder does, and Inicio does not tell it again; left undecided past its deadline, it lapses.
 */

/** The first deposit's reversal asked from F5: the panel waits with the supervisor's fields. */
const askReversal = async (app: Page) => {
  await openTill(app);
  await firstCashDeposit(app);
  await app.keyboard.press('Escape');
  await app.keyboard.press('F5');
  await app.keyboard.press('Enter');
  await app.getByRole('button', { name: 'Reversar' }).click();
  const panel = app.getByRole('region', { name: 'Reverso de comprobante' });
  await panel.getByLabel('Explicación del reverso').fill('El cliente dictó otra cuenta');
  await app.keyboard.press('Enter');
  await expect(panel.getByLabel('Usuario del supervisor')).toBeVisible();
  return panel;
};

/** Marta Rojas at workstation 001-01's desk, through central (the request reached it when it was asked). */
const decideAtDesk = async (app: Page, central: ControlledCentral, decision: 'approve' | 'reject', reason: string) => {
  const asked = await app.evaluate(async () => {
    const t = (window as unknown as { teller: { reversal: { check(r: object): Promise<{ ok: boolean; data?: { approval: { id: string } | null } }> } } }).teller;
    return (await t.reversal.check({ sequence: '001-03-000001' })).data?.approval?.id ?? null;
  });
  expect(asked).not.toBeNull();
  await expect(async () => {
    const r = await central.client('001-01').call('decideApproval', { id: asked ?? '', supervisorId: 'supervisor1', decision, reason });
    expect(r).toMatchObject({ ok: true });
  }).toPass({ timeout: 20_000 });
};

/** The reversals this workstation's journal holds, as the core answers them. */
const journaledReversals = (app: Page) =>
  app.evaluate(async () => {
    const t = (window as unknown as { teller: { journal: { search(r: object): Promise<{ ok: boolean; data?: { entries: unknown[] } }> } } }).teller;
    return (await t.journal.search({ type: 'reversal' })).data?.entries.length ?? -1;
  });

test("a reversal approved at another workstation's desk while the panel waits: it is registered once, the panel says who approved it, and the focus is on its row", async ({
  host,
  bare: app,
  central,
}) => {
  // Every reversal.post the page sends, counted on its way to the core: the panel must ask once.
  let posts = 0;
  await app.routeWebSocket(/\/bridge/, (page) => {
    const server = page.connectToServer();
    page.onMessage((m) => {
      if ((JSON.parse(String(m)) as { channel?: string }).channel === 'reversal.post') posts += 1;
      server.send(m);
    });
  });
  await app.goto(host.launchUrl);
  const panel = await askReversal(app);
  await decideAtDesk(app, central, 'approve', 'Reverso autorizado');

  await expect(panel.getByTestId('desk-decision')).toHaveText('Aprobada por Marta Rojas desde el escritorio del supervisor.', { timeout: 20_000 });
  await expect(app.getByTestId('reversal-receipt')).toContainText('Comprobante reversado: 001-03-000001');
  await expect(app.getByTestId('reversal-receipt')).toContainText('Aprobó: Marta Rojas');
  await expect(panel.getByTestId('print-status')).toHaveText('Impresión terminada. Entregue el recibo al cliente.');
  // The focus lands on the reversal's row, where Enter prints nothing.
  await expect(app.getByRole('row').filter({ has: app.getByRole('button', { name: 'Reimprimir R-001-03-000001' }) })).toBeFocused();
  // Posted once: longer than one more poll (3 s), the page asked once and the core's journal holds a single reversal.
  await app.waitForTimeout(4_000);
  expect(posts).toBe(1);
  expect(await journaledReversals(app)).toBe(1);
});

test("a reversal rejected at another workstation's desk while the panel waits: the panel says who and why, and Inicio does not repeat it", async ({ app, central }) => {
  const panel = await askReversal(app);
  await decideAtDesk(app, central, 'reject', 'Cliente presente, no procede');

  await expect(panel).toContainText('Reverso rechazado por Marta Rojas: Cliente presente, no procede. Puede solicitarlo de nuevo.', { timeout: 20_000 });
  await expect(panel.getByLabel('Explicación del reverso')).toBeVisible();
  // The fields went by themselves: the focus is on asking again, not left on the page.
  await expect(panel.getByLabel('Motivo del reverso')).toBeFocused();
  expect(await journaledReversals(app)).toBe(0);
  await app.keyboard.press('Escape');
  await app.keyboard.press('Escape');
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  // Nothing appearing is only seen by waiting: longer than one of Inicio's rereads (3 s).
  await app.waitForTimeout(4_000);
  await expect(app.getByRole('region', { name: 'Reversos rechazados' })).toHaveCount(0);
});

test('a reversal nobody decides before its deadline: the waiting panel says it lapsed, nothing posts, and the form is back to ask again', async ({ app, host }) => {
  const panel = await askReversal(app);
  // Its deadline spent, moved in the workstation's own store rather than by the clock: the shortest a workstation
  // can be configured with (5 minutes, config supervisor.requestDeadlineMinutes) is too long to wait in a test.
  const db = openDatabase(join(host.dataDir, 'caja.sqlite'));
  expect(db.prepare("UPDATE supervised_requests SET expires_at = requested_at WHERE kind = 'reversal' AND status = 'pendiente'").run().changes).toBe(1);
  db.close();

  await expect(panel.getByRole('alert')).toHaveText('La solicitud de reverso venció sin decisión del supervisor. Puede solicitarlo de nuevo.', { timeout: 20_000 });
  await expect(panel.getByLabel('Usuario del supervisor')).toHaveCount(0);
  await expect(panel.getByLabel('Motivo del reverso')).toBeFocused();
  // Longer than one more poll (3 s): nothing was registered.
  await app.waitForTimeout(4_000);
  expect(await journaledReversals(app)).toBe(0);
});
