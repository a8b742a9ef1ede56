import type { Account, CentralReqInput, Operation } from '../../domain/central-api';
import type { TestCentral } from './harness';

/** Builders for branch operations in tests. Keys are valid v4-shaped UUIDs derived from a counter. */
let counter = 0;
export const newKey = (): string => `aaaaaaaa-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

const env = (key: string, workstation = '001-01') => ({ key, branch: '001', workstation, occurredAt: '2025-03-10T10:00:00-05:00' });

/** A teller's visación request as the counter relays it to central's approval queue. */
export const visacionRequest = (id = newKey()) => ({
  id,
  branch: '001',
  workstation: '001-01',
  makerId: 'cajero1',
  kind: 'withdrawal_visacion' as const,
  summary: 'Retiro en efectivo por encima del tope de la caja',
  amount: 12_000_000,
});

export type OpOf<T extends Operation['type']> = Extract<Operation, { type: T }>;
export const cashDeposit = (account: string, amount: number, key = newKey()): OpOf<'cash_deposit'> => ({ ...env(key), type: 'cash_deposit', account, payload: { amount } });
export const withdrawal = (account: string, amount: number, opts: { gmf?: number; holdId?: string; holdKey?: string; key?: string; reactivationApprovalId?: string } = {}): OpOf<'withdrawal'> => ({
  ...env(opts.key ?? newKey()),
  type: 'withdrawal',
  account,
  payload: {
    amount,
    gmf: opts.gmf ?? 0,
    ...(opts.holdId ? { holdId: opts.holdId } : {}),
    ...(opts.holdKey ? { holdKey: opts.holdKey } : {}),
    ...(opts.reactivationApprovalId ? { reactivation: { approvalId: opts.reactivationApprovalId } } : {}),
  },
});
/** A cheque as the teller types it at the counter; its amount is the deposit's. */
export type DepositedCheque = Omit<OpOf<'cheque_deposit'>['payload']['cheques'][number], 'amount'>;
/**
 * One $ 800.000 cheque deposited into `account` at `workstation`. `route`: `releaseOn` for a same-city cheque
 * (canje), none (optionally `expectedOn`) for a remesa al cobro; `sequence`: the comprobante that received it.
 */
export const oneChequeDeposit = (
  account: string,
  workstation: string,
  cheque: DepositedCheque,
  route: Pick<OpOf<'cheque_deposit'>['payload'], 'releaseOn' | 'expectedOn' | 'sequence'> = {},
): OpOf<'cheque_deposit'> => ({
  ...env(newKey(), workstation),
  type: 'cheque_deposit',
  account,
  payload: { amount: 800_000, cheques: [{ ...cheque, amount: 800_000 }], ...route },
});
/** An opening of $ 2.000.000 (100.000 × 20) with no close before it. */
export const tillOpen = (key = newKey(), workstation = '001-01'): Operation => ({
  ...env(key, workstation),
  type: 'till_open',
  payload: { tellerId: 'cajero1', amount: 2_000_000, tillCode: workstation.slice(4), tillSessionId: `till-${key}`, businessDate: env(key).occurredAt.slice(0, 10), count: { '100000': 20 }, carriedFrom: null, difference: null, approvalId: null },
});
export const reversal = (reversesKey: string, key = newKey()): Operation => ({ ...env(key), type: 'reversal', payload: { reversesKey, reasonCode: 'ERROR_DIGITACION' } });

export const batch = (t: TestCentral, operations: Operation[], workstation?: string) =>
  t.call('postOperations', { operations } as CentralReqInput<'postOperations'>, workstation);

/** Current account as central publishes it (reference data from cursor 0: each entity at its latest version). */
export const accountOf = async (t: TestCentral, number: string): Promise<Account> => {
  const r = await t.call('reference', { cursor: 0, limit: 500 });
  const body = r.body as { changes: { entity: string; account?: Account }[] };
  const found = body.changes.find((c) => c.entity === 'account' && c.account?.number === number)?.account;
  if (!found) throw new Error(`account ${number} not in reference data`);
  return found;
};
