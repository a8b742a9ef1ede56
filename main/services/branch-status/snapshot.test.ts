import { expect, it } from 'vitest';
import type { BranchStatusResponse } from '../../../domain/central-api';
import { remoteRows } from './snapshot';

/** Issue 7 "Supervisor desk": other workstations' rows from central's snapshots, their age on central's clock. */
const till = { open: true as const, tillCode: '02', tellerName: 'Luis Pérez', openedAt: '2026-03-02T13:00:00.000Z', positionTotal: 2_000_000, limit: 60_000_000, holding: 'ok' as const };
const ws = (workstation: string, receivedAt: string, over: Partial<BranchStatusResponse['workstations'][number]> = {}) => ({
  workstation, till: { ...till, tillCode: workstation.slice(4) }, sync: { queueLength: 0, unknown: 0, rejected: 0 }, journalOk: true, reportedAt: receivedAt, receivedAt, ...over,
});

it('skips this workstation and closed tills; age and staleness come from central’s clock, the time shown from the reader’s', () => {
  const res: BranchStatusResponse = {
    now: '2026-03-02T14:10:00.000Z',
    workstations: [
      ws('001-03', '2026-03-02T14:09:59.000Z'),
      ws('001-02', '2026-03-02T14:09:30.000Z'),
      ws('001-01', '2026-03-02T14:08:00.000Z'),
      ws('001-04', '2026-03-02T14:07:59.000Z'),
      ws('001-05', '2026-03-02T14:09:59.000Z', { till: { open: false, tillCode: '05' } }),
    ],
  };
  // The reader's clock runs 5 minutes ahead of central's: ages do not change, displayed times follow the reader.
  const rows = remoteRows(res, '001-03', new Date('2026-03-02T14:15:00.000Z'));
  expect(rows.map((r) => [r.workstation, r.source, r.ageSeconds, r.stale, r.reportedAt])).toEqual([
    ['001-01', 'central', 120, false, '2026-03-02T14:13:00.000Z'],
    ['001-02', 'central', 30, false, '2026-03-02T14:14:30.000Z'],
    ['001-04', 'central', 121, true, '2026-03-02T14:12:59.000Z'],
  ]);
  expect(rows[1]).toMatchObject({ tillCode: '02', tellerName: 'Luis Pérez', positionTotal: 2_000_000, limit: 60_000_000, holding: 'ok', journalOk: true });
});

it('a snapshot received after central’s `now` (clock granularity) reads as age 0, never negative', () => {
  const rows = remoteRows({ now: '2026-03-02T14:10:00.000Z', workstations: [ws('001-02', '2026-03-02T14:10:00.500Z')] }, '001-03', new Date('2026-03-02T14:10:00.000Z'));
  expect(rows[0]).toMatchObject({ ageSeconds: 0, stale: false });
});

it('the bank’s stale limit (config branchStatus.staleAfterSeconds) replaces the default', () => {
  const res: BranchStatusResponse = { now: '2026-03-02T14:10:00.000Z', workstations: [ws('001-01', '2026-03-02T14:08:00.000Z'), ws('001-02', '2026-03-02T14:09:30.000Z')] };
  const now = new Date('2026-03-02T14:10:00.000Z');
  expect(remoteRows(res, '001-03', now, 60).map((r) => [r.workstation, r.stale])).toEqual([['001-01', true], ['001-02', false]]);
  expect(remoteRows(res, '001-03', now, 300).map((r) => r.stale)).toEqual([false, false]);
});
