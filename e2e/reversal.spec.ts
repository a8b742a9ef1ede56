import type { Page, WebSocketRoute } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { askReversalOfFirstDeposit, firstCashDeposit, openAccount, openTill, reverseWithApproval } from './support/comprobante';
import { DEMO, switchUser } from './support/pages';

test('from the journal: reprint marked COPIA, then a same-day reversal approved by the supervisor with its own receipt', async ({ app }) => {
  await openTill(app);
  await firstCashDeposit(app);
  await app.keyboard.press('Escape');

  // Journal search by type and account finds it.
  await app.keyboard.press('F5');
  await expect(app.getByRole('heading', { name: 'Diario electrónico' })).toBeVisible();
  await expect(app.getByLabel('Desde (AAAA-MM-DD)')).toBeFocused();
  // The check made at start does not vouch for what was written since.
  await expect(app.getByTestId('journal-status')).toContainText(/registros? posteriores? sin verificar: pulse Verificar integridad/);
  await app.getByLabel('Tipo de evento').selectOption('comprobante');
  await app.getByLabel('Cuenta').fill('240000000011');
  await app.getByLabel('Valor desde').fill('1000000');
  await app.getByRole('button', { name: 'Buscar' }).click();
  const rows = app.getByRole('table', { name: 'Registros del diario' });
  await expect(rows).toContainText('001-03-000001');
  await expect(rows).toContainText('$ 1.200.000');
  const posting = rows.getByRole('row').filter({ hasText: '001-03-000001' });
  await expect(posting).toContainText('Contabilizado');

  await app.getByRole('button', { name: 'Reimprimir 001-03-000001' }).click();
  await expect(app.getByRole('status').filter({ hasText: '001-03-000001: COPIA No. 1 enviada a la impresora.' })).toBeVisible();
  await expect(app.getByTestId('print-status')).toHaveText('Impresión terminada. Entregue el recibo al cliente.');

  await app.getByRole('button', { name: 'Reversar' }).click();
  const panel = app.getByRole('region', { name: 'Reverso de comprobante' });
  await expect(panel).toContainText('$ 1.200.000');
  await expect(panel).toContainText(/Consignación · cuenta \d+ · \$\s1\.200\.000 · \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2} · Ana Gómez/);
  // What the teller hands back, said before it is asked for and printed on the reversal's receipt.
  await expect(panel.getByTestId('reversal-moves')).toHaveText('Efectivo a devolver al cliente$ 1.200.000');
  await reverseWithApproval(app);
  const receipt = app.getByTestId('reversal-receipt');
  await expect(receipt).toContainText('REVERSO DE COMPROBANTE');
  await expect(receipt).toContainText('Comprobante reversado: 001-03-000001');
  await expect(receipt).toContainText('Aprobó: Marta Rojas');
  await expect(receipt).toContainText('Efectivo a devolver al cliente: $ 1.200.000');
  await expect(receipt).toContainText(/Fecha: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/);
  await expect(panel.getByTestId('print-status')).toHaveText('Impresión terminada. Entregue el recibo al cliente.');
  // The posting's row now says it was reversed and no longer offers Reversar.
  await expect(posting).toContainText('Reversado');
  await expect(posting.getByRole('button', { name: 'Reversar' })).toHaveCount(0);
  // A copy of the reversed posting says so on paper and on screen, and is not handed over as its receipt.
  await app.getByRole('button', { name: 'Reimprimir 001-03-000001' }).click();
  await expect(app.getByRole('status').filter({ hasText: '001-03-000001: COPIA No. 2 del comprobante reversado enviada a la impresora' })).toContainText(
    /marcada «REVERSADO con R-001-03-000001 el \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}, aprobó Marta Rojas»/,
  );
  const copyStatus = app.getByTestId('print-status').first();
  await expect(copyStatus).toHaveText('Impresión terminada. Es la copia de un comprobante reversado y sale marcada REVERSADO: no la entregue como recibo de la operación.');

  // Journal: the reversal and the reprint are entries; the chain still verifies.
  await app.getByLabel('Tipo de evento').selectOption({ label: 'Reverso' });
  await app.getByLabel('Cuenta').fill('');
  await app.getByLabel('Valor desde').fill('');
  await app.getByRole('button', { name: 'Buscar' }).click();
  await expect(rows).toContainText('Reversado');
  // The reversal's own receipt is copied from its journal entry.
  await app.getByRole('button', { name: 'Reimprimir R-001-03-000001' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'R-001-03-000001: COPIA No. 1 enviada a la impresora.' })).toBeVisible();
  await app.getByLabel('Tipo de evento').selectOption({ label: 'Reimpresión' });
  await app.getByRole('button', { name: 'Buscar' }).click();
  await expect(rows).toContainText('Reimpresión');
  await expect(rows).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/);
  await app.getByRole('button', { name: 'Verificar integridad' }).click();
  await expect(app.getByTestId('journal-status')).toContainText('Diario íntegro');
  await expect(app.getByTestId('journal-status')).not.toContainText('sin verificar');
});

