import type { Operation } from '../../../domain/central-api';
import type { DenominationCount } from '../../../domain/money/denominations';
import { totalOfCount } from '../../../domain/money/denominations';
import type { OutboxRepo } from '../../store/outbox/repo';

/**
 * The till's opening and close as central keeps them (domain/central-api/till-records.ts), queued in the outbox
 * inside the transaction that saves them here: a reinstalled workstation finds its last close at central.
 */
export type TillOutbox = Pick<OutboxRepo, 'enqueue'>;
export interface TillWorkstation {
  id: string;
  branchCode: string;
  tillCode: string;
}

export const tillOpenOperation = (
  ws: TillWorkstation,
  key: string,
  at: string,
  o: { tellerId: string; tellerUsername?: string; tillSessionId: string; businessDate: string; count: DenominationCount; carriedFrom: { id: string; total: number } | null; approvalId: string | null; reopenedFrom?: string },
): Operation => {
  const amount = totalOfCount(o.count);
  return {
    key, branch: ws.branchCode, workstation: ws.id, occurredAt: at, type: 'till_open',
    payload: {
      tellerId: o.tellerId, ...(o.tellerUsername ? { tellerUsername: o.tellerUsername } : {}), amount, tillCode: ws.tillCode, tillSessionId: o.tillSessionId, businessDate: o.businessDate, count: o.count,
      carriedFrom: o.carriedFrom?.id ?? null, difference: o.carriedFrom ? amount - o.carriedFrom.total : null, approvalId: o.approvalId,
      ...(o.reopenedFrom ? { reopenedFrom: o.reopenedFrom } : {}),
    },
  };
};

export const tillCloseOperation = (
  ws: TillWorkstation,
  key: string,
  at: string,
  o: { tellerId: string; tellerUsername?: string; tillSessionId: string; businessDate: string; count: DenominationCount; expected: number; approvalId: string | null },
): Operation => {
  const counted = totalOfCount(o.count);
  return {
    key, branch: ws.branchCode, workstation: ws.id, occurredAt: at, type: 'till_close',
    payload: {
      tellerId: o.tellerId, ...(o.tellerUsername ? { tellerUsername: o.tellerUsername } : {}), counted, expected: o.expected, tillCode: ws.tillCode, tillSessionId: o.tillSessionId, businessDate: o.businessDate,
      count: o.count, difference: counted - o.expected, approvalId: o.approvalId,
    },
  };
};
