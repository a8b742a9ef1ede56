import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../domain/contract/accounts';
import { createCentralClient } from '../../sync/central-client';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { startStation, until } from '../../testing/stations';
import { data } from '../../testing/wire-data';

const central = centralProcessForFile();

const ACCOUNT = '240000000029';

describe('the account panel after a pending withdrawal is abandoned', () => {
  it('shows the released funds as soon as the abandonment answers, not at the next sync round', async () => {
    // Central held the funds under the withdrawal's key and its answer never reached this workstation.
    const key = randomUUID();
    const held = await createCentralClient({ url: central.url, token: central.token }).call('authorizeWithdrawal', { key, account: ACCOUNT, amount: 100_400 });
    expect(held).toMatchObject({ ok: true, data: { status: 'authorized' } });
    const s = await startStation(central, '001-03');
    try {
      data(await s.call('session.login', { username: 'cajero1', password: 'Caja.2026' }));
      const lookup = async () => data<AccountView>(await s.call('accounts.lookup', { accountNumber: ACCOUNT })).account.balances;
      // The start-up round brought the hold; the next one is 15 s away.
      const before = await until(async () => {
        const b = await lookup().catch(() => undefined);
        return b && b.onHold === 100_400 ? b : undefined;
      }, 15_000);

      expect(data(await s.call('withdrawal.abandon', { idempotencyKey: key }))).toMatchObject({ released: true });
      expect(await lookup()).toMatchObject({ onHold: 0, available: before.available + 100_400 });
    } finally {
      s.close();
    }
  }, 60_000);
});
