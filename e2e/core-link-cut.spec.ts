import type { WebSocketRoute } from '@playwright/test';
import { test, expect } from './support/fixtures';
import type { Page } from '@playwright/test';
import { fillCheque, firstCashDeposit, openAccount, openTill, reverseWithApproval, nextOperation } from './support/comprobante';

/**
 * Routes the page's bridge socket through the test: once armed for a channel, the next call on it reaches the core,
 * and when the core's answer comes back the page-side socket is closed instead of delivering it.
 */
const cutAnswers = async (app: Page) => {
  let armed: string | null = null;
  let cuts = 0;
  await app.routeWebSocket(/\/bridge/, (page: WebSocketRoute) => {
    const server = page.connectToServer();
    const held = new Set<number>();
    page.onMessage((m) => {
      const call = JSON.parse(String(m)) as { id: number; channel: string };
      if (armed !== null && call.channel === armed) held.add(call.id);
      server.send(m);
    });
    server.onMessage((m) => {
      const msg = JSON.parse(String(m)) as { t: string; id?: number };
      if (msg.t === 'result' && msg.id !== undefined && held.has(msg.id)) {
        // The core answered; the page never hears it.
        armed = null;
        cuts += 1;
        void page.close();
        return;
      }
      page.send(m);
    });
  });
  return {
    arm: (channel: string) => {
      armed = channel;
    },
    count: () => cuts,
  };
};

/** Opens `app` with answers the test can cut, and the till open. */
const withCuttableLink = async (app: Page, launchUrl: string) => {
  const cut = await cutAnswers(app);
  await app.goto(launchUrl);
  await openTill(app);
  return cut;
};

/**
 * The link to the core drops after a posting left the page and before its answer came back (QA: the host killed
 * right after "Autorizar y pagar"). The core did post it, so the screen must not read as "nothing happened, try
 * again": it says the outcome is unknown and keeps the comprobante, whose retry with the same key answers the
 * posting already made instead of paying twice. The cut is made in the page's WebSocket (Playwright's route), so
 * the call certainly reached the core and its answer certainly did not reach the page.
 */
test('a withdrawal whose answer is lost reads as outcome unknown, keeps the amount, and the retry shows the one posting', async ({ host, bare: app }) => {
  const cut = await withCuttableLink(app, host.launchUrl);
  const available = () =>
    app.evaluate(async () => {
      const t = (window as unknown as { teller: { accounts: { lookup(r: object): Promise<{ ok: boolean; data: { account: { balances: { available: number } } } }> } } }).teller;
      return (await t.accounts.lookup({ accountNumber: '240000000029' })).data.account.balances.available;
    });
  const before = await available();
  await openAccount(app, 'F4', 'Retiro', '240000000029');
  await app.keyboard.type('100000');
  await app.keyboard.press('Enter');
  const confirm = app.getByRole('dialog', { name: 'Confirmar retiro' });
  await expect(confirm.getByTestId('withdrawal-summary')).toBeVisible();
  cut.arm('withdrawal.post');
  await app.keyboard.press('Enter');

  await expect(confirm).toHaveCount(0);
  expect(cut.count()).toBe(1);
  const alert = app.getByRole('alert');
  await expect(alert).toContainText('No se sabe si la operación quedó registrada: NO la repita ni entregue/reciba efectivo por ella hasta verificar.');
  await expect(alert).not.toContainText('vuelva a intentar');
  await expect(app.getByLabel('Valor a retirar')).toHaveValue('100.000');

  // Back on line, the same comprobante with the same key: the core answers the posting it already made.
  await expect(app.getByTestId('status-central')).not.toContainText('Núcleo desconectado');
  await app.getByLabel('Valor a retirar').press('Enter');
  await expect(confirm.getByTestId('withdrawal-summary')).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt-sequence')).toHaveText(/^001-03-\d{6}$/);
  // Paid once: the account lost the $ 100.000 (and its 4x1000) one time, not two.
  const debited = before - (await available());
  expect(debited).toBeGreaterThanOrEqual(100_000);
  expect(debited).toBeLessThan(200_000);
});

test('a call that could not leave the page keeps "vuelva a intentar": nothing reached the core', async ({ host, bare: app }) => {
  let refuse = false;
  let current: WebSocketRoute | null = null;
  await app.routeWebSocket(/\/bridge/, (page: WebSocketRoute) => {
    // While refused, the bridge is never reached: the page's socket closes as it opens.
    if (refuse) return void page.close();
    current = page;
    page.connectToServer();
  });
  await app.goto(host.launchUrl);
  await openTill(app);
  await openAccount(app, 'F4', 'Retiro', '240000000029');
  await app.keyboard.type('100000');
  await app.keyboard.press('Enter');
  const confirm = app.getByRole('dialog', { name: 'Confirmar retiro' });
  await expect(confirm.getByTestId('withdrawal-summary')).toBeVisible();
  refuse = true;
  await (current as WebSocketRoute | null)?.close();
  await expect(app.getByTestId('status-central')).toContainText('Núcleo desconectado');
  await app.keyboard.press('Enter');
  await expect(confirm).toHaveCount(0);
  await expect(app.getByRole('alert')).toHaveText('Sin conexión con el núcleo de Caja. Espere unos segundos y vuelva a intentar.');
  await expect(app.getByLabel('Valor a retirar')).toHaveValue('100.000');
});

