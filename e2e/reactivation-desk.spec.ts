import { expect, test } from './support/central-control';
import type { Page } from '@playwright/test';
import type { CentralClient } from '../main/sync/central-client';
import { DEMO, expectHome, login } from './support/pages';

/** The teller signs in and asks a supervisor to reactivate Andrés's inactive account, presencial. */
const askReactivation = async (app: Page) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await app.keyboard.press('a');
  await app.keyboard.type('240000000052');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('reactivation-presenters').getByRole('checkbox')).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('reactivation-check')).toContainText('Presencial');
  await app.keyboard.press('Enter');
};

/** Marta Rojas rejects it at 001-01's desk, through central, once central lists it. */
const rejectAtDesk = async (desk: CentralClient) => {
  await expect(async () => {
    const list = await desk.call('pendingApprovals', { branch: '001' });
    const asked = list.ok ? list.data.approvals.find((a) => a.kind === 'reactivation' && a.workstation === '001-03') : undefined;
    expect(asked).toBeDefined();
    const r = await desk.call('decideApproval', { id: asked?.id ?? '', supervisorId: 'supervisor1', decision: 'reject', reason: 'Cédula ilegible: pida otro documento' });
    expect(r).toMatchObject({ ok: true });
  }).toPass({ timeout: 20_000 });
};

/**
 * A reactivation decided by Marta Rojas at workstation 001-01's desk, through central, while the teller's screen waits
 * on it: rejected, the screen says who and why, and the focus is on Verificar to ask again.
 */
test("a reactivation rejected at another workstation's desk: the screen says who and why, and the focus is on Verificar", async ({ app, central }) => {
  await askReactivation(app);
  const approval = app.getByRole('form', { name: 'Aprobación del supervisor' });
  await expect(approval.getByLabel('Usuario del supervisor')).toBeFocused();

  await rejectAtDesk(central.client('001-01'));

  await expect(app.getByRole('alert')).toContainText('Reactivación rechazada por Marta Rojas: Cédula ilegible: pida otro documento.', { timeout: 20_000 });
  await expect(approval).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Verificar (Enter)' })).toBeFocused();
});

test("a reactivation rejected at another workstation's desk after the teller went back to Inicio: Inicio says who rejected it and why", async ({ app, central }) => {
  await askReactivation(app);
  await expect(app.getByRole('form', { name: 'Aprobación del supervisor' }).getByLabel('Usuario del supervisor')).toBeFocused();
  // The teller leaves the request waiting on the desks and goes back to Inicio.
  await app.keyboard.press('Escape');
  await expectHome(app, DEMO.teller.name);

  await rejectAtDesk(central.client('001-01'));

  const told = app.getByRole('region', { name: 'Reactivaciones rechazadas' });
  await expect(told).toContainText(/Reactivación de la cuenta \S+ rechazada por Marta Rojas: Cédula ilegible: pida otro documento\./, { timeout: 20_000 });
});
