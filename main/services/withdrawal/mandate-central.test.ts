import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import type { HoldRequest } from '../../../domain/central-api';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { startStation, steeredClient, until, type Station } from '../../testing/stations';
import { data } from '../../testing/wire-data';

/**
 * Seed 003 cl. 2.1 and 3.5 when the workstation's copy of the account is stale: Andrés narrows Rosa's authorization
 * at another office after this workstation read it, and the teller, whose screen still shows the old maximum, pays
 * her. Central judges the hold on its own registration and refuses it, nothing is paid, and the account the screen
 * reads again carries central's conditions. Staged at the exact call (the change lands right before this
 * workstation's hold reaches central), not hoped for with timing. A real core, a real central process.
 */
const central = centralProcessForFile();
let s: Station | undefined;
afterEach(() => {
  s?.close();
  s = undefined;
});

// Demo account (central/demo/seed.ts): Andrés's 240000000128, $ 1.500.000; Rosa (CC 900000005) authorized for cash
// to herself up to $ 500.000 a withdrawal, for a year from central's seeding day.
const ACCOUNT = '240000000128';
const ROSA = { type: 'CC' as const, number: '900000005' };
const ANDRES = { type: 'CC' as const, number: '900000004' };

const station = async (before: (req: HoldRequest) => Promise<void>) => {
  const holds: HoldRequest[] = [];
  const { client } = steeredClient(central, '001-03', async (route, req, call) => {
    if (route === 'authorizeWithdrawal') {
      holds.push(req as HoldRequest);
      await before(req as HoldRequest);
    }
    return call();
  });
  const st = await startStation(central, '001-03', true, {}, client);
  s = st;
  data(await st.call('session.login', { username: 'cajero1', password: 'Caja.2026' }));
  data(await st.call('till.open', { idempotencyKey: randomUUID(), count: { '50000': 40 }, declaredTotal: 2_000_000 }));
  await until(async () => (await st.call('accounts.lookup', { accountNumber: ACCOUNT })).ok);
  return { st, holds };
};
const rosasConditions = async (st: Station) =>
  data<{ authorizedConditions: { person: unknown; text: string }[] }>(await st.call('accounts.lookup', { accountNumber: ACCOUNT })).authorizedConditions.find(
    (c) => JSON.stringify(c.person) === JSON.stringify(ROSA),
  )?.text;

it('an authorized person’s maximum narrowed at central after the workstation read it: central refuses the hold, nothing is paid, the screen reads the new maximum', async () => {
  let narrowed = false;
  const { st, holds } = await station(async () => {
    if (narrowed) return;
    narrowed = true;
    const validUntil = (await rosasConditions(st))?.match(/vigente hasta (\d\d)\/(\d\d)\/(\d{4})/);
    await central.amendAccount(ACCOUNT, {
      authorized: [{ documentType: 'CC', documentNumber: ROSA.number, name: 'ROSA ELENA CÁRDENAS LÓPEZ', validUntil: validUntil ? `${validUntil[3]}-${validUntil[2]}-${validUntil[1]}` : null, maxPerWithdrawal: 300_000, payouts: 'efectivo' }],
    });
  });
  const request = { accountNumber: ACCOUNT, amount: 400_000, presenters: [ROSA], payout: { kind: 'efectivo' } };
  // The workstation's copy still allows $ 500.000: Revisar passes.
  expect(await st.call('withdrawal.evaluate', { request })).toMatchObject({ ok: true });
  expect(await rosasConditions(st)).toContain('hasta $ 500.000 por retiro');

  const r = await st.call('withdrawal.post', { idempotencyKey: randomUUID(), request });
  expect(r).toMatchObject({ ok: false, error: { code: 'CENTRAL_REFUSED', details: { code: 'AUTHORIZATION_AMOUNT_EXCEEDED' } } });
  expect(r.ok ? '' : r.error.message).toBe(
    'Central no autorizó el retiro: La autorización de ROSA ELENA CÁRDENAS LÓPEZ permite hasta $ 300.000 por operación y el valor es $ 400.000. Reduzca el valor: es una condición registrada por el titular y ningún supervisor puede ampliarla (cláusula 3.5). No entregue el efectivo.',
  );
  // The hold named who is paid, as the workstation knew her.
  expect(holds[0]?.payee).toEqual({ presenters: [{ documentType: 'CC', documentNumber: ROSA.number }], payout: 'efectivo', amount: 400_000 });
  // Nothing paid, nothing left pending on Inicio.
  expect(st.core.db.prepare("SELECT COUNT(*) FROM comprobantes WHERE kind = 'retiro'").pluck().get()).toBe(0);
  expect(data<{ debits: unknown[] }>(await st.call('withdrawal.unconfirmed')).debits).toEqual([]);
  // Read again at once, with no sync round in between: central's conditions, and Revisar now refuses it here.
  expect(await rosasConditions(st)).toContain('hasta $ 300.000 por retiro');
  expect(await st.call('withdrawal.evaluate', { request })).toMatchObject({ ok: false, error: { code: 'AUTHORIZATION_AMOUNT_EXCEEDED' } });
  expect(await st.call('withdrawal.post', { idempotencyKey: randomUUID(), request: { ...request, amount: 300_000 } })).toMatchObject({ ok: true, data: { status: 'posted' } });
}, 90_000);

it('a transfer’s hold names who orders it and that it is a transfer; a holder is paid whatever his authorized persons’ conditions', async () => {
  const { st, holds } = await station(async () => undefined);
  const request = { fromAccountNumber: ACCOUNT, toAccountNumber: '240000000029', amount: 100_000, presenters: [ANDRES] };
  expect(await st.call('transfer.post', { idempotencyKey: randomUUID(), request })).toMatchObject({ ok: true, data: { status: 'posted' } });
  expect(holds[0]?.payee).toEqual({ presenters: [{ documentType: 'CC', documentNumber: ANDRES.number }], payout: 'traslado', amount: 100_000 });
}, 90_000);
