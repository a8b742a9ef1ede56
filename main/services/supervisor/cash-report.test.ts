import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/runtime';
import { createCashReportService } from './cash-report';

const empty = { branch: '001', month: '2026-11', thresholds: { individual: 10_000_000, monthly: 50_000_000 }, multiple: [], individual: [] };

describe('supervisor cash report', () => {
  it('asks central for the current month in Colombia: 1 December 03:00 UTC is still November in Bogotá', async () => {
    const asked: unknown[] = [];
    const central = { call: (_route: string, req: unknown) => (asked.push(req), Promise.resolve({ ok: true as const, data: empty })) };
    const s = createCashReportService({ central: central as never, clock: manualClock(new Date('2026-12-01T03:00:00Z')), branch: '001' });
    expect(await s.report()).toEqual(empty);
    expect(await s.report('2026-10')).toEqual(empty);
    expect(asked).toEqual([{ branch: '001', month: '2026-11' }, { branch: '001', month: '2026-10' }]);
  });

  it.each([
    ['no central configured', null],
    ['central unreachable', { call: () => Promise.reject(new Error('ECONNREFUSED')) }],
    ['central refuses', { call: () => Promise.resolve({ ok: false, error: { code: 'FORBIDDEN', message: 'x' } }) }],
  ])('%s: CENTRAL_UNAVAILABLE, never a local guess', async (_name, central) => {
    const s = createCashReportService({ central: central as never, clock: manualClock(new Date('2026-11-22T12:00:00Z')), branch: '001' });
    await expect(s.report()).rejects.toMatchObject({ code: 'CENTRAL_UNAVAILABLE' });
  });
});
