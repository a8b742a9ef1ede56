import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchResponseSchema, type Operation } from '../../domain/central-api';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { accountOf, batch, newKey, reversal, withdrawal, type OpOf } from '../testing/ops';

// Demo account 240000000011: individual, activa, $2.500.000 available (central/demo/seed.ts). The test clock
// starts on 2025-03-10 10:00 in Bogotá.
const MARIA = '240000000011';
const DAY = 86_400_000;

const env = (key: string) => ({ key, branch: '001', workstation: '001-01', occurredAt: '2025-03-10T10:00:00-05:00' });
const chequeDeposit = (amount: number, releaseOn?: string, key = newKey()): OpOf<'cheque_deposit'> => ({
  ...env(key),
  type: 'cheque_deposit',
  account: MARIA,
  payload: { amount, cheques: [{ bankCode: '07', number: '123456', amount }], ...(releaseOn ? { releaseOn } : {}) },
});
const chequePaid = (depositKey: string, key = newKey(), account = MARIA): OpOf<'cheque_paid'> => ({ ...env(key), type: 'cheque_paid', account, payload: { depositKey } });
const commission = (amount: number, key = newKey()): OpOf<'deposit_commission'> => ({
  ...env(key),
  type: 'deposit_commission',
  account: MARIA,
  payload: { amount, lines: [{ kind: 'otra-ciudad', amount }] },
});

let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral();
});
afterEach(async () => {
  await t.stop();
});

const results = async (ops: Operation[], workstation?: string) => {
  const r = await batch(t, ops, workstation);
  expect(r.status).toBe(200);
  return BatchResponseSchema.parse(r.body).results;
};
const balances = async () => (await accountOf(t, MARIA)).balances;

