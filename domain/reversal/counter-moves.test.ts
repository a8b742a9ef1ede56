import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reversalCounterMoves } from './counter-moves';

// teller-anchors §4 item 10: a reversal undoes at the counter what the comprobante moved there.
describe('what a reversal moves at the counter', () => {
  it('a deposit: the cash and each cheque, by bank and number, go back to the customer', () => {
    expect(reversalCounterMoves({ kind: 'deposito', cashIn: 1_200_000, cheques: [{ bank: '007', number: '123456', amount: 500_000 }] })).toEqual([
      { label: 'Efectivo a devolver al cliente', value: '$ 1.200.000' },
      { label: 'Cheque a devolver al cliente', value: 'Bancolombia No. 123456 por $ 500.000' },
    ]);
  });

  it('a withdrawal: the cash (or the cheque de gerencia) comes back from the customer', () => {
    expect(reversalCounterMoves({ kind: 'retiro', cashOut: 300_000, chequeGerencia: null })).toEqual([{ label: 'Efectivo a recibir del cliente', value: '$ 300.000' }]);
    expect(reversalCounterMoves({ kind: 'retiro', cashOut: 0, chequeGerencia: '0001234' })).toEqual([{ label: 'Cheque de gerencia a recibir del cliente', value: 'No. 0001234 · ANULADO' }]);
  });

  it('a transfer: both accounts, masked with their holders; the one that received is debited, the one that sent credited', () => {
    expect(
      reversalCounterMoves({ kind: 'traslado', from: { account: '240000000011', holders: 'ANA PÉREZ' }, to: { account: '240000000029', holders: 'LUIS GÓMEZ / EVA RÍOS' } }),
    ).toEqual([
      { label: 'Cuenta debitada (recibió el traslado)', value: '****0029 · LUIS GÓMEZ / EVA RÍOS' },
      { label: 'Cuenta acreditada (originó el traslado)', value: '****0011 · ANA PÉREZ' },
    ]);
  });

  it('a deposit gives back exactly what came in: the amounts shown add up to its cash and cheques, one line per cheque', () => {
    const pesos = (v: string) => Number(v.replace(/.*\$ /, '').replace(/\./g, ''));
    fc.assert(
      fc.property(
        fc.nat({ max: 500_000_000 }),
        fc.array(fc.record({ bank: fc.constantFrom('001', '007', '013', '051'), number: fc.stringMatching(/^\d{1,12}$/), amount: fc.integer({ min: 1, max: 900_000_000 }) }), { maxLength: 8 }),
        (cashIn, cheques) => {
          const moves = reversalCounterMoves({ kind: 'deposito', cashIn, cheques });
          expect(moves.filter((m) => m.label.startsWith('Cheque')).map((m) => m.value.split(' No. ')[1]?.split(' por ')[0])).toEqual(cheques.map((c) => c.number));
          const total = moves.reduce((s, m) => s + pesos(m.value), 0);
          expect(total).toBe(cashIn + cheques.reduce((s, c) => s + c.amount, 0));
        },
      ),
    );
  });
});
