import type { Page } from '@playwright/test';
import { test, expect, type ControlledCentral } from './support/central-control';
import { startSecondWorkstation } from './support/second-workstation';
import { openTillAs, typeCount } from './support/till';
import { DEMO, expectHome, login, switchUser } from './support/pages';

/**
 * Issue 7 "Till": teller-to-teller transfer between two workstations of the branch through central. `app` is
 * workstation 001-03 (Caja 03, Ana Gómez); a second browser host is workstation 001-02 (Caja 02, Luis Pérez),
 * both on the same central.
 */

/** Runs `body` with a page on workstation 001-02 (Caja 02), a second browser host on the same central; stops it after. */
const atCaja02 = async (central: ControlledCentral, body: (page: Page) => Promise<void>) => {
  const other = await startSecondWorkstation(central);
  try {
    await body(other.page);
  } finally {
    await other.close();
  }
};
const expectGateBlocked = async (app: Page) => {
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  await app.keyboard.press('F6');
  const gate = app.getByTestId('close-gate');
  await expect(gate).toContainText('1 traslado de efectivo en tránsito');
  await expect(gate).toContainText('Bóveda y traslados (F10)');
  // Enter rereads the gate once the teller resolved what it lists.
  await expect(gate.getByRole('button', { name: 'Revisar de nuevo' })).toBeFocused();
  await expect(app.getByTestId('arqueo-hint')).toHaveCount(0);
  await app.keyboard.press('Escape');
};

test('Caja 02 sends $ 700.000 to Caja 03 through central; Caja 03 is told, counts blind and accepts; both closes are blocked while it is en tránsito', async ({ app, central }) => {
  await atCaja02(central, async (sender) => {
    await openTillAs(sender, DEMO.teller2);
    await openTillAs(app, DEMO.teller);

    // Caja 02 to Caja 03, with the keyboard.
    await sender.keyboard.press('F10');
    await expect(sender.getByRole('heading', { name: 'Bóveda y traslados' })).toBeVisible();
    await sender.getByRole('button', { name: 'Trasladar efectivo' }).click();
    await sender.getByLabel('$ 100.000 billete').focus();
    // First more pieces than the till holds (it has 100.000 × 10): refused without saying which or how many, since
    // under blind close the teller would learn the till's count mix by mix. The second refusal blocks the sends
    // until a supervisor gives the visa at this workstation.
    await typeCount(sender, ['11']);
    // The destinations are the branch's open tills as central knows them, with who holds each.
    await expect(sender.getByLabel('Destino').locator('option[value="03"]')).toHaveText(`Caja 03 · ${DEMO.teller.name}`);
    await sender.getByLabel('Destino').selectOption('03');
    const total = sender.getByLabel('Total del traslado (verificación)');
    await total.fill('1100000');
    await total.press('Enter');
    const refusal = sender.getByRole('alert').filter({ hasText: 'no puede enviar ese traslado con esa mezcla' });
    await expect(refusal).toBeVisible();
    await expect(refusal).not.toContainText('100.000');
    await sender.getByLabel('$ 100.000 billete').fill('');
    await sender.getByLabel('$ 50.000 billete').fill('21');
    await total.fill('1050000');
    await total.press('Enter');
    await expect(sender.getByRole('alert').filter({ hasText: 'quedaron bloqueados' })).toBeVisible();
    const visa = sender.getByRole('region', { name: 'Visto bueno para enviar efectivo' });
    await visa.getByLabel('Usuario del supervisor').fill(DEMO.supervisor.username);
    await visa.getByLabel('Contraseña del supervisor').fill(DEMO.supervisor.password);
    await visa.getByLabel('Motivo de la decisión').fill('Revisado con el cajero');
    await visa.getByRole('button', { name: /^Aprobar/ }).click();
    await expect(sender.getByRole('status').filter({ hasText: 'quedaron desbloqueados' })).toBeVisible();
    // The dialog gone, the keyboard goes on where the send is made again (Enter there sends).
    await expect(total).toBeFocused();
    // Caja 02: 100.000 × 5 + 50.000 × 4.
    await sender.getByLabel('$ 100.000 billete').fill('5');
    await sender.getByLabel('$ 50.000 billete').fill('4');
    await total.fill('700000');
    await total.press('Enter');
    await expect(sender.getByRole('status').filter({ hasText: 'enviado a Caja 03 por central' })).toBeVisible();
    // Blind close: the sending teller is not shown the till's cash (the service tests follow it by denomination).
    await expect(sender.getByTestId('vault-till-total')).toHaveCount(0);
    const outgoing = sender.getByRole('table', { name: 'Traslados entre cajas' });
    await expect(outgoing).toContainText('Caja 02');
    await expect(outgoing).toContainText('$ 700.000');
    await expect(outgoing).toContainText('En tránsito');
    await sender.keyboard.press('Escape');
    await expectGateBlocked(sender);

    // Caja 03 is told on its start menu, and on the vault screen without the amount (blind count).
    await expect(app.getByText('Bóveda y traslados (1 por recibir)')).toBeVisible({ timeout: 20_000 });
    await expectGateBlocked(app);
    await app.keyboard.press('F10');
    await expect(app.getByTestId('transfer-notification')).toContainText('Traslado entrante de Caja 02 (Luis Pérez)');
    const incoming = app.getByRole('table', { name: 'Traslados entre cajas' });
    await expect(incoming).toContainText('Conteo ciego');
    await expect(app.getByRole('main')).not.toContainText('700.000');
    // Enter on the focused "Contar y recibir" opens the blind count.
    await expect(app.getByRole('button', { name: 'Contar y recibir' })).toBeFocused();
    await app.keyboard.press('Enter');
    await expect(app.getByRole('region', { name: 'Recibir traslado' })).toBeVisible();
    // A count one bill short is refused; counted again, it is accepted.
    await app.getByLabel('$ 100.000 billete').focus();
    await typeCount(app, ['5', '3', '', '', '', '', '', '', '', '', '']);
    await expect(app.getByRole('alert').filter({ hasText: 'no coincide con lo enviado' })).toBeVisible();
    await app.getByLabel('$ 50.000 billete').fill('4');
    // F10 receives, as it registers the count in Apertura and Cierre.
    await app.keyboard.press('F10');
    await expect(app.getByRole('status').filter({ hasText: 'Traslado de $ 700.000 recibido de Caja 02' })).toBeVisible();
    await expect(app.getByTestId('vault-till-total')).toHaveCount(0);
    await expect(app.getByTestId('transfer-notification')).toHaveCount(0);

    // Caja 02 learns from central that it was accepted; its close is no longer blocked by it.
    await sender.keyboard.press('F10');
    await expect(sender.getByRole('table', { name: 'Traslados entre cajas' })).toContainText('Aceptado', { timeout: 20_000 });
    await expect(sender.getByRole('table', { name: 'Traslados entre cajas' })).toContainText('Ana Gómez');
    await sender.keyboard.press('Escape');
    await expect(sender.getByRole('heading', { name: 'Inicio' })).toBeVisible();
    await sender.keyboard.press('F6');
    await expect(sender.getByTestId('arqueo-hint')).toBeVisible({ timeout: 20_000 });
    await expect(sender.getByTestId('close-gate')).toHaveCount(0);
  });
});

