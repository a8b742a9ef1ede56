import { describe, expect, it } from 'vitest';
import type { ReceiptLine } from '../../../domain/receipt/document';
import type { TillMovement } from '../../store/till/repo';
import { buildCloseReport } from './report';

const movement = (kind: string, amount: number, i: number): TillMovement => ({ id: `m${i}`, tillSessionId: 's', kind, reference: null, delta: {}, amount, at: '2026-12-05T15:00:00.000Z' });

const report = (movements: TillMovement[], extra: Partial<Parameters<typeof buildCloseReport>[0]> = {}) =>
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
    ...extra,
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

  it('of a reopened till: says it is a reopening, from which close and balance, why and who approved it', () => {
    const doc = report([], { reopening: { closedAt: '2026-12-05T20:00:00.000Z', closingBalance: 1_000_000, reason: 'Cliente con consignación pendiente', approver: 'Marta Rojas' } });
    expect(doc.title).toBe('CIERRE DE CAJA - REPORTE DE REAPERTURA');
    expect(doc.lines.slice(0, 9)).toEqual([
      { kind: 'text', text: 'REAPERTURA: este reporte cubre solo lo ocurrido desde la reapertura.', emphasis: true },
      { kind: 'field', label: 'Cierre anterior', value: '05/12/2026 15:00:00' },
      { kind: 'amount', label: 'Saldo del cierre anterior', amount: 1_000_000 },
      { kind: 'field', label: 'Motivo de la reapertura', value: 'Cliente con consignación pendiente' },
      { kind: 'field', label: 'Aprobó la reapertura', value: 'Marta Rojas' },
      { kind: 'rule' },
      { kind: 'field', label: 'Fecha contable', value: '05/12/2026' },
      { kind: 'field', label: 'Reapertura', value: '05/12/2026 08:00:00' },
      { kind: 'amount', label: 'Saldo de apertura', amount: 1_000_000 },
    ]);
    // A till opened with its own count keeps the end-of-day title and says nothing of a reopening.
    const plain = report([]);
    expect(plain.title).toBe('CIERRE DE CAJA - REPORTE DE FIN DE DÍA');
    expect(JSON.stringify(plain)).not.toContain('REAPERTURA');
  });

  it('names each operation posted in contingency, marked CONTINGENCIA as its receipt and the journal mark it', () => {
    const withRef = (kind: string, amount: number, i: number, reference: string): TillMovement => ({ ...movement(kind, amount, i), reference });
    const doc = report([withRef('retiro', -150_000, 1, '001-03-000001'), withRef('retiro', -80_000, 2, '001-03-000002'), withRef('deposito', 50_000, 3, '001-03-000003')], {
      contingency: ['001-03-000002', '001-03-000003'],
    });
    expect(amounts(doc.lines).filter(([label]) => String(label).includes('CONTINGENCIA'))).toEqual([
      ['Retiro 001-03-000002 CONTINGENCIA', 80_000],
      ['Consignación 001-03-000003 CONTINGENCIA', 50_000],
    ]);
    expect(doc.lines).toContainEqual({ kind: 'amount', label: 'Retiro 001-03-000002 CONTINGENCIA', amount: 80_000, negative: true });
    expect(amounts(doc.lines)).toContainEqual(['Retiros (2) salidas', 230_000]);
  });

  it('prints a faltante as the word with the absolute amount, as the sobrante and the counts lines do', () => {
    const closing = (counted: number) => ({ id: 'c', tillSessionId: 's', state: 'cerrada' as const, expected: { '100000': 10 }, count1: { '50000': counted }, count2: null, difference: 0, reasonCode: null, reasonText: null, approvalId: null, journalHash: null, counts: [], createdAt: '', updatedAt: '' });
    const short = report([], { closing: closing(19) });
    expect(short.lines).toContainEqual({ kind: 'amount', label: 'FALTANTE', amount: 50_000 });
    const over = report([], { closing: closing(21) });
    expect(over.lines).toContainEqual({ kind: 'amount', label: 'SOBRANTE', amount: 50_000 });
  });

  it('lists the cheque de gerencia forms issued, by number, amount and state: emitido, or anulado by its reversal', () => {
    const doc = report([], { cheques: [{ number: '7700123', amount: 1_000_000, reversal: null }, { number: '7700200', amount: 300_000, reversal: 'R-001-03-000004' }] });
    expect(doc.lines).toContainEqual({ kind: 'text', text: 'Cheques de gerencia expedidos (2)' });
    expect(amounts(doc.lines)).toEqual(expect.arrayContaining([['No. 7700123 · emitido', 1_000_000], ['No. 7700200 · anulado por reverso R-001-03-000004', 300_000]]));
    expect(JSON.stringify(report([]))).not.toContain('Cheques de gerencia');
  });

  it('lists the cheques the deposits took, canje and remesa, by bank name, number, account and (remesa) plaza; one handed back by a reversal is not in the total (QA s36 F7, s37 Q10)', () => {
    const doc = report([], {
      chequesReceived: [
        { route: 'canje', bank: '007', number: '1234567', accountNumber: '240000000029', city: 'Bogotá', amount: 1_500_000, reversal: null },
        { route: 'remesa', bank: '051', number: '555', accountNumber: '240000000011', city: 'Medellín', amount: 700_000, reversal: null },
        { route: 'canje', bank: '013', number: '9', accountNumber: '240000000029', city: 'Bogotá', amount: 100_000, reversal: 'R-001-03-000004' },
      ],
    });
    expect(doc.lines).toContainEqual({ kind: 'text', text: 'Cheques recibidos (3)' });
    expect(amounts(doc.lines)).toEqual(
      expect.arrayContaining([
        ['Canje · Bancolombia No. 1234567 · cta. 240000000029', 1_500_000],
        ['Remesa · Davivienda No. 555 · Medellín · cta. 240000000011', 700_000],
        ['Canje · BBVA Colombia No. 9 · cta. 240000000029 · devuelto con el reverso R-001-03-000004', 100_000],
        ['Total cheques recibidos', 2_200_000],
      ]),
    );
    expect(JSON.stringify(report([]))).not.toContain('Cheques recibidos');
  });
});
