import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchResponseSchema, type Operation } from '../../domain/central-api';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { accountOf, batch, cashDeposit, newKey, reversal, withdrawal, type OpOf } from '../testing/ops';

// Demo account 240000000011: individual, activa, $2.500.000 available (central/demo/seed.ts). The test clock
// starts on 2025-03-10 10:00 in Bogotá.
const MARIA = '240000000011';
const OTHER = '240000000029';
const DAY = 86_400_000;

const env = (key: string) => ({ key, branch: '001', workstation: '001-01', occurredAt: '2025-03-10T10:00:00-05:00' });
const chequeDeposit = (amount: number, releaseOn?: string): OpOf<'cheque_deposit'> => ({
  ...env(newKey()),
  type: 'cheque_deposit',
  account: MARIA,
  payload: { amount, cheques: [{ bankCode: '07', number: '123456', amount }], ...(releaseOn ? { releaseOn } : {}) },
});
const returned = (depositKey: string, fee = 0, key = newKey()): Operation => ({
  ...env(key),
  type: 'reversal',
  account: MARIA,
  payload: { reversesKey: depositKey, reasonCode: 'CHEQUE_DEVUELTO_2', ...(fee > 0 ? { fee } : {}) },
});

let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral();
});
afterEach(async () => {
  await t.stop();
});

const results = async (ops: Operation[]) => {
  const r = await batch(t, ops);
  expect(r.status).toBe(200);
  return BatchResponseSchema.parse(r.body).results;
};
const balances = async (account = MARIA) => (await accountOf(t, account)).balances;

/** A $800.000 canje cheque that cleared, after which the customer withdrew all but `left` of the balance. */
const clearedAndSpent = async (left: number) => {
  const dep = chequeDeposit(800_000, '2025-03-11');
  await results([dep]);
  t.clock.advance(DAY);
  expect(await balances()).toEqual({ available: 3_300_000, inCanje: 0, onHold: 0 });
  expect((await results([withdrawal(MARIA, 3_300_000 - left)]))[0]?.status).toBe('applied');
  return dep;
};

