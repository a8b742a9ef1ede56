import { test as withCentral, expect } from './support/central-control';
import { openTill } from './support/comprobante';

/** A cheque another workstation of the branch (001-01) took is listed here from central, marked as taken there. */
withCentral('the canje and remesa lists show the cheques another workstation of the branch took, with its id', async ({ app, central }) => {
  const ACCOUNT = '240000000086';
  const drawerAccount = String(70_000_000 + Math.floor(Math.random() * 1_000_000));
  const releaseOn = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  await central.postAs({ type: 'cheque_deposit', account: ACCOUNT, payload: { amount: 456_000, cheques: [{ bankCode: '007', number: '8801', amount: 456_000, drawerAccount, city: 'Bogotá D.C.' }], releaseOn, sequence: '001-01-000777' } });
  await central.postAs({ type: 'cheque_deposit', account: ACCOUNT, payload: { amount: 321_000, cheques: [{ bankCode: '013', number: '8802', amount: 321_000, drawerAccount, city: 'Medellín' }], sequence: '001-01-000778' } });
  await openTill(app);

  await app.keyboard.press('c');
  await expect(app.getByRole('heading', { name: 'Cheques en canje' })).toBeVisible();
  const canje = app.getByTestId('canje-cheques').locator('tr', { hasText: '001-01-000777' });
  await expect(canje).toContainText('8801');
  await expect(canje).toContainText('$ 456.000');
  await expect(canje.getByTestId('canje-taken-at')).toHaveText('001-01');
  await expect(app.getByTestId('canje-local-only')).toHaveCount(0);
  await app.keyboard.press('Escape');

  await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  await app.keyboard.press('r');
  await expect(app.getByRole('heading', { name: 'Remesas al cobro' })).toBeVisible();
  const remesa = app.getByTestId('remittances').locator('tr', { hasText: '001-01-000778' });
  await expect(remesa).toContainText('Medellín');
  await expect(remesa.getByTestId('remittance-taken-at')).toHaveText('001-01');
});
