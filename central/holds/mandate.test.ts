import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AuthorizedRef, type HoldPayee, HoldResponseSchema } from '../../domain/central-api';
import { getAccount, putAccount } from '../accounts/ledger';
import { openCentralDb } from '../store/db';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { accountOf, batch, newKey, reversal, withdrawal } from '../testing/ops';

/**
 * Seed 003 cl. 4, 2.1 and 3.5 at central: a hold that names who is paid is judged on central's registration of the
 * account, with the branch's rule, so a branch whose copy predates a mandate narrowed or revoked at another office
 * cannot pay outside it. A hold that names no one (an older branch) is answered as before.
 */
let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral();
});
afterEach(async () => {
  await t.stop();
});

// Demo account (central/demo/seed.ts), seeded on the harness's day, 2025-03-10 in Bogotá: Andrés's, $ 1.500.000. Rosa
// is authorized for cash to herself up to $ 500.000 a withdrawal and $ 800.000 a day until 2026-03-10; Luz's lapsed on
// 2025-02-28.
const ACCOUNT = '240000000128';
const doc = (documentNumber: string) => ({ documentType: 'CC' as const, documentNumber });
const ANDRES = doc('900000004');
const ROSA = doc('900000005');
const LUZ = doc('900000003');
const STRANGER = doc('900000001');

const hold = async (amount: number, payee?: Omit<HoldPayee, 'amount'> & { amount?: number }, account = ACCOUNT, workstation?: string) => {
  const r = await t.call('authorizeWithdrawal', { key: newKey(), account, amount: amount + 2_000, ...(payee ? { payee: { amount, ...payee } } : {}) }, workstation);
  expect(r.status).toBe(200);
  return HoldResponseSchema.parse(r.body);
};
const cash = (...presenters: HoldPayee['presenters']) => ({ presenters, payout: 'efectivo' as const });

