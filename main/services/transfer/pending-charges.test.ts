import { afterEach, describe, expect, it } from 'vitest';
import { createCentralClient } from '../../sync/central-client';
import { centralBalances, drainer } from '../comprobante/testing/at-central';
import { CC, DEMO_TOKEN_001_03, world, type World, sharedCentral } from '../comprobante/testing/world';

const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

// Demo accounts (central/demo/seed.ts): Juan's 240000000029 ($ 15.800.000) pays Andrés's 240000000128.
const JUAN_ACCOUNT = '240000000029';
const JUAN = CC('900000002');
const ANDRES_ACCOUNT = '240000000128';
const one = (sql: string, ...params: string[]) => w.core.db.prepare(sql).pluck().get(...params);
type Line = { kind: string; label?: string; amount?: number; text?: string };
type Posted = { sequence: string; receipt: { lines: Line[] } };

/** At another workstation: a cleared cheque of $ 100.000 to Andrés, his whole balance withdrawn, the cheque returned. */
const leaveCharge = async (w: World, number = '8080') => {
  const client = createCentralClient({ url: shared.central.url, token: DEMO_TOKEN_001_03, timeoutMs: 3000 });
  const env = { branch: '001', workstation: '001-03', occurredAt: '2025-03-03T09:30:00-05:00', account: ANDRES_ACCOUNT };
  const dep = { ...env, key: crypto.randomUUID(), type: 'cheque_deposit' as const, payload: { amount: 100_000, cheques: [{ bankCode: '07', number, amount: 100_000 }], releaseOn: '2025-03-03' } };
  await client.call('postOperations', { operations: [dep] });
  const { available } = await centralBalances(w, ANDRES_ACCOUNT);
  const spend = { ...env, key: crypto.randomUUID(), type: 'withdrawal' as const, payload: { amount: available, gmf: 0 } };
  const ret = { ...env, key: crypto.randomUUID(), type: 'reversal' as const, payload: { reversesKey: dep.key, reasonCode: 'CHEQUE_DEVUELTO_FONDOS-INSUFICIENTES' } };
  const r = await client.call('postOperations', { operations: [spend, ret] });
  expect(r.ok && r.data.results.map((x) => x.status)).toEqual(['applied', 'applied']);
};

describe('a transfer into an account owing a returned cheque (cargo pendiente)', () => {
  it('the review, the receipt and the journal say which charge the credit pays; central names the same one', async () => {
    w = await world(shared.central);
    await leaveCharge(w);
    const request = { fromAccountNumber: JUAN_ACCOUNT, toAccountNumber: ANDRES_ACCOUNT, amount: 150_000, presenters: [JUAN] };

    const evaluated = await w.call('transfer.evaluate', { request });
    expect(evaluated).toMatchObject({
      ok: true,
      data: {
        plan: {
          notices: expect.arrayContaining([expect.stringContaining('La cuenta de destino tiene cargos pendientes por $ 100.000 (cheque devuelto N° 8080)')]),
          pendingCharges: { paid: 100_000, credited: 50_000, charges: [{ cheques: [{ number: '8080' }], amount: 100_000 }] },
        },
      },
    });

    const posted = await w.call('transfer.post', { idempotencyKey: crypto.randomUUID(), request });
    if (!posted.ok) throw new Error(posted.error.message);
    const { sequence, receipt } = posted.data as Posted;
    expect(receipt.lines).toContainEqual({ kind: 'amount', label: 'Pago cargo pendiente (cheque devuelto N° 8080)', amount: 100_000, negative: true });
    expect(receipt.lines).toContainEqual({ kind: 'amount', label: 'Abonado a la cuenta destino', amount: 50_000 });
    const entry = JSON.parse(one("SELECT payload FROM journal WHERE type = 'comprobante' AND json_extract(payload, '$.sequence') = ?", sequence) as string) as Record<string, unknown>;
    expect(entry).toMatchObject({ pendingCharges: { owed: 100_000, paid: 100_000, charges: [{ cheques: ['8080'], amount: 100_000 }] } });

    // Central's answer for the transfer names the same charge, and Andrés has the rest.
    await drainer(w)();
    const result = JSON.parse(one("SELECT result FROM outbox WHERE type = 'transfer' AND account = ? ORDER BY seq DESC LIMIT 1", JUAN_ACCOUNT) as string) as Record<string, unknown>;
    expect(result).toMatchObject({ status: 'applied', outcome: { pendingChargesPaid: { amount: 100_000, charges: [{ cheques: [{ number: '8080' }], amount: 100_000 }] } } });
    expect(await centralBalances(w, ANDRES_ACCOUNT)).toMatchObject({ available: 50_000 });

    // Nothing is owed now: the next transfer's review says nothing of charges.
    const next = await w.call('transfer.evaluate', { request });
    expect(JSON.stringify(next)).not.toContain('cargo');
  });

  it('when central does not answer and its last data showed a charge on the destination, the review says so as the deposit does', async () => {
    const w0 = await world(shared.central);
    await leaveCharge(w0, '8081');
    w0.close();
    // The workstation pulled the charge with its reference data, then lost central.
    w = await world(shared.central, { client: createCentralClient({ url: 'http://127.0.0.1:9', token: 'x', timeoutMs: 500 }) });
    const request = { fromAccountNumber: JUAN_ACCOUNT, toAccountNumber: ANDRES_ACCOUNT, amount: 150_000, presenters: [JUAN] };
    const evaluated = await w.call('transfer.evaluate', { request });
    expect(evaluated).toMatchObject({
      ok: true,
      data: {
        plan: {
          notices: expect.arrayContaining([
            'Central no respondió: según sus últimos datos la cuenta de destino tenía cargos pendientes por cheques devueltos de $ 100.000; si siguen pendientes, este traslado los paga primero y se abona a la cuenta de destino menos de lo trasladado. Infórmelo al cliente.',
          ]),
        },
      },
    });
    expect(evaluated.ok && (evaluated.data as { plan: Record<string, unknown> }).plan.pendingCharges).toBeUndefined();
  });
});
