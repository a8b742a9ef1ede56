import { expect, test } from './support/central-control';
import { firstCashDeposit, openTill } from './support/comprobante';

/**
 * A reversal asked from F5 and decided at another workstation's desk while the teller's panel waits: the panel says
 * who rejected it and why, as a rejection over the teller's shoulder does, and Inicio does not tell it again.
 */
test("a reversal rejected at another workstation's desk while the panel waits: the panel says who and why, and Inicio does not repeat it", async ({ app, central }) => {
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

  const asked = await app.evaluate(async () => {
    const t = (window as unknown as { teller: { reversal: { check(r: object): Promise<{ ok: boolean; data?: { approval: { id: string } | null } }> } } }).teller;
    return (await t.reversal.check({ sequence: '001-03-000001' })).data?.approval?.id ?? null;
  });
  expect(asked).not.toBeNull();
  // Marta Rojas at workstation 001-01's desk, through central (the request reached it when it was asked).
  await expect(async () => {
    const r = await central.client('001-01').call('decideApproval', { id: asked ?? '', supervisorId: 'supervisor1', decision: 'reject', reason: 'Cliente presente, no procede' });
    expect(r).toMatchObject({ ok: true });
  }).toPass({ timeout: 20_000 });

  await expect(panel).toContainText('Reverso rechazado por Marta Rojas: Cliente presente, no procede. Puede solicitarlo de nuevo.', { timeout: 20_000 });
  await expect(panel.getByLabel('Explicación del reverso')).toBeVisible();
  await app.keyboard.press('Escape');
  await app.keyboard.press('Escape');
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  // Nothing appearing is only seen by waiting: longer than one of Inicio's rereads (3 s).
  await app.waitForTimeout(4_000);
  await expect(app.getByRole('region', { name: 'Reversos rechazados' })).toHaveCount(0);
});
