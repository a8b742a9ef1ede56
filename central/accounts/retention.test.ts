import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Account, BatchResponseSchema, type Operation } from '../../domain/central-api';
import { demoAccounts } from '../demo/seed';
import { openCentralDb } from '../store/db';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { accountOf, batch, cashDeposit, newKey, type OpOf, withdrawal } from '../testing/ops';
import { putAccount } from './ledger';

// An ordinary (not alimentos) order on a natural person's savings, in the 1-Oct-2025 → 30-Sep-2026 period whose
// inembargable amount is $ 55.099.308 (domain-co §3).
const EMBARGOED = '240000000060';
const OCT_15 = Date.parse('2025-10-15T15:00:00.000Z');

let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral();
  t.clock.set(OCT_15);
});
afterEach(async () => {
  await t.stop();
});

/** Puts the demo embargoed account under an ordinary order of `amount` with `available`, straight into central's file. */
const ordinary = (available: number, amount: number): Account => {
  const base = demoAccounts('2025-10-15').find((a) => a.number === EMBARGOED);
  if (!base) throw new Error('demo embargoed account missing');
  const a: Account = { ...base, embargoAmount: amount, embargo: { alimentos: false, authority: 'Juzgado 3 Civil Municipal de Bogotá', reference: 'OFICIO 2025-77' }, balances: { available, inCanje: 0, onHold: 0 } };
  const sql = openCentralDb(t.dbPath);
  try {
    sql.tx(() => putAccount(sql, a));
  } finally {
    sql.close();
  }
  return a;
};

const DAY = 86_400_000;
const env = () => ({ key: newKey(), branch: '001', workstation: '001-01', occurredAt: '2025-10-15T10:00:00-05:00' });
const chequeDeposit = (amount: number): OpOf<'cheque_deposit'> => ({
  ...env(), type: 'cheque_deposit', account: EMBARGOED, payload: { amount, cheques: [{ bankCode: '07', number: '123456', amount }], releaseOn: '2025-10-16' },
});
const returned = (depositKey: string, fee: number): Operation => ({ ...env(), type: 'reversal', account: EMBARGOED, payload: { reversesKey: depositKey, reasonCode: 'CHEQUE_DEVUELTO_2', fee } });

const results = async (ops: Operation[]) => {
  const r = await batch(t, ops);
  expect(r.status).toBe(200);
  return BatchResponseSchema.parse(r.body).results;
};

