import { afterEach, expect, it } from 'vitest';
import { referenceRepo } from '../../store/reference/repo';
import { pullReference } from '../../sync/reference';
import { centralBalances, drainer } from '../comprobante/testing/at-central';
import { CC, TODAY_UTC, world, type World, sharedCentral } from '../comprobante/testing/world';

const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

/** Luz's demo account (central/demo/seed.ts): $ 3.000.000 available, $ 1.800.000 retained for a child-support order. */
const EMBARGOED = '240000000060';

const request = (amount: number) => ({ accountNumber: EMBARGOED, amount, presenters: [CC('900000003')], payout: { kind: 'efectivo' } });

it('seed 003 cl. 7.2, 8.5: the retention central keeps reaches the teller, who refuses a second withdrawal naming the retained amount', async () => {
  w = await world(shared.central);
  const drain = drainer(w);
  // All that the order leaves free goes out: $ 1.195.200 and its $ 4.781 of GMF.
  const paid = await w.call('withdrawal.post', { idempotencyKey: crypto.randomUUID(), request: request(1_195_200) });
  expect(paid, JSON.stringify(paid)).toMatchObject({ ok: true, data: { status: 'posted' } });
  await drain();
  // Central kept the $ 1.800.000 it retained, and says so in the account it publishes.
  expect(await centralBalances(w, EMBARGOED)).toEqual({ available: 1_800_019, inCanje: 0, onHold: 0, embargoRetained: 1_800_000 });
  expect(await pullReference({ client: w.client, repo: referenceRepo(w.core.db), clock: w.clock })).toMatchObject({ ok: true });

  // The same account under an ordinary order, as central publishes it after the same withdrawal: the $ 1.800.019 left
  // are all within the inembargable amount of the period, yet the $ 1.800.000 were retained when they were not.
  const repo = referenceRepo(w.core.db);
  const a = repo.getCentralAccount(EMBARGOED);
  if (!a) throw new Error('demo embargoed account missing');
  repo.applyChanges([{ entity: 'account', version: 1_000_001, account: { ...a, embargo: { alimentos: false, authority: 'Juzgado 3 Civil Municipal de Bogotá', reference: 'OFICIO 2025-77' } } }], repo.cursor(), TODAY_UTC);

  const looked = await w.call('accounts.lookup', { accountNumber: EMBARGOED });
  expect(looked).toMatchObject({ ok: true, data: { withdrawable: 19, embargoRetained: 1_800_000 } });
  const refused = await w.call('withdrawal.evaluate', { request: request(1_000_000) });
  expect(refused).toMatchObject({
    ok: false,
    error: {
      code: 'INSUFFICIENT_FUNDS',
      message: 'Saldo insuficiente: el retiro con sus cargos suma $ 1.004.000 y se puede disponer de $ 19 (saldo $ 1.800.019 menos $ 1.800.000 retenidos por embargo). Puede retirar hasta $ 19 ($ 0 en efectivo).',
    },
  });
});
