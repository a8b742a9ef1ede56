import { afterEach, expect, it } from 'vitest';
import { createCentralClient, type CentralClient } from '../../sync/central-client';
import { CC, DEMO_TOKEN_001_03, world, type World, sharedCentral } from '../comprobante/testing/world';

/**
 * A withdrawal left pending across an upgrade of the workstation: before it, the authorization went to central in
 * the older shape (no `payee`) and its answer was lost; after it, the teller retries (Enter) with the same key and
 * the request's new shape. Central takes it as the same authorization and the withdrawal is paid once.
 */
const shared = sharedCentral();
let w: World | undefined;
afterEach(() => {
  w?.close();
  w = undefined;
});

it('the retry after the upgrade is paid against the hold the older version asked', async () => {
  const real = createCentralClient({ url: shared.central.url, token: DEMO_TOKEN_001_03, timeoutMs: 3000 });
  let upgraded = false;
  const client = {
    call: (async (route: string, r: { payee?: unknown }) => {
      if (route !== 'authorizeWithdrawal' || upgraded) return real.call(route as 'health', r as never);
      // The older version: no payee in the request, and the answer never reached the workstation.
      const { payee: _payee, ...older } = r;
      await real.call('authorizeWithdrawal', older as never);
      return { ok: false, kind: 'network', error: { code: 'NETWORK', message: 'sin respuesta' } };
    }) as CentralClient['call'],
  };
  w = await world(shared.central, { client });
  const key = crypto.randomUUID();
  const request = { accountNumber: '240000000029', amount: 300_000, presenters: [CC('900000002')], payout: { kind: 'efectivo' as const } };
  expect(await w.call('withdrawal.post', { idempotencyKey: key, request })).toMatchObject({ ok: true, data: { status: 'pendiente' } });
  upgraded = true;
  expect(await w.call('withdrawal.post', { idempotencyKey: key, request })).toMatchObject({ ok: true, data: { status: 'posted' } });
  // One hold, the one the older version asked: the debit names it.
  const body = JSON.parse(w.core.db.prepare("SELECT body FROM outbox WHERE type = 'withdrawal'").pluck().get() as string) as { payload: { holdId?: string } };
  const held = await real.call('getHold', { holdId: body.payload.holdId ?? '' });
  expect(held).toMatchObject({ ok: true, data: { hold: { account: '240000000029', state: 'active' } } });
}, 60_000);
