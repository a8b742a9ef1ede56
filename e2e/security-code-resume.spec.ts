import type { Page } from '@playwright/test';
import { expect, test } from './support/central-control';
import { DEMO, expectHome, login, switchUser } from './support/pages';

/**
 * Issue 6, open flows: a teller who leaves a security-code flow (Esc, a locked session, a restart) sees the
 * day's open requests with F7 on the security-code screen, resumes one where it stopped, retries a central step
 * left pending while central was down (exactly once at central), or cancels one with a reason (journaled).
 * Central is a real process the test stops and starts on the same port (support/central-control.ts).
 */
const message = (app: Page) => app.getByTestId('flow-message');
const panel = (app: Page) => app.getByTestId('open-flows');
const rows = (app: Page) => panel(app).getByTestId('open-flow');

const openWizard = async (app: Page) => {
  await app.keyboard.press('F7');
  await expect(app.getByRole('heading', { name: 'Generación de código de seguridad', level: 1 })).toBeVisible();
  await expect(app.getByLabel('Número de documento')).toBeFocused();
};

/** Types the document and Enter; retried while the workstation's first pull of central's data is under way. */
const identify = async (app: Page, number: string) => {
  await app.keyboard.type(number);
  await expect(async () => {
    await app.getByLabel('Número de documento').press('Enter');
    await expect(app.getByTestId('flow-customer')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(app.getByLabel('Celular que indica el cliente')).toBeFocused();
};

/** Leaves the wizard with Esc, comes back with F7 and opens "Solicitudes abiertas" with F7. */
const leaveAndList = async (app: Page) => {
  await app.keyboard.press('Escape');
  await expectHome(app, DEMO.teller.name);
  await openWizard(app);
  await app.keyboard.press('F7');
  await expect(panel(app)).toBeVisible();
  await expect(panel(app).getByRole('listbox', { name: 'Solicitudes abiertas' })).toBeFocused();
};

test('Esc mid-flow: the open request is listed, resumes at the same step and completes', async ({ app }) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await openWizard(app);
  await identify(app, '900000003');
  await app.keyboard.type('3150001122');
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('Error de seguridad en datos');

  await app.keyboard.press('Escape');
  await expectHome(app, DEMO.teller.name);
  await openWizard(app);
  await expect(app.getByTestId('open-flows-hint')).toHaveText('Tiene 1 solicitud abierta de hoy: F7 para verla y reanudarla.');
  await app.keyboard.press('F7');
  await expect(rows(app)).toHaveCount(1);
  await expect(rows(app).first()).toContainText('CC *****0003');
  await expect(rows(app).first()).toContainText('Espera el celular anterior');
  await expect(rows(app).first()).toHaveAttribute('aria-selected', 'true');

  await app.keyboard.press('Enter');
  await expect(panel(app)).toHaveCount(0);
  await expect(message(app)).toContainText('Error de seguridad en datos');
  await expect(app.getByTestId('flow-customer')).toContainText('CC 900.000.003');
  await expect(app.getByLabel('Celular anterior que el cliente dio al banco')).toBeFocused();

  // The session locks (inactivity or F11 from the start menu): unlocking returns to the same step.
  await app.evaluate(() => (window as unknown as { teller: { session: { lock(r: object): Promise<unknown> } } }).teller.session.lock({}));
  await expect(app.getByRole('heading', { name: 'Sesión bloqueada' })).toBeVisible();
  await app.getByLabel('Contraseña').fill(DEMO.teller.password);
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Sesión bloqueada' })).toBeHidden();
  await expect(message(app)).toContainText('Error de seguridad en datos');
  await app.getByLabel('Celular anterior que el cliente dio al banco').focus();
  await app.keyboard.type('3151234503');
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('Celular actualizado y código enviado');
  await expect(app.getByTestId('constancia')).toBeVisible();
  await expect(app.getByTestId('print-status')).toHaveText('Impresión terminada. Entregue la constancia al cliente.');
  await app.getByRole('button', { name: 'Imprimir de nuevo' }).click();
  await expect(app.getByTestId('print-status')).toHaveText('Impresión terminada. Entregue la constancia al cliente.');

  await app.keyboard.press('F7');
  await expect(panel(app).getByTestId('open-flows-empty')).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(panel(app)).toHaveCount(0);
  await expect(app.getByRole('heading', { name: 'Generación de código de seguridad', level: 1 })).toBeVisible();

  // "Imprimir de nuevo" printed a copy of the same radicado, not nothing (the original prints once).
  await app.keyboard.press('Escape');
  await expectHome(app, DEMO.teller.name);
  await app.keyboard.press('F9');
  const copy = app.getByRole('table', { name: 'Impresiones recientes' }).getByRole('row').filter({ hasText: 'COPIA No. 1' });
  await expect(copy).toContainText(/RAD-\d{8}-\d{6}/);
  await expect(copy).toContainText('Impreso');
});

test('central down: the request stays pending; when central is back Reintentar completes it exactly once', async ({ app, central }) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await openWizard(app);
  await identify(app, '900000002');
  await central.stop();
  await app.keyboard.type('3101234502');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('alert').filter({ hasText: 'No hay comunicación con la central: no se envió nada' })).toBeVisible();
  await expect(message(app)).toContainText('Pendiente: central no disponible');
  await expect(app.getByRole('button', { name: /Reintentar/ })).toBeVisible();

  await leaveAndList(app);
  const row = rows(app).first();
  await expect(row).toHaveAttribute('data-pending', 'true');
  await expect(row).toContainText('Pendiente con central (1 intento)');
  // Still down: the retry sends nothing and says so; the row counts the attempt.
  await app.keyboard.press('F8');
  await expect(panel(app).getByRole('alert').filter({ hasText: 'No hay comunicación con la central' })).toBeVisible();
  await expect(row).toContainText('Pendiente con central (2 intentos)');

  await central.start();
  await app.keyboard.press('F8');
  await expect(panel(app)).toHaveCount(0);
  await expect(message(app)).toContainText('Código enviado');
  const text = await app.getByTestId('constancia').innerText();
  const radicado = /RAD-\d{8}-\d{6}/.exec(text)?.[0] ?? '';
  expect(radicado).not.toBe('');

  // Central holds one request (one SMS) for this customer, the one on the constancia.
  const list = await central.client().call('listSecurityCodes', { branch: '001' });
  expect(list.ok).toBe(true);
  const mine = list.ok ? list.data.requests.filter((r) => r.maskedDocument === 'CC *****0002') : [];
  expect(mine.map((r) => r.radicado)).toEqual([radicado]);
  expect(mine[0]?.state).toBe('enviado');

  await app.keyboard.press('F7');
  await expect(panel(app).getByTestId('open-flows-empty')).toBeVisible();
});

