import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Account, AccountSchema } from '../accounts/account';
import { addDays } from '../calendar/iso-date';
import { DEFAULT_RULES } from '../rules-config/config';
import { isInactiveAccount } from '../accounts/activity';
import { type ReactivationRequestInput, ReactivationRequestSchema, authorizeReactivation } from './authorize';

const rules = DEFAULT_RULES;
const ON = '2025-06-10';
const ana = { id: { type: 'CC', number: '1020304050' }, name: 'Ana Pérez' } as const;
const luis = { id: { type: 'CC', number: '79123456' }, name: 'Luis Gómez' } as const;
const marta = { id: { type: 'CC', number: '52111222' }, name: 'Marta Ruiz' } as const;
const acme = { id: { type: 'NIT', number: '800197268-4' }, name: 'Acme SAS' } as const;
const acc = (over: Record<string, unknown> = {}): Account =>
  AccountSchema.parse({
    number: '123456781234', kind: 'individual', owner: 'natural', holders: [ana], authorized: [marta], state: 'inactiva',
    balances: { available: 350_000, inCanje: 0, onHold: 0 }, lastCustomerMovementOn: '2024-04-01', openedOn: '2020-03-01', city: 'Bogotá',
    ...over,
  });
const company = (over: Record<string, unknown> = {}) => acc({ owner: 'juridica', holders: [acme], authorized: [], legalRepresentatives: [luis], ...over });
const req = (over: Partial<ReactivationRequestInput> = {}) => ReactivationRequestSchema.parse({ accountNumber: '123456781234', presenters: [ana.id], ...over });
const codes = (a: Account, r = req(), on = ON) => authorizeReactivation(a, r, on, rules).errors.map((e) => e.code);

describe('reactivation of an inactive account at the office (seed 003, clause 7.1)', () => {
  it('clause 7.1: the holder reactivates in person, always with a supervisor’s approval', () => {
    const d = authorizeReactivation(acc(), req(), ON, rules);
    expect(d.errors).toEqual([]);
    expect(d.approvalReasons.map((r) => r.code)).toEqual(['INACTIVE_REACTIVATION']);
    expect(d.authorizedBy).toBe('presencial');
    expect(d.notices.join(' ')).toContain('cláusula 2.6');
  });

  it('clause 7.1: an account inactive by date (six months without customer movement) is reactivated too', () => {
    expect(codes(acc({ state: 'activa', lastCustomerMovementOn: '2024-12-10' }))).toEqual([]);
  });

  it('an active account needs no reactivation', () => {
    expect(codes(acc({ state: 'activa', lastCustomerMovementOn: '2025-06-01' }))).toEqual(['ACCOUNT_NOT_INACTIVE']);
  });

  it('clause 7.1 / 4: an authorized person may withdraw but not reactivate; a stranger neither', () => {
    expect(codes(acc(), req({ presenters: [marta.id] }))).toEqual(['HOLDER_REQUIRED']);
    expect(codes(acc(), req({ presenters: [luis.id] }))).toEqual(['HOLDER_REQUIRED']);
    expect(codes(acc({ kind: 'conjunta', holders: [ana, luis] }), req({ presenters: [luis.id] }))).toEqual([]);
  });

  it('clause 7.2 / 7.3: a blocked or cancelled account is not reactivated', () => {
    expect(codes(acc({ state: 'bloqueada' }))).toEqual(['ACCOUNT_BLOCKED']);
    expect(codes(acc({ state: 'cancelada' }))).toEqual(['ACCOUNT_CANCELLED']);
  });

  it('clause 7.1: a jurídica reactivates with its legal representative in person', () => {
    const d = authorizeReactivation(company(), req({ presenters: [luis.id] }), ON, rules);
    expect(d.errors).toEqual([]);
    expect(d.authorizedBy).toBe('presencial');
  });

  it('clause 7.1: or with the representative’s written authorization, brought by someone identified', () => {
    const letter = { signedBy: luis.id, signedOn: '2025-06-02' };
    const d = authorizeReactivation(company(), req({ presenters: [marta.id], writtenAuthorization: letter }), ON, rules);
    expect(d.errors).toEqual([]);
    expect(d.authorizedBy).toBe('escrita');
    const none = authorizeReactivation(company(), req({ presenters: [marta.id] }), ON, rules).errors;
    expect(none.map((e) => e.code)).toEqual(['REACTIVATION_AUTHORIZATION_REQUIRED']);
    expect(none[0]?.message).toContain('Luis Gómez');
  });

  it('the letter must be signed by a registered representative, dated no later than today, and recent', () => {
    const with_ = (signedBy: typeof luis.id | typeof ana.id, signedOn: string) => codes(company(), req({ presenters: [marta.id], writtenAuthorization: { signedBy, signedOn } }));
    expect(with_(ana.id, '2025-06-02')).toEqual(['AUTHORIZATION_SIGNER_NOT_REPRESENTATIVE']);
    expect(with_(luis.id, '2025-06-11')).toEqual(['AUTHORIZATION_DATE_INVALID']);
    expect(with_(luis.id, '2025-05-11')).toEqual([]);
    expect(with_(luis.id, '2025-05-10')).toEqual(['AUTHORIZATION_TOO_OLD']);
  });

  it('property: a letter is accepted exactly when it is 0 to 30 days old (the certificate’s limit)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -60, max: 120 }), (age) => {
        const signedOn = addDays(ON, -age);
        const errs = codes(company(), req({ presenters: [marta.id], writtenAuthorization: { signedBy: luis.id, signedOn } }));
        expect(errs.length === 0).toBe(age >= 0 && age <= rules.juridicaCertificateMaxAgeDays);
      }),
    );
  });

  it('clause 7.1: a reactivation starts the six-month term again; a later movement or reactivation counts, whichever is later', () => {
    const reactivated = acc({ state: 'activa', lastCustomerMovementOn: '2024-04-01', reactivatedOn: '2025-06-01' });
    expect(isInactiveAccount(reactivated, ON)).toBe(false);
    expect(isInactiveAccount(reactivated, '2025-12-01')).toBe(true);
    expect(isInactiveAccount(reactivated, '2025-11-30')).toBe(false);
    expect(isInactiveAccount(acc({ state: 'activa', lastCustomerMovementOn: '2025-05-01', reactivatedOn: '2024-01-01' }), ON)).toBe(false);
  });
});
