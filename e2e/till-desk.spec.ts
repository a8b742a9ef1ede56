import type { Page } from '@playwright/test';
import type { ControlledCentral } from './support/central-control';
import { expect, test } from './support/central-control';
import { DEMO, expectHome, login } from './support/pages';
import { openAndCloseSquared, openTill, startCount, typeCount } from './support/till';

/**
 * The till's own requests (a close with a difference, a reopening) decided by Marta Rojas at workstation 001-01's
 * desk, through central, while the teller's screen waits on them: the screen follows the decision without being
 * left, as after an approval over the shoulder. And the other way round: another workstation's request reviewed at
 * this workstation's desk with what its own desk shows.
 */

/** Marta Rojas decides at 001-01's desk the request of this kind relayed from this workstation (001-03). */
const decideAtDesk = async (central: ControlledCentral, kind: 'till_difference' | 'other', decision: 'approve' | 'reject', reason: string) => {
  const desk = central.client('001-01');
  await expect(async () => {
    const list = await desk.call('pendingApprovals', { branch: '001' });
    const asked = list.ok ? list.data.approvals.find((a) => a.kind === kind && a.workstation === '001-03') : undefined;
    expect(asked).toBeDefined();
    const r = await desk.call('decideApproval', { id: asked?.id ?? '', supervisorId: 'supervisor1', decision, reason });
    expect(r).toMatchObject({ ok: true });
  }).toPass({ timeout: 20_000 });
};

/** One 1.000 coin short, explained and sent to the supervisor: the screen waits with the credential fields. */
const shortAndAsk = async (app: Page) => {
  await openTill(app);
  await startCount(app);
  await typeCount(app, ['10', '20', '', '', '', '', '29', '', '', '', '']);
  await expect(app.getByTestId('arqueo-result')).toContainText('Faltante de $ 1.000');
  await app.getByLabel('Explicación').fill('Moneda perdida');
  await app.getByRole('button', { name: 'Solicitar aprobación' }).click();
  await expect(app.getByTestId('approval-status')).toHaveText('Solicitud enviada al supervisor: pendiente.');
  await expect(app.getByLabel('Usuario del supervisor')).toBeFocused();
};

test("a close with a difference approved at another workstation's desk: the teller's screen follows it and F10 closes", async ({ app, central }) => {
  await shortAndAsk(app);
  await decideAtDesk(central, 'till_difference', 'approve', 'Faltante revisado');
  // The screen moves on by itself: it says who decided and where, and the focus is on what the teller does next.
  await expect(app.getByTestId('desk-decision')).toHaveText('Aprobada por Marta Rojas desde el escritorio del supervisor.', { timeout: 20_000 });
  await expect(app.getByLabel('Usuario del supervisor')).toHaveCount(0);
  await expect(app.getByRole('button', { name: /^Cerrar caja/ })).toBeFocused();
  await app.keyboard.press('F10');
  await expect(app.getByTestId('close-report')).toContainText('FALTANTE: $ 1.000');
});

test("a close with a difference rejected at another workstation's desk: the screen says who and why, the fields go and the focus is on counting again", async ({
  app,
  central,
}) => {
  await shortAndAsk(app);
  await decideAtDesk(central, 'till_difference', 'reject', 'Cuente de nuevo las monedas');
  await expect(app.getByTestId('desk-decision')).toHaveText('Rechazada por Marta Rojas desde el escritorio del supervisor: Cuente de nuevo las monedas.', { timeout: 20_000 });
  await expect(app.getByTestId('approval-status')).toHaveText('Solicitud enviada al supervisor: rechazada.');
  await expect(app.getByLabel('Usuario del supervisor')).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Contar de nuevo' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('arqueo-hint')).toBeVisible();
});

test("a reopening approved at another workstation's desk: the closed-till panel reopens the till and Inicio says who approved it", async ({ app, central }) => {
  await openAndCloseSquared(app);
  await app.keyboard.press('Enter');
  await expect(app.getByLabel('Motivo de la reapertura')).toBeFocused();
  await app.keyboard.type('Cliente con consignación pendiente');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('form', { name: 'Aprobación del supervisor' })).toBeVisible();
  await decideAtDesk(central, 'other', 'approve', 'Reapertura autorizada');
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible({ timeout: 20_000 });
  await expect(app.getByTestId('status-till')).toHaveText('Caja abierta');
  // Nobody typed at this workstation: the teller lands on Inicio reading who reopened the till, and from where.
  await expect(app.getByRole('status').filter({ hasText: 'Aprobado por el supervisor' })).toHaveText('Caja reabierta. Aprobado por el supervisor Marta Rojas desde su escritorio.');
  // Said once: back at Inicio from another screen, the line is gone.
  await app.keyboard.press('F5');
  await expect(app.getByRole('heading', { name: 'Diario electrónico' })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  await expect(app.getByText('Aprobado por el supervisor Marta Rojas')).toHaveCount(0);
});

