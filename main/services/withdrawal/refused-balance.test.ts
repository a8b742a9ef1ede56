import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Operation } from '../../../domain/central-api';
import type { AccountView } from '../../../domain/contract/accounts';
import { createCentralClient } from '../../sync/central-client';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { startStation, steeredClient, until, type Station } from '../../testing/stations';
import { data } from '../../testing/wire-data';

/**
 * Another workstation debits the account between this one's lookup and its posting: central refuses the debit for
 * funds, and the teller must retry with central's figure, not the one the screen read before. Staged at the exact
 * call (the debit lands right before this workstation's authorization reaches central), not hoped for with timing.
 */
const central = centralProcessForFile();

const CC = (number: string) => ({ type: 'CC' as const, number });

/** A station whose first debit authorization is preceded, at central, by `debit` posted as workstation 001-01. */
const stationRacedBy = async (debit: { account: string; amount: number }) => {
  const other = createCentralClient({ url: central.url, token: central.proc.tokens.get('001-01') ?? '' });
  let raced = false;
  const { client } = steeredClient(central, '001-03', async (route, _req, call) => {
    if (route === 'authorizeWithdrawal' && !raced) {
      raced = true;
      const op = { key: randomUUID(), branch: '001', workstation: '001-01', occurredAt: new Date().toISOString(), type: 'withdrawal', account: debit.account, payload: { amount: debit.amount, gmf: 0 } } as Operation;
      const r = await other.call('postOperations', { operations: [op] });
      if (!r.ok || r.data.results[0]?.status !== 'applied') throw new Error(`the other workstation's debit was not applied: ${JSON.stringify(r)}`);
    }
    return call();
  });
  const s = await startStation(central, '001-03', true, {}, client);
  data(await s.call('session.login', { username: 'cajero1', password: 'Caja.2026' }));
  data(await s.call('till.open', { idempotencyKey: randomUUID(), count: { '50000': 40 }, declaredTotal: 2_000_000 }));
  return s;
};

const available = async (s: Station, account: string) => data<AccountView>(await s.call('accounts.lookup', { accountNumber: account })).account.balances.available;

describe('central refuses a debit for funds another workstation took', () => {
  it('a withdrawal: the refusal says what is available now, and the account reads it at once', async () => {
    const JUAN = '240000000029';
    const s = await stationRacedBy({ account: JUAN, amount: 15_000_000 });
    try {
      // What the teller reads before the customer asks: the start-up round's figure.
      expect(await until(async () => (await s.call('accounts.lookup', { accountNumber: JUAN })).ok)).toBe(true);
      expect(await available(s, JUAN)).toBe(15_800_000);
      const r = await s.call('withdrawal.post', { idempotencyKey: randomUUID(), request: { accountNumber: JUAN, amount: 1_000_000, presenters: [CC('900000002')], payout: { kind: 'efectivo' } } });
      expect(r).toMatchObject({ ok: false, error: { code: 'CENTRAL_REFUSED', details: { code: 'INSUFFICIENT_FUNDS', available: 800_000 } } });
      expect(r.ok ? '' : r.error.message).toBe('Central rechazó el retiro: fondos insuficientes. Disponible ahora: $ 800.000. No entregue el efectivo.');
      // Read again right after the refusal, with no sync round in between: central's figure, not the stale one.
      expect(await available(s, JUAN)).toBe(800_000);
    } finally {
      s.close();
    }
  }, 60_000);

  it('a transfer: the same, in the transfer’s words', async () => {
    const MARIA = '240000000011';
    const s = await stationRacedBy({ account: MARIA, amount: 2_400_000 });
    try {
      expect(await until(async () => (await s.call('accounts.lookup', { accountNumber: MARIA })).ok)).toBe(true);
      expect(await available(s, MARIA)).toBe(2_500_000);
      const r = await s.call('transfer.post', { idempotencyKey: randomUUID(), request: { fromAccountNumber: MARIA, toAccountNumber: '240000000029', amount: 500_000, presenters: [CC('900000001')] } });
      expect(r.ok ? '' : r.error.message).toBe('Central rechazó el traslado: fondos insuficientes. Disponible ahora: $ 100.000. El traslado no se registró.');
      expect(await available(s, MARIA)).toBe(100_000);
    } finally {
      s.close();
    }
  }, 60_000);
});
