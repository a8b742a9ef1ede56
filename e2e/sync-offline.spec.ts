import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/central-control';
import { startHost } from './support/host';
import { openAccount, openTill, postCashDeposit, nextOperation } from './support/comprobante';
import { DEMO, switchUser } from './support/pages';

/**
 * Offline contingency against a central the test stops and restarts on the same database and port
 * (e2e/support/central-control.ts): deposits queue and drain exactly once, withdrawals wait for the
 * supervisor's contingency and its caps, and what central refuses later lands in the supervisor's queue.
 */

/** A channel call from the page, as the UI makes it (window.teller). */
const call = (app: Page, ns: string, method: string, req: unknown = {}) =>
  app.evaluate(
    ([n, m, r]) =>
      (window as unknown as { teller: Record<string, Record<string, (r: unknown) => Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>>> }).teller[n as string]?.[
        m as string
      ]?.(r) ?? Promise.resolve({ ok: false, error: { code: 'NO_CHANNEL' } }),
    [ns, method, req] as const,
  );

/** Online, with everything the till opening queued already at central. */
const drained = async (app: Page) => {
  await expect(app.getByTestId('status-central')).toHaveText(/^En línea(?!.*en cola)/, { timeout: 45_000 });
};

const withdraw = async (app: Page, account: string, amount: number) => {
  await openAccount(app, 'F4', 'Retiro', account);
  await expect(app.getByLabel('Valor a retirar')).toBeFocused();
  await app.keyboard.type(String(amount));
  await app.keyboard.press('Enter');
  await expect(app.getByRole('dialog', { name: 'Confirmar retiro' })).toBeVisible();
  await app.keyboard.press('Enter');
};

/** Till open and drained, then central stops under a $ 100.000 withdrawal: it stays pending, cash not paid. */
const pendingWithdrawal = async (app: Page, central: { stop(): Promise<void> }) => {
  await openTill(app);
  await drained(app);
  await central.stop();
  await withdraw(app, '240000000029', 100_000);
  const banner = app.getByTestId('withdrawal-pending');
  await expect(banner).toContainText('NO entregue el efectivo');
  return banner;
};

/** Leaves the pending withdrawal without releasing its funds: it waits on Inicio. */
const leaveOnInicio = async (app: Page) => {
  await app.keyboard.press('Escape');
  await app.getByRole('dialog', { name: 'El retiro sigue pendiente' }).getByRole('button', { name: /Salir sin liberar/ }).click();
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
};


/** A till opened and drained, central stopped, a $ 200.000 cash deposit to 240000000011: queued, the bar says so. */
const depositWithCentralDown = async (app: Page, central: { stop(): Promise<void> }) => {
  await openTill(app);
  await drained(app);
  await central.stop();
  await openAccount(app, 'F3', 'Consignación', '240000000011');
  await app.keyboard.press('Enter'); // 100.000: none
  await app.keyboard.type('4'); // 50.000 × 4
  await postCashDeposit(app, 200_000);
  await expect(app.getByTestId('status-central')).toHaveText(/Sin conexión · 1 en cola/, { timeout: 20_000 });
};

