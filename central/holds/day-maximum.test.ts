import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AuthorizedRef, type HoldPayee, HoldResponseSchema } from '../../domain/central-api';
import { getAccount, putAccount } from '../accounts/ledger';
import { openCentralDb } from '../store/db';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { accountOf, batch, newKey, reversal, withdrawal } from '../testing/ops';

/**
 * Seed 003 cl. 3.5 at central: an authorized person's maximum per day adds what every workstation paid her from the
 * account that Bogotá day, so the amount split across tills (each within its own figures) is refused at the hold.
 */
let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral();
});
afterEach(async () => {
  await t.stop();
});

// Demo account (central/demo/seed.ts) on the harness's day, 2025-03-10: Andrés's, $ 1.500.000, Rosa authorized.
const ACCOUNT = '240000000128';
const doc = (documentNumber: string) => ({ documentType: 'CC' as const, documentNumber });
const ANDRES = doc('900000004');
const ROSA = doc('900000005');

const hold = async (workstation: string, amount: number, presenters: HoldPayee['presenters'] = [ROSA]) => {
  const r = await t.call('authorizeWithdrawal', { key: newKey(), account: ACCOUNT, amount: amount + 2_000, payee: { presenters, payout: 'efectivo', amount } }, workstation);
  expect(r.status).toBe(200);
  return HoldResponseSchema.parse(r.body);
};
const heldId = (r: Awaited<ReturnType<typeof hold>>): string => {
  if (r.status !== 'authorized') throw new Error(`not held: ${JSON.stringify(r)}`);
  return r.hold.holdId;
};

/** Rosa's conditions as Andrés registered them at the office: $ 800.000 a day, no maximum per withdrawal. */
const register = (authorized: AuthorizedRef[]) => {
  const sql = openCentralDb(t.dbPath);
  try {
    sql.tx(() => {
      const a = getAccount(sql, ACCOUNT);
      if (!a) throw new Error('demo account missing');
      putAccount(sql, { ...a, authorized });
    });
  } finally {
    sql.close();
  }
};
const rosaDaily = () => register([{ ...ROSA, name: 'ROSA ELENA CÁRDENAS LÓPEZ', maxPerDay: 800_000, payouts: 'efectivo' }]);

describe('an authorized person’s maximum per day, counted at central across workstations (seed 003 cl. 3.5)', () => {
  it('two workstations each within it, together beyond it: the second is refused with what she took, nothing held', async () => {
    rosaDaily();
    expect(await hold('001-01', 500_000)).toMatchObject({ status: 'authorized' });
    const before = (await accountOf(t, ACCOUNT)).balances;
    const second = await hold('001-02', 400_000);
    expect((await accountOf(t, ACCOUNT)).balances).toEqual(before);
    expect(second).toEqual({
      status: 'refused',
      reason: 'AUTHORIZATION_DAY_EXCEEDED',
      message:
        'La autorización de ROSA ELENA CÁRDENAS LÓPEZ permite hasta $ 800.000 por día: hoy ya retiró u ordenó $ 500.000 de esta cuenta y con $ 400.000 serían $ 900.000. Reduzca el valor a $ 300.000 como máximo, o el titular debe retirar él mismo: es una condición registrada por el titular y ningún supervisor puede ampliarla (cláusula 3.5).',
    });
    // Exactly up to the maximum still pays; one more peso does not, at any workstation.
    expect(await hold('001-02', 300_000)).toMatchObject({ status: 'authorized' });
    expect(await hold('001-01', 50)).toMatchObject({ status: 'refused', reason: 'AUTHORIZATION_DAY_EXCEEDED' });
    // The holder himself is not bound by it, and what he takes does not count against her.
    expect(await hold('001-01', 100_000, [ANDRES])).toMatchObject({ status: 'authorized' });
  });

  it('a released hold and a reversed withdrawal took nothing: they do not count', async () => {
    rosaDaily();
    const released = heldId(await hold('001-01', 500_000));
    expect((await t.call('releaseHold', { holdId: released }, '001-01')).status).toBe(200);
    const paid = heldId(await hold('001-02', 600_000));
    const w = withdrawal(ACCOUNT, 600_000, { holdId: paid, gmf: 2_400 });
    expect((await batch(t, [w])).body).toMatchObject({ results: [{ status: 'applied' }] });
    expect(await hold('001-01', 300_000)).toMatchObject({ status: 'refused', reason: 'AUTHORIZATION_DAY_EXCEEDED' });
    expect((await batch(t, [reversal(w.key)])).body).toMatchObject({ results: [{ status: 'applied' }] });
    expect(await hold('001-01', 300_000)).toMatchObject({ status: 'authorized' });
  });
});
