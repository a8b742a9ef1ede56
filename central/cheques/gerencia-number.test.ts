import { afterEach, beforeEach, expect, it } from 'vitest';
import { BatchResponseSchema, HoldResponseSchema } from '../../domain/central-api';
import { openCentralDb } from '../store/db';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { accountOf, batch, newKey, reversal, withdrawal } from '../testing/ops';

/**
 * The bank numbers its cheque de gerencia forms once: a number another debit used is a mistyped number or a
 * duplicate form. Central refuses it at the online authorization, before anything is held or handed over, and at
 * posting for a withdrawal that reached it without one; a replay of the same key stays what it was.
 */
let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral();
});
afterEach(async () => {
  await t.stop();
});

const JUAN = '240000000029';
const MARIA = '240000000011';

const authorize = async (key: string, account: string, amount: number, number?: string) =>
  HoldResponseSchema.parse((await t.call('authorizeWithdrawal', { key, account, amount, ...(number === undefined ? {} : { chequeGerencia: { number } }) })).body);
const holdIdOf = (r: Awaited<ReturnType<typeof authorize>>) => {
  if (r.status !== 'authorized') throw new Error(`refused: ${r.reason}`);
  return r.hold.holdId;
};
const byCheque = (w: ReturnType<typeof withdrawal>, number: string) => ({ ...w, payload: { ...w.payload, chequeGerencia: { number } } });
const post = async (op: ReturnType<typeof withdrawal>) => BatchResponseSchema.parse((await batch(t, [op])).body).results[0];
const chequeRows = () => {
  const db = openCentralDb(t.dbPath);
  try {
    return db.all<{ op_key: string; number: string }>('SELECT op_key, number FROM cheques_gerencia ORDER BY rowid');
  } finally {
    db.close();
  }
};

it('a number another withdrawal was paid with is refused at the authorization: nothing held, the replay of the first stays authorized', async () => {
  const k1 = newKey();
  const first = byCheque(withdrawal(JUAN, 1_000_000, { holdId: holdIdOf(await authorize(k1, JUAN, 1_000_000, '0007001234')) }), '0007001234');
  expect((await post(first))?.status).toBe('applied');
  const before = (await accountOf(t, MARIA)).balances;

  // Another customer's withdrawal with the same form, its leading zeros typed or not.
  for (const number of ['0007001234', '7001234']) {
    const r = await authorize(newKey(), MARIA, 300_000, number);
    expect(r).toMatchObject({ status: 'refused', reason: 'CHEQUE_GERENCIA_NUMBER_USED' });
    expect(r.status === 'refused' && r.message).toContain('ya está registrado en otro retiro');
  }
  expect((await accountOf(t, MARIA)).balances).toEqual(before);
  // Another number goes through.
  expect((await authorize(newKey(), MARIA, 300_000, '7001235')).status).toBe('authorized');

  // The first withdrawal's own authorization and operation, sent again: the same answers, not a refusal.
  expect((await authorize(k1, JUAN, 1_000_000, '0007001234')).status).toBe('authorized');
  expect((await post(first))?.status).toBe('duplicate');
  expect(chequeRows()).toEqual([{ op_key: first.key, number: '0007001234' }]);
});

it('a number held by another teller’s authorization is refused until that one is released', async () => {
  const held = holdIdOf(await authorize(newKey(), JUAN, 500_000, '7001300'));
  expect(await authorize(newKey(), MARIA, 200_000, '7001300')).toMatchObject({ status: 'refused', reason: 'CHEQUE_GERENCIA_NUMBER_USED' });
  expect((await t.call('releaseHold', { holdId: held })).status).toBe(200);
  expect((await authorize(newKey(), MARIA, 200_000, '7001300')).status).toBe('authorized');
});

it('a withdrawal that reaches central with a used number and no authorization of it (contingency, an older branch) is rejected: nothing debited, nothing recorded', async () => {
  const first = byCheque(withdrawal(JUAN, 400_000), '7001400');
  expect((await post(first))?.status).toBe('applied');
  const before = (await accountOf(t, MARIA)).balances;
  const again = byCheque(withdrawal(MARIA, 100_000), '0007001400');
  expect(await post(again)).toMatchObject({ status: 'rejected', first: { outcome: 'rejected', reason: 'CHEQUE_GERENCIA_NUMBER_USED' } });
  expect((await accountOf(t, MARIA)).balances).toEqual(before);
  expect(chequeRows()).toEqual([{ op_key: first.key, number: '7001400' }]);
  // Its own authorization does not count against it.
  const k = newKey();
  const own = byCheque(withdrawal(MARIA, 100_000, { holdId: holdIdOf(await authorize(k, MARIA, 100_000, '7001401')) }), '7001401');
  expect((await post(own))?.status).toBe('applied');
});

it('a number whose withdrawal was reversed is still refused, and the refusal says the form was voided by that reversal', async () => {
  const first = byCheque(withdrawal(JUAN, 300_000, { holdId: holdIdOf(await authorize(newKey(), JUAN, 300_000, '7700200')) }), '7700200');
  expect((await post(first))?.status).toBe('applied');
  const rev = reversal(first.key);
  const voiding = { ...rev, payload: { ...(rev.payload as { reversesKey: string; reasonCode: string }), document: 'R-001-01-000012' } } as typeof rev;
  expect(BatchResponseSchema.parse((await batch(t, [voiding])).body).results[0]?.status).toBe('applied');
  const r = await authorize(newKey(), MARIA, 100_000, '0007700200');
  expect(r).toMatchObject({ status: 'refused', reason: 'CHEQUE_GERENCIA_NUMBER_USED' });
  expect(r.status === 'refused' && r.message).toContain('anulado con el reverso R-001-01-000012');
  expect(r.status === 'refused' && r.message).not.toContain('duplicado');
});
