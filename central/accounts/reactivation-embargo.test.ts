import { afterEach, beforeEach, expect, it } from 'vitest';
import { BatchResponseSchema } from '../../domain/central-api';
import { toDomainAccount } from '../../domain/central-api/to-domain-account';
import { DEFAULT_RULES } from '../../domain/rules-config/config';
import { withdrawableBalance } from '../../domain/withdrawal/embargo';
import { demoAccounts } from '../demo/seed';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { accountOf, batch, newKey, withdrawal, type OpOf } from '../testing/ops';
import { openCentralDb } from '../store/db';
import { putAccount, withdrawable } from './ledger';

let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral();
});
afterEach(async () => {
  await t.stop();
});

const TODAY = '2025-03-10';
const INACTIVE = '240000000052';
const EMBARGOED = '240000000060';

it('demo dates follow the seeding clock: only a person\'s and a company\'s account are inactive (seed 003 cl. 7.1)', () => {
  const accounts = demoAccounts(TODAY);
  const inactive = [INACTIVE, '240000000136'];
  for (const a of accounts) {
    // Six months before TODAY without customer movement, the regulation's threshold.
    if (inactive.includes(a.number)) expect((a.lastCustomerMovementOn ?? '') < '2024-09-10').toBe(true);
    else expect(a.lastCustomerMovementOn).toBe('2025-03-01');
  }
  expect(accounts.filter((a) => a.state === 'inactiva').map((a) => a.number)).toEqual(inactive);
});

it('central and the branch compute the same withdrawable amount for the embargoed demo account (domain-co §3)', async () => {
  const a = await accountOf(t, EMBARGOED);
  const d = toDomainAccount(a);
  if (!d.ok) throw new Error(d.error.message);
  const branch = withdrawableBalance(d.value, TODAY, DEFAULT_RULES);
  if (!branch.ok) throw new Error(branch.error.message);
  // Child-support order: no inembargable protection, the customer takes only what exceeds the embargo.
  expect(branch.value.withdrawable).toBe(1_200_000);
  expect(withdrawable(a, TODAY)).toBe(branch.value.withdrawable);
  const over = await t.call('authorizeWithdrawal', { key: newKey(), account: EMBARGOED, amount: 1_200_001 });
  // The refusal says how much may be debited, net of the embargo, so the branch can tell the teller.
  expect(over.body).toMatchObject({ status: 'refused', reason: 'EMBARGOED_FUNDS', available: 1_200_000 });
  const exact = await t.call('authorizeWithdrawal', { key: newKey(), account: EMBARGOED, amount: 1_200_000 });
  expect(exact.body).toMatchObject({ status: 'authorized', availableAfter: 1_800_000 });
});

it('a natural person’s ordinary embargo keeps the inembargable amount withdrawable, at central as at the branch (seed 003 cl. 8.5)', () => {
  const base = demoAccounts(TODAY).find((a) => a.number === EMBARGOED);
  if (!base) throw new Error('demo embargoed account missing');
  const ordinary = { ...base, embargo: { alimentos: false, authority: 'Juzgado 12 Civil Municipal de Bogotá', reference: 'OFICIO 1' } };
  // 2024-10 → 2025-09 period: $52.385.725 protected, so a $3.000.000 balance is wholly withdrawable.
  expect(withdrawable(ordinary, TODAY)).toBe(3_000_000);
  // A period without a configured amount: central keeps the embargo out of reach rather than guess.
  expect(withdrawable(ordinary, '2026-11-20')).toBe(1_200_000);
  const juridica = { ...ordinary, owner: 'juridica' as const };
  expect(withdrawable(juridica, TODAY)).toBe(1_200_000);
});

it('the holder’s other savings take their part of the inembargable amount first, at central (domain-co §3)', async () => {
  const base = demoAccounts(TODAY).find((a) => a.number === EMBARGOED);
  if (!base) throw new Error('demo embargoed account missing');
  const ordinary = { ...base, embargo: { alimentos: false, authority: 'Juzgado 12 Civil Municipal de Bogotá', reference: 'OFICIO 1' } };
  const savings = { ...base, number: '240000000999', state: 'activa' as const, embargoAmount: 0, embargo: null, balances: { available: 51_000_000, inCanje: 0, onHold: 0 } };
  // $52.385.725 protected in the period, $51.000.000 of it in the other account: $1.385.725 left here.
  expect(withdrawable(ordinary, TODAY, DEFAULT_RULES, [ordinary, savings])).toBe(1_385_725);
  // Through an authorization: central finds the other account by its holder.
  const sql = openCentralDb(t.dbPath);
  try {
    sql.tx(() => {
      putAccount(sql, ordinary);
      putAccount(sql, savings);
    });
  } finally {
    sql.close();
  }
  const over = await t.call('authorizeWithdrawal', { key: newKey(), account: EMBARGOED, amount: 1_385_726 });
  expect(over.body).toMatchObject({ status: 'refused', reason: 'EMBARGOED_FUNDS' });
  const exact = await t.call('authorizeWithdrawal', { key: newKey(), account: EMBARGOED, amount: 1_385_725 });
  expect(exact.body).toMatchObject({ status: 'authorized' });
});