test('the branch vault is at central: a supervisor at Caja 02’s workstation provisions Caja 03, which counts blind and accepts; the vault moves once, and only the supervisor is shown it', async ({ app, central }) => {
  await atCaja02(central, async (desk) => {
    await openTillAs(app, DEMO.teller);
    // Workstation 001-02 has no till open: its supervisor still reaches every open till of the branch.
    await login(desk, DEMO.supervisor);
    await expectHome(desk, DEMO.supervisor.name);
    await desk.keyboard.press('F10');
    await expect(desk.getByTestId('vault-total')).toHaveText('$ 195.650.000');
    await desk.getByRole('button', { name: 'Provisionar una caja' }).click({ timeout: 20_000 });
    await expect(desk.getByLabel('Destino').locator('option')).toHaveText([`Caja 03 · ${DEMO.teller.name}`]);
    await desk.getByLabel('$ 100.000 billete').focus();
    await typeCount(desk, ['3']);
    await desk.getByLabel('Total del traslado (verificación)').fill('300000');
    await desk.getByRole('button', { name: 'Enviar traslado' }).click();
    await desk.getByRole('dialog', { name: 'Confirmar provisión' }).getByRole('button', { name: /Enviar provisión/ }).click();
    await expect(desk.getByRole('status').filter({ hasText: 'Provisión de $ 300.000 enviada de la bóveda a Caja 03' })).toBeVisible();
    await expect(desk.getByTestId('vault-total')).toHaveText('$ 195.350.000');

    // Caja 03 is told, counts blind and accepts.
    await expect(app.getByText('Bóveda y traslados (1 por recibir)')).toBeVisible({ timeout: 20_000 });
    await app.keyboard.press('F10');
    // The teller is not shown the vault: its total moving would tell the blind provision's amount.
    await expect(app.getByRole('table', { name: 'Traslados' })).toBeVisible();
    await expect(app.getByTestId('vault-total')).toHaveCount(0);
    await expect(app.getByRole('table', { name: 'Traslados' })).toContainText('Conteo ciego');
    await expect(app.getByRole('button', { name: 'Contar y recibir' })).toBeFocused();
    await app.keyboard.press('Enter');
    await app.getByLabel('$ 100.000 billete').focus();
    await typeCount(app, ['3']);
    await app.getByRole('button', { name: 'Recibir traslado' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'Traslado de $ 300.000 recibido de Bóveda' })).toBeVisible();
    await expect(app.getByTestId('vault-till-total')).toHaveCount(0);

    // The supervisor's screen learns of it from central; the vault moved once.
    await expect(desk.getByRole('table', { name: 'Traslados' })).toContainText('Aceptado', { timeout: 20_000 });
    await expect(desk.getByTestId('vault-total')).toHaveText('$ 195.350.000');
  });
});

