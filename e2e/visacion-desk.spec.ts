import type { Page } from '@playwright/test';
import type { ControlledCentral } from './support/central-control';
import { expect, test } from './support/central-control';
import { askVisacion, openAccount, openTill } from './support/comprobante';
import { DEMO, expectHome, login } from './support/pages';
import { startSecondWorkstation } from './support/second-workstation';

/**
 * A withdrawal's visación decided by Marta Rojas at workstation 001-01's desk, through central, while the teller's
 * approval dialog waits: approved, the withdrawal goes on to its confirmation and posts as after an approval over
 * the shoulder; rejected, the dialog says who rejected it and why.
 */
const askVisacionAtDesks = async (app: Page) => {
  const approval = await askVisacion(app);
  await expect(approval.getByTestId('approval-at-desks')).toContainText('desde su escritorio (F1) en otra estación');
  return approval;
};

/** Marta Rojas decides at 001-01's desk the visación relayed from this workstation. */
const decideAtDesk = async (central: ControlledCentral, decision: 'approve' | 'reject', reason: string) => {
  const desk = central.client('001-01');
  await expect(async () => {
    const list = await desk.call('pendingApprovals', { branch: '001' });
    const asked = list.ok ? list.data.approvals.find((a) => a.kind === 'withdrawal_visacion' && a.workstation === '001-03') : undefined;
    expect(asked?.summary).toContain('****0029');
    const r = await desk.call('decideApproval', { id: asked?.id ?? '', supervisorId: 'supervisor1', decision, reason });
    expect(r).toMatchObject({ ok: true });
  }).toPass({ timeout: 20_000 });
};

test("a visación approved at another workstation's desk: the teller's dialog moves on and the withdrawal posts with the approval", async ({ app, central }) => {
  const approval = await askVisacionAtDesks(app);
  await decideAtDesk(central, 'approve', 'Firma verificada');
  const confirm = app.getByRole('dialog', { name: 'Confirmar retiro' });
  await expect(confirm.getByTestId('approval-granted')).toContainText(/Aprobado por el supervisor Marta Rojas desde su escritorio · autorización [0-9A-F]{8}/, {
    timeout: 20_000,
  });
  await expect(approval).toHaveCount(0);
  // The dialog went by itself: the focus is on the confirmation, not left on the page.
  await expect(confirm.getByRole('button', { name: /^Autorizar y pagar/ })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt')).toContainText('Autorización');
  await expect(app.getByTestId('receipt-words')).toHaveText('SON: SEIS MILLONES DE PESOS M/CTE');
});

test("a visación rejected at another workstation's desk: the teller's dialog says who rejected it and why", async ({ app, central }) => {
  const approval = await askVisacionAtDesks(app);
  await decideAtDesk(central, 'reject', 'Firma no coincide con la tarjeta');
  await expect(approval.getByRole('alert')).toContainText('Rechazada por Marta Rojas: Firma no coincide con la tarjeta. No registre la operación.', { timeout: 20_000 });
  await expect(approval.getByRole('button', { name: /^Aprobar/ })).toBeDisabled();
  // Nothing left to type: the fields lock and the focus is on the way back, not in a field where Enter did nothing.
  await expect(approval.getByLabel('Usuario del supervisor')).toBeDisabled();
  await expect(approval.getByRole('button', { name: /^Cancelar/ })).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(approval).toHaveCount(0);
  await expect(app.getByRole('dialog', { name: 'Confirmar retiro' })).toHaveCount(0);
});

test('a visación asked while central is down: the dialog says only a supervisor at this workstation can decide it, until central takes it', async ({ app, central }) => {
  await openTill(app);
  await openAccount(app, 'F4', 'Retiro', '240000000029');
  await central.stop();
  await app.keyboard.type('6000000');
  await app.keyboard.press('Enter');
  const approval = app.getByRole('dialog', { name: 'Aprobación del supervisor' });
  await expect(approval.getByTestId('approval-reasons')).toContainText('visación');
  await expect(approval.getByTestId('approval-at-desks')).toHaveText('Central no ha recibido esta solicitud: por ahora solo puede decidirla un supervisor en esta estación.');
  // Central back: the dialog's poll relays it again, and the line says the desks can decide it now.
  await central.start();
  await expect(approval.getByTestId('approval-at-desks')).toContainText('desde su escritorio (F1) en otra estación', { timeout: 30_000 });
});

test('QA s35 A1-1: the desk that loses the race to another desk drops the request at once and says who decided it', async ({ app, central }) => {
  await askVisacionAtDesks(app);
  const second = await startSecondWorkstation(central);
  try {
    const desk = second.page;
    await login(desk, DEMO.supervisor);
    await expectHome(desk, DEMO.supervisor.name);
    await desk.keyboard.press('F1');
    await expect(desk.getByRole('heading', { name: 'Solicitudes pendientes (1)' })).toBeVisible({ timeout: 20_000 });
    await desk.getByRole('button', { name: 'Revisar' }).click();
    const detail = desk.getByRole('region', { name: 'Detalle de la solicitud' });
    await detail.getByLabel('Usuario del supervisor').fill(DEMO.supervisor.username);
    await detail.getByLabel('Contraseña del supervisor').fill(DEMO.supervisor.password);
    await detail.getByLabel('Motivo de la decisión').fill('Firma no coincide');
    // Meanwhile 001-01's desk approves it first.
    await decideAtDesk(central, 'approve', 'Firma verificada');
    await detail.getByRole('button', { name: /^Rechazar/ }).click();
    await expect(desk.getByTestId('desk-decided')).toHaveText(/Marta Rojas ya la aprobó en la estación 001-01: Firma verificada\. No se decide de nuevo\./);
    await expect(desk.getByRole('heading', { name: 'Solicitudes pendientes (0)' })).toBeVisible();
    await expect(detail).toHaveCount(0);
    await expect(desk.getByTestId('desk-decided')).toBeFocused();
  } finally {
    await second.close();
  }
});
