import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PersonId } from '../accounts/person';
import { DEFAULT_RULES, RulesConfigSchema } from '../rules-config/config';
import {
  FINGERPRINT_MAX_FAILURES,
  type FingerprintAttempt,
  type FingerprintCheckInput,
  type FingerprintCheckResult,
  checkWithdrawalFingerprints,
  failuresCountFrom,
  fingerprintFailures,
  fingerprintRequired,
  knownFailures,
  peopleToVerify,
} from './fingerprint';
import { FingerprintEvidenceSchema } from './request';
import { maskDocument } from '../identity/document';
import { OperationPayloads } from '../central-api/operations';

const ana: PersonId = { type: 'CC', number: '1020304050' };
const luis: PersonId = { type: 'CC', number: '79123456' };
const acme: PersonId = { type: 'NIT', number: '800197268-4' };
const started = '2026-03-10T15:00:00.000Z';
const rules = RulesConfigSchema.parse({ fingerprintFrom: 10_000_000 });
const attempt = (document: PersonId, result: FingerprintAttempt['result'], reference: string, at = '2026-03-10T15:01:00.000Z'): FingerprintAttempt => ({ document, result, reference, at });
const input = (over: Partial<FingerprintCheckInput> = {}): FingerprintCheckInput => ({
  amount: 12_000_000,
  presenters: [ana],
  evidence: [{ kind: 'match', person: ana, reference: 'FP-1' }],
  attempts: [attempt(ana, 'match', 'FP-1')],
  comprobanteStartedAt: started,
  ...over,
});
const codes = (r: FingerprintCheckResult): string[] => (r.ok ? [] : r.errors.map((e) => e.code));

