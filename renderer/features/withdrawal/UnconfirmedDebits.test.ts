import { describe, expect, it } from 'vitest';
import { notHandedOver } from './UnconfirmedDebits';

describe('abandoning an unconfirmed debit says what not to hand over', () => {
  it('a withdrawal by cheque de gerencia: the cheque, not cash', () => {
    expect(notHandedOver({ kind: 'retiro', payout: 'cheque-gerencia' })).toBe('No entregue el cheque de gerencia.');
  });
  it('a cash withdrawal, and one asked before the payout was kept: the cash', () => {
    expect(notHandedOver({ kind: 'retiro', payout: 'efectivo' })).toBe('No entregue el efectivo.');
    expect(notHandedOver({ kind: 'retiro', payout: null })).toBe('No entregue el efectivo.');
  });
  it('a transfer: it is not registered', () => {
    expect(notHandedOver({ kind: 'traslado', payout: null })).toBe('El traslado no se registra.');
  });
});
