import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchResponseSchema, LastTillCloseResponseSchema, type Operation } from '../../domain/central-api';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { batch, newKey, tillOpen } from '../testing/ops';

/**
 * A till's opening and close reach central through the outbox like any operation (exactly once by key), and central
 * answers the last close of a till to a workstation reinstalled under the same id. Real central process, real SQLite.
 */
let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral();
});
afterEach(async () => {
  await t.stop();
});

type TillClose = Extract<Operation, { type: 'till_close' }>;
type TillOpen = Extract<Operation, { type: 'till_open' }>;
/** A close of till 03 at 001-03 at `occurredAt`: 100.000 × n counted against 100.000 × 20 expected. */
const tillClose = (n: number, occurredAt: string, key = newKey()): TillClose => ({
  key,
  branch: '001',
  workstation: '001-03',
  occurredAt,
  type: 'till_close',
  payload: {
    tellerId: 'cajero1', counted: n * 100_000, expected: 2_000_000, tillCode: '03', tillSessionId: `session-${key}`,
    businessDate: occurredAt.slice(0, 10), count: { '100000': n }, difference: n * 100_000 - 2_000_000, approvalId: n === 20 ? null : 'approval-1',
  },
});
const post = async (ops: Operation[]) => {
  const r = await batch(t, ops, '001-03');
  expect(r.status).toBe(200);
  return BatchResponseSchema.parse(r.body).results.map((x) => x.status);
};
const lastClose = async (workstation = '001-03', as = '001-03') => {
  const r = await t.call('lastTillClose', { workstation, tillCode: '03' }, as);
  return { status: r.status, body: r.status === 200 ? LastTillCloseResponseSchema.parse(r.body) : r.body };
};

describe('till openings and closes at central', () => {
  it('a close is recorded exactly once by its key: a replay is a duplicate, the same key with another count a conflict that changes nothing', async () => {
    expect(await lastClose()).toEqual({ status: 200, body: { lastClose: null, leftOpen: null } });
    const close = tillClose(20, '2025-03-10T18:00:00-05:00');
    expect(await post([tillOpen(newKey(), '001-03'), close])).toEqual(['applied', 'applied']);
    expect(await post([close])).toEqual(['duplicate']);
    expect(await post([{ ...close, payload: { ...close.payload, counted: 1_900_000, count: { '100000': 19 }, difference: -100_000 } }])).toEqual(['conflict']);
    expect(await lastClose()).toEqual({
      status: 200,
      body: {
        lastClose: {
          tillSessionId: close.payload.tillSessionId, tellerId: 'cajero1', businessDate: '2025-03-10', closedAt: '2025-03-10T18:00:00-05:00',
          count: { '100000': 20 }, counted: 2_000_000, expected: 2_000_000, difference: 0, approvalId: null,
        },
        // The opening posted with it belongs to another session, opened before this close: nothing is left open.
        leftOpen: null,
      },
    });
  });

  it('the last close is the latest by the branch time of the close, whatever order the outbox delivered them in; another branch may not ask', async () => {
    const tuesday = tillClose(18, '2025-03-11T18:00:00-05:00');
    expect(await post([tuesday, tillClose(20, '2025-03-10T18:00:00-05:00')])).toEqual(['applied', 'applied']);
    expect(await lastClose()).toMatchObject({ status: 200, body: { lastClose: { tillSessionId: tuesday.payload.tillSessionId, counted: 1_800_000, difference: -200_000, approvalId: 'approval-1' } } });
    // Another workstation of the branch may read it (its supervisor's desk); another till's code has none.
    expect(await lastClose('001-03', '001-01')).toMatchObject({ status: 200, body: { lastClose: { counted: 1_800_000 } } });
    expect(await t.call('lastTillClose', { workstation: '001-03', tillCode: '02' }, '001-03')).toMatchObject({ status: 200, body: { lastClose: null } });
    expect(await lastClose('002-01', '001-03')).toMatchObject({ status: 403 });
  });

  it('an opening after the last close that was never closed (the machine died with the till open) is reported with it; closed, or older than the last close, it is not', async () => {
    const monday = tillClose(20, '2025-03-10T18:00:00-05:00');
    const tuesday = { ...tillOpen(newKey(), '001-03'), occurredAt: '2025-03-11T08:00:00-05:00' } as TillOpen;
    tuesday.payload = { ...tuesday.payload, tellerId: 'uuid-of-ana', tellerUsername: 'cajero1', businessDate: '2025-03-11' };
    expect(await post([monday, tuesday])).toEqual(['applied', 'applied']);
    expect(await lastClose()).toMatchObject({
      status: 200,
      body: {
        lastClose: { tillSessionId: monday.payload.tillSessionId },
        leftOpen: { tillSessionId: tuesday.payload.tillSessionId, tellerId: 'uuid-of-ana', tellerUsername: 'cajero1', businessDate: '2025-03-11', openedAt: '2025-03-11T08:00:00-05:00', amount: 2_000_000 },
      },
    });
    // Its close ends it: nothing is left open.
    const closeTuesday = tillClose(20, '2025-03-11T18:00:00-05:00');
    closeTuesday.payload = { ...closeTuesday.payload, tillSessionId: tuesday.payload.tillSessionId };
    expect(await post([closeTuesday])).toEqual(['applied']);
    expect(await lastClose()).toMatchObject({ status: 200, body: { lastClose: { tillSessionId: tuesday.payload.tillSessionId }, leftOpen: null } });
    // An opening never closed but older than the last close (superseded by a later session) is history, not an open till.
    const stale = { ...tillOpen(newKey(), '001-03'), occurredAt: '2025-03-09T08:00:00-05:00' } as TillOpen;
    expect(await post([stale])).toEqual(['applied']);
    expect(await lastClose()).toMatchObject({ status: 200, body: { leftOpen: null } });
  });

  it('a till opened but never closed at all is reported left open with no close', async () => {
    const open = { ...tillOpen(newKey(), '001-03'), occurredAt: '2025-03-10T08:00:00-05:00' } as TillOpen;
    expect(await post([open])).toEqual(['applied']);
    expect(await lastClose()).toMatchObject({ status: 200, body: { lastClose: null, leftOpen: { tillSessionId: open.payload.tillSessionId, businessDate: '2025-03-10' } } });
  });

  it('a close whose count does not add up to its total is refused before anything is recorded', async () => {
    const bad = tillClose(20, '2025-03-10T18:00:00-05:00');
    const r = await batch(t, [{ ...bad, payload: { ...bad.payload, count: { '100000': 19 } } }], '001-03');
    expect(r.status).toBe(400);
    expect(await lastClose()).toEqual({ status: 200, body: { lastClose: null, leftOpen: null } });
  });
});
