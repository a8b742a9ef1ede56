import { expect, type Page } from '@playwright/test';
import { DEMO, expectHome, login } from './pages';

/**
 * Shared steps of the Comprobante Único specs. The till opens with 60 × 100.000, 20 × 50.000, 40 × 20.000,
 * 50 × 10.000, 20 × 5.000, 20 × 2.000 and coins (8.497.000), keyboard only as in e2e/till-open.spec.ts.
 */
export const TILL_TOTAL = 8_497_000;

/** A Bogotá business date `daysAgo` days before today, as AAAA-MM-DD (certificates, letters). */
export const bogotaDaysAgo = (daysAgo: number) => new Date(Date.now() - 5 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);

export const openTill = async (app: Page) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await app.keyboard.press('F2');
  for (const r of ['60', '20', '40', '50', '20', '20', '30', '40', '20', '20', '20']) {
    await app.keyboard.type(r);
    await app.keyboard.press('Enter');
  }
  await app.keyboard.type(String(TILL_TOTAL));
  await app.keyboard.press('Enter');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('status-till')).toHaveText('Caja abierta');
  // Inicio back with the till the opening answered (F3/F4 enabled at once: e2e/till-open.spec.ts).
  await expect(app.getByTestId('till-summary')).toContainText('abierta');
};

/**
 * F-key (or short code) to a comprobante screen, type the account, Enter: the account panel shows it. On a
 * deposit the depositor is never presumed, so F2 names the first holder unless `depositor: 'none'` leaves it
 * for the test to identify.
 */
export const openAccount = async (app: Page, key: 'F3' | 'F4' | 't', heading: string, number: string, opts: { depositor?: 'holder' | 'none' } = {}) => {
  await app.keyboard.press(key);
  await expect(app.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  await app.keyboard.type(number);
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('account-panel')).toContainText(number);
  if (key === 'F3' && (opts.depositor ?? 'holder') === 'holder') {
    await app.keyboard.press('F2');
    await expect(app.getByTestId('depositor')).toContainText('Consigna el titular');
  }
};

/**
 * In the journal's reversal panel of a comprobante (after "Reversar"): reason and explanation, then the
 * supervisor approves there with their own credentials.
 */
export const reverseWithApproval = async (app: Page) => {
  const panel = app.getByRole('region', { name: 'Reverso de comprobante' });
  await panel.getByLabel('Motivo del reverso').selectOption('CUENTA_ERRADA');
  await panel.getByLabel('Explicación del reverso').fill('El cliente dictó otra cuenta');
  await panel.getByRole('button', { name: 'Solicitar aprobación del reverso' }).click();
  await panel.getByLabel('Usuario del supervisor').fill(DEMO.supervisor.username);
  await panel.getByLabel('Contraseña del supervisor').fill(DEMO.supervisor.password);
  await panel.getByRole('button', { name: /^Aprobar/ }).click();
};

/** The supervisor types their own credentials at the teller's workstation; Enter approves. */
export const supervisorApproves = async (app: Page, reasons: RegExp | string) => {
  const approval = app.getByRole('dialog', { name: 'Aprobación del supervisor' });
  await expect(approval.getByTestId('approval-reasons')).toContainText(reasons);
  await approval.getByLabel('Usuario del supervisor').fill(DEMO.supervisor.username);
  await approval.getByLabel('Contraseña del supervisor').fill(DEMO.supervisor.password);
  await approval.getByLabel('Contraseña del supervisor').press('Enter');
  await expect(approval).toBeHidden();
};

/**
 * On the deposit screen with its account shown: F8 adds a cheque row, fills it (`city` only for another plaza),
 * types the slip's total and presses Enter for the summary.
 */
export const fillCheque = async (app: Page, c: { bank: string; number: string; drawerAccount: string; amount: number; city?: string }) => {
  await app.keyboard.press('F8');
  await app.getByLabel('Banco (código)').fill(c.bank);
  await app.getByLabel('No. cheque').fill(c.number);
  await app.getByLabel('Cuenta girador').fill(c.drawerAccount);
  await app.locator('#chq-amount-0').fill(String(c.amount));
  if (c.city) await app.getByLabel('Plaza').fill(c.city);
  await app.getByLabel('Total del comprobante').fill(String(c.amount));
  await app.getByLabel('Total del comprobante').press('Enter');
};

/** The first comprobante of the till: a cash deposit of $ 1.200.000 (24 × $ 50.000) to 240000000011, its receipt on screen. */
export const firstCashDeposit = async (app: Page) => {
  await openAccount(app, 'F3', 'Consignación', '240000000011');
  await app.keyboard.press('Enter');
  await app.keyboard.type('24');
  await app.keyboard.press('F10');
  await app.keyboard.type('1200000');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('dialog', { name: 'Confirmar consignación' }).getByTestId('deposit-summary')).toContainText('$ 1.200.000');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt-sequence')).toHaveText('001-03-000001');
};

/** With the cash counted: the slip's total (F10), Enter for the summary, Enter to post; waits for the receipt. */
export const postCashDeposit = async (app: Page, total: number) => {
  await app.keyboard.press('F10');
  await app.keyboard.type(String(total));
  await app.keyboard.press('Enter');
  await expect(app.getByRole('dialog', { name: 'Confirmar consignación' })).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt-sequence')).toBeVisible();
};

/**
 * A posted screen ignores Enter for its first moment (a double press must not leave it or retry a paper before the
 * teller saw it); "Nueva operación" reads as enabled once the keys act. Waits for that.
 */
export const postedKeysActive = async (app: Page) => {
  await expect(app.getByRole('button', { name: /^Nueva operación/ })).toBeEnabled();
};

/** On a posted screen, once its keys act: Enter starts the next operation. */
export const nextOperation = async (app: Page) => {
  await postedKeysActive(app);
  await app.keyboard.press('Enter');
};

/** A till opened, a first cash deposit, and its reversal asked from F5: the panel waits for a supervisor's credentials. */
export const askReversalOfFirstDeposit = async (app: Page, reason?: string) => {
  await openTill(app);
  await firstCashDeposit(app);
  await app.keyboard.press('Escape');
  await app.keyboard.press('F5');
  await app.getByRole('button', { name: 'Buscar' }).click();
  await app.getByRole('button', { name: 'Reversar' }).click();
  const panel = app.getByRole('region', { name: 'Reverso de comprobante' });
  if (reason) await panel.getByLabel('Motivo del reverso').selectOption(reason);
  await panel.getByLabel('Explicación del reverso').fill('El cliente dictó otra cuenta');
  await panel.getByRole('button', { name: 'Solicitar aprobación del reverso' }).click();
  await expect(panel.getByLabel('Usuario del supervisor')).toBeVisible();
};

/** A till opened and a $ 6.000.000 withdrawal from 240000000029, over the visación amount: the approval dialog asks for a supervisor. */
export const askVisacion = async (app: Page) => {
  await openTill(app);
  await openAccount(app, 'F4', 'Retiro', '240000000029');
  await app.keyboard.type('6000000');
  await app.keyboard.press('Enter');
  const approval = app.getByRole('dialog', { name: 'Aprobación del supervisor' });
  await expect(approval.getByTestId('approval-reasons')).toContainText('visación');
  return approval;
};
