import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { data } from '../../testing/wire-data';
import { startStation, type Station } from '../../testing/stations';

const SUP = { username: 'supervisor1', password: 'Super.2026' };
const TELLER = { username: 'cajero1', password: 'Caja.2026' };
const central = centralProcessForFile('001-02');

describe('vault.checkSend: the provision limit asked before the supervisor confirms (QA s37 Q7)', () => {
  let s: Station | null = null;
  afterEach(() => s?.close());

  it('answers the refusal vault.send gives for a provision over the till\'s limit, and nothing for one that fits', async () => {
    s = await startStation(central, '001-02');
    await s.as(TELLER);
    // $ 59.500.000 in a till limited to $ 60.000.000: $ 500.000 more fits, $ 600.000 does not.
    data(await s.call('till.open', { idempotencyKey: randomUUID(), count: { '100000': 595 }, declaredTotal: 59_500_000 }));
    await s.as(SUP);
    const to = { kind: 'till', ref: '02' };
    const { problem } = data<{ problem: string | null }>(await s.call('vault.checkSend', { to, amount: 600_000 }));
    expect(problem).toContain('Envíe como máximo $ 500.000.');
    expect(await s.call('vault.send', { idempotencyKey: randomUUID(), to, count: { '100000': 6 }, declaredTotal: 600_000 })).toMatchObject({
      ok: false,
      error: { code: 'HOLDING_LIMIT', message: problem },
    });
    expect(data(await s.call('vault.checkSend', { to, amount: 500_000 }))).toEqual({ problem: null });
  });
});
