import { describe, expect, it } from 'vitest';
import { rejectionFollowUp } from './labels';

const rejected = (type: string, contingency = false) => ({ type, status: 'rejected' as const, contingency });

describe("what the supervisor does with central's rejection", () => {
  it('a withdrawal central refused was already paid: the cash is out, so the customer is followed up, never "no entregue"', () => {
    for (const contingency of [true, false]) {
      const text = rejectionFollowUp(rejected('withdrawal', contingency));
      expect(text).toMatch(/^El efectivo ya se entregó/);
      expect(text).toContain('contacte al cliente');
      expect(text).not.toMatch(/no entregue/i);
    }
  });

  it('a transfer or a commission central refused paid nothing: said so, with what to tell the customer', () => {
    expect(rejectionFollowUp(rejected('transfer', true))).toMatch(/^No salió efectivo de la caja: central no movió ninguna de las dos cuentas\./);
    expect(rejectionFollowUp(rejected('deposit_commission'))).toMatch(/^No salió efectivo de la caja: la comisión no se cobró a la cuenta\./);
  });

  it('a reversal central refused leaves the original in force while the till already moved its cash', () => {
    const text = rejectionFollowUp(rejected('reversal', true));
    expect(text).toMatch(/^Central no aplicó el reverso: la operación original sigue registrada en la cuenta, aunque la caja ya movió el efectivo del reverso/);
    expect(text).not.toMatch(/no entregue/i);
  });

  it('a conflict is not a refusal of the operation: support first', () => {
    expect(rejectionFollowUp({ type: 'withdrawal', status: 'conflict', contingency: true })).toMatch(/soporte/);
  });
});
