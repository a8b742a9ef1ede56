import { afterEach, beforeEach, expect, it } from 'vitest';
import { HoldResponseSchema } from '../../domain/central-api';
import { getAccount } from '../accounts/ledger';
import { openCentralDb } from '../store/db';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { newKey } from '../testing/ops';

/**
 * A withdrawal left pending across an upgrade of its workstation: the retry asks the same key with the request's new
 * shape (here `payee`, which an older branch did not send). Central answers it as the same authorization when what
 * it held is what the retry asks (account and amount); otherwise it says, in Spanish, what the teller does next.
 */
let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral();
});
afterEach(async () => {
  await t.stop();
});

// Demo account 240000000011 (central/demo/seed.ts): María, holder CC 900000001, $ 2.500.000.
const MARIA = '240000000011';
const payee = { presenters: [{ documentType: 'CC' as const, documentNumber: '900000001' }], payout: 'efectivo' as const, amount: 100_000 };
const onHold = () => {
  const sql = openCentralDb(t.dbPath);
  try {
    return getAccount(sql, MARIA)?.balances.onHold;
  } finally {
    sql.close();
  }
};

it('the same key retried with the new request shape is the same authorization: one hold, answered again', async () => {
  const key = newKey();
  const before = HoldResponseSchema.parse((await t.call('authorizeWithdrawal', { key, account: MARIA, amount: 100_400 })).body);
  expect(before).toMatchObject({ status: 'authorized', hold: { amount: 100_400, state: 'active' } });
  const retry = await t.call('authorizeWithdrawal', { key, account: MARIA, amount: 100_400, payee });
  expect(retry.status).toBe(200);
  expect(HoldResponseSchema.parse(retry.body)).toMatchObject({ status: 'authorized', hold: { holdId: before.status === 'authorized' ? before.hold.holdId : '', state: 'active' } });
  expect(onHold()).toBe(100_400);
});

it('the same key with another amount is refused with what to do next', async () => {
  const key = newKey();
  expect(HoldResponseSchema.parse((await t.call('authorizeWithdrawal', { key, account: MARIA, amount: 100_400 })).body)).toMatchObject({ status: 'authorized' });
  const other = await t.call('authorizeWithdrawal', { key, account: MARIA, amount: 200_800, payee: { ...payee, amount: 200_000 } });
  expect(other.status).toBe(409);
  expect(other.body).toMatchObject({
    error: { code: 'KEY_REUSED', message: expect.stringContaining('no puede tomarla como la misma. Lo que central haya retenido con ella se libera solo en 15 minutos como máximo. Registre la operación de nuevo con el cliente.') },
  });
  expect(onHold()).toBe(100_400);
});
