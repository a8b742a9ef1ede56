import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccountSchema } from '../accounts/account';
import { formatPesos } from '../money/pesos';
import { DEFAULT_RULES } from '../rules-config/config';
import { insufficientFunds, withdrawableBalance } from './embargo';

const account = (available: number, inCanje: number, embargo: number | null) =>
  AccountSchema.parse({
    number: '123456781234', kind: 'individual', owner: 'natural', holders: [{ id: { type: 'CC', number: '1020304050' }, name: 'Ana Pérez' }], authorized: [], state: 'activa',
    balances: { available, inCanje, onHold: 0 }, lastCustomerMovementOn: '2025-05-01', openedOn: '2020-03-01', city: 'Barranquilla',
    ...(embargo === null ? {} : { state: 'embargada', embargo: { amount: embargo, alimentos: false } }),
  });

describe('the refusal for insufficient funds (withdrawal and transfer)', () => {
  it('property: names the canje clause, with the amount in canje, iff the account has something in canje', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000_000 })),
        fc.option(fc.integer({ min: 0, max: 100_000_000 })),
        fc.integer({ min: 1, max: 200_000_000 }),
        (available, inCanje, embargo, over) => {
          const b = withdrawableBalance(account(available, inCanje, embargo), '2025-10-15', DEFAULT_RULES);
          if (!b.ok) throw new Error(b.error.message);
          const refusal = insufficientFunds(b.value, b.value.withdrawable + over, 'el retiro con sus cargos');
          if (refusal === null) throw new Error('a debit above what may be disposed of must be refused');
          expect(refusal.message.includes('cláusula 3.9')).toBe(inCanje > 0);
          expect(refusal.message.includes(`${formatPesos(inCanje)} en canje`)).toBe(inCanje > 0);
        },
      ),
    );
  });

  it('reads whole: what may be disposed of, the debit, and the canje the customer sees on the statement', () => {
    const b = withdrawableBalance(account(1_000_000, 2_500_000, null), '2025-10-15', DEFAULT_RULES);
    if (!b.ok) throw new Error(b.error.message);
    expect(insufficientFunds(b.value, 1_204_800, 'el retiro con sus cargos')?.message).toBe(
      'Saldo insuficiente: el retiro con sus cargos suma $ 1.204.800 y se puede disponer de $ 1.000.000. Los $ 2.500.000 en canje o remesa al cobro no están disponibles hasta el pago de los cheques (cláusula 3.9).',
    );
    const none = withdrawableBalance(account(1_000_000, 0, null), '2025-10-15', DEFAULT_RULES);
    if (!none.ok) throw new Error(none.error.message);
    expect(insufficientFunds(none.value, 1_204_800, 'el traslado con el 4x1000')?.message).toBe(
      'Saldo insuficiente: el traslado con el 4x1000 suma $ 1.204.800 y se puede disponer de $ 1.000.000.',
    );
  });
});
