import { afterEach, expect, it } from 'vitest';
import { CC, type World, sharedCentral } from '../comprobante/testing/world';
import { coreOnToday } from './testing/on-today';

/**
 * Seed 003 cl. 3.5: an authorized person's maximum per day. The workstation counts what it paid her today (its
 * comprobantes) and refuses at Revisar; what another workstation paid her is central's to add, at the hold.
 */
const shared = sharedCentral();
const started: World[] = [];
afterEach(() => {
  for (const w of started.splice(0)) w.close();
});

// Demo account (central/demo/seed.ts): Andrés's 240000000128, $ 1.500.000. Rosa (CC 900000005) is authorized for cash
// to herself up to $ 500.000 a withdrawal and $ 800.000 a day.
const ACCOUNT = '240000000128';
const ROSA = CC('900000005');
const ANDRES = CC('900000004');

const today = () => coreOnToday(shared.central, (t) => started.push(t));
const cash = (amount: number, presenters = [ROSA]) => ({ accountNumber: ACCOUNT, amount, presenters, payout: { kind: 'efectivo' as const } });
const post = (w: World, request: object) => w.call('withdrawal.post', { idempotencyKey: crypto.randomUUID(), request });
const withdrawals = (w: World) => w.core.db.prepare("SELECT COUNT(*) FROM comprobantes WHERE kind = 'retiro'").pluck().get();

it('a second withdrawal the same day beyond her day maximum: refused at Revisar by this workstation, and by central at another', async () => {
  const a = await today();
  expect(await post(a, cash(500_000))).toMatchObject({ ok: true, data: { status: 'posted' } });
  // Within the $ 500.000 a withdrawal, beyond the day with the first: this workstation's own comprobante counts.
  const message =
    'La autorización de ROSA ELENA CÁRDENAS LÓPEZ permite hasta $ 800.000 por día: hoy ya retiró u ordenó $ 500.000 de esta cuenta y con $ 400.000 serían $ 900.000. Reduzca el valor a $ 300.000 como máximo, o el titular debe retirar él mismo: es una condición registrada por el titular y ningún supervisor puede ampliarla (cláusula 3.5).';
  expect(await a.call('withdrawal.evaluate', { request: cash(400_000) })).toMatchObject({ ok: false, error: { code: 'AUTHORIZATION_DAY_EXCEEDED', message } });
  expect(await post(a, cash(400_000))).toMatchObject({ ok: false, error: { code: 'AUTHORIZATION_DAY_EXCEEDED' } });
  // Neither a supervisor's approval to ask for, nor a block on the holder: he withdraws himself.
  expect(await a.call('withdrawal.evaluate', { request: cash(400_000, [ANDRES]) })).toMatchObject({ ok: true });
  expect(withdrawals(a)).toBe(1);

  // Another workstation's core knows nothing of the first: it passes Revisar, central refuses the hold, nothing is paid.
  const b = await today();
  expect(await b.call('withdrawal.evaluate', { request: cash(400_000) })).toMatchObject({ ok: true });
  const r = await post(b, cash(400_000));
  expect(r).toMatchObject({ ok: false, error: { code: 'CENTRAL_REFUSED', details: { code: 'AUTHORIZATION_DAY_EXCEEDED' } } });
  expect(r.ok ? '' : r.error.message).toContain('hoy ya retiró u ordenó $ 500.000 de esta cuenta');
  expect(withdrawals(b)).toBe(0);
  // Up to the day maximum still pays there.
  expect(await post(b, cash(300_000))).toMatchObject({ ok: true, data: { status: 'posted' } });
}, 90_000);