test('a reversal the supervisor rejects says why and offers a new request, which is then approved and registered', async ({ app }) => {
  await openTill(app);
  await openAccount(app, 'F3', 'Consignación', '240000000011');
  await app.keyboard.press('Enter');
  await app.keyboard.type('2');
  await app.keyboard.press('F10');
  await app.keyboard.type('100000');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('dialog', { name: 'Confirmar consignación' }).getByTestId('deposit-summary')).toContainText('$ 100.000');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt-sequence')).toHaveText('001-03-000001');
  await app.keyboard.press('Escape');
  await app.keyboard.press('F5');
  await app.getByRole('button', { name: 'Buscar' }).click();
  await app.getByRole('button', { name: 'Reversar' }).click();
  const panel = app.getByRole('region', { name: 'Reverso de comprobante' });
  await panel.getByLabel('Explicación del reverso').fill('El cliente dictó otra cuenta');
  await panel.getByRole('button', { name: 'Solicitar aprobación del reverso' }).click();
  await panel.getByLabel('Usuario del supervisor').fill(DEMO.supervisor.username);
  await panel.getByLabel('Contraseña del supervisor').fill(DEMO.supervisor.password);
  await panel.getByLabel('Motivo de la decisión').fill('No procede, cliente presente');
  await panel.getByRole('button', { name: /^Rechazar/ }).click();
  await expect(panel).toContainText('Reverso rechazado por el supervisor: No procede, cliente presente. Puede solicitarlo de nuevo.');
  await expect(panel.getByRole('button', { name: 'Solicitar aprobación del reverso' })).toBeVisible();

  // Asked again and approved; the receipt is registered from the panel.
  await panel.getByLabel('Explicación del reverso').fill('Se confirmó con el cliente');
  await panel.getByRole('button', { name: 'Solicitar aprobación del reverso' }).click();
  await panel.getByLabel('Usuario del supervisor').fill(DEMO.supervisor.username);
  await panel.getByLabel('Contraseña del supervisor').fill(DEMO.supervisor.password);
  await panel.getByRole('button', { name: /^Aprobar/ }).click();
  await expect(app.getByTestId('reversal-receipt')).toContainText('Comprobante reversado: 001-03-000001');
});