describe('central keeps what an embargo retained (seed 003 cl. 7.2 and 8.5, domain-co §3)', () => {
  it('cl. 8.5: $ 70.000.000 under a $ 10.000.000 order: $ 60.000.000 go out, the $ 10.000.000 left are refused EMBARGOED_FUNDS', async () => {
    ordinary(70_000_000, 10_000_000);
    // Computed once from the balance when first read: the account was embargoed before central kept the retention.
    expect((await accountOf(t, EMBARGOED)).balances).toEqual({ available: 70_000_000, inCanje: 0, onHold: 0, embargoRetained: 10_000_000 });
    const [first] = await results([withdrawal(EMBARGOED, 60_000_000)]);
    expect(first).toMatchObject({ status: 'applied', first: { balances: { available: 10_000_000, embargoRetained: 10_000_000 } } });
    // All of the $ 10.000.000 is within the inembargable amount now, yet it was retained when it was not.
    const [second] = await results([withdrawal(EMBARGOED, 10_000_000)]);
    expect(second).toMatchObject({ status: 'rejected', first: { reason: 'EMBARGOED_FUNDS' } });
    const [one] = await results([withdrawal(EMBARGOED, 1)]);
    expect(one).toMatchObject({ status: 'rejected', first: { reason: 'EMBARGOED_FUNDS' } });
    // The online authorization says the same, and how much may be debited.
    const hold = await t.call('authorizeWithdrawal', { key: newKey(), account: EMBARGOED, amount: 1 });
    expect(hold.body).toMatchObject({ status: 'refused', reason: 'EMBARGOED_FUNDS', available: 0 });
    // Nor may the bank's deposit commission take it.
    const commission: Operation = {
      key: newKey(), branch: '001', workstation: '001-01', occurredAt: '2025-10-15T10:00:00-05:00', type: 'deposit_commission', account: EMBARGOED,
      payload: { amount: 5_000, lines: [{ kind: 'otra-ciudad', amount: 5_000 }] },
    };
    const [fee] = await results([commission]);
    expect(fee).toMatchObject({ status: 'rejected', first: { reason: 'EMBARGOED_FUNDS' } });
    expect((await accountOf(t, EMBARGOED)).balances).toEqual({ available: 10_000_000, inCanje: 0, onHold: 0, embargoRetained: 10_000_000 });
  });

  it('cl. 7.2: money arriving later is retained until the order is covered, and stays retained', async () => {
    ordinary(50_000_000, 10_000_000);
    expect((await accountOf(t, EMBARGOED)).balances.embargoRetained).toBe(0);
    // $ 8.000.000 in: $ 2.900.692 of the $ 58.000.000 exceed the inembargable amount.
    const [dep] = await results([cashDeposit(EMBARGOED, 8_000_000)]);
    expect(dep).toMatchObject({ status: 'applied', first: { balances: { available: 58_000_000, embargoRetained: 2_900_692 } } });
    const [out] = await results([withdrawal(EMBARGOED, 55_099_308)]);
    expect(out).toMatchObject({ status: 'applied', first: { balances: { available: 2_900_692, embargoRetained: 2_900_692 } } });
    // Everything now is under the inembargable amount; nothing more is retained, nothing of the retained goes out.
    const [more] = await results([cashDeposit(EMBARGOED, 1_000_000)]);
    expect(more).toMatchObject({ status: 'applied', first: { balances: { available: 3_900_692, embargoRetained: 2_900_692 } } });
    expect((await results([withdrawal(EMBARGOED, 1_000_001)]))[0]).toMatchObject({ status: 'rejected', first: { reason: 'EMBARGOED_FUNDS' } });
    expect((await results([withdrawal(EMBARGOED, 1_000_000)]))[0]).toMatchObject({ status: 'applied' });
  });

  it('a held authorization lapsing brings its money back without releasing the retention', async () => {
    ordinary(70_000_000, 10_000_000);
    const hold = await t.call('authorizeWithdrawal', { key: newKey(), account: EMBARGOED, amount: 60_000_000 });
    expect(hold.body).toMatchObject({ status: 'authorized', availableAfter: 10_000_000 });
    const [out] = await results([withdrawal(EMBARGOED, 10_000_000)]);
    expect(out).toMatchObject({ status: 'rejected', first: { reason: 'EMBARGOED_FUNDS' } });
  });

  it('a returned cheque takes back the retention its clearing brought, with its fee out of what charges may take', async () => {
    ordinary(50_000_000, 10_000_000);
    const dep = chequeDeposit(8_000_000);
    await results([dep]);
    t.clock.advance(DAY);
    expect((await accountOf(t, EMBARGOED)).balances).toEqual({ available: 58_000_000, inCanje: 0, onHold: 0, embargoRetained: 2_900_692 });
    expect((await results([returned(dep.key, 30_000)]))[0]?.status).toBe('applied');
    // As if the cheque never came: the protected $ 50.000.000 are not retained, and the protection pays the fee.
    expect((await accountOf(t, EMBARGOED)).balances).toEqual({ available: 49_970_000, inCanje: 0, onHold: 0, embargoRetained: 0 });
  });

  it('a returned cheque never takes what the order retained before it: the cheque and its fee are owed instead', async () => {
    ordinary(70_000_000, 10_000_000);
    const dep = chequeDeposit(5_000_000);
    await results([dep]);
    t.clock.advance(DAY);
    expect((await results([withdrawal(EMBARGOED, 65_000_000)]))[0]?.status).toBe('applied');
    const [r] = await results([returned(dep.key, 30_000)]);
    expect(r).toMatchObject({ status: 'applied', first: { charge: { debited: 0, pending: 5_030_000 } } });
    expect((await accountOf(t, EMBARGOED)).balances).toEqual({ available: 10_000_000, inCanje: 0, onHold: 0, pendingCharges: 5_030_000, embargoRetained: 10_000_000 });
  });

  it('a deposit reversed in error releases the retention it brought', async () => {
    ordinary(50_000_000, 10_000_000);
    const dep = cashDeposit(EMBARGOED, 8_000_000);
    await results([dep]);
    const undo: Operation = { ...env(), type: 'reversal', payload: { reversesKey: dep.key, reasonCode: 'ERROR_DIGITACION' } };
    expect((await results([undo]))[0]?.status).toBe('applied');
    expect((await accountOf(t, EMBARGOED)).balances).toEqual({ available: 50_000_000, inCanje: 0, onHold: 0, embargoRetained: 0 });
  });

  it('a deposit that brought no retention, reversed in error, may not take what the order kept', async () => {
    // $ 70.000.000 retain the whole order; a deposit after it brings none of it.
    ordinary(70_000_000, 10_000_000);
    expect((await accountOf(t, EMBARGOED)).balances.embargoRetained).toBe(10_000_000);
    const late = cashDeposit(EMBARGOED, 1_000_000);
    await results([late]);
    expect((await results([withdrawal(EMBARGOED, 61_000_000)]))[0]?.status).toBe('applied');
    const undoLate: Operation = { ...env(), type: 'reversal', payload: { reversesKey: late.key, reasonCode: 'ERROR_DIGITACION' } };
    expect((await results([undoLate]))[0]).toMatchObject({ status: 'rejected', first: { reason: 'EMBARGOED_FUNDS' } });
  });

  it('lifting the order releases the retention', async () => {
    const a = ordinary(70_000_000, 10_000_000);
    expect((await results([withdrawal(EMBARGOED, 60_000_000)]))[0]?.status).toBe('applied');
    const sql = openCentralDb(t.dbPath);
    try {
      sql.tx(() => putAccount(sql, { ...a, state: 'activa', embargoAmount: 0, embargo: null, balances: { available: 10_000_000, inCanje: 0, onHold: 0 } }));
    } finally {
      sql.close();
    }
    expect((await accountOf(t, EMBARGOED)).balances).toEqual({ available: 10_000_000, inCanje: 0, onHold: 0 });
    expect((await results([withdrawal(EMBARGOED, 10_000_000)]))[0]?.status).toBe('applied');
  });
});
