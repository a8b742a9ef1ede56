import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { test as withCentral } from './support/central-control';
import { startHost } from './support/host';
import { DEMO } from './support/pages';
import { nextOperation, openAccount, openTill, supervisorApproves } from './support/comprobante';
import { depositWithDeclaration } from './support/uiaf';

/**
 * Seed 003 cl. 4 c ("documento de identidad, con validación y visación de la Entidad"), domain-co §7: a withdrawal
 * of $ 10.000.000 or more (rules.fingerprintFrom, default) asks the fingerprint of whoever takes the money, matched
 * 1:1 by central. Keyboard only for the teller; the customer's finger is the emulated reader's `fingerprint.place`.
 * Paid by cheque de gerencia where the demo till holds less than $ 10.000.000 in cash; the last test pays cash after
 * a deposit brought it.
 */
const place = (app: Page, documentNumber: string) =>
  app.evaluate(
    async (n) =>
      (await (window as unknown as { teller: { devices: { emulator(c: unknown): Promise<{ ok: boolean }> } } }).teller.devices.emulator({ action: 'fingerprint.place', documentNumber: n, finger: 'right-index' })).ok,
    documentNumber,
  );

/** F4 on `account`: $ 10.000.000 by cheque de gerencia to the holders, typed with the keyboard; the cheque field keeps the focus. */
const tenMillionByCheque = async (app: Page, account: string, cheque: string) => {
  await openAccount(app, 'F4', 'Retiro', account);
  await expect(app.getByLabel('Valor a retirar')).toBeFocused();
  await app.keyboard.type('10000000');
  await app.keyboard.press('Tab');
  await app.keyboard.press('ArrowDown');
  await expect(app.getByLabel('Forma de pago')).toHaveValue('cheque-titular');
  await app.keyboard.press('Tab');
  await expect(app.getByLabel('Número del cheque de gerencia')).toBeFocused();
  await app.keyboard.type(cheque);
};

/** Juan (CC 900000002, holder of 240000000029) withdraws $ 10.000.000 by cheque de gerencia to himself; Enter reviews. */
const reviewTenMillion = async (app: Page, cheque: string) => {
  await openTill(app);
  await tenMillionByCheque(app, '240000000029', cheque);
  await app.keyboard.press('Enter');
};

const fingerprintStep = (app: Page) => app.getByRole('dialog', { name: /Validación de huella/ });

/** The step has closed on the supervisor's dialog (its reasons say `reasons`); the supervisor approves with the keyboard. */
const supervisorTypesApproval = async (app: Page, reasons: string) => {
  const approval = app.getByRole('dialog', { name: 'Aprobación del supervisor' });
  await expect(approval.getByTestId('approval-reasons')).toContainText(reasons);
  await expect(fingerprintStep(app)).toHaveCount(0);
  await expect(approval.getByLabel('Usuario del supervisor')).toBeFocused();
  await app.keyboard.type(DEMO.supervisor.username);
  await app.keyboard.press('Tab');
  await app.keyboard.type(DEMO.supervisor.password);
  await app.keyboard.press('Enter');
};


/** From the receipt, F5 filtered to the postings: the one posting of this test opened with Enter. */
const openThePosting = async (app: Page) => {
  await app.keyboard.press('Escape');
  await app.keyboard.press('F5');
  const state = app.getByLabel('Estado', { exact: true });
  await state.selectOption({ label: 'Contabilizado' });
  await state.press('Enter');
  const posting = app.getByRole('table', { name: 'Registros del diario' }).getByRole('row', { name: /^Registro \d+$/ });
  await expect(posting).toHaveCount(1);
  await posting.focus();
  await app.keyboard.press('Enter');
};
const journalEntry = (app: Page) => app.getByRole('dialog', { name: /^Registro No\. \d+$/ });

