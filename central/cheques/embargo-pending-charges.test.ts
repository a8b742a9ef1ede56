import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchResponseSchema, type Operation } from '../../domain/central-api';
import { demoAccounts } from '../demo/seed';
import { putAccount } from '../accounts/ledger';
import { openCentralDb } from '../store/db';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { accountOf, batch, cashDeposit, newKey, withdrawal, type OpOf } from '../testing/ops';

// Demo account 240000000060: Luz's savings, embargada by a child-support order of $1.800.000 (no inembargable
// amount protects it), $3.000.000 available. The test clock starts on 2025-03-10 10:00 in Bogotá, in the period
// whose inembargable amount is $52.385.725.
const EMBARGOED = '240000000060';
const TODAY = '2025-03-10';
const DAY = 86_400_000;

const env = (key: string) => ({ key, branch: '001', workstation: '001-01', occurredAt: '2025-03-10T10:00:00-05:00' });
const chequeDeposit = (amount: number, releaseOn: string): OpOf<'cheque_deposit'> => ({
  ...env(newKey()),
  type: 'cheque_deposit',
  account: EMBARGOED,
  payload: { amount, cheques: [{ bankCode: '07', number: '123456', amount }], releaseOn },
});
const returned = (depositKey: string, fee: number): Operation => ({
  ...env(newKey()),
  type: 'reversal',
  account: EMBARGOED,
  payload: { reversesKey: depositKey, reasonCode: 'CHEQUE_DEVUELTO_2', fee },
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
const balances = async () => (await accountOf(t, EMBARGOED)).balances;

describe('an embargoed account owing a returned cheque (seed 003 cl. 8.5, domain-co §3)', () => {
  /**
   * A $3.000.000 cheque that cleared, all that the embargo left free withdrawn, then the cheque returned with its fee:
   * the $1.800.000 the order retained (before the cheque came) stay the court's, so all $3.015.000 are owed.
   */
  const owing = async () => {
    const dep = chequeDeposit(3_000_000, '2025-03-11');
    await results([dep]);
    t.clock.advance(DAY);
    expect((await results([withdrawal(EMBARGOED, 4_200_000)]))[0]?.status).toBe('applied');
    expect((await results([returned(dep.key, 15_000)]))[0]?.status).toBe('applied');
    expect(await balances()).toEqual({ available: 1_800_000, inCanje: 0, onHold: 0, pendingCharges: 3_015_000, embargoRetained: 1_800_000 });
  };

  it('a cash deposit pays the charge only with what the embargo leaves free: the retained money stays for the court', async () => {
    await owing();
    // The order is covered by the $1.800.000 kept: the $500.000 coming in are free, and pay the charge.
    const [a] = await results([cashDeposit(EMBARGOED, 500_000)]);
    expect(a).toMatchObject({ status: 'applied', first: { pendingChargesPaid: { amount: 500_000 }, balances: { available: 1_800_000, pendingCharges: 2_515_000 } } });
    // $2.000.000 more: all free, all to the charge; the retained $1.800.000 never pay it.
    const [b] = await results([cashDeposit(EMBARGOED, 2_000_000)]);
    expect(b).toMatchObject({ status: 'applied', first: { pendingChargesPaid: { amount: 2_000_000 }, balances: { available: 1_800_000, pendingCharges: 515_000 } } });
    expect(await balances()).toEqual({ available: 1_800_000, inCanje: 0, onHold: 0, pendingCharges: 515_000, embargoRetained: 1_800_000 });
  });

  it('a cheque that clears pays it only with what the embargo leaves free, and a later read takes nothing more', async () => {
    await owing();
    await results([cashDeposit(EMBARGOED, 1_500_000), chequeDeposit(800_000, '2025-03-12')]);
    expect(await balances()).toEqual({ available: 1_800_000, inCanje: 800_000, onHold: 0, pendingCharges: 1_515_000, embargoRetained: 1_800_000 });
    t.clock.advance(DAY);
    // Cleared: $2.600.000 available, $800.000 of it free, which pays the charge.
    expect(await balances()).toEqual({ available: 1_800_000, inCanje: 0, onHold: 0, pendingCharges: 715_000, embargoRetained: 1_800_000 });
    t.clock.advance(DAY);
    expect(await balances()).toEqual({ available: 1_800_000, inCanje: 0, onHold: 0, pendingCharges: 715_000, embargoRetained: 1_800_000 });
  });

  it('an ordinary embargo: the charge never takes what the order retains, however often central settles the account', async () => {
    const base = demoAccounts(TODAY).find((a) => a.number === EMBARGOED);
    if (!base) throw new Error('demo embargoed account missing');
    // $70.000.000: $52.385.725 inembargable, the whole $10.000.000 of the order retained, $7.614.275 beyond both.
    const ordinary = { ...base, embargoAmount: 10_000_000, embargo: { alimentos: false, authority: 'Juzgado 12 Civil Municipal de Bogotá', reference: 'OFICIO 1' }, balances: { available: 70_000_000, inCanje: 0, onHold: 0 } };
    const sql = openCentralDb(t.dbPath);
    try {
      sql.tx(() => {
        putAccount(sql, ordinary);
        sql.run('UPDATE accounts SET pending_charges = ? WHERE number = ?', 100_000_000, EMBARGOED);
      });
    } finally {
      sql.close();
    }
    // Paying with the inembargable amount would leave less than the order in the account, and the next settle would
    // find it under the inembargable amount and take it too.
    expect(await balances()).toEqual({ available: 62_385_725, inCanje: 0, onHold: 0, pendingCharges: 92_385_725, embargoRetained: 10_000_000 });
    expect(await balances()).toEqual({ available: 62_385_725, inCanje: 0, onHold: 0, pendingCharges: 92_385_725, embargoRetained: 10_000_000 });
    // A credit pays with what lifts the balance above both.
    const [a] = await results([cashDeposit(EMBARGOED, 1_000_000)]);
    expect(a).toMatchObject({ status: 'applied', first: { pendingChargesPaid: { amount: 1_000_000 }, balances: { available: 62_385_725, pendingCharges: 91_385_725 } } });
  });
});
