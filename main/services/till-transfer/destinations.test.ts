import { describe, expect, it } from 'vitest';
import type { BranchStatusResponse } from '../../../domain/central-api';
import { destinationsOf } from './service';

const at = (s: number) => new Date(Date.UTC(2026, 10, 23, 15, 0, s)).toISOString();
const snapshot = (workstation: string, open: boolean, receivedSecondsAgo: number): BranchStatusResponse['workstations'][number] => ({
  workstation,
  till: open
    ? { open: true, tillCode: workstation.slice(4), tellerName: `Cajero ${workstation}`, openedAt: at(0), positionTotal: 1_000_000, limit: 60_000_000, holding: 'ok' }
    : { open: false, tillCode: workstation.slice(4) },
  sync: { queueLength: 0, unknown: 0, rejected: 0 },
  journalOk: true,
  reportedAt: at(0),
  receivedAt: new Date(Date.UTC(2026, 10, 23, 16, 0, 0) - receivedSecondsAgo * 1000).toISOString(),
});

describe('till destinations from the branch snapshots', () => {
  it('other workstations with an open till, by till code; an old report is marked, a closed till and this one left out', () => {
    const res: BranchStatusResponse = {
      now: new Date(Date.UTC(2026, 10, 23, 16, 0, 0)).toISOString(),
      workstations: [snapshot('001-05', true, 300), snapshot('001-03', true, 0), snapshot('001-02', true, 10), snapshot('001-04', false, 5)],
    };
    expect(destinationsOf(res, '001-03')).toEqual([
      { tillCode: '02', workstation: '001-02', tellerName: 'Cajero 001-02', stale: false },
      { tillCode: '05', workstation: '001-05', tellerName: 'Cajero 001-05', stale: true },
    ]);
  });
});
