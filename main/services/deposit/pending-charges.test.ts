import { afterEach, describe, expect, it } from 'vitest';
import { createCentralClient } from '../../sync/central-client';
import { centralBalances, drainer, leaveReturnedChequeCharge } from '../comprobante/testing/at-central';
import { CC, DEMO_TOKEN_001_03, world, type World, sharedCentral } from '../comprobante/testing/world';

const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

// Demo account of Andrés (central/demo/seed.ts): individual, activa, $ 1.500.000 available; no other test of this file's central touches it.
const ACCOUNT = '240000000128';
const LUIS = { id: CC('79123456'), name: 'Luis Gómez' };
const one = (sql: string, ...params: string[]) => w.core.db.prepare(sql).pluck().get(...params);
type Line = { kind: string; label?: string; amount?: number; text?: string };
type Posted = { sequence: string; receipt: { lines: Line[] } };

/**
 * The teller's own steps up to a pending charge: a Bogotá cheque of $ 400.000 deposited in canje and cleared at
 * central, the whole balance withdrawn, then the cheque returned with its $ 15.000 fee: $ 415.000 stays owed.
 */
const leaveCharge = async () => {
  const back = await leaveReturnedChequeCharge(w, { account: ACCOUNT, depositor: LUIS, number: '5550001', drawerAccount: '31313131', amount: 400_000 });
  expect(back).toMatchObject({ ok: true, data: { cheque: { returnPending: 415_000 } } });
};

const cashSlip = { accountNumber: ACCOUNT, depositor: LUIS, cash: { '50000': 10 }, declaredTotal: 500_000 };

