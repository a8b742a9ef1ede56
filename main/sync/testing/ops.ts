import type { Operation } from '../../../domain/central-api';

/**
 * Builders for branch operations in sync tests and the bench. Keys are v4-shaped UUIDs derived from a counter
 * and a prefix, so runs in parallel processes never collide.
 */
export const keyFor = (prefix: number, n: number): string =>
  `${(prefix >>> 0).toString(16).padStart(8, '0').slice(-8)}-0000-4000-8000-${String(n).padStart(12, '0')}`;

const env = (key: string, workstation = '001-03') => ({ key, branch: '001', workstation, occurredAt: '2026-03-02T09:00:00-05:00' });

export type OpOf<T extends Operation['type']> = Extract<Operation, { type: T }>;
export const cashDeposit = (key: string, account: string, amount: number): OpOf<'cash_deposit'> => ({ ...env(key), type: 'cash_deposit', account, payload: { amount } });
export const withdrawal = (key: string, account: string, amount: number, gmf = 0): OpOf<'withdrawal'> => ({
  ...env(key),
  type: 'withdrawal',
  account,
  payload: { amount, gmf },
});
export const transfer = (key: string, account: string, toAccount: string, amount: number): OpOf<'transfer'> => ({
  ...env(key),
  type: 'transfer',
  account,
  payload: { amount, gmf: 0, toAccount },
});
/** An opening of $ 2.000.000 (100.000 × 20) with no close before it. */
export const tillOpen = (key: string): Operation => ({
  ...env(key),
  type: 'till_open',
  payload: { tellerId: 'cajero1', amount: 2_000_000, tillCode: '03', tillSessionId: `till-${key}`, businessDate: env(key).occurredAt.slice(0, 10), count: { '100000': 20 }, carriedFrom: null, difference: null, approvalId: null },
});

/** Demo accounts (central/demo/seed.ts) that accept both credits and debits. */
export const ACTIVE_ACCOUNTS = ['240000000011', '240000000029', '240000000037', '240000000045', '240000000078'] as const;