test('cancel with a reason: the request leaves the list, stays in the journal with the reason', async ({ app }) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await openWizard(app);
  await identify(app, '900000005');
  await app.keyboard.type('3004445566');
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('Error de seguridad en datos');
  const flowId = await app.evaluate(async () => {
    const t = (window as unknown as { teller: { securityCode: { openFlows(r: object): Promise<{ ok: boolean; data: { flows: { id: string }[] } }> } } }).teller;
    return (await t.securityCode.openFlows({})).data.flows[0]?.id ?? '';
  });

  await leaveAndList(app);
  await expect(rows(app)).toHaveCount(1);
  await expect(app.getByTestId('open-flows-hint')).toHaveText('Tiene 1 solicitud abierta de hoy: F7 para verla y reanudarla.');
  await app.keyboard.press('Delete');
  await expect(panel(app).getByLabel('Motivo de la cancelación')).toBeFocused();
  // Enter without a reason is refused on the spot.
  await app.keyboard.press('Enter');
  await expect(panel(app).getByRole('alert')).toContainText('Escriba el motivo');
  await app.keyboard.type('El cliente se retiró sin esperar');
  await app.keyboard.press('Enter');
  await expect(panel(app).getByTestId('open-flows-empty')).toBeVisible();
  // The screen behind the panel no longer says it has one open: at once, not when the panel closes.
  await expect(app.getByTestId('open-flows-hint')).toHaveCount(0);
  // The focus stays in the panel, on nothing Enter acts on: a second Enter neither acts on the screen behind nor closes it.
  const where = async () => app.evaluate(() => ({ inPanel: document.activeElement?.closest('[data-testid="open-flows"]') !== null, tag: document.activeElement?.tagName ?? '', text: document.activeElement?.textContent?.slice(0, 60) ?? '' }));
  expect(await where()).toMatchObject({ inPanel: true });
  await app.keyboard.press('Enter');
  await expect(panel(app).getByTestId('open-flows-empty')).toBeVisible();
  expect(await where()).toMatchObject({ inPanel: true });

  const entries = await app.evaluate(async () => {
    const t = (window as unknown as { teller: { journal: { search(r: object): Promise<{ ok: boolean; data: { entries: { actorName: string; payload: Record<string, unknown> }[] } }> } } }).teller;
    const r = await t.journal.search({ type: 'security_code_request' });
    return r.ok ? r.data.entries : [];
  });
  const cancelled = entries.filter((e) => e.payload.flowId === flowId && e.payload.outcome === 'cancelled');
  expect(cancelled).toHaveLength(1);
  expect(cancelled[0]?.payload).toMatchObject({ reason: 'El cliente se retiró sin esperar', from: 'awaiting_previous_phone' });
});

test('another teller’s open request: listed but not theirs to resume; a supervisor cancels it with a reason', async ({ app }) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await openWizard(app);
  await identify(app, '900000001');
  await app.keyboard.press('Escape');
  await expectHome(app, DEMO.teller.name);
  await switchUser(app, DEMO.teller2);
  await openWizard(app);
  await app.keyboard.press('F7');
  await expect(rows(app)).toHaveCount(1);
  await expect(rows(app).first()).toContainText(DEMO.teller.name);
  await app.keyboard.press('Enter');
  await expect(panel(app).getByRole('alert')).toContainText('solo quien la inició puede reanudarla');
  await app.keyboard.press('Delete');
  await expect(panel(app).getByRole('alert')).toContainText('Solo quien inició la solicitud o un supervisor puede cancelarla');
  await app.keyboard.press('Escape');
  await app.keyboard.press('Escape');
  await expectHome(app, DEMO.teller2.name);
  await switchUser(app, DEMO.supervisor);
  await app.keyboard.press('F7');
  await expect(app.getByRole('heading', { name: 'Generación de código de seguridad', level: 1 })).toBeVisible();
  await app.keyboard.press('F7');
  await expect(rows(app)).toHaveCount(1);
  await app.keyboard.press('Delete');
  await expect(panel(app).getByLabel('Motivo de la cancelación')).toBeFocused();
  // A quick reason: 1 = "El cliente se retiró".
  await app.keyboard.press('1');
  await expect(panel(app).getByLabel('Motivo de la cancelación')).toHaveValue('El cliente se retiró');
  await app.keyboard.press('Enter');
  await expect(panel(app).getByTestId('open-flows-empty')).toBeVisible();
});
