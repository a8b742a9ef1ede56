import type { TellerApi } from '../domain/contract/client';
import type { Page } from '@playwright/test';
import { countBridge } from './support/bridge-count';
import { test, expect } from './support/fixtures';
import { DEMO, expectHome, login, switchUser } from './support/pages';

/** The teller signs in and opens the till with $ 1.000.000 (100.000 × 10), by keyboard. */
const openTillWithAMillion = async (app: Page) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await app.keyboard.press('F2');
  await app.keyboard.type('10'); // 100.000 × 10
  await app.keyboard.press('Enter');
  await app.getByLabel('Total contado (verificación)').fill('1000000');
  await app.keyboard.press('Enter');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('status-till')).toHaveText('Caja abierta');
};

/**
 * The till's arqueo finds a $ 1.000 shortage and asks for approval, as the close screen does ($ 1.000 is under the
 * threshold: booked at the first count). Returns the request's id.
 */
const askShortage = async (app: Page): Promise<string> =>
  app.evaluate(async () => {
    const t = (window as unknown as { teller?: TellerApi }).teller;
    if (!t) throw new Error('no teller api');
    const c = await t.till.count({ idempotencyKey: crypto.randomUUID(), count: { '100000': 9, '50000': 1, '20000': 2, '5000': 1, '2000': 2 } });
    if (!c.ok) throw new Error(c.error.message);
    const r = await t.till.requestDifferenceApproval({ closingId: c.data.closingId, reasonCode: 'NO_IDENTIFICADA', reasonText: 'Moneda perdida' });
    if (!r.ok) throw new Error(r.error.message);
    return r.data.approvalId;
  });

test('supervisor desk: a request arriving while the desk is open is announced, shown with its context and decided; the dashboard shows the till against its limit', async ({ app }) => {
  await openTillWithAMillion(app);

  await app.keyboard.press('F1');
  await expect(app.getByRole('heading', { name: 'Solicitudes pendientes (0)' })).toBeVisible();
  await expect(app.getByTestId('desk-journal')).toContainText('Diario íntegro');
  // Meanwhile the till's arqueo finds a shortage and asks for approval (as the close screen does).
  await app.evaluate(async () => {
    const t = (window as unknown as { teller?: TellerApi }).teller;
    if (!t) throw new Error('no teller api');
    // $ 60.000 short is above the threshold: a second blind count confirms it.
    await t.till.count({ idempotencyKey: crypto.randomUUID(), count: { '100000': 9, '20000': 2 } });
    const c = await t.till.count({ idempotencyKey: crypto.randomUUID(), count: { '100000': 9, '20000': 2 } });
    if (!c.ok) throw new Error(c.error.message);
    const r = await t.till.requestDifferenceApproval({ closingId: c.data.closingId, reasonCode: 'BILLETE_FALSO', reasonText: 'Billete de 100.000 retenido' });
    if (!r.ok) throw new Error(r.error.message);
  });
  await expect(app.getByTestId('desk-notification')).toContainText('Nueva solicitud de aprobación (1 pendiente).');
  await expect(app.getByRole('heading', { name: 'Solicitudes pendientes (1)' })).toBeVisible();
  // Keyboard: the request to review has the focus, and Enter puts it in the supervisor's user field.
  await expect(app.getByRole('button', { name: 'Revisar' })).toBeFocused();
  await app.keyboard.press('Enter');
  const detail = app.getByRole('region', { name: 'Detalle de la solicitud' });
  await expect(detail.getByLabel('Usuario del supervisor')).toBeFocused();
  await expect(detail).toContainText('Faltante $ 60.000');
  await expect(detail).toContainText('Billete de 100.000 retenido');
  await expect(detail).toContainText('Ana Gómez');
  await detail.getByLabel('Usuario del supervisor').fill(DEMO.supervisor.username);
  await detail.getByLabel('Contraseña del supervisor').fill(DEMO.supervisor.password);
  await detail.getByRole('button', { name: /^Aprobar/ }).click();
  await expect(app.getByRole('heading', { name: 'Solicitudes pendientes (0)' })).toBeVisible();
  // Said once, with the focus on it (nothing else is left to review), not dropped to the page.
  await expect(app.getByTestId('desk-decided')).toHaveText(/^Aprobada: .*\$ 60\.000/);
  await expect(app.getByTestId('desk-decided')).toBeFocused();
  // Decided: the announcement goes, and the start menu no longer counts it.
  await expect(app.getByTestId('desk-notification')).toHaveCount(0);
  await app.keyboard.press('Escape');
  await expect(app.getByRole('button', { name: /Escritorio del supervisor$/ })).toBeVisible();

  // The supervisor's own session sees the branch dashboard.
  await switchUser(app, DEMO.supervisor);
  await app.keyboard.press('F1');
  const tills = app.getByRole('table', { name: 'Cajas abiertas' });
  await expect(tills).toContainText('Ana Gómez');
  await expect(tills).toContainText('$ 1.000.000');
  await expect(tills).toContainText('$ 60.000.000');
  await expect(tills).toContainText('Dentro del límite');
});