test('once the reversal is registered the journal list shows its row ready to copy, with the focus on it, without pressing Buscar again', async ({ app }) => {
  await openTill(app);
  await firstCashDeposit(app);
  await app.keyboard.press('Escape');

  await app.keyboard.press('F5');
  await app.getByLabel('Cuenta').fill('240000000011');
  await app.getByRole('button', { name: 'Buscar' }).click();
  const rows = app.getByRole('table', { name: 'Registros del diario' });
  await expect(rows).toContainText('001-03-000001');
  await app.getByRole('button', { name: 'Reversar' }).click();
  await reverseWithApproval(app);
  await expect(app.getByRole('region', { name: 'Reverso de comprobante' }).getByTestId('print-status')).toHaveText('Impresión terminada. Entregue el recibo al cliente.');
  // The reversal's own row, with its Reimprimir, and the focus on the row rather than lost on the page; not on
  // Reimprimir: a second Enter after "Registrar el reverso" prints no copy nobody asked for.
  const copy = rows.getByRole('button', { name: 'Reimprimir R-001-03-000001' });
  await expect(copy).toBeVisible();
  const reversalRow = rows.getByRole('row').filter({ has: app.getByRole('button', { name: 'Reimprimir R-001-03-000001' }) });
  await expect(reversalRow).toBeFocused();
  // Enter opens the row (its facts and actions), it prints nothing; Esc goes back to the list.
  await app.keyboard.press('Enter');
  await expect(app.getByRole('dialog', { name: /^Registro No\. \d+$/ })).toBeVisible();
  await app.waitForTimeout(1_000);
  await expect(app.getByText(/COPIA No\. 1 enviada a la impresora/)).toHaveCount(0);
  await app.keyboard.press('Escape');
  await expect(reversalRow).toBeFocused();
  await copy.click();
  await expect(app.getByRole('status').filter({ hasText: 'R-001-03-000001: COPIA No. 1 enviada a la impresora.' })).toBeVisible();
});

test('keyboard only: Enter on Reversar takes the focus to the reason of the panel below the rows, and Enter in the explanation asks the supervisor', async ({ app }) => {
  await openTill(app);
  await firstCashDeposit(app);
  await app.keyboard.press('Escape');
  await app.keyboard.press('F5');
  await app.keyboard.press('Enter');
  const reverse = app.getByRole('button', { name: 'Reversar' });
  await reverse.focus();
  await app.keyboard.press('Enter');
  const panel = app.getByRole('region', { name: 'Reverso de comprobante' });
  const reason = panel.getByLabel('Motivo del reverso');
  await expect(reason).toBeFocused();
  await expect(reason).toBeInViewport();
  await app.keyboard.press('Tab');
  await expect(panel.getByLabel('Explicación del reverso')).toBeFocused();
  // Enter with no explanation: said at the field, in the panel's words, and gone once it is written.
  await app.keyboard.press('Enter');
  await expect(panel.getByRole('alert')).toHaveText('Escriba la explicación del reverso.');
  await expect(panel.getByLabel('Explicación del reverso')).toBeFocused();
  await app.keyboard.type('El cliente dictó otra cuenta');
  await expect(panel.getByText('Escriba la explicación del reverso.')).toHaveCount(0);
  await app.keyboard.press('Enter');
  await expect(panel.getByLabel('Usuario del supervisor')).toBeFocused();
  await expect(panel.getByText(/Datos inválidos|Explique el motivo/)).toHaveCount(0);
});

/** The supervisor signs in at this workstation and rejects the pending reversal at the desk (F1), with a reason. */
const rejectAtDesk = async (app: Page) => {
  await switchUser(app, DEMO.supervisor);
  await app.keyboard.press('F1');
  await app.getByRole('button', { name: 'Revisar' }).click();
  const detail = app.getByRole('region', { name: 'Detalle de la solicitud' });
  await detail.getByLabel('Usuario del supervisor').fill(DEMO.supervisor.username);
  await detail.getByLabel('Contraseña del supervisor').fill(DEMO.supervisor.password);
  await detail.getByLabel('Motivo de la decisión').fill('Cliente presente, no procede');
  await detail.getByRole('button', { name: /^Rechazar/ }).click();
  await expect(app.getByRole('heading', { name: 'Solicitudes pendientes (0)' })).toBeVisible();
};