test('a reversal whose answer is lost keeps its key: "Registrar el reverso" shows the reversal made, not a refusal', async ({ host, bare: app }) => {
  const cut = await withCuttableLink(app, host.launchUrl);
  await firstCashDeposit(app);
  await app.keyboard.press('Escape');
  await app.keyboard.press('F5');
  await app.getByLabel('Tipo de evento').selectOption('comprobante');
  await app.getByLabel('Cuenta').fill('240000000011');
  await app.getByRole('button', { name: 'Buscar' }).click();
  await expect(app.getByRole('table', { name: 'Registros del diario' })).toContainText('001-03-000001');
  await app.getByRole('button', { name: 'Reversar' }).click();
  const panel = app.getByRole('region', { name: 'Reverso de comprobante' });
  await expect(panel).toContainText('$ 1.200.000');
  cut.arm('reversal.post');
  await reverseWithApproval(app);
  await expect(panel.getByRole('alert')).toContainText('No se sabe si la operación quedó registrada');
  expect(cut.count()).toBe(1);
  await expect(app.getByTestId('status-central')).not.toContainText('Núcleo desconectado');
  await panel.getByRole('button', { name: 'Registrar el reverso' }).click();
  await expect(app.getByTestId('reversal-receipt')).toContainText('REVERSO DE COMPROBANTE');
});

/** A cheque deposited to 240000000029 and its receipt closed: from Medellín it goes to remesa, from Bogotá to canje. */
const depositCheque = async (app: Page, city?: string) => {
  await openAccount(app, 'F3', 'Consignación', '240000000029');
  await fillCheque(app, { bank: '13', number: '555', drawerAccount: '99988877', amount: 800_000, ...(city ? { city } : {}) });
  await expect(app.getByRole('dialog', { name: 'Confirmar consignación' }).getByTestId('holds')).toContainText(city ? 'remesa' : 'en canje');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt')).toContainText('Cheques recibidos sujetos a verificación');
  await nextOperation(app);
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
};

const backOnLine = (app: Page) => expect(app.getByTestId('status-central')).not.toContainText('Núcleo desconectado');

test('a remesa whose "enviada" answer is lost: E again shows it enviada, not "la remesa está enviada; no se puede enviar"', async ({ host, bare: app }) => {
  const cut = await withCuttableLink(app, host.launchUrl);
  await depositCheque(app, 'Medellín');
  await app.keyboard.press('r');
  const list = app.getByTestId('remittances');
  await expect(app.getByTestId('remittance-status')).toHaveText('Recibida');
  cut.arm('remittance.advance');
  await list.press('e');
  await expect(app.getByRole('dialog', { name: 'Confirmar remesa enviada' })).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('alert')).toContainText('No se sabe si la operación quedó registrada');
  expect(cut.count()).toBe(1);
  await backOnLine(app);
  await list.press('e');
  await expect(app.getByRole('dialog', { name: 'Confirmar remesa enviada' })).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('remittance-status')).toHaveText('Enviada');
  await expect(app.getByRole('alert')).toHaveCount(0);
});

test('a canje return whose answer is lost: Enter again in the dialog shows the return made and its receipt, not "ya está devuelto"', async ({ host, bare: app }) => {
  const cut = await withCuttableLink(app, host.launchUrl);
  await depositCheque(app);
  await app.keyboard.press('c');
  await expect(app.getByTestId('canje-status')).toHaveText('En canje');
  await app.getByTestId('canje-cheques').press('d');
  const dialog = app.getByRole('dialog', { name: 'Devolver cheque' });
  const causal = dialog.getByLabel('Causal de devolución');
  await causal.fill('1');
  await causal.press('Enter');
  const register = dialog.getByRole('button', { name: /^Registrar devolución/ });
  cut.arm('canje.return');
  await register.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('No se sabe si la operación quedó registrada');
  expect(cut.count()).toBe(1);
  await backOnLine(app);
  await register.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(app.getByTestId('canje-returned').getByTestId('receipt')).toContainText('DEVOLUCIÓN DE CHEQUE EN CANJE');
  await expect(app.getByTestId('canje-status')).toHaveText(/^Devuelto \(Fondos insuficientes\)/);
});

test('a blind count whose answer is lost: F10 again is the same first count (count again), not the second one with its difference', async ({ host, bare: app }) => {
  const cut = await withCuttableLink(app, host.launchUrl);
  await app.keyboard.press('F6');
  const hint = app.getByTestId('arqueo-hint');
  await expect(hint).toContainText('Arqueo ciego');
  // 60 × $ 100.000 against $ 8.497.000 in the till: far beyond the margin, so a first count asks for a second.
  await app.getByLabel('$ 100.000 billete').fill('60');
  cut.arm('till.count');
  await app.keyboard.press('F10');
  await expect(app.getByRole('alert')).toContainText('No se sabe si la operación quedó registrada');
  expect(cut.count()).toBe(1);
  await backOnLine(app);
  await app.keyboard.press('F10');
  await expect(hint).toContainText('segundo conteo ciego');
  await expect(app.getByRole('main')).not.toContainText('Faltante');
});