test('F4 rejects at the desk, as the Rechazar button says', async ({ app }) => {
  await openTillWithAMillion(app);
  const id = await askShortage(app);
  await app.keyboard.press('F1');
  await expect(app.getByRole('heading', { name: 'Solicitudes pendientes (1)' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Revisar' })).toBeFocused();
  await app.keyboard.press('Enter');
  const detail = app.getByRole('region', { name: 'Detalle de la solicitud' });
  await expect(detail.getByRole('button', { name: 'Rechazar F4' })).toBeVisible();
  await expect(detail.getByLabel('Usuario del supervisor')).toBeFocused();
  await app.keyboard.type(DEMO.supervisor.username);
  await app.keyboard.press('Tab');
  await app.keyboard.type(DEMO.supervisor.password);
  await app.keyboard.press('Tab');
  await app.keyboard.type('Recuente la caja');
  await app.keyboard.press('F4');
  await expect(app.getByRole('heading', { name: 'Solicitudes pendientes (0)' })).toBeVisible();
  await expect(app.getByTestId('desk-decided')).toHaveText(/^Rechazada: /);
  await expect(app.getByTestId('desk-decided')).toBeFocused();
  const decided = await app.evaluate(async (approvalId) => {
    const t = (window as unknown as { teller?: TellerApi }).teller;
    return t ? await t.supervisor.request({ id: approvalId }) : null;
  }, id);
  expect(decided).toMatchObject({ ok: true, data: { status: 'rechazada', checkerName: 'Marta Rojas', note: 'Recuente la caja' } });
});

test('the start menu counts a request made at this workstation at once, not at the next poll', async ({ app }) => {
  await openTillWithAMillion(app);
  await expect(app.getByRole('button', { name: /Escritorio del supervisor$/ })).toBeVisible();
  // Let the first reads of the queue settle, so what follows is the request's own refresh, not a poll.
  await app.waitForTimeout(3500);
  await askShortage(app);
  // Under the queue's 3 s poll: the core's push for the new request reads it again.
  await expect(app.getByRole('button', { name: /Escritorio del supervisor \(1 pendiente\)$/ })).toBeVisible({ timeout: 2000 });
});

test('an idle workstation reads the queue at its poll, not again on every status push (each read asks central)', async ({ host, bare: app }) => {
  const bridge = await countBridge(app);
  await app.goto(host.launchUrl);
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await app.waitForTimeout(3500);
  bridge.reset();
  const from = Date.now();
  // Test prints: each job pushes the status several times (queued, printing, printed); no request changes.
  for (let i = 0; i < 3; i++) {
    await app.evaluate(async () => {
      const t = (window as unknown as { teller?: TellerApi }).teller;
      if (!t) throw new Error('no teller api');
      const r = await t.devices.testPrint({});
      if (!r.ok) throw new Error(r.error.message);
    });
    await app.waitForTimeout(600);
  }
  const pushes = bridge.events('status.changed');
  const reads = bridge.calls('supervisor.queue');
  expect(pushes).toBeGreaterThanOrEqual(6);
  // The 3 s poll's reads in that time (one more for a tick the load delayed), at most; before, one read per push
  // (coalesced while one was on its way).
  expect(reads).toBeLessThanOrEqual(Math.ceil((Date.now() - from) / 3000) + 1);
});
