import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/iso-date';
import { AccountSchema } from './account';
import { type Movement, inactiveFrom, isInactiveOn, lastCustomerMovement } from './activity';
import { samePerson } from './person';

const base = {
  number: '123456781234',
  kind: 'individual',
  owner: 'natural',
  holders: [{ id: { type: 'CC', number: '1.020.304.050' }, name: 'Ana Pérez' }],
  state: 'activa',
  balances: { available: 1_000_000, inCanje: 0, onHold: 0 },
  lastCustomerMovementOn: '2025-01-15',
  openedOn: '2020-03-01',
  city: 'Barranquilla',
} as const;

describe('account schema (seed 003, clause 2.4)', () => {
  it('parses and normalises document numbers', () => {
    const a = AccountSchema.parse(base);
    expect(a.holders[0]?.id.number).toBe('1020304050');
    expect(a.authorized).toEqual([]);
    expect(a.gmfExempt).toBe(false);
    expect(a.embargo).toBeNull();
  });
  it('clause 2.4.1: individual has exactly one holder; 2.4.2/2.4.3: colectiva and conjunta have two or more', () => {
    const two = [...base.holders, { id: { type: 'CC', number: '79123456' }, name: 'Luis Gómez' }];
    expect(AccountSchema.safeParse({ ...base, holders: two }).success).toBe(false);
    expect(AccountSchema.safeParse({ ...base, kind: 'conjunta' }).success).toBe(false);
    expect(AccountSchema.safeParse({ ...base, kind: 'conjunta', holders: two }).success).toBe(true);
  });
  it('clause 2.4.2: colectiva is for natural persons; clause 2.7: jurídica needs a legal representative', () => {
    const company = [{ id: { type: 'NIT', number: '800197268-4' }, name: 'Acme SAS' }];
    expect(AccountSchema.safeParse({ ...base, owner: 'juridica', holders: company }).success).toBe(false);
    expect(AccountSchema.safeParse({ ...base, owner: 'juridica', holders: company, legalRepresentatives: base.holders }).success).toBe(true);
  });
  it('an embargada account carries its embargo', () => {
    expect(AccountSchema.safeParse({ ...base, state: 'embargada' }).success).toBe(false);
    expect(AccountSchema.safeParse({ ...base, state: 'embargada', embargo: { amount: 5_000_000 } }).success).toBe(true);
  });
  it('compares people by canonical document', () => {
    expect(samePerson({ type: 'CC', number: '79123456' }, { type: 'CC', number: '79123456' })).toBe(true);
    expect(samePerson({ type: 'CC', number: '79123456' }, { type: 'CE', number: '79123456' })).toBe(false);
  });
});

describe('inactivity (seed 003, clause 7.1)', () => {
  it('interest and fee postings do not count as movements', () => {
    const moves: Movement[] = [
      { on: '2025-01-15', kind: 'withdrawal' },
      { on: '2025-03-31', kind: 'interest' },
      { on: '2025-04-30', kind: 'fee' },
      { on: '2025-05-02', kind: 'tax' },
    ];
    expect(lastCustomerMovement(moves)).toBe('2025-01-15');
    expect(lastCustomerMovement([{ on: '2025-03-31', kind: 'interest' }])).toBeNull();
  });
  it('six consecutive months after the last movement the account is inactive', () => {
    expect(inactiveFrom('2025-01-15', '2020-01-01')).toBe('2025-07-15');
    expect(isInactiveOn('2025-07-14', '2025-01-15', '2020-01-01')).toBe(false);
    expect(isInactiveOn('2025-07-15', '2025-01-15', '2020-01-01')).toBe(true);
    expect(isInactiveOn('2025-07-15', null, '2025-01-15')).toBe(true);
  });
  it('adding bank postings never changes the last customer movement', () => {
    const kind = fc.constantFrom('deposit', 'withdrawal', 'transfer-in', 'transfer-out', 'interest', 'fee', 'tax', 'embargo-debit', 'cheque-return' as const);
    const day = fc.integer({ min: 0, max: 3000 }).map((d) => addDays('2020-01-01', d));
    fc.assert(
      fc.property(fc.array(fc.record({ on: day, kind })), fc.array(fc.record({ on: day, kind: fc.constantFrom('interest', 'fee' as const) })), (moves, bank) => {
        expect(lastCustomerMovement([...moves, ...bank])).toBe(lastCustomerMovement(moves));
      }),
    );
  });
});
