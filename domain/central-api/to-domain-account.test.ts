import { describe, expect, it } from 'vitest';
import { AccountSchema, type Account } from './reference';
import { toDomainAccount } from './to-domain-account';

const base = (over: Partial<Account> = {}): Account =>
  AccountSchema.parse({
    number: '240000000011',
    product: 'ahorros',
    kind: 'individual',
    owner: 'natural',
    holders: [{ documentType: 'CC', documentNumber: '900000001', name: 'MARÍA PÉREZ' }],
    authorized: [],
    state: 'activa',
    gmfExempt: true,
    balances: { available: 2_500_000, inCanje: 100_000, onHold: 0 },
    embargoAmount: 0,
    openedOn: '2019-06-14',
    registeredCellphone: '3001234501',
    city: 'Bogotá D.C.',
    branch: '001',
    ...over,
  });

describe('toDomainAccount', () => {
  it('maps holders to domain persons and keeps balances, dates and flags', () => {
    const r = toDomainAccount(base({ lastCustomerMovementOn: '2025-02-27' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      number: '240000000011',
      holders: [{ id: { type: 'CC', number: '900000001' }, name: 'MARÍA PÉREZ' }],
      legalRepresentatives: [],
      gmfExempt: true,
      balances: { available: 2_500_000, inCanje: 100_000, onHold: 0 },
      embargo: null,
      openedOn: '2019-06-14',
      lastCustomerMovementOn: '2025-02-27',
    });
  });

  it('an authorized person keeps the conditions the holders registered; one without them has none (seed 003 cl. 2.1, 3.5)', () => {
    const rosa = { documentType: 'CC' as const, documentNumber: '900000005', name: 'ROSA' };
    const luz = { documentType: 'CC' as const, documentNumber: '900000003', name: 'LUZ' };
    const r = toDomainAccount(base({ authorized: [{ ...rosa, validUntil: '2026-12-31', maxPerWithdrawal: 500_000, maxPerDay: 1_500_000, payouts: 'efectivo' }, luz] }));
    expect(r.ok && r.value.authorized).toEqual([
      { id: { type: 'CC', number: '900000005' }, name: 'ROSA', validUntil: '2026-12-31', maxPerWithdrawal: 500_000, maxPerDay: 1_500_000, payouts: 'efectivo' },
      { id: { type: 'CC', number: '900000003' }, name: 'LUZ', validUntil: null, maxPerWithdrawal: null, maxPerDay: null, payouts: 'efectivo-y-cheque' },
    ]);
  });

  it('an embargada account gets its frozen amount and the order details (seed 003 cl. 7.2)', () => {
    const r = toDomainAccount(base({ state: 'embargada', embargoAmount: 1_800_000, embargo: { alimentos: true, authority: 'Juzgado 12' } }));
    expect(r.ok && r.value.embargo).toEqual({ amount: 1_800_000, alimentos: true, authority: 'Juzgado 12' });
  });

  it('the retention central keeps (seed 003 cl. 7.2, 8.5) reaches the order; an older central says nothing of it', () => {
    const kept = toDomainAccount(base({ state: 'embargada', embargoAmount: 10_000_000, balances: { available: 10_000_000, inCanje: 0, onHold: 0, embargoRetained: 10_000_000 } }));
    expect(kept.ok && kept.value.embargo).toEqual({ amount: 10_000_000, alimentos: false, retained: 10_000_000 });
    expect(kept.ok && kept.value.balances).toEqual({ available: 10_000_000, inCanje: 0, onHold: 0 });
    const older = toDomainAccount(base({ state: 'embargada', embargoAmount: 10_000_000 }));
    expect(older.ok && older.value.embargo).toEqual({ amount: 10_000_000, alimentos: false });
  });

  it('an embargada account without order details still carries the amount', () => {
    const r = toDomainAccount(base({ state: 'embargada', embargoAmount: 500_000, embargo: null }));
    expect(r.ok && r.value.embargo).toEqual({ amount: 500_000, alimentos: false });
  });

  it('refuses a persona jurídica without legal representative (seed 003 cl. 2.7)', () => {
    const r = toDomainAccount(base({ owner: 'juridica', holders: [{ documentType: 'NIT', documentNumber: '900123456-8', name: 'FERRETERÍA' }] }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('REFERENCE_ACCOUNT_INVALID');
    expect(r.error.issues.map((i) => i.path)).toContain('legalRepresentatives');
  });

  it('refuses a conjunta account with one holder (seed 003 cl. 2.4.3)', () => {
    expect(toDomainAccount(base({ kind: 'conjunta' })).ok).toBe(false);
  });
});