describe('fingerprint of whoever withdraws (seed 003 cl. 4 literal c; domain-co §7)', () => {
  it('the default threshold is $ 10.000.000, above visación, so small withdrawals are untouched', () => {
    expect(DEFAULT_RULES.fingerprintFrom).toBe(10_000_000);
    expect(DEFAULT_RULES.fingerprintFrom ?? 0).toBeGreaterThan(DEFAULT_RULES.visacionThreshold);
    expect(RulesConfigSchema.parse({ fingerprintFrom: null }).fingerprintFrom).toBeNull();
    expect(RulesConfigSchema.safeParse({ fingerprintFrom: -1 }).success).toBe(false);
    expect(RulesConfigSchema.safeParse({ fingerprintFrom: 1.5 }).success).toBe(false);
  });

  it.each([
    // [fingerprintFrom, amount, required]
    [10_000_000, 9_999_950, false],
    [10_000_000, 10_000_000, true], // "at or above"
    [10_000_000, 10_000_050, true],
    [0, 50, true], // 0 = always
    [null, 900_000_000, false], // null = never
  ] as const)('threshold %s, amount %s → required %s', (from, amount, required) => {
    expect(fingerprintRequired(amount, { fingerprintFrom: from })).toBe(required);
  });

  it('property: required exactly when the threshold is set and the amount reaches it', () => {
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null }), fc.integer({ min: 1, max: 1e9 }), (from, amount) => {
        expect(fingerprintRequired(amount, { fingerprintFrom: from })).toBe(from !== null && amount >= from);
        // Raising the amount never removes the requirement (monotone).
        if (fingerprintRequired(amount, { fingerprintFrom: from })) expect(fingerprintRequired(amount + 1, { fingerprintFrom: from })).toBe(true);
      }),
    );
  });

  it('cl. 2.4.3: each holder of a conjunta present is verified; a company (NIT) is not a finger; duplicates once', () => {
    expect(peopleToVerify(12_000_000, [ana, luis], rules)).toEqual([ana, luis]);
    expect(peopleToVerify(12_000_000, [acme, luis, luis], rules)).toEqual([luis]);
    expect(peopleToVerify(1_000_000, [ana, luis], rules)).toEqual([]);
  });

  it('a match of this comprobante for the person is accepted and its reference kept', () => {
    const r = checkWithdrawalFingerprints(input(), rules);
    expect(r).toEqual({ ok: true, value: { verified: [{ person: ana, reference: 'FP-1' }], exceptions: [], approvalReasons: [] } });
  });

  it.each([
    ['missing', input({ evidence: [] }), 'FINGERPRINT_REQUIRED'],
    ['unknown reference', input({ evidence: [{ kind: 'match', person: ana, reference: 'FP-9' }] }), 'FINGERPRINT_REQUIRED'],
    ['failed (no coincide)', input({ attempts: [attempt(ana, 'no_match', 'FP-1')] }), 'FINGERPRINT_NO_MATCH'],
    ['poor quality', input({ attempts: [attempt(ana, 'poor_quality', 'FP-1')] }), 'FINGERPRINT_NO_MATCH'],
    ['for another document', input({ attempts: [attempt(luis, 'match', 'FP-1')] }), 'FINGERPRINT_OTHER_DOCUMENT'],
    ['stale (older than the comprobante)', input({ attempts: [attempt(ana, 'match', 'FP-1', '2026-03-10T14:59:59.999Z')] }), 'FINGERPRINT_STALE'],
  ])('refused when the match is %s', (_, given, code) => {
    expect(codes(checkWithdrawalFingerprints(given, rules))).toEqual([code]);
  });

  it('conjunta: every holder present needs their own match; all problems come together', () => {
    const r = checkWithdrawalFingerprints(input({ presenters: [ana, luis] }), rules);
    expect(codes(r)).toEqual(['FINGERPRINT_REQUIRED']);
    expect(!r.ok && r.errors[0]?.details).toEqual({ person: luis });
    const both = input({
      presenters: [ana, luis],
      evidence: [{ kind: 'match', person: ana, reference: 'FP-1' }, { kind: 'match', person: luis, reference: 'FP-2' }],
      attempts: [attempt(ana, 'match', 'FP-1'), attempt(luis, 'match', 'FP-2')],
    });
    expect(checkWithdrawalFingerprints(both, rules).ok).toBe(true);
  });

  it('a refused consent is told as the customer’s no, not as a validation that was not possible (QA s37 Q3)', () => {
    const r = checkWithdrawalFingerprints(input({ evidence: [{ kind: 'exception', person: ana, reason: 'CONSENT_REFUSED' }], attempts: [] }), rules);
    expect(r.ok && r.value.approvalReasons.map((a) => a.message)).toEqual([
      'El cliente no autorizó el tratamiento de su huella (Ley 1581): retiro con documento original, sin validación biométrica. Verifique el documento original de CC ******4050 antes de visar.',
    ]);
  });

  it('domain-co §7: reader or registry down → "Sin validación biométrica" as a supervisor exception', () => {
    const r = checkWithdrawalFingerprints(input({ evidence: [{ kind: 'exception', person: ana, reason: 'REGISTRY_UNAVAILABLE' }], attempts: [] }), rules);
    expect(r.ok && r.value.approvalReasons.map((a) => a.code)).toEqual(['IDENTITY_FALLBACK']);
    expect(r.ok && r.value.approvalReasons[0]?.message).toContain('sin validación biométrica. Verifique el documento original de CC');
    expect(r.ok && r.value.exceptions).toEqual([{ person: ana, reason: 'REGISTRY_UNAVAILABLE' }]);
  });

  it.each([
    ['READER_UNAVAILABLE', 'Lector de huellas desconectado o sin respuesta: retiro con documento original, sin validación biométrica'],
    ['REGISTRY_UNAVAILABLE', 'Registraduría (operador biométrico) no disponible en central: retiro con documento original, sin validación biométrica'],
    // Decreto 1377 de 2013 art. 6: no activity is conditioned on the sensitive datum; the document, visado, identifies.
    ['CONSENT_REFUSED', 'El cliente no autorizó el tratamiento de su huella (Ley 1581): retiro con documento original, sin validación biométrica'],
  ] as const)('exception %s: a supervisor’s IDENTITY_FALLBACK naming why, carried by the request and by central’s operation', (reason, why) => {
    const exception = { kind: 'exception', person: ana, reason } as const;
    const r = checkWithdrawalFingerprints(input({ evidence: [exception], attempts: [] }), rules);
    expect(r.ok && r.value.exceptions).toEqual([{ person: ana, reason }]);
    // One sentence of what happened and what to check; the code is in the details, never in the words (QA s37 Q3).
    const message = `${why}. Verifique el documento original de ${maskDocument(ana)} antes de visar.`;
    expect(r.ok && r.value.approvalReasons).toEqual([{ code: 'IDENTITY_FALLBACK', message, details: { person: ana, reason } }]);
    expect(message).not.toMatch(/[A-Z]{2,}_[A-Z_]+/);
    expect(message).not.toMatch(/: [A-ZÁÉÍÓÚÑ][a-záéíóúñ]/);
    expect(FingerprintEvidenceSchema.safeParse(exception).success).toBe(true);
    expect(OperationPayloads.withdrawal.shape.biometric.safeParse({ verified: [], exceptions: [{ document: ana, reason }] }).success).toBe(true);
    // Not after a "no coincide": a stop is never turned into an exception, whatever its ground.
    expect(codes(checkWithdrawalFingerprints(input({ evidence: [exception], attempts: [attempt(ana, 'no_match', 'FP-0')] }), rules))).toEqual(['FINGERPRINT_NO_MATCH']);
  });

  it('domain-co §7: a "no coincide" is a stop: no exception after it, and the third one refuses with no override', () => {
    const exception = { kind: 'exception', person: ana, reason: 'READER_UNAVAILABLE' } as const;
    expect(codes(checkWithdrawalFingerprints(input({ evidence: [exception], attempts: [attempt(ana, 'no_match', 'FP-0')] }), rules))).toEqual(['FINGERPRINT_NO_MATCH']);
    const three = [attempt(ana, 'no_match', 'FP-a'), attempt(ana, 'no_match', 'FP-b'), attempt(ana, 'no_match', 'FP-c'), attempt(ana, 'match', 'FP-1')];
    for (const evidence of [[], [exception], [{ kind: 'match', person: ana, reference: 'FP-1' } as const]]) {
      expect(codes(checkWithdrawalFingerprints(input({ evidence, attempts: three }), rules))).toEqual(['FINGERPRINT_REFUSED']);
    }
    // Two failures then a match of the same comprobante: accepted.
    expect(checkWithdrawalFingerprints(input({ attempts: three.slice(1) }), rules).ok).toBe(true);
  });

  it('failures of an earlier comprobante the same Bogotá day count toward the three: a new comprobante gives no new tries', () => {
    const earlier = [1, 2, 3].map((i) => attempt(ana, 'no_match', `FP-old-${i}`, '2026-03-10T14:00:00.000Z'));
    expect(fingerprintFailures(ana, earlier, started)).toBe(3);
    expect(codes(checkWithdrawalFingerprints(input({ attempts: [...earlier, attempt(ana, 'match', 'FP-1')] }), rules))).toEqual(['FINGERPRINT_REFUSED']);
    // One earlier "no coincide" the same day: no exception for this person in a new comprobante either.
    const exception = { kind: 'exception', person: ana, reason: 'READER_UNAVAILABLE' } as const;
    expect(codes(checkWithdrawalFingerprints(input({ evidence: [exception], attempts: earlier.slice(0, 1) }), rules))).toEqual(['FINGERPRINT_NO_MATCH']);
  });

  it('what central told of the other workstations counts with this one’s own: the larger wins, and its refusal names where and when', () => {
    const exception = { kind: 'exception', person: ana, reason: 'READER_UNAVAILABLE' } as const;
    const mine = [attempt(ana, 'no_match', 'FP-a'), attempt(ana, 'no_match', 'FP-b')];
    expect(knownFailures(ana, mine, started, [{ person: ana, failures: 1 }])).toBe(2);
    expect(knownFailures(ana, mine.slice(0, 1), started, [{ person: ana, failures: 2 }, { person: luis, failures: 3 }])).toBe(2);
    expect(knownFailures(ana, [], started)).toBe(0);
    // No "no coincide" here, one at another window: no exception here either.
    expect(codes(checkWithdrawalFingerprints(input({ evidence: [exception], attempts: [], central: [{ person: ana, failures: 1 }] }), rules))).toEqual(['FINGERPRINT_NO_MATCH']);
    // Three at other windows: even a match taken here does not pay, and the refusal says where the last one was.
    const r = checkWithdrawalFingerprints(input({ central: [{ person: ana, failures: 3, last: { workstation: '001-02', at: '2026-03-10T14:40:00.000Z' } }] }), rules);
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'FINGERPRINT_REFUSED', details: { failures: 3 } }] });
    expect(r.ok ? '' : r.errors[0]?.message).toContain('no coincidió 3 veces con la Registraduría (hoy, la última en la estación 001-02 a las 09:40)');
  });

  it('failures of an earlier Bogotá day do not count (the day starts at 05:00 UTC)', () => {
    const yesterday = [1, 2, 3].map((i) => attempt(ana, 'no_match', `FP-old-${i}`, '2026-03-10T04:59:59.999Z'));
    expect(fingerprintFailures(ana, yesterday, started)).toBe(0);
    expect(fingerprintFailures(ana, [attempt(ana, 'no_match', 'FP-d', '2026-03-10T05:00:00.000Z')], started)).toBe(1);
    expect(checkWithdrawalFingerprints(input({ attempts: [...yesterday, attempt(ana, 'match', 'FP-1')] }), rules).ok).toBe(true);
  });

  it('property: failures count from the start of the Bogotá day the comprobante started in', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }), (t) => {
        const from = Date.parse(failuresCountFrom(new Date(t).toISOString()));
        expect(from).toBeLessThanOrEqual(t);
        expect(t - from).toBeLessThan(86_400_000);
        // Midnight in Bogotá is 05:00 UTC.
        expect(new Date(from).getUTCHours()).toBe(5);
        expect(new Date(from).getUTCMinutes() + new Date(from).getUTCSeconds() + new Date(from).getUTCMilliseconds()).toBe(0);
      }),
    );
  });

  it('below the threshold nothing is asked, whatever the evidence', () => {
    expect(checkWithdrawalFingerprints(input({ amount: 9_000_000, evidence: [], attempts: [] }), rules)).toEqual({ ok: true, value: { verified: [], exceptions: [], approvalReasons: [] } });
  });

  it('property: the withdrawal passes iff no person reached three failures and each has a valid match or an exception without failures', () => {
    const outcome = fc.constantFrom('none', 'match', 'no_match', 'other', 'stale', 'exception');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), outcome, fc.integer({ min: 0, max: 4 }), outcome, (failA, outA, failL, outL) => {
        const attempts: FingerprintAttempt[] = [];
        const evidence: FingerprintCheckInput['evidence'][number][] = [];
        const valid = (person: PersonId, fails: number, out: string, tag: string): boolean => {
          for (let i = 0; i < fails; i += 1) attempts.push(attempt(person, 'no_match', `${tag}-f${i}`));
          const ref = `${tag}-x`;
          if (out === 'none') return false;
          if (out === 'exception') {
            evidence.push({ kind: 'exception', person, reason: 'READER_UNAVAILABLE' });
            return fails === 0;
          }
          evidence.push({ kind: 'match', person, reference: ref });
          if (out === 'match') attempts.push(attempt(person, 'match', ref));
          if (out === 'no_match') attempts.push(attempt(person, 'no_match', ref));
          if (out === 'other') attempts.push(attempt(person === ana ? luis : ana, 'match', ref));
          if (out === 'stale') attempts.push(attempt(person, 'match', ref, '2026-03-09T10:00:00.000Z'));
          return out === 'match';
        };
        const okA = valid(ana, failA, outA, 'A');
        const okL = valid(luis, failL, outL, 'L');
        const failures = (p: PersonId): number => fingerprintFailures(p, attempts, started);
        const expected = okA && okL && failures(ana) < FINGERPRINT_MAX_FAILURES && failures(luis) < FINGERPRINT_MAX_FAILURES;
        const r = checkWithdrawalFingerprints({ amount: 12_000_000, presenters: [ana, luis], evidence, attempts, comprobanteStartedAt: started }, rules);
        expect(r.ok).toBe(expected);
        if (r.ok) expect(r.value.approvalReasons.length).toBe(r.value.exceptions.length);
      }),
    );
  });
});