test('at the threshold the holder places his finger: central matches, the supervisor visa, it posts and the receipt shows the reference', async ({ app }) => {
  await reviewTenMillion(app, '4455801');
  const step = fingerprintStep(app);
  await expect(step).toContainText('JUAN');
  await expect(step).toContainText('Ley 1581 de 2012');
  await expect(step.getByTestId('fp-instruction')).toContainText('Coloque el dedo');
  await expect(step.getByRole('button', { name: /Capturar huella/ })).toBeFocused();
  expect(await place(app, '900000002')).toBe(true);
  await app.keyboard.press('Enter');
  // Verified: the step closes and the withdrawal goes on to the visación (above $ 5.000.000).
  await supervisorTypesApproval(app, 'visación');
  const confirm = app.getByRole('dialog', { name: 'Confirmar retiro' });
  await expect(confirm.getByTestId('payout-cheque')).toContainText('4455801');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt')).toContainText(/Identidad verificada con huella — ref \S+ \(CC \*+0002\)/);
  await expect(app.getByTestId('receipt-words')).toHaveText('SON: DIEZ MILLONES DE PESOS M/CTE');
});

test('another finger: "no coincide" with the attempts left, the third stops the withdrawal and going back does not reopen it', async ({ app }) => {
  await reviewTenMillion(app, '4455802');
  const step = fingerprintStep(app);
  await expect(step.getByRole('button', { name: /Capturar huella/ })).toBeFocused();
  expect(await place(app, '900000005')).toBe(true);
  await app.keyboard.press('Enter');
  await expect(step.getByTestId('fp-result')).toContainText('La huella no coincide (quedan 2 intentos)');
  await expect(step.getByRole('button', { name: /Capturar huella/ })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(step.getByTestId('fp-result')).toContainText('La huella no coincide (queda 1 intento)');
  await app.keyboard.press('Enter');
  await expect(step.getByTestId('fp-result')).toContainText('Tres intentos fallidos: no se puede pagar este retiro');
  await expect(step.getByRole('button', { name: /Capturar huella/ })).toHaveCount(0);
  // No exception is offered after a "no coincide".
  await expect(step.getByRole('button', { name: /Sin validación biométrica/ })).toHaveCount(0);
  await expect(step.getByRole('button', { name: /Volver al retiro/ })).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(step).toHaveCount(0);
  // Back on the withdrawal: reviewing again asks again, and the core still refuses even the right finger.
  await expect(app.getByLabel('Número del cheque de gerencia')).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(step.getByRole('button', { name: /Capturar huella/ })).toBeFocused();
  expect(await place(app, '900000002')).toBe(true);
  await app.keyboard.press('Enter');
  await expect(step.getByTestId('fp-result')).toContainText('Tres intentos fallidos: no se puede pagar este retiro');
  await expect(app.getByRole('dialog', { name: 'Aprobación del supervisor' })).toHaveCount(0);
});

test('reader unplugged: the teller may ask the supervisor (Sin validación biométrica), who approves it with the visación, and it posts', async ({ app }) => {
  await reviewTenMillion(app, '4455803');
  const step = fingerprintStep(app);
  await expect(step.getByRole('button', { name: /Capturar huella/ })).toBeFocused();
  expect(await app.evaluate(async () => (await (window as unknown as { teller: { devices: { emulator(c: unknown): Promise<{ ok: boolean }> } } }).teller.devices.emulator({ action: 'fingerprint.unplug' })).ok)).toBe(true);
  await app.keyboard.press('Enter');
  await expect(step.getByTestId('fp-result')).toContainText('Lector no disponible: puede pedir autorización al supervisor (Sin validación biométrica)');
  await app.keyboard.press('F6');
  await supervisorTypesApproval(app, 'Lector de huellas desconectado o sin respuesta: retiro con documento original, sin validación biométrica');
  await expect(app.getByRole('dialog', { name: 'Confirmar retiro' })).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt')).toContainText('Sin validación biométrica (CC *****0002)');
});

test('the customer does not authorize (Decreto 1377 art. 6): F7 records it, and the withdrawal goes on with the supervisor’s visación on the original document', async ({ app }) => {
  await reviewTenMillion(app, '4455806');
  const step = fingerprintStep(app);
  await expect(step).toContainText('Usted no está obligado a autorizar su tratamiento');
  await expect(step).toContainText('Si no autoriza, regístrelo (F7) y el retiro sigue con la visación del supervisor.');
  await expect(step).not.toContainText('no se puede pagar');
  await expect(step.getByRole('button', { name: /Capturar huella/ })).toBeFocused();
  // Nothing to except before the customer said no.
  await expect(step.getByRole('button', { name: /Sin validación biométrica/ })).toHaveCount(0);
  await app.keyboard.press('F7');
  await expect(step.getByTestId('fp-result')).toContainText('El cliente no autoriza: pida autorización al supervisor (Sin validación biométrica)');
  await expect(step.getByTestId('fp-result')).toContainText('verifique el documento original');
  // After the "no" nothing offers the capture, and the focus is on asking the supervisor (QA s37 Q1): with the
  // customer's finger still on the reader, the teller's usual Enter asks the supervisor instead of taking the print.
  await expect(step.getByRole('button', { name: /Capturar huella/ })).toHaveCount(0);
  await expect(step.getByTestId('fp-instruction')).toHaveCount(0);
  await expect(step.getByRole('button', { name: /Pedir autorización al supervisor \(Sin validación biométrica\)/ })).toBeFocused();
  expect(await place(app, '900000002')).toBe(true);
  await app.keyboard.press('Enter');
  // One sentence of what happened, no internal code (QA s37 Q3).
  const reasons = app.getByRole('dialog', { name: 'Aprobación del supervisor' }).getByTestId('approval-reasons');
  await expect(reasons).toContainText('El cliente no autorizó');
  await expect(reasons).not.toContainText('CONSENT_REFUSED');
  await expect(reasons).not.toContainText('no fue posible');
  await supervisorTypesApproval(
    app,
    'El cliente no autorizó el tratamiento de su huella (Ley 1581): retiro con documento original, sin validación biométrica. Verifique el documento original de CC *****0002 antes de visar.',
  );
  await expect(app.getByRole('dialog', { name: 'Confirmar retiro' })).toBeVisible();
  await app.keyboard.press('Enter');
  const receipt = app.getByTestId('receipt');
  await expect(receipt).toContainText('Sin validación biométrica (CC *****0002): el cliente no autorizó el tratamiento de su huella; identificado con el documento original, visado por el supervisor');
  await expect(receipt).not.toContainText('Identidad verificada con huella');

  // F5: the withdrawal's own entry shows the customer's refusal, as it shows a given authorization.
  await openThePosting(app);
  const entry = journalEntry(app);
  await expect(entry.getByText('Consentimiento biométrico', { exact: true })).toBeVisible();
  await expect(entry.getByTestId('journal-biometric-refusal')).toHaveText(
    /^no autorizado por el cliente CC \*+0002 \(versión biometria-retiro-2026-01, hora \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}.*\) · leída por Ana Gómez$/,
  );
  await expect(entry.getByTestId('journal-biometric-consent')).toHaveCount(0);
});