test("a reopening rejected at another workstation's desk: the panel says who and why and the reason field is back, focused", async ({ app, central }) => {
  await openAndCloseSquared(app);
  // As a teller does: the reason typed at once after Continuar, while the till is reread, is held for its field.
  await app.keyboard.press('Enter');
  await app.keyboard.type('Cliente con consignación pendiente');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('form', { name: 'Aprobación del supervisor' })).toBeVisible();
  await decideAtDesk(central, 'other', 'reject', 'Atienda mañana');
  await expect(app.getByRole('alert')).toHaveText('Reapertura rechazada por Marta Rojas: Atienda mañana. Puede solicitarla de nuevo.', { timeout: 20_000 });
  await expect(app.getByLabel('Usuario del supervisor')).toHaveCount(0);
  await expect(app.getByLabel('Motivo de la reapertura')).toBeFocused();
  await expect(app.getByTestId('status-till')).not.toHaveText('Caja abierta');
});

test("a till difference asked at another workstation is reviewed at this desk with what that workstation's desk shows: each count, expected and counted, the teller's motivo", async ({
  app,
  central,
}) => {
  // Workstation 001-01's teller recounted until the till squared and asked, as this workstation's relay sends it.
  const asked = await central.client('001-01').call('requestApproval', {
    id: crypto.randomUUID(),
    branch: '001',
    workstation: '001-01',
    makerId: 'cajero1',
    kind: 'till_difference',
    summary: 'Caja cuadrada en el conteo 2, después de mostrar una diferencia en la caja 01 · Ana Gómez',
    amount: 0,
    reasons: [{ code: 'TILL_DIFFERENCE', message: 'El arqueo de la caja no cuadra (faltante o sobrante). Caja cuadrada en el conteo 2, después de mostrar una diferencia. Motivo: Error al pagar un retiro (se entregó de más o de menos). Un billete estaba pegado a otro' }],
    context: {
      Caja: '01',
      Cajero: 'Ana Gómez',
      'Saldo esperado': '$ 500.000',
      Contado: '$ 500.000',
      Diferencia: 'Ninguna en el último conteo',
      Conteos: '2',
      'Conteo 1': '$ 450.000 · faltante $ 50.000',
      'Conteo 2': '$ 500.000 · cuadrado',
      Motivo: 'Error al pagar un retiro (se entregó de más o de menos). Un billete estaba pegado a otro',
    },
  });
  expect(asked.ok).toBe(true);
  await login(app, DEMO.supervisor);
  await expectHome(app, DEMO.supervisor.name);
  await app.keyboard.press('F1');
  const row = app.getByRole('row').filter({ hasText: '001-01' });
  await expect(row).toContainText('Motivo: Error al pagar un retiro (se entregó de más o de menos). Un billete estaba pegado a otro', { timeout: 20_000 });
  await expect(row.getByRole('button', { name: 'Revisar' })).toBeFocused();
  await app.keyboard.press('Enter');
  const detail = app.getByRole('region', { name: 'Detalle de la solicitud' });
  await expect(detail.getByLabel('Usuario del supervisor')).toBeFocused();
  for (const [k, v] of [
    ['Saldo esperado', '$ 500.000'],
    ['Contado', '$ 500.000'],
    ['Conteo 1', '$ 450.000 · faltante $ 50.000'],
    ['Conteo 2', '$ 500.000 · cuadrado'],
    ['Motivo', 'Error al pagar un retiro (se entregó de más o de menos). Un billete estaba pegado a otro'],
  ] as const) {
    await expect(detail.locator('div').filter({ has: app.getByRole('term').filter({ hasText: new RegExp(`^${k}$`) }) })).toContainText(v);
  }
});

test('QA F10: at the desk ↑/↓ move between the pending requests, and each "Revisar" is named with its request', async ({ app, central }) => {
  for (const [ws, caja] of [
    ['001-01', '01'],
    ['001-02', '02'],
  ] as const) {
    const asked = await central.client(ws).call('requestApproval', {
      id: crypto.randomUUID(),
      branch: '001',
      workstation: ws,
      makerId: 'cajero1',
      kind: 'till_difference',
      summary: `Faltante de $ 1.000 en la caja ${caja}`,
      amount: 1000,
      reasons: [{ code: 'TILL_DIFFERENCE', message: 'El arqueo de la caja no cuadra (faltante o sobrante). Faltante de $ 1.000. Motivo: Moneda perdida' }],
      context: { Caja: caja, Cajero: 'Ana Gómez', Diferencia: 'Faltante $ 1.000' },
    });
    expect(asked.ok).toBe(true);
  }
  await login(app, DEMO.supervisor);
  await expectHome(app, DEMO.supervisor.name);
  await app.keyboard.press('F1');
  await expect(app.getByRole('heading', { name: 'Solicitudes pendientes (2)' })).toBeVisible({ timeout: 20_000 });
  // Every button read "Revisar": a screen reader (and a test) could not tell which request it opens.
  const reviews = app.getByRole('button', { name: /^Revisar: Faltante de \$ 1\.000 en la caja 0[12]/ });
  await expect(reviews).toHaveCount(2);
  await expect(reviews.nth(0)).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(reviews.nth(1)).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(reviews.nth(1)).toBeFocused();
  await app.keyboard.press('ArrowUp');
  await expect(reviews.nth(0)).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('Enter');
  const detail = app.getByRole('region', { name: 'Detalle de la solicitud' });
  await expect(detail.getByRole('heading', { name: /Faltante de \$ 1\.000 en la caja/ })).toBeVisible();
  await expect(detail.getByLabel('Usuario del supervisor')).toBeFocused();
});