test('Caja 03 rejects a transfer whose count differs: neither its screen nor its journal ever shows what Caja 02 sent; Caja 02 sees it back with the reason', async ({ app, central }) => {
  await atCaja02(central, async (sender) => {
    await openTillAs(sender, DEMO.teller2);
    await openTillAs(app, DEMO.teller);

    // Caja 02 sends 100.000 × 7 = $ 700.000.
    await sender.keyboard.press('F10');
    await sender.getByRole('button', { name: 'Trasladar efectivo' }).click();
    await sender.getByLabel('$ 100.000 billete').fill('7');
    await expect(sender.getByLabel('Destino').locator('option[value="03"]')).toHaveCount(1, { timeout: 20_000 });
    await sender.getByLabel('Destino').selectOption('03');
    const total = sender.getByLabel('Total del traslado (verificación)');
    await total.fill('700000');
    await total.press('Enter');
    await expect(sender.getByRole('status').filter({ hasText: 'enviado a Caja 03 por central' })).toBeVisible();

    // Caja 03 counts six bills: refused without the figure; it rejects with the reason.
    await expect(app.getByText('Bóveda y traslados (1 por recibir)')).toBeVisible({ timeout: 20_000 });
    await app.keyboard.press('F10');
    await app.getByRole('button', { name: 'Contar y recibir' }).click();
    await app.getByLabel('$ 100.000 billete').fill('6');
    await app.keyboard.press('F10');
    await expect(app.getByRole('alert').filter({ hasText: 'no coincide con lo enviado' })).toBeVisible();
    await app.getByLabel('Motivo del rechazo').fill('Llegaron seis billetes de 100.000');
    await app.getByRole('button', { name: 'Rechazar traslado' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'Traslado rechazado' })).toBeVisible();
    const row = app.getByRole('table', { name: 'Traslados entre cajas' }).getByRole('row').filter({ hasText: 'Caja 02' });
    await expect(row).toContainText('Rechazado');
    await expect(row).toContainText('Sin conteo');
    await expect(app.getByRole('main')).not.toContainText('700.000');
    // Nor in its F5: the rejection is there, by route, without the amount.
    await app.keyboard.press('Escape');
    await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
    await app.keyboard.press('F5');
    const type = app.getByLabel('Tipo de evento');
    await type.selectOption({ label: 'Movimiento con bóveda' });
    await type.press('Enter');
    const entries = app.getByRole('table', { name: 'Registros del diario' });
    await expect(entries.getByRole('row', { name: /^Registro \d+$/ }).filter({ hasText: 'Caja 02 → Caja 03' })).toHaveCount(1);
    await expect(app.getByRole('main')).not.toContainText('700.000');

    // Caja 02 learns of the rejection, with the amount it sent and the reason.
    const outgoing = sender.getByRole('table', { name: 'Traslados entre cajas' });
    await expect(outgoing).toContainText('Rechazado', { timeout: 20_000 });
    await expect(outgoing).toContainText('$ 700.000');
    await expect(outgoing).toContainText('Llegaron seis billetes de 100.000');
  });
});