/** Andrés registers other conditions at another office: straight into central's file, as its back office would. */
const registerAtCentral = (authorized: AuthorizedRef[]) => {
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

describe('central refuses a hold outside the mandate the holders registered (seed 003 cl. 2.1, 3.5)', () => {
  it('a lapsed authorization, an amount above the maximum and a cheque or transfer beyond cash only: the branch’s codes and words, nothing held', async () => {
    const before = (await accountOf(t, ACCOUNT)).balances;
    expect(await hold(100_000, cash(LUZ))).toEqual({
      status: 'refused',
      reason: 'AUTHORIZATION_EXPIRED',
      message: 'La autorización de LUZ ÁNGELA MUÑOZ ÁLVAREZ venció el 28/02/2025: no puede disponer de la cuenta. El titular debe renovarla en la oficina o retirar él mismo (cláusulas 2.1 y 3.5).',
    });
    expect(await hold(500_050, cash(ROSA))).toMatchObject({ status: 'refused', reason: 'AUTHORIZATION_AMOUNT_EXCEEDED', message: expect.stringContaining('permite hasta $ 500.000 por operación y el valor es $ 500.050') });
    expect(await hold(200_000, { presenters: [ROSA], payout: 'cheque-gerencia' })).toMatchObject({ status: 'refused', reason: 'AUTHORIZATION_OUT_OF_SCOPE', message: expect.stringContaining('no puede retirar con cheque de gerencia') });
    // Both breaches at once: the first one's code, both said.
    const both = await hold(800_000, { presenters: [ROSA], payout: 'traslado' });
    expect(both).toMatchObject({ status: 'refused', reason: 'AUTHORIZATION_OUT_OF_SCOPE' });
    expect(both.status === 'refused' && both.message).toMatch(/no puede ordenar traslados a otra cuenta.*permite hasta \$ 500\.000/);
    expect(await hold(100_000, cash(STRANGER))).toMatchObject({ status: 'refused', reason: 'PERSON_NOT_AUTHORIZED' });
    expect((await accountOf(t, ACCOUNT)).balances).toEqual(before);
  });

  it('within the mandate, or by the holder, it holds; a hold naming no one is not judged, as before', async () => {
    expect(await hold(500_000, cash(ROSA))).toMatchObject({ status: 'authorized' });
    // The holder orders it himself: his authorized persons' conditions do not bind him.
    expect(await hold(300_000, { presenters: [ANDRES], payout: 'cheque-gerencia' })).toMatchObject({ status: 'authorized' });
    // With him, someone within her mandate takes the money too (with her first, her day's $ 800.000 exactly).
    expect(await hold(300_000, cash(ANDRES, ROSA))).toMatchObject({ status: 'authorized' });
    // An older branch sends no payee: central cannot tell who is paid and says nothing new.
    expect(await hold(100_000)).toMatchObject({ status: 'authorized' });
    // A jurídica's legal representative and a conjunta's holders are judged by the branch's other rules, not a mandate's.
    expect(await hold(100_000, cash({ documentType: 'CE', documentNumber: '1234567' }), '240000000078')).toMatchObject({ status: 'authorized' });
    expect(await hold(100_000, cash(doc('900000002'), ROSA), '240000000045')).toMatchObject({ status: 'authorized' });
  });

  it('the holder present does not cover someone marked with him outside her mandate: she is named as taking the money', async () => {
    expect(await hold(300_000, { presenters: [ANDRES, LUZ], payout: 'cheque-gerencia' })).toMatchObject({ status: 'refused', reason: 'AUTHORIZATION_EXPIRED', message: expect.stringContaining('Desmarque a LUZ ÁNGELA MUÑOZ ÁLVAREZ') });
    expect(await hold(600_000, cash(ANDRES, ROSA))).toMatchObject({ status: 'refused', reason: 'AUTHORIZATION_AMOUNT_EXCEEDED' });
  });

  it('narrowed or revoked at central after the branch read the account: central’s registration decides', async () => {
    expect(await hold(400_000, cash(ROSA))).toMatchObject({ status: 'authorized' });
    const rosa = { ...ROSA, name: 'ROSA ELENA CÁRDENAS LÓPEZ' };
    registerAtCentral([{ ...rosa, validUntil: '2026-03-10', maxPerWithdrawal: 300_000, payouts: 'efectivo' }]);
    expect(await hold(400_000, cash(ROSA))).toMatchObject({ status: 'refused', reason: 'AUTHORIZATION_AMOUNT_EXCEEDED', message: expect.stringContaining('permite hasta $ 300.000 por operación') });
    expect(await hold(300_000, cash(ROSA))).toMatchObject({ status: 'authorized' });
    registerAtCentral([{ ...rosa, validUntil: '2025-03-09' }]);
    expect(await hold(100_000, cash(ROSA))).toMatchObject({ status: 'refused', reason: 'AUTHORIZATION_EXPIRED', message: expect.stringContaining('venció el 09/03/2025') });
    registerAtCentral([]);
    expect(await hold(100_000, cash(ROSA))).toMatchObject({ status: 'refused', reason: 'PERSON_NOT_AUTHORIZED' });
  });

  it('a payee amount above what is held is not a request central takes', async () => {
    const r = await t.call('authorizeWithdrawal', { key: newKey(), account: ACCOUNT, amount: 100_000, payee: { ...cash(ROSA), amount: 100_001 } });
    expect(r).toMatchObject({ status: 400, body: { error: { code: 'INVALID_REQUEST' } } });
  });
});

const heldId = (r: Awaited<ReturnType<typeof hold>>): string => {
  if (r.status !== 'authorized') throw new Error(`not held: ${JSON.stringify(r)}`);
  return r.hold.holdId;
};
/** Rosa's conditions as Andrés registered them at the office: $ 800.000 a day, no maximum per withdrawal. */
const rosaDaily = () => registerAtCentral([{ ...ROSA, name: 'ROSA ELENA CÁRDENAS LÓPEZ', maxPerDay: 800_000, payouts: 'efectivo' }]);

describe('an authorized person’s maximum per day, counted at central across workstations (seed 003 cl. 3.5)', () => {
  it('two workstations each within it, together beyond it: the second is refused with what she took, nothing held', async () => {
    rosaDaily();
    expect(await hold(500_000, cash(ROSA), ACCOUNT, '001-01')).toMatchObject({ status: 'authorized' });
    const before = (await accountOf(t, ACCOUNT)).balances;
    const second = await hold(400_000, cash(ROSA), ACCOUNT, '001-02');
    expect((await accountOf(t, ACCOUNT)).balances).toEqual(before);
    expect(second).toEqual({
      status: 'refused',
      reason: 'AUTHORIZATION_DAY_EXCEEDED',
      message:
        'La autorización de ROSA ELENA CÁRDENAS LÓPEZ permite hasta $ 800.000 por día: hoy ya retiró u ordenó $ 500.000 de esta cuenta y con $ 400.000 serían $ 900.000. Reduzca el valor a $ 300.000 como máximo, o el titular debe retirar él mismo: es una condición registrada por el titular y ningún supervisor puede ampliarla (cláusula 3.5).',
    });
    // Exactly up to the maximum still pays; one more peso does not, at any workstation.
    expect(await hold(300_000, cash(ROSA), ACCOUNT, '001-02')).toMatchObject({ status: 'authorized' });
    expect(await hold(50, cash(ROSA), ACCOUNT, '001-01')).toMatchObject({ status: 'refused', reason: 'AUTHORIZATION_DAY_EXCEEDED' });
    // The holder himself is not bound by it, and what he takes does not count against her.
    expect(await hold(100_000, cash(ANDRES), ACCOUNT, '001-01')).toMatchObject({ status: 'authorized' });
  });

  it('a released hold and a reversed withdrawal took nothing: they do not count', async () => {
    rosaDaily();
    const released = heldId(await hold(500_000, cash(ROSA), ACCOUNT, '001-01'));
    expect((await t.call('releaseHold', { holdId: released }, '001-01')).status).toBe(200);
    const paid = heldId(await hold(600_000, cash(ROSA), ACCOUNT, '001-02'));
    const w = withdrawal(ACCOUNT, 600_000, { holdId: paid, gmf: 2_400 });
    expect((await batch(t, [w])).body).toMatchObject({ results: [{ status: 'applied' }] });
    expect(await hold(300_000, cash(ROSA), ACCOUNT, '001-01')).toMatchObject({ status: 'refused', reason: 'AUTHORIZATION_DAY_EXCEEDED' });
    expect((await batch(t, [reversal(w.key)])).body).toMatchObject({ results: [{ status: 'applied' }] });
    expect(await hold(300_000, cash(ROSA), ACCOUNT, '001-01')).toMatchObject({ status: 'authorized' });
  });
});
