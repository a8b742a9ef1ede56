import { describe, expect, it } from 'vitest';
import { AccountSchema, type AccountInput } from '../../../domain/accounts/account';
import { DEFAULT_RULES, RulesConfigSchema } from '../../../domain/rules-config/config';
import { authorizeDebit } from '../../../domain/withdrawal/authorization';
import { candidatesOf, certificateHint, initialParties, partiesRequest } from './DebitParties';

const ana = { id: { type: 'CC', number: '52111222' }, name: 'ANA PÉREZ' } as const;
const luis = { id: { type: 'CC', number: '79123456' }, name: 'LUIS GÓMEZ' } as const;
const carlos = { id: { type: 'CE', number: '1234567' }, name: 'CARLOS DÍAZ' } as const;
const company = { id: { type: 'NIT', number: '900123456-8' }, name: 'FERRETERÍA S.A.S.' } as const;
const on = '2026-03-10';

const account = (over: Partial<AccountInput>) =>
  AccountSchema.parse({
    number: '240000000011',
    kind: 'individual',
    owner: 'natural',
    holders: [ana],
    state: 'activa',
    balances: { available: 1_000_000, inCanje: 0, onHold: 0 },
    lastCustomerMovementOn: '2026-03-01',
    openedOn: '2020-03-01',
    city: 'Bogotá D.C.',
    ...over,
  });

/** What the core decides for the request the screen builds from what the teller marked. */
const decide = (a: ReturnType<typeof account>, marked: string[], certificate = '') => {
  const r = partiesRequest(a, { present: Object.fromEntries(marked.map((k) => [k, true])), certificate });
  if (!r.ok) throw new Error(r.message);
  return authorizeDebit(a, r, on, DEFAULT_RULES).errors.map((e) => e.code);
};

describe('who may dispose of the funds at the counter, as the withdrawal and transfer screens offer it', () => {
  it('natural: holders and authorized persons; the first holder starts marked', () => {
    const a = account({ authorized: [luis] });
    expect(candidatesOf(a).map((c) => [c.name, c.roles])).toEqual([
      ['ANA PÉREZ', ['titular']],
      ['LUIS GÓMEZ', ['autorizado']],
    ]);
    expect(initialParties(a).present).toEqual({ 'CC:52111222': true });
  });

  it('colectiva: nobody starts marked, since any holder withdraws alone and the receipt names who did (QA s35: Luz paid, María printed)', () => {
    const a = account({ kind: 'colectiva', holders: [ana, { id: { type: 'CC', number: '79123456' }, name: 'LUIS GÓMEZ' }] });
    expect(initialParties(a).present).toEqual({});
  });

  it('an authorized person alone is accepted by the core (cl. 4); nobody marked is refused', () => {
    const a = account({ authorized: [luis] });
    expect(decide(a, ['CC:79123456'])).toEqual([]);
    expect(decide(a, [])).toEqual(['IDENTIFICATION_REQUIRED']);
  });

  it('jurídica: the company is not offered, one person with two roles is listed once, nobody starts marked', () => {
    const a = account({ owner: 'juridica', holders: [company], authorized: [carlos], legalRepresentatives: [carlos] });
    expect(candidatesOf(a).map((c) => [c.name, c.roles])).toEqual([['CARLOS DÍAZ', ['representante legal', 'autorizado']]]);
    expect(initialParties(a).present).toEqual({});
  });

  it('jurídica: the certificate date reaches the core only when it is a real date', () => {
    const a = account({ owner: 'juridica', holders: [company], legalRepresentatives: [carlos] });
    expect(decide(a, ['CE:1234567'])).toEqual(['CERTIFICATE_REQUIRED']);
    expect(decide(a, ['CE:1234567'], '2026-03-05')).toEqual([]);
    expect(decide(a, ['CE:1234567'], '2026-01-05')).toEqual(['CERTIFICATE_TOO_OLD']);
    expect(partiesRequest(a, { present: {}, certificate: '2026-02-30' })).toMatchObject({ ok: false });
  });

  it('jurídica: the certificate hint states the limit the core applies, as the bank configured it (cl. 4 literal c)', () => {
    const a = account({ owner: 'juridica', holders: [company], legalRepresentatives: [carlos] });
    const ageOn = (rules: typeof DEFAULT_RULES, certificate: string) => {
      const r = partiesRequest(a, { present: { 'CE:1234567': true }, certificate });
      if (!r.ok) throw new Error(r.message);
      return authorizeDebit(a, r, on, rules).errors.map((e) => e.code);
    };
    const sixty = RulesConfigSchema.parse({ juridicaCertificateMaxAgeDays: 60 });
    expect(certificateHint(sixty.juridicaCertificateMaxAgeDays)).toMatch(/^Con máximo 60 días de expedido \(cláusula 4 literal c\)/);
    // 60 days old passes, 61 is refused: the limit the hint states.
    expect(ageOn(sixty, '2026-01-09')).toEqual([]);
    expect(ageOn(sixty, '2026-01-08')).toEqual(['CERTIFICATE_TOO_OLD']);
    expect(certificateHint(DEFAULT_RULES.juridicaCertificateMaxAgeDays)).toMatch(/^Con máximo 30 días de expedido/);
    expect(certificateHint(1)).toMatch(/^Con máximo 1 día de expedido/);
    expect(certificateHint(0)).toMatch(/^Expedido el mismo día/);
    expect(ageOn(RulesConfigSchema.parse({ juridicaCertificateMaxAgeDays: 0 }), on)).toEqual([]);
  });

  it('inactive jurídica: the representative in person is the reactivation’s authorization; nobody else debits it (cl. 7.1)', () => {
    const a = account({ owner: 'juridica', holders: [company], authorized: [luis], legalRepresentatives: [carlos], state: 'inactiva' });
    expect(decide(a, ['CC:79123456'], '2026-03-05')).toEqual(['LEGAL_REPRESENTATIVE_REQUIRED']);
    expect(decide(a, ['CE:1234567'], '2026-03-05')).toEqual([]);
    const r = partiesRequest(a, { present: { 'CE:1234567': true }, certificate: '2026-03-05' });
    if (!r.ok) throw new Error(r.message);
    expect(authorizeDebit(a, r, on, DEFAULT_RULES).approvalReasons.map((x) => x.code)).toEqual(['JURIDICA_WITHDRAWAL', 'INACTIVE_REACTIVATION']);
  });
});
