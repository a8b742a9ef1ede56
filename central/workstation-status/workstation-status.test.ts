import { afterEach, beforeEach, expect, it } from 'vitest';
import { BranchStatusResponseSchema, type WorkstationStatus } from '../../domain/central-api';
import { callRoute, startTestCentral, type TestCentral } from '../testing/harness';
import { batch, newKey } from '../testing/ops';

/** Issue 7 "Supervisor desk", branch dashboard: the latest status snapshot per workstation, read by its branch only. */
let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral({ tokens: [{ workstation: '002-01', branch: '002', token: 'token-de-la-oficina-002-estacion-01' }] });
});
afterEach(async () => {
  await t.stop();
});

const snapshot = (workstation: string, over: Partial<WorkstationStatus> = {}): WorkstationStatus => ({
  workstation,
  till: { open: true, tillCode: workstation.slice(4), tellerName: 'Luis Pérez', openedAt: '2025-03-10T14:00:00.000Z', positionTotal: 2_000_000, limit: 60_000_000, holding: 'ok' },
  sync: { queueLength: 2, unknown: 0, rejected: 1 },
  journalOk: true,
  reportedAt: t.clock.now().toISOString(),
  ...over,
});
const branch = async (ws = '001-03', b = '001') => {
  const r = await t.call('branchStatus', { branch: b }, ws);
  expect(r.status).toBe(200);
  return BranchStatusResponseSchema.parse(r.body);
};

it('stores the latest snapshot per workstation and serves the branch its snapshots with central receipt time', async () => {
  expect(await branch()).toEqual({ now: '2025-03-10T15:00:00.000Z', workstations: [] });
  expect(await t.call('reportStatus', snapshot('001-02'), '001-02')).toMatchObject({ status: 200, body: { receivedAt: '2025-03-10T15:00:00.000Z', stored: true } });
  t.clock.advance(30_000);
  expect((await t.call('reportStatus', snapshot('001-01', { till: { open: false, tillCode: '01' } }), '001-01')).status).toBe(200);
  // A newer snapshot of 001-02 replaces the first one: latest wins, one row per workstation.
  t.clock.advance(30_000);
  const newer = snapshot('001-02', { till: { ...snapshot('001-02').till, open: true, tellerName: 'Luis Pérez', openedAt: '2025-03-10T14:00:00.000Z', positionTotal: 61_000_000, limit: 60_000_000, holding: 'excedido' } });
  await t.call('reportStatus', newer, '001-02');
  const b = await branch();
  expect(b.now).toBe('2025-03-10T15:01:00.000Z');
  expect(b.workstations).toEqual([
    { ...snapshot('001-01', { till: { open: false, tillCode: '01' }, reportedAt: '2025-03-10T15:00:30.000Z' }), receivedAt: '2025-03-10T15:00:30.000Z', inTransit: [] },
    { ...newer, receivedAt: '2025-03-10T15:01:00.000Z', inTransit: [] },
  ]);
});

it('a late snapshot older than the stored one is ignored, unless the stored one is itself old (a clock set back)', async () => {
  await t.call('reportStatus', snapshot('001-02', { reportedAt: '2025-03-10T15:00:00.000Z' }), '001-02');
  const late = snapshot('001-02', { reportedAt: '2025-03-10T14:59:50.000Z', sync: { queueLength: 9, unknown: 9, rejected: 9 } });
  expect(await t.call('reportStatus', late, '001-02')).toMatchObject({ status: 200, body: { stored: false } });
  expect((await branch()).workstations[0]?.sync.queueLength).toBe(2);
  t.clock.advance(3 * 60_000);
  expect(await t.call('reportStatus', late, '001-02')).toMatchObject({ status: 200, body: { stored: true } });
  expect((await branch()).workstations[0]?.sync.queueLength).toBe(9);
});

it('snapshots not renewed for a day are no longer listed', async () => {
  await t.call('reportStatus', snapshot('001-02'), '001-02');
  t.clock.advance(24 * 3_600_000 - 1);
  expect((await branch()).workstations).toHaveLength(1);
  t.clock.advance(2);
  expect((await branch()).workstations).toHaveLength(0);
});