/**
 * The demo conjunta (240000000045: Juan CC 900000002 and Rosa CC 900000005, $ 9.000.000) holds less than the
 * threshold: $ 6.000.000 are deposited at another workstation before this one starts, so its first reference pull
 * already has $ 15.000.000 and nothing waits on a sync round.
 */
const CONJUNTA = '240000000045';
const conjunta = withCentral.extend({
  host: async ({ central }, use) => {
    await central.postAs({ type: 'cash_deposit', account: CONJUNTA, payload: { amount: 6_000_000 } });
    const host = await startHost({ CAJA_CENTRAL_URL: central.url, CAJA_CENTRAL_TOKEN: central.token() });
    await use(host);
    await host.stop();
  },
});

/** Both holders at the counter (F2 lands on Rosa, Space marks her), $ 10.000.000 by cheque de gerencia to both; Enter reviews. */
const reviewConjunta = async (app: Page, cheque: string) => {
  await openTill(app);
  await tenMillionByCheque(app, CONJUNTA, cheque);
  await expect(app.getByTestId('account-panel').getByTestId('available')).toHaveText('$ 15.000.000');
  await app.keyboard.press('F2');
  await expect(app.getByLabel(/ROSA/)).toBeFocused();
  await app.keyboard.press('Space');
  await expect(app.getByLabel(/ROSA/)).toBeChecked();
  await app.keyboard.press('Enter');
};