describe('cheques in canje (seed 003 cl. 3.9)', () => {
  it('keeps a canje cheque out of reach until its clearing date, then makes it available', async () => {
    const dep = chequeDeposit(800_000, '2025-03-12');
    expect((await results([dep]))[0]?.status).toBe('applied');
    expect(await balances()).toMatchObject({ available: 2_500_000, inCanje: 800_000 });
    // The day before clearing, a withdrawal of the cheque's money is refused.
    t.clock.advance(DAY);
    expect((await results([withdrawal(MARIA, 3_000_000)]))[0]).toMatchObject({ first: { reason: 'INSUFFICIENT_FUNDS' } });
    expect(await balances()).toMatchObject({ available: 2_500_000, inCanje: 800_000 });
    // At 00:30 in Bogotá on the clearing date the funds are available.
    t.clock.set(Date.parse('2025-03-12T05:30:00Z'));
    expect(await balances()).toMatchObject({ available: 3_300_000, inCanje: 0 });
    expect((await results([withdrawal(MARIA, 3_000_000)]))[0]?.status).toBe('applied');
  });

  it('keeps a remesa al cobro in canje until the branch says it was paid, once', async () => {
    const dep = chequeDeposit(2_000_000);
    await results([dep]);
    t.clock.advance(60 * DAY);
    expect(await balances()).toMatchObject({ available: 2_500_000, inCanje: 2_000_000 });
    const paid = chequePaid(dep.key);
    expect((await results([paid]))[0]?.status).toBe('applied');
    expect(await balances()).toMatchObject({ available: 4_500_000, inCanje: 0 });
    // A second "paid" under a new key is refused; the replay of the first is a duplicate.
    expect((await results([chequePaid(dep.key)]))[0]).toMatchObject({ status: 'rejected', first: { reason: 'CHEQUE_SETTLED' } });
    expect((await results([paid]))[0]?.status).toBe('duplicate');
    expect(await balances()).toMatchObject({ available: 4_500_000, inCanje: 0 });
  });

  it('refuses a paid notice for a key that is no cheque deposit of that account', async () => {
    const dep = chequeDeposit(100_000);
    await results([dep]);
    expect((await results([chequePaid(newKey())]))[0]).toMatchObject({ first: { reason: 'CHEQUE_NOT_FOUND' } });
    expect((await results([chequePaid(dep.key, newKey(), '240000000052')]))[0]).toMatchObject({ first: { reason: 'CHEQUE_NOT_FOUND' } });
    expect(await balances()).toMatchObject({ available: 2_500_000, inCanje: 100_000 });
  });

  it('a returned cheque leaves canje and is never released afterwards', async () => {
    const dep = chequeDeposit(500_000, '2025-03-12');
    await results([dep]);
    expect((await results([reversal(dep.key)]))[0]?.status).toBe('applied');
    expect(await balances()).toMatchObject({ available: 2_500_000, inCanje: 0 });
    t.clock.advance(5 * DAY);
    expect(await balances()).toMatchObject({ available: 2_500_000, inCanje: 0 });
    expect((await results([chequePaid(dep.key)]))[0]).toMatchObject({ first: { reason: 'CHEQUE_SETTLED' } });
  });

  it('a cheque returned after it cleared is taken back from the available balance', async () => {
    const dep = chequeDeposit(500_000, '2025-03-11');
    await results([dep]);
    t.clock.advance(DAY);
    expect(await balances()).toMatchObject({ available: 3_000_000, inCanje: 0 });
    expect((await results([reversal(dep.key)]))[0]?.status).toBe('applied');
    expect(await balances()).toMatchObject({ available: 2_500_000, inCanje: 0 });
  });

  it('a late return held online first: the reversal and its fee consume the hold, which cannot serve twice', async () => {
    const dep = chequeDeposit(500_000, '2025-03-11');
    await results([dep]);
    t.clock.advance(DAY);
    const h = await t.call('authorizeWithdrawal', { key: newKey(), account: MARIA, amount: 515_000 });
    const holdId = (h.body as { hold: { holdId: string } }).hold.holdId;
    // Meanwhile the customer could only take what the hold left: the returned cheque's money stays reserved.
    expect(await balances()).toEqual({ available: 2_485_000, inCanje: 0, onHold: 515_000 });
    const held = (key = newKey()): Operation => ({ ...env(key), type: 'reversal', account: MARIA, payload: { reversesKey: dep.key, reasonCode: 'CHEQUE_DEVUELTO', fee: 15_000, holdId } });
    expect((await results([held()]))[0]?.status).toBe('applied');
    expect(await balances()).toEqual({ available: 2_485_000, inCanje: 0, onHold: 0 });
    const other = chequeDeposit(100_000, '2025-03-11');
    await results([other]);
    const again: Operation = { ...env(newKey()), type: 'reversal', account: MARIA, payload: { reversesKey: other.key, reasonCode: 'CHEQUE_DEVUELTO', holdId } };
    expect((await results([again]))[0]).toMatchObject({ status: 'rejected', first: { reason: 'HOLD_ALREADY_USED' } });
  });

  it('a reversal naming a hold of another account, or none, is refused and moves nothing', async () => {
    const dep = chequeDeposit(500_000, '2025-03-11');
    await results([dep]);
    t.clock.advance(DAY);
    const h = await t.call('authorizeWithdrawal', { key: newKey(), account: '240000000029', amount: 1_000 });
    const foreign = (h.body as { hold: { holdId: string } }).hold.holdId;
    for (const holdId of [foreign, 'no-such-hold']) {
      const op: Operation = { ...env(newKey()), type: 'reversal', account: MARIA, payload: { reversesKey: dep.key, reasonCode: 'CHEQUE_DEVUELTO', holdId } };
      expect((await results([op]))[0]).toMatchObject({ status: 'rejected', first: { reason: holdId === foreign ? 'HOLD_MISMATCH' : 'HOLD_NOT_FOUND' } });
    }
    expect(await balances()).toEqual({ available: 3_000_000, inCanje: 0, onHold: 0 });
  });
});

describe('deposit commissions (seed 003 cl. 3.8, 4.2 h)', () => {
  it('debits the commission from the available balance; a reversal gives it back', async () => {
    const c = commission(15_000);
    expect((await results([c]))[0]?.status).toBe('applied');
    expect((await balances()).available).toBe(2_485_000);
    expect((await results([reversal(c.key)]))[0]?.status).toBe('applied');
    expect((await balances()).available).toBe(2_500_000);
  });

  it('refuses a commission the available balance does not cover, and charges nothing', async () => {
    expect((await results([commission(2_500_001)]))[0]).toMatchObject({ status: 'rejected', first: { reason: 'INSUFFICIENT_FUNDS' } });
    expect((await balances()).available).toBe(2_500_000);
  });

  it('a returned remesa reverses its credit but not the commission it caused', async () => {
    const dep = chequeDeposit(1_000_000);
    await results([dep, commission(20_000)]);
    await results([reversal(dep.key)]);
    expect(await balances()).toMatchObject({ available: 2_480_000, inCanje: 0 });
  });
});