test('central down: a cash deposit is accepted and queued; central back: the queue drains and central has it exactly once', async ({ app, central }) => {
  await depositWithCentralDown(app, central);
  await expect(app.getByTestId('receipt-sequence')).toHaveText('001-03-000001');
  // The last successful sync stays on the bar while offline.
  await expect(app.getByTestId('status-central')).toContainText('sincronizado');

  await app.keyboard.press('Escape');
  await app.keyboard.press('s');
  await expect(app.getByRole('heading', { name: 'Sincronización y contingencia' })).toBeVisible();
  await expect(app.getByTestId('sync-link')).toHaveText('Sin conexión');
  await expect(app.getByTestId('sync-queue')).toHaveText('1');
  // Never answered: 'por enviar' or, once a send failed, 'sin confirmar' (central is asked before a resend).
  const { data } = (await call(app, 'sync', 'status')) as { data: { counts: { pending: number; unknown: number } } };
  expect(data.counts.pending + data.counts.unknown).toBe(1);
  await expect(app.getByTestId('sync-message')).toContainText('los retiros requieren contingencia');

  await central.start();
  await drained(app);
  await expect(app.getByTestId('sync-link')).toHaveText('En línea');
  await expect(app.getByTestId('sync-queue')).toHaveText('0');
  await expect(app.getByTestId('sync-last')).not.toHaveText('Nunca en esta estación');

  const audit = await central.audit();
  const deposits = audit.operations.filter((o) => o.account === '240000000011');
  expect(deposits).toHaveLength(1);
  expect(deposits[0]).toMatchObject({ status: 'applied' });
  expect(audit.conflicts).toBe(0);
  expect(audit.accounts.find((a) => a.number === '240000000011')?.available).toBe(2_700_000);
  const asked = await central.client().call('operationStatus', { key: deposits[0]?.key ?? '' });
  expect(asked).toMatchObject({ ok: true, data: { status: 'applied', type: 'cash_deposit' } });
});

test('QA s37 Q4: the close gate blocked by the queue re-reads itself: with central back it lets the count start without "Revisar de nuevo"', async ({ app, central }) => {
  test.setTimeout(180_000);
  await depositWithCentralDown(app, central);
  await app.keyboard.press('Escape');
  await app.keyboard.press('F6');
  const gate = app.getByTestId('close-gate');
  // Not sent, or sent without an answer: either way central must confirm it before the close.
  await expect(gate).toContainText(/sin sincronizar|resultado desconocido/);
  await central.start();
  // Nothing pressed: the gate follows the queue as it drains.
  await expect(gate).toBeHidden({ timeout: 45_000 });
  await expect(app.getByTestId('arqueo-hint')).toBeVisible();
});