conjunta('conjunta, both holders present: each places a finger in turn, and it posts with both references on the receipt', async ({ app }) => {
  await reviewConjunta(app, '4455811');
  const step = fingerprintStep(app);
  await expect(step.getByRole('heading', { name: /Validación de huella/ })).toContainText('JUAN');
  await expect(step.getByRole('button', { name: /Capturar huella/ })).toBeFocused();
  expect(await place(app, '900000002')).toBe(true);
  await app.keyboard.press('Enter');
  // Juan matched: the same step asks Rosa, with its focus back on Capturar and nothing of Juan's capture shown.
  await expect(step.getByRole('heading', { name: /Validación de huella/ })).toContainText('ROSA');
  await expect(step.getByTestId('fp-result')).toHaveCount(0);
  await expect(step.getByRole('button', { name: /Capturar huella/ })).toBeFocused();
  expect(await place(app, '900000005')).toBe(true);
  await app.keyboard.press('Enter');
  await expect(step).toHaveCount(0);
  await supervisorApproves(app, 'visación');
  const confirm = app.getByRole('dialog', { name: 'Confirmar retiro' });
  await expect(confirm.getByTestId('withdrawal-account-line')).toContainText('ROSA');
  await expect(confirm.getByTestId('payout-cheque')).toContainText('4455811');
  await app.keyboard.press('Enter');
  const receipt = app.getByTestId('receipt');
  await expect(receipt).toContainText(/Identidad verificada con huella — ref \S+ \(CC \*+0002\)/);
  await expect(receipt).toContainText(/Identidad verificada con huella — ref \S+ \(CC \*+0005\)/);
  await expect(app.getByTestId('receipt-words')).toHaveText('SON: DIEZ MILLONES DE PESOS M/CTE');

  // F5: the withdrawal's entry keeps each holder's Ley 1581 authorization, read by the teller before the capture.
  await openThePosting(app);
  const consents = journalEntry(app).getByTestId('journal-biometric-consent');
  await expect(consents).toHaveText([
    /^CC \*+0002 · texto biometria-retiro-2026-01 · \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}.* · leída por Ana Gómez$/,
    /^CC \*+0005 · texto biometria-retiro-2026-01 · \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}.* · leída por Ana Gómez$/,
  ]);
});

conjunta('conjunta: the second holder’s finger does not match, and the withdrawal cannot be reviewed past it', async ({ app }) => {
  await reviewConjunta(app, '4455812');
  const step = fingerprintStep(app);
  await expect(step.getByRole('heading', { name: /Validación de huella/ })).toContainText('JUAN');
  expect(await place(app, '900000002')).toBe(true);
  await app.keyboard.press('Enter');
  await expect(step.getByRole('heading', { name: /Validación de huella/ })).toContainText('ROSA');
  await expect(step.getByRole('button', { name: /Capturar huella/ })).toBeFocused();
  // Juan places his finger again instead of Rosa's.
  expect(await place(app, '900000002')).toBe(true);
  await app.keyboard.press('Enter');
  await expect(step.getByTestId('fp-result')).toContainText('La huella no coincide (quedan 2 intentos)');
  await expect(step.getByRole('button', { name: /Sin validación biométrica/ })).toHaveCount(0);
  await app.keyboard.press('Escape');
  await expect(step).toHaveCount(0);
  // Reviewing again asks Rosa's finger (Juan's match stands), and no approval or confirmation opens without it.
  await expect(app.getByLabel(/ROSA/)).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(step.getByRole('heading', { name: /Validación de huella/ })).toContainText('ROSA');
  await expect(app.getByRole('dialog', { name: 'Aprobación del supervisor' })).toHaveCount(0);
  await expect(app.getByRole('dialog', { name: 'Confirmar retiro' })).toHaveCount(0);
  await expect(app.getByTestId('receipt')).toHaveCount(0);
});

