import { describe, expect, it } from 'vitest';
import { approvalReason } from '../approval/reasons';
import { approvedDay, limitsBeyondApproval } from './approved-limits';

const limits = { dailyCount: 5, dailyAmount: 1_000_000 };
const count = (n: number) => approvalReason('LIMIT_EXCEEDED_WITHDRAWAL_COUNT', `Retiros hoy con este: ${n}; máximo 5.`, { count: n, limit: 5 });
const amount = (total: number) => approvalReason('LIMIT_EXCEEDED_WITHDRAWAL_AMOUNT', 'x', { dayTotal: total, limit: 1_000_000 });

describe('an exception to the day’s limits covers the figures it showed (seed 003 cl. 3.12)', () => {
  it('the day an approval covers: what each excepted figure showed, the limit for the other; none without a limit reason', () => {
    expect(approvedDay([count(6)], limits)).toEqual({ count: 6, amount: 1_000_000 });
    expect(approvedDay([amount(1_200_000)], limits)).toEqual({ count: 5, amount: 1_200_000 });
    expect(approvedDay([approvalReason('VISACION')], limits)).toBeNull();
  });

  it('a reason whose figure went beyond what was approved is not covered; the same or a lower one is', () => {
    expect(limitsBeyondApproval([count(6)], [count(7)])).toEqual([count(7)]);
    expect(limitsBeyondApproval([count(6)], [count(6)])).toEqual([]);
    expect(limitsBeyondApproval([count(6), amount(1_100_000)], [count(6), amount(1_100_050)])).toEqual([amount(1_100_050)]);
    // A reason the approval never had is the general check's to refuse (approvalCovers), not this one's.
    expect(limitsBeyondApproval([approvalReason('VISACION')], [count(6)])).toEqual([]);
  });
});