test('the status bar follows what the operations see: a withdrawal that finds central down shows "Sin conexión" within two seconds, not at the next 15 s sync round; its retry with central back, "En línea"', async ({ app, central }) => {
  await openTill(app);
  await drained(app);
  const bar = app.getByTestId('status-central');
  await central.stop();

  await withdraw(app, '240000000029', 100_000);
  await expect(app.getByTestId('withdrawal-pending')).toContainText('NO entregue el efectivo');
  await expect(bar).toHaveText(/^Sin conexión/, { timeout: 2_000 });

  await central.start();
  await expect(app.getByTestId('withdrawal-pending').getByRole('button', { name: /Reintentar/ })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt-words')).toHaveText('SON: CIEN MIL PESOS M/CTE');
  await expect(bar).toHaveText(/^En línea/, { timeout: 2_000 });
});

test('central down: no withdrawal without contingency; the supervisor switches it on and withdrawals are paid within the caps, marked CONTINGENCIA', async ({ app, central }) => {
  await pendingWithdrawal(app, central);
  await expect(app.getByTestId('receipt')).toHaveCount(0);
  // Enter retries, as the banner says: the focus is on Reintentar (central still down, still pending).
  await expect(app.getByTestId('withdrawal-pending').getByRole('button', { name: /Reintentar/ })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('withdrawal-pending')).toContainText('NO entregue el efectivo');

  // The teller sees the caps but no switch, and the core refuses the switch to a teller. Leaving a pending
  // withdrawal is asked: here the teller leaves its hold to lapse, to ask for contingency.
  await leaveOnInicio(app);
  await app.keyboard.press('s');
  await app.keyboard.press('F3');
  await expect(app.getByTestId('contingency-supervisor-only')).toBeVisible();
  expect(await call(app, 'sync', 'setContingency', { active: true, reason: 'Caída del enlace' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

  await switchUser(app, DEMO.supervisor);
  await app.keyboard.press('F1');
  await expect(app.getByRole('heading', { name: 'Escritorio del supervisor' })).toBeVisible();
  await app.keyboard.press('F2');
  await expect(app.getByRole('heading', { name: 'Sincronización y contingencia' })).toBeVisible();
  await app.keyboard.press('F3');
  const caps = app.getByRole('table', { name: 'Topes de contingencia' });
  await expect(caps).toContainText('$ 2.000.000');
  await expect(caps).toContainText('$ 3.000.000');
  await expect(caps).toContainText('$ 20.000.000');
  await expect(app.getByLabel('Motivo de la contingencia')).toBeFocused();
  // Enter with no reason is said in words, not as invalid data, and the focus stays for it.
  await app.keyboard.press('Enter');
  await expect(app.getByRole('alert')).toHaveText('Escriba el motivo de la contingencia.');
  await expect(app.getByLabel('Motivo de la contingencia')).toBeFocused();
  await app.keyboard.type('Caída del enlace con central');
  await app.keyboard.press('Enter');
  // QA: it said "Oficina en CONTINGENCIA" while the other tills of the office stayed in normal mode; the mode and
  // its caps are this workstation's (kept where central is not needed), and the panel says so.
  await expect(app.getByRole('heading', { name: 'Contingencia de esta estación (Caja 03)' })).toBeVisible();
  await expect(app.getByTestId('contingency-mode')).toContainText('Estación en CONTINGENCIA desde el');
  await expect(app.getByTestId('contingency-scope')).toHaveText(/activarla aquí no la activa en las otras cajas de la oficina/);
  await expect(caps).toContainText('Por cliente por día en esta caja');
  await expect(app.getByRole('status', { name: 'Estado de la estación' }).getByText('CONTINGENCIA', { exact: true })).toBeVisible();

  await switchUser(app, DEMO.teller);
  await expect(app.getByRole('status', { name: 'Estado de la estación' }).getByText('CONTINGENCIA', { exact: true })).toBeVisible();
  await withdraw(app, '240000000029', 500_000);
  await expect(app.getByTestId('receipt')).toContainText('CONTINGENCIA');
  await expect(app.getByTestId('receipt-words')).toHaveText('SON: QUINIENTOS MIL PESOS M/CTE');
  await nextOperation(app); // Nueva operación
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();

  // Over the cap: refused at Revisar, before the confirmation, with the cash held back.
  await openAccount(app, 'F4', 'Retiro', '240000000029');
  await expect(app.getByLabel('Valor a retirar')).toBeFocused();
  await app.keyboard.type('2500000');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('alert')).toHaveText('En contingencia el retiro máximo por transacción es $ 2.000.000. No entregue el efectivo.');
  await expect(app.getByRole('dialog', { name: 'Confirmar retiro' })).toHaveCount(0);
  await expect(app.getByTestId('receipt')).toHaveCount(0);

  // What this till used of its cap today: the one withdrawal paid. The refused amount is asked before it is dropped.
  await app.keyboard.press('Escape');
  await expect(app.getByRole('dialog', { name: '¿Descartar el retiro?' })).toBeVisible();
  await app.keyboard.press('Enter');
  await app.keyboard.press('s');
  await app.keyboard.press('F3');
  await expect(app.getByTestId('contingency-till')).toContainText('$ 500.000 (1 retiro)');
});

test('in contingencia a cheque de gerencia over the per-withdrawal cap is refused at Revisar, and the refusal holds back the cheque, not cash', async ({ app, central }) => {
  await openTill(app);
  await drained(app);
  await central.stop();
  await switchUser(app, DEMO.supervisor);
  expect(await call(app, 'sync', 'setContingency', { active: true, reason: 'Caída del enlace con central' })).toMatchObject({ ok: true });
  await switchUser(app, DEMO.teller);

  await openAccount(app, 'F4', 'Retiro', '240000000029');
  await expect(app.getByLabel('Valor a retirar')).toBeFocused();
  await app.keyboard.type('2100000');
  await app.getByLabel('Forma de pago').selectOption('cheque-titular');
  await app.getByLabel('Número del cheque de gerencia').fill('4455671');
  await app.getByLabel('Número del cheque de gerencia').press('Enter');
  const refusal = app.getByRole('alert');
  await expect(refusal).toHaveText('En contingencia el retiro máximo por transacción es $ 2.000.000. No entregue el cheque de gerencia.');
  await expect(refusal).not.toContainText('efectivo');
  await expect(app.getByRole('dialog', { name: 'Confirmar retiro' })).toHaveCount(0);
  await expect(app.getByTestId('receipt')).toHaveCount(0);
});

test('a contingency withdrawal central refuses after reconnection lands in the supervisor queue and is marked reviewed', async ({ app, central }) => {
  await openTill(app);
  await drained(app);
  await central.stop();
  await switchUser(app, DEMO.supervisor);
  expect(await call(app, 'sync', 'setContingency', { active: true, reason: 'Caída del enlace con central' })).toMatchObject({ ok: true });
  await switchUser(app, DEMO.teller);

  // The branch last saw $ 2.500.000 on this account and pays $ 1.500.000 in contingencia …
  await withdraw(app, '240000000011', 1_500_000);
  await expect(app.getByTestId('receipt')).toContainText('CONTINGENCIA');
  await expect(app.getByTestId('status-central')).toContainText('1 en cola');

  // … while another workstation withdrew $ 2.000.000 at central, which the branch could not learn.
  await central.start({ elsewhere: true });
  await central.postAs({ account: '240000000011', type: 'withdrawal', payload: { amount: 2_000_000, gmf: 0 } });
  await central.stop();
  await central.start();
  await drained(app);
  const audit = await central.audit();
  expect(audit.operations.filter((o) => o.account === '240000000011').map((o) => o.status)).toEqual(['applied', 'rejected']);

  await switchUser(app, DEMO.supervisor);
  await app.keyboard.press('F1');
  await app.keyboard.press('F2');
  await app.keyboard.press('F4');
  await expect(app.getByRole('heading', { name: 'Rechazos de central (1 por revisar)' })).toBeVisible();
  const table = app.getByRole('table', { name: 'Operaciones rechazadas por central' });
  await expect(table).toContainText('Retiro · CONTINGENCIA');
  await expect(table).toContainText('240000000011');
  await expect(table).toContainText('$ 1.500.000');
  // Central states the fact; the branch says what to do now that the cash is out (never "no entregue").
  await expect(table).toContainText('Saldo disponible insuficiente en la cuenta.');
  await expect(table).toContainText('El efectivo ya se entregó (pagado en contingencia) y central no debitó la cuenta: contacte al cliente');
  await expect(table).not.toContainText(/no entregue/i);
  await table.focus();
  await app.keyboard.press('Enter');
  const detail = app.getByRole('region', { name: 'Detalle del rechazo' });
  await expect(detail).toContainText('INSUFFICIENT_FUNDS');
  await expect(detail.getByTestId('rejection-follow-up')).toContainText('para que consigne o reintegre el valor');
  await expect(detail.getByRole('button', { name: /Marcar revisada/ })).toBeFocused();
  await detail.getByLabel('Qué se hizo (queda en el diario)').fill('Cliente contactado; reintegra el efectivo');
  await detail.getByRole('button', { name: /Marcar revisada/ }).press('Enter');
  await expect(app.getByTestId('rejections-empty')).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Rechazos de central (0 por revisar)' })).toBeVisible();
  await app.getByLabel('Mostrar también las revisadas').check();
  await expect(table).toContainText(`Revisada por ${DEMO.supervisor.name}`);
  const listed = await call(app, 'sync', 'rejections', { includeReviewed: true });
  expect(listed).toMatchObject({
    ok: true,
    data: { rejections: [{ code: 'INSUFFICIENT_FUNDS', contingency: true, amount: 1_500_000, reviewNote: 'Cliente contactado; reintegra el efectivo' }] },
  });
});

test('a withdrawal left pending is abandoned: without central it says the funds free themselves; with central back, nothing was held and the next one is a new comprobante', async ({ app, central }) => {
  const banner = await pendingWithdrawal(app, central);
  // Tab from Reintentar to Abandonar: keyboard only.
  await app.keyboard.press('Tab');
  await expect(banner.getByRole('button', { name: 'Abandonar y liberar los fondos' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('alert').filter({ hasText: 'No hubo comunicación con central para liberar' })).toContainText('vence sola en 15 minutos');
  await expect(banner).toBeVisible();

  await central.start();
  await banner.getByRole('button', { name: 'Abandonar y liberar los fondos' }).click();
  await expect(app.getByTestId('abandon-notice')).toContainText('central no alcanzó a retener fondos');
  await expect(banner).toHaveCount(0);
  // The same amount again is a new comprobante (new key), authorized and paid once.
  await app.getByLabel('Valor a retirar').press('Enter');
  await expect(app.getByRole('dialog', { name: 'Confirmar retiro' })).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt-words')).toHaveText('SON: CIEN MIL PESOS M/CTE');
  const journal = await call(app, 'journal', 'search', { type: 'comprobante_abandoned', limit: 5 });
  expect(journal).toMatchObject({ ok: true, data: { entries: [{ type: 'comprobante_abandoned', payload: { released: false, kind: 'retiro' } }] } });
});

test('leaving a pending withdrawal asks first: Esc stays on it, Enter abandons it and releases the funds, then leaves', async ({ app, central }) => {
  const banner = await pendingWithdrawal(app, central);

  await app.keyboard.press('Escape');
  const ask = app.getByRole('dialog', { name: 'El retiro sigue pendiente' });
  await expect(ask).toContainText('los fondos pueden estar retenidos');
  await expect(ask.getByRole('button', { name: /Abandonar y liberar los fondos/ })).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(banner).toBeVisible();

  await central.start();
  await app.keyboard.press('Escape');
  await expect(ask).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  const journal = await call(app, 'journal', 'search', { type: 'comprobante_abandoned', limit: 5 });
  expect(journal).toMatchObject({ ok: true, data: { entries: [{ type: 'comprobante_abandoned', payload: { kind: 'retiro' } }] } });
});

test('a withdrawal left pending without releasing its funds stays on Inicio and blocks the close until it is abandoned there', async ({ app, central }) => {
  await pendingWithdrawal(app, central);
  await leaveOnInicio(app);

  const panel = app.getByRole('region', { name: 'Pendientes de confirmación' });
  await expect(panel.getByRole('table', { name: 'Operaciones sin confirmar' })).toContainText(/Retiro\s*240000000029\s*\$ 100\.400/);
  const gate = (await call(app, 'till', 'gate')) as { data: { items: { code: string; resolveAt: string }[] } };
  expect(gate.data.items).toContainEqual(expect.objectContaining({ code: 'UNCONFIRMED_DEBITS', resolveAt: expect.stringContaining('Inicio') }));

  await central.start();
  await panel.getByRole('button', { name: 'Abandonar y liberar fondos' }).click();
  // Asked first, as on the withdrawal screen; Enter confirms.
  await expect(app.getByRole('dialog', { name: '¿Abandonar el retiro?' })).toContainText('No entregue el efectivo');
  // $ 100.000 and its GMF: the sum is what central holds, not the withdrawal's value.
  await expect(app.getByRole('dialog', { name: '¿Abandonar el retiro?' })).toContainText('Retiro de la cuenta 240000000029 por $ 100.400 (el valor y su GMF');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('unconfirmed-notice')).toContainText('El retiro se abandonó');
  await expect(panel.getByRole('table', { name: 'Operaciones sin confirmar' })).toHaveCount(0);
  const after = (await call(app, 'till', 'gate')) as { data: { items: { code: string }[] } };
  expect(after.data.items.map((i) => i.code)).not.toContain('UNCONFIRMED_DEBITS');
});

test('a withdrawal abandoned on Inicio after central held its funds: the account panel right after shows them back, not at the next sync round', async ({ app, central }) => {
  await pendingWithdrawal(app, central);
  await leaveOnInicio(app);

  // Central did hold the funds under the withdrawal's key, and its answer never reached the branch.
  const { data } = (await call(app, 'withdrawal', 'unconfirmed')) as { data: { debits: { key: string }[] } };
  const key = data.debits[0]?.key ?? '';
  await central.start({ elsewhere: true });
  expect(await central.client().call('authorizeWithdrawal', { key, account: '240000000029', amount: 100_400 })).toMatchObject({ ok: true, data: { status: 'authorized' } });
  await central.stop();
  await central.start();
  const onHold = async () => ((await call(app, 'accounts', 'lookup', { accountNumber: '240000000029' })) as { data?: { account: { balances: { onHold: number } } } }).data?.account.balances.onHold;
  await expect.poll(onHold, { timeout: 20_000 }).toBe(100_400);

  await app.getByRole('region', { name: 'Pendientes de confirmación' }).getByRole('button', { name: 'Abandonar y liberar fondos' }).click();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('unconfirmed-notice')).toContainText('central liberó $ 100.400');
  await openAccount(app, 'F4', 'Retiro', '240000000029');
  await expect(app.getByTestId('account-panel').locator('dt:text-is("Retenido") + dd')).toHaveText('$ 0', { timeout: 1_000 });
});

/** A branch whose contingency ends by itself after central has answered 5 s without a cut (default 2 min). */
const quickEnd = test.extend({
  host: async ({ central }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'caja-config-'));
    const config = join(dir, 'caja.json');
    writeFileSync(config, JSON.stringify({ contingencyAutoEndSeconds: 5 }));
    const host = await startHost({ CAJA_CENTRAL_URL: central.url, CAJA_CENTRAL_TOKEN: central.token(), CAJA_CONFIG: config });
    await use(host);
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  },
});

quickEnd('central back during contingency: the bar and the panel say so, contingency ends by itself, and the next withdrawal is authorized online, unmarked', async ({ app, central }) => {
  await openTill(app);
  await drained(app);
  await central.stop();
  await switchUser(app, DEMO.supervisor);
  expect(await call(app, 'sync', 'setContingency', { active: true, reason: 'Caída del enlace con central' })).toMatchObject({ ok: true });
  await app.keyboard.press('s');
  await app.keyboard.press('F3');
  await expect(app.getByTestId('status-contingency')).toHaveText('CONTINGENCIA');
  await expect(app.getByTestId('contingency-central-back')).toHaveCount(0);

  await central.start();
  // Told as soon as central answers, before the end: withdrawals already go online.
  await expect(app.getByTestId('status-contingency')).toHaveText('CONTINGENCIA · central en línea', { timeout: 45_000 });
  await expect(app.getByTestId('contingency-central-back')).toContainText(/Central responde de nuevo desde las \d{2}:\d{2}\. Los retiros se autorizan en línea y la contingencia termina sola a las \d{2}:\d{2}/);
  // Then it ends by itself at the next good round, journaled as the system.
  await expect(app.getByTestId('status-contingency')).toHaveCount(0, { timeout: 45_000 });
  await expect(app.getByTestId('contingency-auto-ended')).toContainText('La contingencia terminó sola');
  await expect(app.getByTestId('contingency-mode')).toContainText('Modo normal');
  const journal = (await call(app, 'journal', 'search', { type: 'approval', limit: 10 })) as { data: { entries: { actor: string; payload: Record<string, unknown> }[] } };
  expect(journal.data.entries.find((e) => e.payload.action === 'branch_mode' && e.payload.mode === 'normal')).toMatchObject({ payload: { reason: 'Fin automático: central respondió en cada sincronización durante 5 s' } });

  await switchUser(app, DEMO.teller);
  await withdraw(app, '240000000029', 500_000);
  await expect(app.getByTestId('receipt-words')).toHaveText('SON: QUINIENTOS MIL PESOS M/CTE');
  await expect(app.getByTestId('receipt')).not.toContainText('CONTINGENCIA');
});