test('reader unplugged, then back: the stale "Lector no disponible" goes, F6 with it, and the finger placed goes on without the exception (QA s35 A5-1)', async ({ app }) => {
  await reviewTenMillion(app, '4455807');
  const step = fingerprintStep(app);
  const emulate = (action: string) =>
    app.evaluate(async (a) => (await (window as unknown as { teller: { devices: { emulator(c: unknown): Promise<{ ok: boolean }> } } }).teller.devices.emulator({ action: a })).ok, action);
  await expect(step.getByRole('button', { name: /Capturar huella/ })).toBeFocused();
  expect(await emulate('fingerprint.unplug')).toBe(true);
  await app.keyboard.press('Enter');
  await expect(step.getByTestId('fp-result')).toContainText('Lector no disponible');
  const exception = step.getByRole('button', { name: /Sin validación biométrica/ });
  await expect(exception).toBeVisible();
  expect(await emulate('fingerprint.replug')).toBe(true);
  await expect(step.getByTestId('reader-status')).toHaveText('Lector de huella listo.');
  await expect(step.getByTestId('fp-result')).toHaveText('El lector volvió: capture la huella.');
  await expect(step).not.toContainText('desconectado');
  await expect(exception).toHaveCount(0);
  // F6 no longer asks the exception: the step stays, waiting for the finger.
  await app.keyboard.press('F6');
  await expect(app.getByRole('dialog', { name: 'Aprobación del supervisor' })).toHaveCount(0);
  await expect(step.getByRole('button', { name: /Capturar huella/ })).toBeFocused();
  expect(await place(app, '900000002')).toBe(true);
  await app.keyboard.press('Enter');
  const approval = app.getByRole('dialog', { name: 'Aprobación del supervisor' });
  await expect(approval.getByTestId('approval-reasons')).toContainText('visación');
  await expect(approval.getByTestId('approval-reasons')).not.toContainText(/sin validación biométrica/i);
});

test('in cash: after Juan deposited $ 10.000.000 the till can pay it back; declaration, fingerprint, visación and the bills to hand over', async ({ app }) => {
  await depositWithDeclaration(app);
  await nextOperation(app);
  await openAccount(app, 'F4', 'Retiro', '240000000029');
  await expect(app.getByLabel('Valor a retirar')).toBeFocused();
  await app.keyboard.type('10000000');
  await expect(app.getByLabel('Forma de pago')).toHaveValue('efectivo');
  await app.keyboard.press('Enter');
  const step = fingerprintStep(app);
  await expect(step).toContainText('para pagar este retiro de su cuenta de ahorros');
  await expect(step.getByRole('button', { name: /Capturar huella/ })).toBeFocused();
  expect(await place(app, '900000002')).toBe(true);
  await app.keyboard.press('Enter');
  await expect(step).toHaveCount(0);
  await supervisorApproves(app, 'visación');
  // Cash of $ 10.000.000 in one operation: the UIAF's declaration, of where the money goes this time.
  const form = app.getByRole('dialog', { name: 'Declaración de destino de fondos' });
  await expect(form.getByTestId('decl-why')).toHaveText('Esta operación en efectivo es de $ 10.000.000 (desde $ 10.000.000 en una sola operación la UIAF exige la declaración).');
  await form.getByLabel('Destino de los fondos').fill('Compra de un vehículo particular');
  await form.getByLabel('Actividad económica').fill('Comerciante');
  await form.getByLabel('El cliente firmó la declaración').check();
  await app.keyboard.press('Enter');
  const confirm = app.getByRole('dialog', { name: 'Confirmar retiro' });
  // The bills the deposit brought: the mix comes from the till's stock (the demo opening has ten of $ 100.000).
  await expect(confirm.getByTestId('payout-mix')).toHaveText('Entregar: 100 × $ 100.000');
  await expect(confirm).toContainText('Total debitado$ 10.040.000');
  await expect(confirm.getByTestId('withdrawal-uiaf')).toHaveText('Efectivo sujeto a reporte UIAF: declaración de destino de fondos tomada y firmada por el cliente.');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt-words')).toHaveText('SON: DIEZ MILLONES DE PESOS M/CTE');
  await expect(app.getByTestId('receipt')).toContainText(/Identidad verificada con huella — ref \S+ \(CC \*+0002\)/);
});
