import { afterEach, expect, it } from 'vitest';
import { centralBalances, drainer, leaveReturnedChequeCharge } from '../comprobante/testing/at-central';
import { CC, world, type World, sharedCentral } from '../comprobante/testing/world';

const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

// Demo account of Luz (central/demo/seed.ts): embargada by a child-support order of $ 1.800.000 (no inembargable
// amount protects it), $ 3.000.000 available.
const ACCOUNT = '240000000060';
const LUIS = { id: CC('79123456'), name: 'Luis Gómez' };
type Line = { kind: string; label?: string; amount?: number; text?: string };
type Posted = { sequence: string; receipt: { lines: Line[] } };
const one = (sql: string, ...params: string[]) => w.core.db.prepare(sql).pluck().get(...params);

/**
 * A Bogotá cheque of $ 3.000.000 deposited in canje and cleared at central, all that the embargo leaves free
 * withdrawn, then the cheque returned with its $ 15.000 fee: the $ 1.800.000 the order retained before the cheque
 * came stay the court's (seed 003 cl. 7.2, 8.5), so the whole $ 3.015.000 is owed.
 */
const leaveCharge = async () => {
  const back = await leaveReturnedChequeCharge(w, { account: ACCOUNT, depositor: LUIS, number: '5550002', drawerAccount: '31313132', amount: 3_000_000, keep: 1_800_000 });
  expect(back).toMatchObject({ ok: true, data: { cheque: { returnPending: 3_015_000 } } });
  await drainer(w)();
};

const cash = (bills: number) => ({ accountNumber: ACCOUNT, depositor: LUIS, cash: { '50000': bills }, declaredTotal: bills * 50_000 });

/** Posts the deposit and lets central apply it: the receipt and what central paid of the charges. */
const deposit = async (bills: number) => {
  const posted = await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: cash(bills) });
  if (!posted.ok) throw new Error(posted.error.message);
  await drainer(w)();
  const result = JSON.parse(one("SELECT result FROM outbox WHERE type = 'cash_deposit' AND account = ? ORDER BY seq DESC LIMIT 1", ACCOUNT) as string) as { outcome: { pendingChargesPaid?: { amount: number } } };
  return { receipt: (posted.data as Posted).receipt, centralPaid: result.outcome.pendingChargesPaid?.amount ?? 0 };
};

it('on an embargoed account the review and the receipt say what central takes of the cargos pendientes: only what the order leaves free, never what it kept', async () => {
  w = await world(shared.central);
  await leaveCharge();

  // The order is covered by the $ 1.800.000 kept: the $ 500.000 coming in are free, and pay the charge.
  const first = await w.call('deposit.evaluate', { slip: cash(10) });
  expect(first).toMatchObject({ ok: true, data: { plan: { pendingCharges: { total: 3_015_000, paid: 500_000, credited: 0 } } } });
  const a = await deposit(10);
  expect(a.centralPaid).toBe(500_000);
  expect(a.receipt.lines).toContainEqual({ kind: 'amount', label: 'Pago cargo pendiente (cheque devuelto N° 5550002)', amount: 500_000, negative: true });
  expect(await centralBalances(w, ACCOUNT)).toEqual({ available: 1_800_000, inCanje: 0, onHold: 0, pendingCharges: 2_515_000, embargoRetained: 1_800_000 });

  // $ 2.000.000 more: all of it pays the charge, as the receipt prints and central takes; the retained money never does.
  const second = await w.call('deposit.evaluate', { slip: cash(40) });
  expect(second).toMatchObject({ ok: true, data: { plan: { pendingCharges: { total: 2_515_000, paid: 2_000_000, credited: 0 } } } });
  const b = await deposit(40);
  expect(b.centralPaid).toBe(2_000_000);
  expect(b.receipt.lines).toContainEqual({ kind: 'amount', label: 'Pago cargo pendiente (cheque devuelto N° 5550002)', amount: 2_000_000, negative: true });
  expect(await centralBalances(w, ACCOUNT)).toEqual({ available: 1_800_000, inCanje: 0, onHold: 0, pendingCharges: 515_000, embargoRetained: 1_800_000 });
});