describe('a deposit to an account owing a returned cheque (cargo pendiente)', () => {
  it('the review names the charge; the receipt, the journal and central say what paid it; a replay pays and prints nothing more', async () => {
    w = await world(shared.central);
    await leaveCharge();

    const evaluated = await w.call('deposit.evaluate', { slip: cashSlip });
    expect(evaluated).toMatchObject({
      ok: true,
      data: {
        plan: {
          notices: expect.arrayContaining(['Esta cuenta tiene cargos pendientes por $ 415.000 (cheque devuelto N° 5550001); esta consignación los paga primero.']),
          pendingCharges: { total: 415_000, paid: 415_000, credited: 85_000, charges: [{ cheques: [{ number: '5550001' }], amount: 415_000 }] },
        },
      },
    });

    const key = crypto.randomUUID();
    const posted = await w.call('deposit.post', { idempotencyKey: key, slip: cashSlip });
    if (!posted.ok) throw new Error(posted.error.message);
    const { sequence, receipt } = posted.data as Posted;
    expect(receipt.lines).toContainEqual({ kind: 'amount', label: 'Pago cargo pendiente (cheque devuelto N° 5550001)', amount: 415_000, negative: true });
    expect(receipt.lines).toContainEqual({ kind: 'amount', label: 'Abonado a la cuenta', amount: 85_000 });
    const entry = JSON.parse(one("SELECT payload FROM journal WHERE type = 'comprobante' AND json_extract(payload, '$.sequence') = ?", sequence) as string) as Record<string, unknown>;
    expect(entry).toMatchObject({ pendingCharges: { owed: 415_000, paid: 415_000, charges: [{ cheques: ['5550001'], amount: 415_000 }] } });

    // Central's answer for the deposit says the same, and the customer has the rest.
    await drainer(w)();
    const result = JSON.parse(one("SELECT result FROM outbox WHERE type = 'cash_deposit' AND account = ? ORDER BY seq DESC LIMIT 1", ACCOUNT) as string) as Record<string, unknown>;
    expect(result).toMatchObject({ status: 'applied', outcome: { pendingChargesPaid: { amount: 415_000, charges: [{ cheques: [{ number: '5550001' }], amount: 415_000 }] } } });
    expect(await centralBalances(w, ACCOUNT)).toEqual({ available: 85_000, inCanje: 0, onHold: 0 });

    // A double Enter (same key) answers the same comprobante and receipt: nothing posted or sent again.
    const again = await w.call('deposit.post', { idempotencyKey: key, slip: cashSlip });
    expect(again.ok && (again.data as Posted).receipt).toEqual(receipt);
    expect(one("SELECT COUNT(*) FROM outbox WHERE type = 'cash_deposit' AND account = ?", ACCOUNT)).toBe(1);
    await drainer(w)();
    expect(await centralBalances(w, ACCOUNT)).toEqual({ available: 85_000, inCanje: 0, onHold: 0 });

    // Nothing is owed now: the next deposit's review and receipt say nothing of charges.
    const next = await w.call('deposit.evaluate', { slip: cashSlip });
    expect(next).toMatchObject({ ok: true, data: { plan: { pendingCharges: { total: 0, paid: 0, credited: 500_000, charges: [] } } } });
    expect(JSON.stringify(next)).not.toContain('cargos pendientes');
  });

  it('when central does not answer, the review says the charges cannot be known and the receipt claims none', async () => {
    w = await world(shared.central, { client: createCentralClient({ url: 'http://127.0.0.1:9', token: 'x', timeoutMs: 500 }) });
    const evaluated = await w.call('deposit.evaluate', { slip: cashSlip });
    expect(evaluated).toMatchObject({ ok: true, data: { plan: { pendingCharges: null, notices: expect.arrayContaining([expect.stringContaining('No se pudo consultar en central si la cuenta tiene cargos pendientes')]) } } });
    const posted = await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: cashSlip });
    expect(posted.ok && JSON.stringify((posted.data as Posted).receipt)).not.toContain('cargo');
    const entry = JSON.parse(one("SELECT payload FROM journal WHERE type = 'comprobante' ORDER BY sequence DESC LIMIT 1") as string) as Record<string, unknown>;
    expect(entry).toMatchObject({ pendingCharges: null });
  });

  it('when central does not answer and its last data showed a charge, the review and the receipt say so', async () => {
    // At another workstation: a cleared cheque of $ 100.000, the balance withdrawn, the cheque returned without fee.
    const client = createCentralClient({ url: shared.central.url, token: DEMO_TOKEN_001_03, timeoutMs: 3000 });
    const env = { branch: '001', workstation: '001-03', occurredAt: '2025-03-03T09:30:00-05:00', account: ACCOUNT };
    const dep = { ...env, key: crypto.randomUUID(), type: 'cheque_deposit' as const, payload: { amount: 100_000, cheques: [{ bankCode: '07', number: '8080', amount: 100_000 }], releaseOn: '2025-03-03' } };
    await client.call('postOperations', { operations: [dep] });
    const w0 = await world(shared.central);
    const { available } = await centralBalances(w0, ACCOUNT);
    w0.close();
    const spend = { ...env, key: crypto.randomUUID(), type: 'withdrawal' as const, payload: { amount: available, gmf: 0 } };
    const ret = { ...env, key: crypto.randomUUID(), type: 'reversal' as const, payload: { reversesKey: dep.key, reasonCode: 'CHEQUE_DEVUELTO_FONDOS-INSUFICIENTES' } };
    const r = await client.call('postOperations', { operations: [spend, ret] });
    expect(r.ok && r.data.results.map((x) => x.status)).toEqual(['applied', 'applied']);

    // The workstation pulled the charge with its reference data, then lost central.
    w = await world(shared.central, { client: createCentralClient({ url: 'http://127.0.0.1:9', token: 'x', timeoutMs: 500 }) });
    const evaluated = await w.call('deposit.evaluate', { slip: cashSlip });
    expect(evaluated).toMatchObject({ ok: true, data: { plan: { pendingCharges: null, notices: expect.arrayContaining([expect.stringContaining('según sus últimos datos la cuenta tenía cargos pendientes por cheques devueltos de $ 100.000')]) } } });
    const posted = await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: cashSlip });
    expect(posted.ok && (posted.data as Posted).receipt.lines).toContainEqual({ kind: 'text', text: expect.stringContaining('cargos pendientes por cheques devueltos de $ 100.000') });
  });
});
