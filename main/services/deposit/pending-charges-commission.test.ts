import { afterEach, expect, it } from 'vitest';
import { referenceRepo } from '../../store/reference/repo';
import { pullReference } from '../../sync/reference';
import { centralBalances, drainer, leaveReturnedChequeCharge } from '../comprobante/testing/at-central';
import { CC, world, type World, sharedCentral } from '../comprobante/testing/world';

const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

// Demo account of Andrés (central/demo/seed.ts): individual, activa, $ 1.500.000 available; only this file's central touches it here.
const ACCOUNT = '240000000128';
const LUIS = { id: CC('79123456'), name: 'Luis Gómez' };
const count = (sql: string) => w.core.db.prepare(sql).pluck().get();

/** As in pending-charges.test.ts: a $ 400.000 cheque cleared, the balance withdrawn, the cheque returned with its fee: $ 415.000 owed. */
const leaveCharge = async () => {
  const back = await leaveReturnedChequeCharge(w, { account: ACCOUNT, depositor: LUIS, number: '5550001', drawerAccount: '31313131', amount: 400_000 });
  expect(back).toMatchObject({ ok: true, data: { cheque: { returnPending: 415_000 } } });
};

/** $ `cash` in $ 10.000 bills and a Medellín cheque of $ 500.000: remesa al cobro, $ 15.000 commission (cl. 3.9). */
const remesaSlip = (cash: number) => ({
  accountNumber: ACCOUNT,
  depositor: LUIS,
  cash: { '10000': cash / 10_000 },
  cheques: [{ bank: '13', number: '778', drawerAccount: '55544434', amount: 500_000, city: 'Medellín' }],
  declaredTotal: cash + 500_000,
});

it('the commission of a deposit to an account owing a returned cheque is checked after the charge is paid, as central applies it: refused at the counter with what covers it, never rejected later', async () => {
  w = await world(shared.central);
  await leaveCharge();
  // As the sync loop does: the branch's copy of the account says $ 0 available and $ 415.000 owed.
  expect(await pullReference({ client: w.client, repo: referenceRepo(w.core.db), clock: w.clock })).toMatchObject({ ok: true });
  const queued = count('SELECT COUNT(*) FROM outbox');

  // $ 420.000 pays the $ 415.000 first: $ 5.000 is left for a $ 15.000 fee, which central would refuse.
  const refusal =
    'La comisión ($ 15.000) no alcanza: la cuenta tiene cargos pendientes por $ 415.000 (cheque devuelto N° 5550001) que esta consignación paga primero, y con lo que queda la cuenta tiene libres $ 5.000. Para registrarla, el cliente debe consignar además al menos $ 10.000 en efectivo.';
  expect(await w.call('deposit.evaluate', { slip: remesaSlip(420_000) })).toMatchObject({ ok: false, error: { code: 'COMMISSION_NOT_COVERED', message: refusal } });
  expect(await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: remesaSlip(420_000) })).toMatchObject({ ok: false, error: { code: 'COMMISSION_NOT_COVERED' } });
  expect(count('SELECT COUNT(*) FROM outbox')).toBe(queued);

  // With the $ 10.000 more it asked for, central pays the charge, then the fee, and rejects nothing.
  const posted = await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: remesaSlip(430_000) });
  expect(posted, JSON.stringify(posted)).toMatchObject({ ok: true, data: { status: 'posted' } });
  await drainer(w)();
  expect(count("SELECT COUNT(*) FROM outbox WHERE state <> 'applied'")).toBe(0);
  expect(count("SELECT COUNT(*) FROM outbox WHERE type = 'deposit_commission' AND state = 'applied'")).toBe(1);
  expect(await centralBalances(w, ACCOUNT)).toEqual({ available: 0, inCanje: 500_000, onHold: 0 });
});
