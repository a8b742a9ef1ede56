import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { tempCore } from '../../testing/temp-core';
import { data } from '../../testing/wire-data';

const TELLER = { username: 'cajero1', password: 'Caja.2026' };
const opening = { '50000': 20, '10000': 10, '1000': 50 }; // $ 1.150.000

type Core = Awaited<ReturnType<typeof tempCore>>;
interface Last {
  count: Record<string, number>;
  result: { closingId: string; next: string; difference: number | null; outcome: string | null; byDenomination: unknown[]; approvalId: string | null; approvalStatus: string | null };
}
const last = async (t: Core) => data<{ last: Last | null }>(await t.call('till.gate')).last;
const openTill = async (t: Core) => {
  data(await t.call('session.login', TELLER));
  data(await t.call('till.open', { idempotencyKey: randomUUID(), count: opening, declaredTotal: 1_150_000 }));
};

describe('F6 resumes the arqueo: the close read carries the last registered count and its answer', () => {
  let t: Core;
  afterEach(() => t.close());

  it('a squared count is read back after a restart of the host, and the till closes from it', async () => {
    t = await tempCore();
    await openTill(t);
    expect(await last(t)).toBeNull();
    const counted = data<{ closingId: string }>(await t.call('till.count', { idempotencyKey: randomUUID(), count: opening }));
    await t.reopen();
    data(await t.call('session.login', TELLER));
    expect(await last(t)).toEqual({
      count: opening,
      result: expect.objectContaining({ closingId: counted.closingId, next: 'cerrar', difference: 0, outcome: 'cuadrada', approvalId: null }),
    });
    const closed = data<{ report: { lines: { label?: string; amount?: number }[] } }>(await t.call('till.close', { idempotencyKey: randomUUID(), closingId: counted.closingId }));
    expect(closed.report.lines).toContainEqual(expect.objectContaining({ amount: 1_150_000 }));
  });

  it('blind: a count waiting for its second blind count reads back without the difference or the expected cash', async () => {
    t = await tempCore();
    await openTill(t);
    // Short $ 60.000, above the $ 50.000 threshold: the count answers "recontar" and nothing else.
    data(await t.call('till.count', { idempotencyKey: randomUUID(), count: { '50000': 19, '10000': 9, '1000': 50 } }));
    const read = await last(t);
    expect(read?.result).toMatchObject({ next: 'recontar', difference: null, outcome: null, byDenomination: [] });
    const wire = JSON.stringify(data(await t.call('till.gate')));
    for (const hidden of ['1150000', '60000', '"expected"']) expect(wire).not.toContain(hidden);
  });

  it('a final difference reads back with its pending request to the supervisor; a till moved since the count is counted again', async () => {
    t = await tempCore();
    await openTill(t);
    const c = data<{ closingId: string }>(await t.call('till.count', { idempotencyKey: randomUUID(), count: { '50000': 20, '10000': 10, '1000': 49 } }));
    const req = data<{ approvalId: string }>(await t.call('till.requestDifferenceApproval', { closingId: c.closingId, reasonCode: 'NO_IDENTIFICADA', reasonText: 'Moneda perdida' }));
    expect((await last(t))?.result).toMatchObject({ next: 'aprobar', difference: -1_000, outcome: 'faltante', approvalId: req.approvalId, approvalStatus: 'pendiente' });
    // Cash leaves the till after the count (a transfer, queued without central): that answer no longer describes it.
    data(await t.call('vault.sendToTill', { idempotencyKey: randomUUID(), toTill: '02', count: { '10000': 1 }, declaredTotal: 10_000 }));
    expect(await last(t)).toBeNull();
  });
});