test('a reversal approved at the desk after the teller left is on Inicio with who approved it, and Enter registers it; the supervisor is not offered Reversar and reads its reason first', async ({ app }) => {
  await askReversalOfFirstDeposit(app, 'CUENTA_ERRADA');
  // The teller leaves the request to the desk; nothing is waiting to be registered yet.
  await app.keyboard.press('Escape');
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  await expect(app.getByRole('region', { name: 'Reversos aprobados por registrar' })).toHaveCount(0);

  // The supervisor, signed in here: the journal says who may ask instead of offering Reversar.
  await switchUser(app, DEMO.supervisor);
  await app.keyboard.press('F5');
  await app.getByRole('button', { name: 'Buscar' }).click();
  const posting = app.getByRole('table', { name: 'Registros del diario' }).getByRole('row').filter({ hasText: '001-03-000001' }).filter({ hasText: 'Contabilizado' });
  await expect(posting).toContainText('Solo Ana Gómez, quien registró el comprobante, puede solicitar su reverso; un supervisor lo aprueba.');
  await expect(posting.getByRole('button', { name: 'Reversar' })).toHaveCount(0);
  await app.keyboard.press('Escape');

  // At the desk the reason leads with the teller's words, not with a sentence every reversal shares.
  await app.keyboard.press('F1');
  const requests = app.getByRole('table', { name: 'Solicitudes pendientes' });
  await expect(requests).toContainText('Reverso de Consignación 001-03-000001 por $ 1.200.000');
  await expect(requests).toContainText('El cliente dictó otra cuenta (Cuenta equivocada)');
  await expect(requests).not.toContainText('Anulación o reverso');
  await app.getByRole('button', { name: 'Revisar' }).click();
  const detail = app.getByRole('region', { name: 'Detalle de la solicitud' });
  await detail.getByLabel('Usuario del supervisor').fill(DEMO.supervisor.username);
  await detail.getByLabel('Contraseña del supervisor').fill(DEMO.supervisor.password);
  await detail.getByRole('button', { name: /^Aprobar/ }).click();
  await expect(app.getByRole('heading', { name: 'Solicitudes pendientes (0)' })).toBeVisible();

  // Back at the counter, Inicio says what waits for the teller, and Enter (twice) registers it.
  await switchUser(app, DEMO.teller);
  const waiting = app.getByRole('region', { name: 'Reversos aprobados por registrar' });
  await expect(waiting).toContainText('001-03-000001');
  await expect(waiting).toContainText('$ 1.200.000');
  await expect(waiting).toContainText('Marta Rojas');
  await expect(waiting.getByRole('button', { name: 'Registrar el reverso de 001-03-000001' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Registrar reverso' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Registrar el reverso' })).toBeFocused();
  await app.keyboard.press('Enter');
  const receipt = app.getByTestId('reversal-receipt');
  await expect(receipt).toContainText('Comprobante reversado: 001-03-000001');
  await expect(receipt).toContainText('Motivo: El cliente dictó otra cuenta (Cuenta equivocada)');
  await expect(receipt).toContainText('Aprobó: Marta Rojas');
  await app.keyboard.press('Escape');
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  await expect(waiting).toHaveCount(0);
});

