import { randomUUID } from 'node:crypto';
import type { ControlledCentral } from './support/central-control';
import { expect, test } from './support/central-control';
import { bogotaDaysAgo, openAccount, openTill, supervisorApproves } from './support/comprobante';

/**
 * Seed 003 cl. 3.12 across desks: the supervisor's exception to the day's withdrawal count covers the figure it
 * showed. Another workstation (001-01) pays the account meanwhile, so this posting is no longer "the 6th": central
 * refuses it, and the teller is asked a new approval with the real figure before anything is paid.
 */
const ACCOUNT = '240000000029';

/** A withdrawal of the account's day at workstation 001-01, as its posting reserves it at central. */
const paidAt001 = async (central: ControlledCentral) => {
  const r = await central.client('001-01').call('reserveWithdrawalLimit', {
    key: randomUUID(), account: ACCOUNT, day: bogotaDaysAgo(0), amount: 50_000, limits: { count: 5, amount: 30_000_000 }, here: { count: 0, amount: 0 },
    // Its own supervisor's exception, for its own figures.
    approvalId: randomUUID(),
  });
  expect(r).toMatchObject({ ok: true, data: { status: 'reserved' } });
};

test('an approval of "the 6th" does not pay the 7th: the teller is asked again with the real figures, then pays', async ({ app, central }) => {
  for (let i = 0; i < 5; i++) await paidAt001(central);
  await openTill(app);
  await openAccount(app, 'F4', 'Retiro', ACCOUNT);
  await app.keyboard.type('50000');
  await app.keyboard.press('Enter');
  await supervisorApproves(app, 'Retiros hoy con este: 6; máximo 5.');
  const confirm = app.getByRole('dialog', { name: 'Confirmar retiro' });
  await expect(confirm).toBeVisible();
  // Meanwhile the other desk pays its own approved 6th.
  await paidAt001(central);
  await app.keyboard.press('Enter');
  await expect(app.getByRole('alert')).toContainText('Ahora: La cuenta superaría el número máximo de retiros del día. Retiros hoy con este: 7; máximo 5.');
  await expect(confirm).toHaveCount(0);
  // Enter reviews it again: the supervisor is asked with the real figure, not the confirmation under the old approval.
  await app.keyboard.press('Enter');
  await supervisorApproves(app, 'Retiros hoy con este: 7; máximo 5.');
  await expect(confirm).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('receipt-words')).toHaveText('SON: CINCUENTA MIL PESOS M/CTE');
});