it('a workstation reports only for itself and reads only its own branch', async () => {
  expect(await t.call('reportStatus', snapshot('001-02'), '001-03')).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
  expect((await t.call('reportStatus', snapshot('001-02'), null)).status).toBe(401);
  await t.call('reportStatus', snapshot('001-02'), '001-02');
  // Another branch's workstation neither reads branch 001 nor sees its snapshots in its own branch.
  const other = await t.call('branchStatus', { branch: '001' }, null);
  expect(other.status).toBe(401);
  expect((await callRoute(t.central.url, 'branchStatus', { branch: '001' }, 'token-de-la-oficina-002-estacion-01')).status).toBe(403);
  const own = await callRoute(t.central.url, 'branchStatus', { branch: '002' }, 'token-de-la-oficina-002-estacion-01');
  expect(own).toMatchObject({ status: 200, body: { workstations: [] } });
  expect((await t.call('branchStatus', { branch: '002' }, '001-03')).status).toBe(403);
  // A malformed snapshot is refused with the field, nothing stored.
  expect(await t.call('reportStatus', { ...snapshot('001-01'), till: { open: true, tillCode: '01' } } as unknown as WorkstationStatus, '001-01')).toMatchObject({ status: 400, body: { error: { code: 'INVALID_REQUEST' } } });
  expect((await branch()).workstations.map((w) => w.workstation)).toEqual(['001-02']);
});

it('lists per till what is on its way to it, provisions and till-to-till sends from every workstation, until settled (QA s37)', async () => {
  for (const ws of ['001-02', '001-03', '001-04']) await t.call('reportStatus', snapshot(ws), ws);
  const at = '2025-03-10T10:00:00-05:00';
  const provisionId = newKey();
  const provision = { key: newKey(), occurredAt: at, transferId: provisionId, toWorkstation: '001-03', count: { '50000': 10 }, amount: 500_000, sentBy: 'supervisor1', sentByName: 'Marta Rojas' };
  expect((await t.call('vaultProvision', provision, '001-01')).status).toBe(200);
  const sendFrom = (from: string, to: string, amount: number) => {
    const transferId = newKey();
    return { transferId, op: { key: newKey(), branch: '001', workstation: from, occurredAt: at, type: 'till_transfer_send' as const, payload: { transferId, toWorkstation: to, count: { '10000': amount / 10_000 }, amount, sentBy: 'u-x', sentByName: 'Luis Pérez' } } };
  };
  const fromTwo = sendFrom('001-02', '001-03', 230_000);
  const fromFour = sendFrom('001-04', '001-03', 70_000);
  const toFour = sendFrom('001-02', '001-04', 10_000);
  expect((await batch(t, [fromTwo.op, toFour.op], '001-02')).status).toBe(200);
  expect((await batch(t, [fromFour.op], '001-04')).status).toBe(200);
  const travelling = async () => Object.fromEntries((await branch('001-02')).workstations.map((w) => [w.workstation, w.inTransit]));
  expect(await travelling()).toEqual({
    '001-02': [],
    '001-03': [
      { id: provisionId, amount: 500_000 },
      { id: fromTwo.transferId, amount: 230_000 },
      { id: fromFour.transferId, amount: 70_000 },
    ],
    '001-04': [{ id: toFour.transferId, amount: 10_000 }],
  });
  // Accepted, it is in the till's position (its next report), no longer on its way.
  const settle = { key: newKey(), branch: '001', workstation: '001-03', occurredAt: at, type: 'till_transfer_settle' as const, payload: { transferId: fromTwo.transferId, decision: 'accept' as const, receivedBy: 'u-3', receivedByName: 'Ana Gómez', count: { '10000': 23 }, note: null } };
  expect((await batch(t, [settle], '001-03')).status).toBe(200);
  expect((await travelling())['001-03']).toEqual([
    { id: provisionId, amount: 500_000 },
    { id: fromFour.transferId, amount: 70_000 },
  ]);
});
