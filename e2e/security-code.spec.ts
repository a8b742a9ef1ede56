import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startCentralProcess, type CentralProcess } from '../main/host/central-process';
import { test as base, expect } from './support/fixtures';
import { startHost } from './support/host';
import { DEMO, expectHome, login, switchUser } from './support/pages';

/**
 * Seed 000 at the counter, every branch, keyboard only, against a real central process this file controls
 * (so it can be stopped, and its demo clock moved with `POST /v1/test/advance`). Demo citizens and their
 * registered cellphones: central/demo/seed.ts (900000004's SMS never delivers).
 */
interface Central {
  url: string;
  token: string;
  proc: CentralProcess;
  advance(ms: number): Promise<void>;
  /** Central's own record of a request: its state comes from the SMS gateway's log. */
  status(radicado: string): Promise<{ state: string; sentAt: string | null; deliveredAt: string | null; supersededBy?: string | null }>;
  kill(): Promise<void>;
}

const test = base.extend<{ central: Central }>({
  // eslint-disable-next-line no-empty-pattern
  central: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'caja-e2e-central-'));
    const proc = await startCentralProcess({ dbFile: join(dir, 'central.db') });
    const token = proc.tokens.get('001-03') ?? '';
    const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
      const res = await fetch(`${proc.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(res.status, `${method} ${path}`).toBe(200);
      return (await res.json()) as Record<string, unknown>;
    };
    await use({
      url: proc.url,
      token,
      proc,
      advance: async (ms) => {
        await call('POST', '/v1/test/advance', { ms });
      },
      status: async (radicado) => (await call('GET', `/v1/security-codes/${encodeURIComponent(radicado)}`)).request as never,
      kill: async () => {
        proc.child.kill('SIGKILL');
        await new Promise<void>((r) => (proc.child.exitCode !== null || proc.child.signalCode !== null ? r() : proc.child.once('exit', () => r())));
      },
    });
    await proc.stop();
    rmSync(dir, { recursive: true, force: true });
  },
  host: async ({ central }, use) => {
    const host = await startHost({ CAJA_CENTRAL_URL: central.url, CAJA_CENTRAL_TOKEN: central.token });
    await use(host);
    await host.stop();
  },
});

type Emulator =
  | { action: 'fingerprint.place'; documentNumber: string; finger: 'right-index' }
  | { action: 'fingerprint.mode'; value: 'ok' | 'poor-image' }
  | { action: 'fingerprint.unplug' | 'fingerprint.replug' }
  | { action: 'scanner.scan'; documentNumber: string };

/** The demo emulators' control, as the Dispositivos screen uses it. */
const emulate = async (app: Page, cmd: Emulator) => {
  const r = await app.evaluate(
    (c) => (window as unknown as { teller: { devices: { emulator(c: unknown): Promise<{ ok: boolean }> } } }).teller.devices.emulator(c),
    cmd,
  );
  expect(r.ok).toBe(true);
};

const HOUR = 3_600_000;
const message = (app: Page) => app.getByTestId('flow-message');

const openWizard = async (app: Page) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
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
};

/** From the phone step to the capture step: a new number, "no lo recuerda" (F6), consent (Enter). */
const toCapture = async (app: Page, newPhone: string) => {
  await expect(app.getByLabel('Celular que indica el cliente')).toBeFocused();
  await app.keyboard.type(newPhone);
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('Error de seguridad en datos');
  await app.keyboard.press('F6');
  await expect(app.getByRole('heading', { name: 'Autorización de datos biométricos' })).toBeVisible();
  await expect(app.getByText('Ley 1581 de 2012').first()).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('Validación de huella');
};

const radicadoOf = async (app: Page) => {
  const text = await app.getByTestId('constancia').innerText();
  const m = /RAD-\d{8}-\d{6}/.exec(text);
  if (!m) throw new Error(`no radicado in constancia:\n${text}`);
  return m[0];
};

test('registered cellphone: central sends the code at once (enviado), the constancia shows the radicado', async ({ app, central }) => {
  await openWizard(app);
  await identify(app, '900000002');
  await expect(app.getByTestId('flow-customer')).toContainText('JUAN CARLOS RODRÍGUEZ CASTAÑO');
  await expect(app.getByTestId('flow-customer')).toContainText('*******502');
  await app.keyboard.type('310 123 4502');
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('Código enviado');
  await expect(message(app)).toContainText('usted no verá el código');
  const radicado = await radicadoOf(app);
  expect((await central.status(radicado)).state).toBe('enviado');
  // The radicado and the date once each, where every paper has them.
  await expect(app.getByTestId('constancia-reference')).toHaveText(radicado);
  const text = await app.getByTestId('constancia').innerText();
  expect(text.match(/RAD-\d{8}-\d{6}/g)).toEqual([radicado]);
  expect(text.match(/^Fecha/gm)).toHaveLength(1);
});

test('a different cellphone whose previous number matches: cellphone updated, code sent to the new one', async ({ app, central }) => {
  await openWizard(app);
  await identify(app, '900000003');
  await app.keyboard.type('3150001122');
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('Error de seguridad en datos');
  await expect(app.getByLabel('Celular anterior que el cliente dio al banco')).toBeFocused();
  await app.keyboard.type('3151234503');
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('Celular actualizado y código enviado');
  const radicado = await radicadoOf(app);
  const st = await central.status(radicado);
  expect(st).toMatchObject({ state: 'enviado', maskedCellphone: '*******122' });
});

test('scanned cédula and a fingerprint match: radicado with a 24-hour deadline, then enviado and entregado at central', async ({ app, central }) => {
  await openWizard(app);
  await emulate(app, { action: 'scanner.scan', documentNumber: '900000001' });
  await expect(app.getByTestId('flow-customer')).toContainText('MARÍA FERNANDA GÓMEZ PATIÑO', { timeout: 20_000 });
  await toCapture(app, '3119998877');
  await emulate(app, { action: 'fingerprint.place', documentNumber: '900000001', finger: 'right-index' });
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('Solicitud radicada');
  await expect(app.getByTestId('constancia')).toContainText('CONSTANCIA DE RADICACIÓN');
  await expect(app.getByTestId('constancia')).toContainText('Plazo máximo');
  const radicado = await radicadoOf(app);
  const first = await central.status(radicado);
  expect(first.state).toBe('radicado');

  await app.keyboard.press('Escape');
  await app.keyboard.press('F8');
  await expect(app.getByRole('heading', { name: 'Radicaciones' })).toBeVisible();
  const row = app.getByTestId(`rad-${radicado}`);
  await expect(row.getByTestId('rad-state')).toHaveText('Radicado');

  // Central holds a radication one hour for processing, then the SMS goes out; the demo gateway delivers in 10 s.
  await central.advance(HOUR);
  expect(await central.status(radicado)).toMatchObject({ state: 'enviado' });
  await app.keyboard.press('F5');
  await expect(row.getByTestId('rad-state')).toHaveText('Enviado');
  await central.advance(60_000);
  const delivered = await central.status(radicado);
  expect(delivered.state).toBe('entregado');
  expect(delivered.deliveredAt).not.toBeNull();
  await app.keyboard.press('F5');
  await expect(row.getByTestId('rad-state')).toHaveText('Entregado');
  await expect(row).toHaveAttribute('data-overdue', 'false');
});

test('another person’s finger: no match, no radication, the attempt counted; three failures stop the flow', async ({ app }) => {
  await openWizard(app);
  await identify(app, '900000005');
  await toCapture(app, '3004445566');
  await emulate(app, { action: 'fingerprint.place', documentNumber: '900000002', finger: 'right-index' });
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('La huella no coincide');
  await expect(message(app)).toContainText('Quedan 2 intentos');
  await expect(app.getByTestId('capture-attempts')).toHaveText('Intento 2 de 3');
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('Queda 1 intento');
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('Intentos de huella agotados');
  await expect(message(app)).toContainText('no se radicó la solicitud ni se cambió el celular');
  await expect(app.getByTestId('constancia')).toHaveCount(0);
  await expect(app.getByRole('button', { name: /Capturar huella/ })).toHaveCount(0);
});

test('a poor-quality capture counts as a failed attempt, a good one then radicates', async ({ app }) => {
  await openWizard(app);
  await identify(app, '900000002');
  await toCapture(app, '3001112233');
  await emulate(app, { action: 'fingerprint.place', documentNumber: '900000002', finger: 'right-index' });
  await emulate(app, { action: 'fingerprint.mode', value: 'poor-image' });
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('Huella de baja calidad');
  await emulate(app, { action: 'fingerprint.mode', value: 'ok' });
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('Solicitud radicada');
});

test('the capture step follows the reader live: unplugged it says so and waits; plugged back it is ready, Enter captures', async ({ app }) => {
  await openWizard(app);
  await identify(app, '900000002');
  await toCapture(app, '3001112233');
  const capture = app.getByRole('button', { name: /Capturar huella/ });
  await expect(capture).toBeFocused();
  await emulate(app, { action: 'fingerprint.unplug' });
  // Whether the step heard of it first or the teller's Enter found it, the step says the reader is away.
  await app.keyboard.press('Enter');
  const main = app.getByRole('main');
  await expect(main).toContainText('Lector de huella desconectado');
  await expect(app.getByTestId('capture-attempts')).toHaveText('Intento 1 de 3');
  // Back (the emulator plugs it in again): without leaving the step, the reader is ready and Capturar has the focus.
  await emulate(app, { action: 'fingerprint.replug' });
  await expect(main).not.toContainText('desconectado');
  await expect(app.getByTestId('reader-status')).toHaveText('Lector de huella listo.');
  await expect(capture).toBeEnabled();
  await expect(capture).toBeFocused();
  await emulate(app, { action: 'fingerprint.place', documentNumber: '900000002', finger: 'right-index' });
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('Solicitud radicada');
});

test('without the customer’s consent there is no biometric path (Ley 1581 de 2012)', async ({ app }) => {
  await openWizard(app);
  await identify(app, '900000001');
  // Wait for each step before the next key, as a teller waits for the screen (F6 on the phone step is ignored).
  await expect(app.getByLabel('Celular que indica el cliente')).toBeFocused();
  await app.keyboard.type('3009990000');
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('Error de seguridad en datos');
  await app.keyboard.press('F6');
  await expect(app.getByText('Usted no está obligado a autorizar', { exact: false })).toBeVisible();
  await app.keyboard.press('F6');
  await expect(message(app)).toContainText('Sin autorización biométrica');
  await expect(app.getByRole('button', { name: /Capturar huella/ })).toHaveCount(0);
});

test('central unreachable: the fingerprint cannot be matched, nothing is radicated or changed', async ({ app, central }) => {
  await openWizard(app);
  await identify(app, '900000001');
  await toCapture(app, '3009990000');
  await emulate(app, { action: 'fingerprint.place', documentNumber: '900000001', finger: 'right-index' });
  await central.kill();
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('Central no disponible');
  await expect(message(app)).toContainText('no se cambió el celular, no se radicó nada');
  await expect(app.getByTestId('constancia')).toHaveCount(0);
});

test('a code not delivered in 24 hours shows as vencido, highlighted for the supervisor', async ({ app, central }) => {
  await openWizard(app);
  await identify(app, '900000004');
  await app.keyboard.type('3201234504');
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('Código enviado');
  const radicado = await radicadoOf(app);
  await central.advance(25 * HOUR);
  expect((await central.status(radicado)).state).toBe('vencido');

  await app.keyboard.press('Escape');
  await expectHome(app, DEMO.teller.name);
  await switchUser(app, DEMO.supervisor);
  await app.keyboard.press('F8');
  const row = app.getByTestId(`rad-${radicado}`);
  await expect(row.getByTestId('rad-state')).toHaveText('Vencido');
  await expect(row).toHaveAttribute('data-overdue', 'true');
  await expect(row).toHaveClass(/overdue/);
  await expect(app.getByTestId('overdue-banner')).toContainText('1 solicitud vencida requiere su gestión');
});

test('the customer’s open radicado is shown on a new request; replacing it with a reason supersedes it at central; a second immediate send is refused', async ({ app, central }) => {
  await openWizard(app);
  await identify(app, '900000001');
  await toCapture(app, '3119998877');
  await emulate(app, { action: 'fingerprint.place', documentNumber: '900000001', finger: 'right-index' });
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('Solicitud radicada');
  const first = await radicadoOf(app);

  // "Nueva solicitud" has the focus: the same customer again.
  await app.keyboard.press('Enter');
  await expect(app.getByLabel('Número de documento')).toBeFocused();
  await identify(app, '900000001');
  await expect(message(app)).toContainText('El cliente ya tiene una solicitud abierta');
  const existing = app.getByTestId('existing-requests');
  await expect(existing).toContainText(`Radicado ${first} del `);
  await expect(existing).toContainText('(radicada, código aún no enviado)');
  await expect(app.getByLabel('Celular que indica el cliente')).toHaveCount(0);
  await expect(existing.getByRole('button', { name: `Conservar el radicado ${first}` })).toBeFocused();

  await app.keyboard.press('Tab');
  await expect(app.getByLabel('Motivo para reemplazarla')).toBeFocused();
  await app.keyboard.type('El cliente perdió el celular');
  await app.keyboard.press('Enter');
  await expect(app.getByLabel('Celular que indica el cliente')).toBeFocused();
  await app.keyboard.type('3119998877');
  await app.keyboard.press('Enter');
  await expect(message(app)).toContainText('Código enviado');
  const second = await radicadoOf(app);
  expect(await central.status(first)).toMatchObject({ supersededBy: second, sentAt: null });

  // Another immediate send for the same customer a moment later: refused, saying when to ask again.
  await app.keyboard.press('Enter');
  await expect(app.getByLabel('Número de documento')).toBeFocused();
  await identify(app, '900000001');
  await expect(app.getByLabel('Celular que indica el cliente')).toBeFocused();
  await app.keyboard.type('3119998877');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('alert')).toContainText(/podrá pedir otro código desde las \d{2}:\d{2}/);
  await central.advance(HOUR);
  expect((await central.status(first)).sentAt).toBeNull();

  // The journal screen names each request by its radicado (Referencia) and says how it ended (Estado).
  await app.keyboard.press('Escape');
  await expectHome(app, DEMO.teller.name);
  await app.keyboard.press('F5');
  await expect(app.getByRole('heading', { name: 'Diario electrónico' })).toBeVisible();
  await app.getByLabel('Tipo de evento').selectOption('security_code_request');
  await app.getByRole('button', { name: 'Buscar' }).click();
  const rows = app.getByRole('table', { name: 'Registros del diario' });
  await expect(rows.getByRole('row').filter({ hasText: 'Reemplaza la solicitud abierta' })).toContainText(first);
  await expect(rows.getByRole('row').filter({ hasText: second }).filter({ hasText: 'Enviado' })).toHaveCount(1);
  await expect(rows.getByRole('row').filter({ hasText: first }).filter({ hasText: 'Radicado' })).toHaveCount(1);
});