test('every send to a till counts what is already on its way to it: a second till-to-till send and a provision that each fit alone are refused at the send (QA s37)', async ({ app, central }) => {
  await atCaja02(central, async (sender) => {
    await openTillAs(sender, DEMO.teller2);
    // Caja 03 opens with 100.000 × 595 = $ 59.500.000 of its $ 60.000.000 limit: $ 300.000 fits, twice does not.
    await login(app, DEMO.teller);
    await expectHome(app, DEMO.teller.name);
    await app.keyboard.press('F2');
    await typeCount(app, ['595', '', '', '', '', '', '', '', '', '', '']);
    await app.keyboard.type('59500000');
    await app.keyboard.press('Enter');
    await app.keyboard.press('Enter');
    await expect(app.getByTestId('status-till')).toHaveText('Caja abierta');

    await sender.keyboard.press('F10');
    const fromCaja02 = async (fifties: number) => {
      await sender.getByRole('button', { name: 'Trasladar efectivo' }).click();
      await sender.getByLabel('$ 50.000 billete').fill(String(fifties));
      await expect(sender.getByLabel('Destino').locator('option[value="03"]')).toHaveCount(1, { timeout: 20_000 });
      await sender.getByLabel('Destino').selectOption('03');
      const total = sender.getByLabel('Total del traslado (verificación)');
      await total.fill(String(fifties * 50_000));
      await total.press('Enter');
    };
    await fromCaja02(6);
    await expect(sender.getByRole('status').filter({ hasText: 'Traslado de $ 300.000 enviado a Caja 03 por central' })).toBeVisible();
    await fromCaja02(6);
    await expect(
      sender.getByText('Con este traslado y los $ 300.000 que ya van en camino hacia ella la caja 03 quedaría en $ 60.100.000, por encima de su límite de $ 60.000.000. Envíe como máximo $ 200.000.'),
    ).toBeVisible();
    await expect(sender.getByRole('table', { name: 'Traslados entre cajas' }).getByRole('row').filter({ hasText: 'En tránsito' })).toHaveCount(1);

    // Once central has Caja 02's send, a supervisor's provision to Caja 03 counts it too, from any workstation.
    await expect(app.getByText('Bóveda y traslados (1 por recibir)')).toBeVisible({ timeout: 20_000 });
    await switchUser(app, DEMO.supervisor);
    await app.keyboard.press('F10');
    const provision = async (fifties: number) => {
      await app.getByRole('button', { name: 'Provisionar una caja' }).click();
      await app.getByLabel('$ 50.000 billete').fill(String(fifties));
      await app.getByLabel('Destino').selectOption('03');
      await app.getByLabel('Total del traslado (verificación)').fill(String(fifties * 50_000));
      await app.getByRole('button', { name: 'Enviar traslado' }).click();
    };
    // Refused before the confirmation is offered (QA s37 Q7): the core is asked for the till's limit first.
    await provision(5);
    await expect(
      app.getByText('Con este traslado y los $ 300.000 que ya van en camino hacia ella la caja 03 quedaría en $ 60.050.000, por encima de su límite de $ 60.000.000. Envíe como máximo $ 200.000.'),
    ).toBeVisible();
    await expect(app.getByRole('dialog', { name: 'Confirmar provisión' })).toHaveCount(0);
    await app.getByLabel('$ 50.000 billete').fill('4');
    await app.getByLabel('Total del traslado (verificación)').fill('200000');
    await app.getByRole('button', { name: 'Enviar traslado' }).click();
    await app.getByRole('dialog', { name: 'Confirmar provisión' }).getByRole('button', { name: /Enviar provisión/ }).click();
    await expect(app.getByRole('status').filter({ hasText: 'Provisión de $ 200.000 enviada de la bóveda a Caja 03' })).toBeVisible();

    // Full up to its limit with both on their way: Caja 02's next send, however small, is refused, and says so.
    // Its refused send's form is still open: one bill of $ 50.000.
    await sender.getByLabel('$ 50.000 billete').fill('1');
    await sender.getByLabel('Total del traslado (verificación)').fill('50000');
    await sender.getByLabel('Total del traslado (verificación)').press('Enter');
    await expect(
      sender.getByText('Con este traslado y los $ 500.000 que ya van en camino hacia ella la caja 03 quedaría en $ 60.050.000, por encima de su límite de $ 60.000.000. Envíe como máximo $ 0.'),
    ).toBeVisible();
  });
});
