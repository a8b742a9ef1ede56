import { describe, expect, it } from 'vitest';
import type { ReceiptLine } from '../../../domain/receipt/document';
import type { TillMovement } from '../../store/till/repo';
import { buildCloseReport } from './report';

const movement = (kind: string, amount: number, i: number): TillMovement => ({ id: `m${i}`, tillSessionId: 's', kind, reference: null, delta: {}, amount, at: '2026-12-05T15:00:00.000Z' });

const report = (movements: TillMovement[]) =>
  buildCloseReport({
    session: { id: 'session-1', tillCode: '03', tellerId: 't', businessDate: '2026-12-05', state: 'cerrada', openedAt: '2026-12-05T13:00:00.000Z', openingCount: {}, openingTotal: 1_000_000, position: {}, positionTotal: 0, closedAt: null },
    closing: { id: 'c', tillSessionId: 's', state: 'cerrada', expected: { '100000': 10 }, count1: { '100000': 10 }, count2: null, difference: 0, reasonCode: null, reasonText: null, approvalId: null, journalHash: null, counts: [], createdAt: '', updatedAt: '' },
    movements,
    counts: [],
    branch: { code: '001', name: 'Centro' },
    teller: 'Ana Gómez',
    approver: null,
    closedAt: '2026-12-05T22:00:00.000Z',
    verificationCode: 'ABC',
  });

const amounts = (lines: readonly ReceiptLine[]) => lines.flatMap((l) => (l.kind === 'amount' ? [[l.label, l.amount]] : []));

describe('end-of-day report', () => {
  it('counts entries and exits of one kind apart: one reversal of a deposit and one of a withdrawal are one each', () => {
    const doc = report([movement('deposito', 300_000, 1), movement('deposito', 200_000, 2), movement('retiro', -100_000, 3), movement('reverso', -200_000, 4), movement('reverso', 100_000, 5)]);
    expect(amounts(doc.lines)).toEqual(
      expect.arrayContaining([
        ['Consignaciones (2) entradas', 500_000],
        ['Retiros (1) salidas', 100_000],
        ['Reversos (1) entradas', 100_000],
        ['Reversos (1) salidas', 200_000],
      ]),
    );
    expect(amounts(doc.lines).map(([label]) => label)).not.toContain('Consignaciones (2) salidas');
  });
});
