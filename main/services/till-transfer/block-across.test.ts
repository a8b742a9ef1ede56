import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { data } from '../../testing/wire-data';
import { startStation, until, type Station } from '../../testing/stations';
import { tillCash } from '../../testing/till-cash';

/**
 * A till whose sends are blocked after refused sends (refusals.test.ts) waits for a supervisor's visa. The
 * supervisor may be at another workstation of the branch: the request reaches that desk through central, and the
 * visa given there frees the sends at the teller's. Two real cores on their own SQLite files, one real central.
 */
const central = centralProcessForFile('001-03');

const SUP = { username: 'supervisor1', password: 'Super.2026' };
const TELLER = { username: 'cajero1', password: 'Caja.2026' };
const opening = { '50000': 20, '10000': 10 }; // $ 1.100.000

interface QueueItem {
  id: string;
  source: string;
  kind: string;
  workstation: string;
  reasons: { code: string }[];
}

describe('a blocked till’s visa from another desk of the branch', () => {
  const open: Station[] = [];
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });

  it('is listed at 001-02’s desk and, approved there, frees the sends at 001-03', async () => {
    const teller = await startStation(central, '001-03');
    const desk = await startStation(central, '001-02');
    open.push(teller, desk);
    await teller.as(TELLER);
    data(await teller.call('till.open', { idempotencyKey: randomUUID(), count: opening, declaredTotal: 1_100_000 }));
    const send = (count: Record<string, number>, total: number) => teller.call('vault.sendToTill', { idempotencyKey: randomUUID(), toTill: '02', count, declaredTotal: total });
    expect(await send({ '50000': 21 }, 1_050_000)).toMatchObject({ ok: false, error: { code: 'CASH_SHORT' } });
    const blocked = await send({ '10000': 11 }, 110_000);
    expect(blocked).toMatchObject({ ok: false, error: { code: 'TRANSFERS_BLOCKED' } });
    const approvalId = (blocked as unknown as { error: { details: { approvalId: string } } }).error.details.approvalId;

    await desk.as(SUP);
    const item = await until(async () => data<{ items: QueueItem[] }>(await desk.call('supervisor.queue')).items.find((i) => i.id === approvalId), 20_000);
    // It reads as a blocked till, not as the reopening that central's catch-all kind stands for.
    expect(item).toMatchObject({ source: 'central', kind: 'till_transfer_block', workstation: '001-03', reasons: [{ code: 'TILL_TRANSFER_BLOCK' }] });
    // The teller who asked cannot give it there either.
    expect(await desk.call('supervisor.decide', { id: approvalId, source: 'central', decision: 'aprobar', ...TELLER })).toMatchObject({ ok: false });
    data(await desk.call('supervisor.decide', { id: approvalId, source: 'central', decision: 'aprobar', note: 'Revisado por teléfono', ...SUP }));

    data(await send({ '10000': 1 }, 10_000));
    expect(tillCash(teller.core.db).positionTotal).toBe(1_090_000);
    const unblocked = data<{ entries: { summary: string }[] }>(await teller.call('journal.search', { type: 'vault_transfer', limit: 20 }));
    expect(JSON.stringify(unblocked.entries)).toContain('desbloque');
  });
});