it('an inactive account takes a debit only with the branch’s reactivation, and becomes active with it', async () => {
  const refused = await t.call('authorizeWithdrawal', { key: newKey(), account: INACTIVE, amount: 50_200 });
  expect(refused.body).toMatchObject({ status: 'refused', reason: 'ACCOUNT_INACTIVE' });
  const hold = await t.call('authorizeWithdrawal', { key: newKey(), account: INACTIVE, amount: 50_200, reactivation: { approvalId: 'apr-1' } });
  expect(hold.body).toMatchObject({ status: 'authorized' });
  const holdId = (hold.body as { hold: { holdId: string } }).hold.holdId;
  // The hold alone does not reactivate: the withdrawal that consumes it does.
  expect((await accountOf(t, INACTIVE)).state).toBe('inactiva');
  const plain = BatchResponseSchema.parse((await batch(t, [withdrawal(INACTIVE, 50_000, { gmf: 200, holdId })])).body).results;
  expect(plain[0]).toMatchObject({ status: 'rejected', first: { reason: 'ACCOUNT_INACTIVE' } });
  const r = BatchResponseSchema.parse((await batch(t, [withdrawal(INACTIVE, 50_000, { gmf: 200, holdId, reactivationApprovalId: 'apr-1' })])).body).results;
  expect(r[0]?.status).toBe('applied');
  const after = await accountOf(t, INACTIVE);
  expect(after.state).toBe('activa');
  expect(after.lastCustomerMovementOn).toBe(TODAY);
  expect(after.balances).toEqual({ available: 299_800, inCanje: 0, onHold: 0 });
});

it('an inactive account reactivated at the office without a debit: active, dated, no balance moved and no customer movement (cl. 7.1)', async () => {
  const before = await accountOf(t, INACTIVE);
  const op = (account: string): OpOf<'account_reactivation'> => ({
    key: newKey(), branch: '001', workstation: '001-01', occurredAt: '2025-03-10T10:00:00-05:00', account,
    type: 'account_reactivation', payload: { reactivation: { approvalId: 'apr-9' }, authorizedBy: 'presencial' },
  });
  const r = BatchResponseSchema.parse((await batch(t, [op(INACTIVE)])).body).results;
  expect(r[0]?.status).toBe('applied');
  const after = await accountOf(t, INACTIVE);
  expect(after).toMatchObject({ state: 'activa', reactivatedOn: TODAY, balances: before.balances, lastCustomerMovementOn: before.lastCustomerMovementOn });
  // Now a plain debit passes central's state check.
  const hold = await t.call('authorizeWithdrawal', { key: newKey(), account: INACTIVE, amount: 50_200 });
  expect(hold.body).toMatchObject({ status: 'authorized' });
  // A blocked account is not unblocked by a reactivation.
  const blocked = BatchResponseSchema.parse((await batch(t, [op('240000000094')])).body).results;
  expect(blocked[0]).toMatchObject({ status: 'rejected', first: { reason: 'ACCOUNT_BLOCKED' } });
  expect((await accountOf(t, '240000000094')).state).toBe('bloqueada');
});

it('a returned cheque reverses the canje credit and charges the returned-cheque fee in the same operation (seed 003 cl. 4.2 h)', async () => {
  const MARIA = '240000000011';
  const cheque = { ...withdrawal(MARIA, 1), type: 'cheque_deposit' as const, payload: { amount: 400_000, cheques: [{ bankCode: '007', number: '123', amount: 400_000 }] } };
  await batch(t, [cheque]);
  expect((await accountOf(t, MARIA)).balances).toEqual({ available: 2_500_000, inCanje: 400_000, onHold: 0 });
  const returned = (reversesKey: string): OpOf<'reversal'> => ({
    key: newKey(), branch: '001', workstation: '001-01', occurredAt: '2025-03-10T10:00:00-05:00', account: MARIA,
    type: 'reversal', payload: { reversesKey, reasonCode: 'CHEQUE_DEVUELTO_FONDOS', fee: 25_000 },
  });
  const r = BatchResponseSchema.parse((await batch(t, [returned(cheque.key)])).body).results;
  expect(r[0]?.status).toBe('applied');
  expect((await accountOf(t, MARIA)).balances).toEqual({ available: 2_475_000, inCanje: 0, onHold: 0 });
  // A fee on anything but a returned cheque is refused.
  const dep = { ...withdrawal(MARIA, 1_000), type: 'cash_deposit' as const, payload: { amount: 1_000 } };
  await batch(t, [dep]);
  const refused = BatchResponseSchema.parse((await batch(t, [returned(dep.key)])).body).results;
  expect(refused[0]).toMatchObject({ status: 'rejected', first: { reason: 'NOT_REVERSIBLE' } });
});
