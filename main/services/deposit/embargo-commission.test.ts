import { afterEach, expect, it } from 'vitest';
import { referenceRepo } from '../../store/reference/repo';
import { pullReference } from '../../sync/reference';
import { centralBalances, drainer } from '../comprobante/testing/at-central';
import { CC, world, type World, sharedCentral } from '../comprobante/testing/world';

const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

/** Luz's demo account (central/demo/seed.ts): $ 3.000.000 available, $ 1.800.000 retained for a child-support order. */
const EMBARGOED = '240000000060';

/** A Medellín cheque deposited in Bogotá: remesa al cobro, $ 15.000 commission debited from the account (cl. 3.9). */
const remesaSlip = (cash: Record<string, number> = {}, cashTotal = 0) => ({
  accountNumber: EMBARGOED,
  depositor: { id: CC('900000003') },
  cash,
  cheques: [{ bank: '13', number: '777', drawerAccount: '55544433', amount: 500_000, city: 'Medellín' }],
  declaredTotal: 500_000 + cashTotal,
});

it('cl. 7.2 / 8.5: a remesa whose commission does not fit in what the embargo leaves free is refused before posting; with the cash that covers it, the retention stays whole', async () => {
  w = await world(shared.central);
  const drain = drainer(w);
  // The QA case: $ 1.195.200 withdrawn with its $ 4.781 of GMF leaves $ 19 free of the $ 1.800.000 retained.
  const paid = await w.call('withdrawal.post', { idempotencyKey: crypto.randomUUID(), request: { accountNumber: EMBARGOED, amount: 1_195_200, presenters: [CC('900000003')], payout: { kind: 'efectivo' } } });
  expect(paid, JSON.stringify(paid)).toMatchObject({ ok: true, data: { status: 'posted' } });
  await drain();
  expect(await centralBalances(w, EMBARGOED)).toMatchObject({ available: 1_800_019 });
  // As the sync loop does once central applied the withdrawal: the branch's copy of the account follows.
  expect(await pullReference({ client: w.client, repo: referenceRepo(w.core.db), clock: w.clock })).toMatchObject({ ok: true });

  const refusal =
    'La comisión ($ 15.000) no se puede debitar de lo retenido por embargo ($ 1.800.000, cláusulas 7.2 y 8.5): con el efectivo de esta consignación la cuenta tiene libres $ 19. Para registrarla, el cliente debe consignar además al menos $ 14.981 en efectivo.';
  expect(await w.call('deposit.evaluate', { slip: remesaSlip() })).toMatchObject({ ok: false, error: { code: 'COMMISSION_NOT_COVERED', message: refusal } });
  expect(await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: remesaSlip() })).toMatchObject({ ok: false, error: { code: 'COMMISSION_NOT_COVERED' } });
  expect(w.core.db.prepare("SELECT COUNT(*) FROM outbox WHERE type IN ('cheque_deposit', 'deposit_commission')").pluck().get()).toBe(0);

  // $ 20.000 in cash brings the free part to $ 20.019: the fee comes out of it, the order's money stays.
  const posted = await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: remesaSlip({ '20000': 1 }, 20_000) });
  expect(posted, JSON.stringify(posted)).toMatchObject({ ok: true, data: { status: 'posted' } });
  await drain();
  expect(w.core.db.prepare("SELECT COUNT(*) FROM outbox WHERE state <> 'applied'").pluck().get()).toBe(0);
  expect(await centralBalances(w, EMBARGOED)).toMatchObject({ available: 1_800_019 + 20_000 - 15_000, inCanje: 500_000 });
});
