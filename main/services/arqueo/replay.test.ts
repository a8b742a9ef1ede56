import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { tempCore } from '../../testing/temp-core';
import { data } from '../../testing/wire-data';

const TELLER = { username: 'cajero1', password: 'Caja.2026' };
const opening = { '50000': 20, '10000': 10, '1000': 50 }; // $ 1.150.000
// Short $ 60.000, above the $ 50.000 threshold: a first count is answered "recontar".
const short = { '50000': 19, '10000': 9, '1000': 50 };

type Core = Awaited<ReturnType<typeof tempCore>>;

describe('a count sent again with its key after a lost answer (CORE_NO_ANSWER) is the same count', () => {
  let t: Core;
  afterEach(() => t.close());

  it('answers the first count again: not taken as the second blind count, one count in the journal', async () => {
    t = await tempCore();
    data(await t.call('session.login', TELLER));
    data(await t.call('till.open', { idempotencyKey: randomUUID(), count: opening, declaredTotal: 1_150_000 }));
    const key = randomUUID();
    const first = data<{ closingId: string; countNumber: number; next: string }>(await t.call('till.count', { idempotencyKey: key, count: short }));
    expect(first).toMatchObject({ countNumber: 1, next: 'recontar', difference: null });
    const again = data(await t.call('till.count', { idempotencyKey: key, count: short }));
    expect(again).toEqual(first);
    const counts = t.core.db.prepare("SELECT COUNT(*) FROM journal WHERE type = 'cash_count'").pluck().get();
    expect(counts).toBe(1);
    expect(t.core.db.prepare('SELECT state, count2 FROM till_closings WHERE id = ?').get(first.closingId)).toEqual({ state: 'recontar', count2: null });
  });
});
