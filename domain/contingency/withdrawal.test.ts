import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccountSchema, type Account } from '../accounts/account';
import { decideOfflineWithdrawal, DEFAULT_CONTINGENCY_CAPS, offlineAvailable, type OfflineWithdrawalCase } from './withdrawal';

const account = (over: Partial<Account> = {}): Account =>
  AccountSchema.parse({
    number: '240000000011',
    kind: 'individual',
    owner: 'natural',
    holders: [{ id: { type: 'CC', number: '900000001' }, name: 'MARÍA' }],
    state: 'activa',
    balances: { available: 5_000_000, inCanje: 0, onHold: 0 },
    lastCustomerMovementOn: '2026-02-27',
    openedOn: '2019-06-14',
    city: 'Bogotá D.C.',
    ...over,
  });

const base: OfflineWithdrawalCase = {
  mode: 'contingencia',
  amount: 500_000,
  debit: 502_000,
  account: account(),
  pendingDebits: 0,
  customerToday: 0,
  tillToday: 0,
};
const caps = DEFAULT_CONTINGENCY_CAPS;
const code = (c: Partial<OfflineWithdrawalCase>) => {
  const r = decideOfflineWithdrawal({ ...base, ...c }, caps);
  return r.ok ? 'OK' : r.error.code;
};

describe('offline withdrawal in contingency (issue: offline contingency)', () => {
  it.each([
    ['normal mode refuses any offline withdrawal', { mode: 'normal' as const }, 'CONTINGENCY_NOT_ACTIVE'],
    ['unknown account', { account: undefined }, 'ACCOUNT_UNKNOWN_OFFLINE'],
    ['blocked account', { account: account({ state: 'bloqueada' }) }, 'ACCOUNT_NOT_AVAILABLE_OFFLINE'],
    ['inactive account (seed 003 cl. 7.1)', { account: account({ state: 'inactiva' }) }, 'ACCOUNT_NOT_AVAILABLE_OFFLINE'],
    ['per-transaction cap', { amount: 2_000_001, debit: 2_008_001 }, 'OVER_TRANSACTION_CAP'],
    ['exactly the per-transaction cap', { amount: 2_000_000, debit: 2_008_000 }, 'OK'],
    ['per-customer-per-day cap', { customerToday: 2_600_000 }, 'OVER_CUSTOMER_DAY_CAP'],
    ['per-till cap', { tillToday: 19_600_000 }, 'OVER_TILL_CAP'],
    ['pending local debits count against the last known balance', { pendingDebits: 4_600_000 }, 'INSUFFICIENT_FUNDS_OFFLINE'],
    ['embargoed part is not available (seed 003 cl. 7.2)', { account: account({ state: 'embargada', embargo: { amount: 4_600_000, alimentos: false } }) }, 'INSUFFICIENT_FUNDS_OFFLINE'],
    ['a plain withdrawal within every cap', {}, 'OK'],
  ])('%s', (_name, c, expected) => {
    expect(code(c)).toBe(expected);
  });

  it('never lets the offline debits exceed the last known available balance', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 2_500_000 }), { maxLength: 30 }), fc.integer({ min: 0, max: 10_000_000 }), (amounts, available) => {
        const acc = account({ balances: { available, inCanje: 0, onHold: 0 } });
        let pending = 0;
        let paid = 0;
        for (const amount of amounts) {
          const r = decideOfflineWithdrawal({ ...base, amount, debit: amount, account: acc, pendingDebits: pending, customerToday: paid, tillToday: paid }, caps);
          if (r.ok) {
            pending += amount;
            paid += amount;
          }
        }
        expect(pending).toBeLessThanOrEqual(available);
        expect(paid).toBeLessThanOrEqual(caps.perCustomerPerDay);
        expect(offlineAvailable(acc, pending)).toBe(available - pending);
      }),
    );
  });
});