describe('a cheque returned after its credit was spent (cargo pendiente)', () => {
  it('is booked all the same: the debit takes what is available and the rest is owed, reported on the outcome', async () => {
    const dep = await clearedAndSpent(200_000);
    const [r] = await results([returned(dep.key, 15_000)]);
    expect(r).toMatchObject({ status: 'applied', first: { charge: { debited: 200_000, pending: 615_000, fromCanje: 0 }, balances: { available: 0, pendingCharges: 615_000 } } });
    expect(await balances()).toEqual({ available: 0, inCanje: 0, onHold: 0, pendingCharges: 615_000 });
    // Nothing is left to withdraw: the owed money is not available.
    expect((await results([withdrawal(MARIA, 1)]))[0]).toMatchObject({ first: { reason: 'INSUFFICIENT_FUNDS' } });
  });

  it('a return the balance covers owes nothing and says so', async () => {
    const dep = await clearedAndSpent(1_000_000);
    const [r] = await results([returned(dep.key, 15_000)]);
    expect(r).toMatchObject({ first: { charge: { debited: 815_000, pending: 0 } } });
    expect(await balances()).toEqual({ available: 185_000, inCanje: 0, onHold: 0 });
  });

  it('a fee the balance lacks on a cheque still in canje is owed too; the cheque itself comes out of canje', async () => {
    await results([withdrawal(MARIA, 2_490_000)]);
    const dep = chequeDeposit(300_000, '2025-03-12');
    await results([dep]);
    const [r] = await results([returned(dep.key, 15_000)]);
    // The branch's receipt says the cheque was never available: central tells what of the debit left canje.
    expect(r).toMatchObject({ first: { charge: { debited: 310_000, pending: 5_000, fromCanje: 300_000 } } });
    expect(await balances()).toEqual({ available: 0, inCanje: 0, onHold: 0, pendingCharges: 5_000 });
  });

  it('the next credits pay it first, each once: a replayed deposit pays nothing more', async () => {
    const dep = await clearedAndSpent(0);
    await results([returned(dep.key)]);
    expect(await balances()).toMatchObject({ available: 0, pendingCharges: 800_000 });
    const first = cashDeposit(MARIA, 500_000);
    expect((await results([first]))[0]).toMatchObject({ status: 'applied', first: { balances: { available: 0, pendingCharges: 300_000 } } });
    expect((await results([first]))[0]?.status).toBe('duplicate');
    expect(await balances()).toEqual({ available: 0, inCanje: 0, onHold: 0, pendingCharges: 300_000 });
    // A transfer in pays the rest; what exceeds the charge is the customer's.
    const transfer: Operation = { ...env(newKey()), type: 'transfer', account: OTHER, payload: { toAccount: MARIA, amount: 450_000, gmf: 0 } };
    expect((await results([transfer]))[0]?.status).toBe('applied');
    expect(await balances()).toEqual({ available: 150_000, inCanje: 0, onHold: 0 });
  });

  it('a deposit that pays a charge says how much and which returned cheque; its replay says the same and pays nothing more', async () => {
    const dep = await clearedAndSpent(0);
    const ret = returned(dep.key, 15_000);
    await results([ret]);
    const owed = { returnKey: ret.key, returnedAt: expect.any(String), cheques: [{ bankCode: '07', number: '123456' }] };
    expect((await t.call('pendingCharges', { account: MARIA })).body).toEqual({ account: MARIA, total: 815_000, charges: [{ ...owed, amount: 815_000 }], paid: [], available: 0 });

    const first = cashDeposit(MARIA, 500_000);
    const [a] = await results([first]);
    expect(a).toMatchObject({ status: 'applied', first: { pendingChargesPaid: { amount: 500_000, charges: [{ ...owed, amount: 500_000 }] } } });
    const [b] = await results([first]);
    expect(b).toEqual({ ...a, status: 'duplicate' });
    expect((await t.call('pendingCharges', { account: MARIA })).body).toMatchObject({ total: 315_000, charges: [{ ...owed, amount: 315_000 }] });

    // What exceeds the charge is the customer's; a credit to an account owing nothing says nothing of charges.
    const last = cashDeposit(MARIA, 400_000);
    const [c] = await results([last]);
    expect(c).toMatchObject({ first: { pendingChargesPaid: { amount: 315_000 }, balances: { available: 85_000 } } });
    const [d] = await results([cashDeposit(MARIA, 10_000)]);
    expect(d?.status === 'applied' && d.first.outcome === 'applied' && d.first.pendingChargesPaid).toBe(undefined);
    // Paid: named by the credit that paid its last pesos, for the branch to say which comprobante paid it.
    const reference = c?.status === 'applied' ? c.first.reference : 'none';
    expect((await t.call('pendingCharges', { account: MARIA })).body).toEqual({
      account: MARIA,
      total: 0,
      charges: [],
      // What a credit pays of the charges on an embargoed account depends on it (embargo-pending-charges.test.ts).
      available: 95_000,
      paid: [{ returnKey: ret.key, paidBy: { key: last.key, workstation: last.workstation, occurredAt: last.occurredAt, reference } }],
    });
  });

  it('a transfer into the account names the charge it paid, and its replay says the same', async () => {
    const dep = await clearedAndSpent(0);
    const ret = returned(dep.key, 15_000);
    await results([ret]);
    const transfer: Operation = { ...env(newKey()), type: 'transfer', account: OTHER, payload: { toAccount: MARIA, amount: 500_000, gmf: 0 } };
    const [a] = await results([transfer]);
    expect(a).toMatchObject({
      status: 'applied',
      first: { pendingChargesPaid: { amount: 500_000, charges: [{ returnKey: ret.key, cheques: [{ bankCode: '07', number: '123456' }], amount: 500_000 }] } },
    });
    const [b] = await results([transfer]);
    expect(b).toEqual({ ...a, status: 'duplicate' });
    expect(await balances()).toMatchObject({ available: 0, pendingCharges: 315_000 });
  });

  it('two returned cheques are paid oldest first, each named with what the credit paid of it', async () => {
    await results([withdrawal(MARIA, 2_500_000)]);
    const one = chequeDeposit(100_000, '2025-03-12');
    const two: OpOf<'cheque_deposit'> = { ...chequeDeposit(200_000, '2025-03-12'), payload: { amount: 200_000, cheques: [{ bankCode: '51', number: '999', amount: 200_000 }], releaseOn: '2025-03-12' } };
    await results([one, two]);
    const r1 = returned(one.key, 15_000);
    const r2 = returned(two.key, 15_000);
    await results([r1, r2]);
    expect(await balances()).toMatchObject({ available: 0, pendingCharges: 30_000 });
    const [a] = await results([cashDeposit(MARIA, 20_000)]);
    expect(a).toMatchObject({
      first: {
        pendingChargesPaid: {
          amount: 20_000,
          charges: [
            { returnKey: r1.key, cheques: [{ bankCode: '07', number: '123456' }], amount: 15_000 },
            { returnKey: r2.key, cheques: [{ bankCode: '51', number: '999' }], amount: 5_000 },
          ],
        },
      },
    });
    expect((await t.call('pendingCharges', { account: MARIA })).body).toMatchObject({ total: 10_000, charges: [{ returnKey: r2.key, amount: 10_000 }] });
  });

  it('a cheque that clears later pays it as soon as it is available', async () => {
    const dep = await clearedAndSpent(0);
    await results([chequeDeposit(100_000, '2025-03-12'), returned(dep.key)]);
    expect(await balances()).toEqual({ available: 0, inCanje: 100_000, onHold: 0, pendingCharges: 800_000 });
    t.clock.advance(DAY);
    expect(await balances()).toEqual({ available: 0, inCanje: 0, onHold: 0, pendingCharges: 700_000 });
  });

  it('reversing a deposit that paid the charge owes it again, and takes back only what the customer got', async () => {
    const dep = await clearedAndSpent(0);
    await results([returned(dep.key)]);
    const cash = cashDeposit(MARIA, 1_000_000);
    await results([cash]);
    expect(await balances()).toEqual({ available: 200_000, inCanje: 0, onHold: 0 });
    expect((await results([reversal(cash.key)]))[0]?.status).toBe('applied');
    expect(await balances()).toEqual({ available: 0, inCanje: 0, onHold: 0, pendingCharges: 800_000 });
  });

  it('a return replayed under its key is booked once; another key for the same cheque is refused', async () => {
    const dep = await clearedAndSpent(100_000);
    const ret = returned(dep.key, 15_000);
    const [a] = await results([ret]);
    const [b] = await results([ret]);
    expect(a?.status).toBe('applied');
    expect(b).toEqual({ ...a, status: 'duplicate' });
    expect((await results([returned(dep.key)]))[0]).toMatchObject({ status: 'rejected', first: { reason: 'ALREADY_REVERSED' } });
    expect(await balances()).toEqual({ available: 0, inCanje: 0, onHold: 0, pendingCharges: 715_000 });
  });

  it('other reversals still need the funds: a spent cash deposit cannot be reversed', async () => {
    const cash = cashDeposit(MARIA, 500_000);
    await results([cash, withdrawal(MARIA, 2_800_000)]);
    expect((await results([reversal(cash.key)]))[0]).toMatchObject({ status: 'rejected', first: { reason: 'INSUFFICIENT_FUNDS' } });
    expect(await balances()).toEqual({ available: 200_000, inCanje: 0, onHold: 0 });
  });
});