test('a reversal rejected at the desk after the teller left is told on Inicio once, with who rejected it and why', async ({ app }) => {
  await askReversalOfFirstDeposit(app);

  await rejectAtDesk(app);

  await switchUser(app, DEMO.teller);
  const rejected = app.getByRole('region', { name: 'Reversos rechazados' });
  await expect(rejected).toContainText(
    'Reverso de Consignación 001-03-000001 por $ 1.200.000 rechazado por Marta Rojas: Cliente presente, no procede. Si procede, solicítelo de nuevo desde el Diario (F5).',
  );
  // Told once: back on Inicio later it is not repeated.
  await app.keyboard.press('F5');
  await expect(app.getByRole('heading', { name: 'Diario electrónico' })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  // Nothing appearing is only seen by waiting: longer than one of Inicio's rereads (3 s).
  await app.waitForTimeout(4_000);
  await expect(rejected).toHaveCount(0);
});

test('a rejection Inicio listed but did not get to show is told again after a reload; once shown, it is not', async ({ host, bare: app }) => {
  // The page's acknowledgements that it showed a rejection are dropped on the way while `hold` is on, as when the
  // window closes (or the core crashes) right after the list answered.
  let hold = true;
  let passed = 0;
  await app.routeWebSocket(/\/bridge/, (page: WebSocketRoute) => {
    const server = page.connectToServer();
    page.onMessage((m) => {
      const ack = (JSON.parse(String(m)) as { channel?: string }).channel === 'reversal.rejectionsShown';
      if (ack && hold) return;
      if (ack) passed += 1;
      server.send(m);
    });
  });
  await app.goto(host.launchUrl);
  await askReversalOfFirstDeposit(app);
  await rejectAtDesk(app);

  await switchUser(app, DEMO.teller);
  const rejected = app.getByRole('region', { name: 'Reversos rechazados' });
  await expect(rejected).toContainText('001-03-000001');
  // Its acknowledgement never reached the core: after a reload Inicio tells it again.
  await app.reload();
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  await expect(rejected).toContainText('rechazado por Marta Rojas: Cliente presente, no procede');
  // Shown with its acknowledgement through: the next Inicio does not repeat it (longer than one reread, 3 s).
  hold = false;
  await app.reload();
  await expect(rejected).toContainText('001-03-000001');
  await expect.poll(() => passed).toBeGreaterThan(0);
  await app.reload();
  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  await app.waitForTimeout(4_000);
  await expect(rejected).toHaveCount(0);
});

test('a reversal asked for by mistake is withdrawn while pending: the form comes back, and the supervisor can no longer approve it', async ({ app }) => {
  await askReversalOfFirstDeposit(app);
  const panel = app.getByRole('region', { name: 'Reverso de comprobante' });
  await panel.getByRole('button', { name: 'Desistir del reverso' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Solicitud de reverso retirada: el supervisor ya no puede aprobarla.' })).toBeVisible();
  await expect(panel.getByLabel('Usuario del supervisor')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Solicitar aprobación del reverso' })).toBeVisible();
  // The journal says so, in the same words its filter offers.
  await app.getByLabel('Tipo de evento').selectOption({ label: 'Aprobación de supervisor' });
  await app.getByLabel('Estado', { exact: true }).selectOption({ label: 'Retirada por el cajero' });
  await app.getByRole('button', { name: 'Buscar' }).click();
  await expect(app.getByRole('table', { name: 'Registros del diario' }).getByRole('row').filter({ hasText: 'Retirada por el cajero' })).toHaveCount(1);
});

test('a cheque de gerencia withdrawal: the panel says the form se anulará before the reversal is confirmed, its receipt says ANULADO', async ({ app }) => {
  await openTill(app);
  await openAccount(app, 'F4', 'Retiro', '240000000029');
  await app.keyboard.type('2000000');
  await app.getByLabel('Forma de pago').selectOption('cheque-titular');
  await app.getByLabel('Número del cheque de gerencia').fill('4455690');
  await app.getByLabel('Número del cheque de gerencia').press('Enter');
  await expect(app.getByRole('dialog', { name: 'Confirmar retiro' })).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByText('Entregue el cheque de gerencia No. 4455690')).toBeVisible();
  await app.keyboard.press('Escape');

  await app.keyboard.press('F5');
  await expect(app.getByRole('heading', { name: 'Diario electrónico' })).toBeVisible();
  await app.getByLabel('Tipo de evento').selectOption('comprobante');
  await app.getByRole('button', { name: 'Buscar' }).click();
  await expect(app.getByRole('table', { name: 'Registros del diario' })).toContainText('001-03-000001');
  await app.getByRole('button', { name: 'Reversar' }).click();
  const panel = app.getByRole('region', { name: 'Reverso de comprobante' });
  // Not voided yet: the supervisor may still refuse the reversal.
  await expect(panel.getByTestId('reversal-moves')).toHaveText('Cheque de gerencia a recibir del clienteNo. 4455690 · se anulará');
  await expect(panel).not.toContainText('ANULADO');
  await reverseWithApproval(app);
  const receipt = app.getByTestId('reversal-receipt');
  await expect(receipt).toContainText('Cheque de gerencia a recibir del cliente: No. 4455690 · ANULADO');
  await expect(receipt).not.toContainText('se anulará');
});
