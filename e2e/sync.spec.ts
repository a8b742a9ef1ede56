import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, expect, test } from './support/fixtures';
import { startHost } from './support/host';
import { DEMO, expectHome, login } from './support/pages';

/** A channel call from the page, as the UI makes it (window.teller). */
const call = (app: Page, ns: string, method: string, req: unknown = {}) =>
  app.evaluate(
    ([n, m, r]) =>
      (window as unknown as { teller: Record<string, Record<string, (r: unknown) => Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>>> }).teller[n as string]?.[
        m as string
      ]?.(r) ?? Promise.resolve({ ok: false, error: { code: 'NO_CHANNEL' } }),
    [ns, method, req] as const,
  );

test('the host starts its own central: the status bar reads online and the reference data arrives', async ({ app }) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await expect(app.getByTestId('status-central')).toHaveText(/En línea/, { timeout: 20_000 });
  const r = await call(app, 'sync', 'status');
  expect(r.ok).toBe(true);
  expect(r.data).toMatchObject({ state: 'online', queueLength: 0, mode: 'normal', counts: { unknown: 0, conflict: 0 } });
  expect((r.data as { lastSyncAt: string | null }).lastSyncAt).not.toBeNull();
});

test('only a supervisor switches the branch to contingency, and the status bar says CONTINGENCIA', async ({ app }) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  const refused = await call(app, 'sync', 'setContingency', { active: true, reason: 'Caída del enlace' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await call(app, 'session', 'logout')).toMatchObject({ ok: true });
  await login(app, DEMO.supervisor);
  await expectHome(app, DEMO.supervisor.name);
  const switched = await call(app, 'sync', 'setContingency', { active: true, reason: 'Caída del enlace con central' });
  expect(switched).toMatchObject({ ok: true, data: { mode: 'contingencia' } });
  // Central is up: contingency is on, but the bar says central answers (and withdrawals go online).
  await expect(app.getByTestId('status-contingency')).toHaveText('CONTINGENCIA · central en línea');
  const back = await call(app, 'sync', 'setContingency', { active: false, reason: 'Enlace restablecido' });
  expect(back).toMatchObject({ ok: true, data: { mode: 'normal' } });
  await expect(app.getByTestId('status-contingency')).toHaveCount(0);
});

// QA (keyboard tester): S then F3 as a cajero left the focus on BODY; the view has no action for a teller, so its
// heading takes the focus, as the other screens' do.
test('S then F3 as a cajero: the contingency view takes the focus on its heading', async ({ app }) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await app.keyboard.press('s');
  await expect(app.getByRole('heading', { name: 'Sincronización y contingencia' })).toBeVisible();
  await app.keyboard.press('F3');
  await expect(app.getByTestId('contingency-supervisor-only')).toBeVisible();
  await expect(app.getByRole('heading', { name: /^Contingencia de esta estación/ })).toBeFocused();
});

test('with central unreachable the status bar reads offline', async () => {
  test.skip(test.info().project.name === 'electron', 'browser host only: the central URL is set through its environment');
  // Nothing listens on port 9 (discard) of loopback here.
  const host = await startHost({ CAJA_CENTRAL_URL: 'http://127.0.0.1:9', CAJA_CENTRAL_TOKEN: 'sin-central' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const app = await browser.newPage();
    await app.goto(host.launchUrl);
    await login(app, DEMO.teller);
    await expectHome(app, DEMO.teller.name);
    await expect(app.getByTestId('status-central')).toHaveText(/Sin conexión/, { timeout: 20_000 });
    const r = await call(app, 'sync', 'status');
    expect(r.data).toMatchObject({ state: 'offline', mode: 'normal' });
  } finally {
    await browser.close();
    await host.stop();
  }
});
