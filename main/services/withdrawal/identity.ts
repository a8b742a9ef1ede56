import type { z } from 'zod';
import { biometricConsent } from '../../../domain/contract/biometric-consent';
import type { User } from '../../../domain/contract/session';
import type { WithdrawalConsentRefusedRequestSchema, WithdrawalConsentRefusedResult, WithdrawalFingerprintRequestSchema, WithdrawalFingerprintResult } from '../../../domain/contract/withdrawal';
import { samePerson } from '../../../domain/accounts/person';
import { maskDocument } from '../../../domain/identity/document';
import type { Pesos } from '../../../domain/money/pesos';
import type { RulesConfig } from '../../../domain/rules-config/config';
import { type DomainError, domainError } from '../../../domain/rules-config/result';
import {
  FINGERPRINT_EXCEPTION_REASONS,
  FINGERPRINT_MAX_FAILURES,
  type FingerprintCheck,
  type FingerprintExceptionReason,
  checkWithdrawalFingerprints,
  failuresCountFrom,
  knownFailures,
  peopleToVerify,
} from '../../../domain/withdrawal/fingerprint';
import type { WithdrawalRequest } from '../../../domain/withdrawal/request';
import { AppError } from '../../core/errors';
import type { Clock } from '../../core/runtime';
import type { WithdrawalComprobanteRepo } from '../../store/fingerprint/comprobantes';
import type { BiometricConsentRecord, BiometricConsentRepo } from '../../store/fingerprint/consents';
import { inTransaction, type Db } from '../../store/db';
import type { Journal } from '../journal/writer';
import { recordBiometricConsent } from '../fingerprint/consent';
import type { FingerprintRepo } from '../../store/fingerprint/repo';
import { refused } from '../comprobante/errors';
import type { CaptureAndMatchDeps } from '../fingerprint/match';
import { verifyWithdrawalFingerprint } from './fingerprint';

export interface WithdrawalIdentityDeps {
  readonly comprobantes: WithdrawalComprobanteRepo;
  readonly matches: FingerprintRepo;
  readonly capture: CaptureAndMatchDeps;
  readonly clock: Clock;
  readonly rules: Pick<RulesConfig, 'fingerprintFrom'>;
  /** Where the Ley 1581 authorization read before each capture is kept, as F7 keeps its own. */
  readonly db: Db;
  readonly consents: BiometricConsentRepo;
  readonly journal: Pick<Journal, 'record'>;
}

const NONE: FingerprintCheck = { verified: [], exceptions: [], approvalReasons: [] };

/** What the ground of an exception was, as the refusals name it. */
const GROUND: Record<FingerprintExceptionReason, (who: string) => string> = {
  READER_UNAVAILABLE: (who) => `el lector haya fallado al tomar la huella de ${who}`,
  REGISTRY_UNAVAILABLE: (who) => `la Registraduría haya fallado al tomar la huella de ${who}`,
  CONSENT_REFUSED: (who) => `${who} haya dicho que no autoriza el tratamiento de su huella`,
};
const AFTER: Record<FingerprintExceptionReason, string> = {
  READER_UNAVAILABLE: 'después de que el lector falló',
  REGISTRY_UNAVAILABLE: 'después de que la Registraduría falló',
  CONSENT_REFUSED: 'con su autorización',
};
const checkVersion = (version: string) => {
  if (version !== biometricConsent('withdrawal').version) {
    throw new AppError('CONSENT_VERSION_MISMATCH', 'El texto de autorización de datos biométricos cambió. Vuelva a abrir el retiro y léale al cliente el texto vigente.');
  }
};

/**
 * The fingerprint of whoever takes the money (seed 003 cl. 4 c; domain-co §7) as the core enforces it: the
 * comprobante's start is the core's own instant, each capture is matched and recorded here, and a withdrawal's
 * evidence is judged against those records, never against what the screen says happened.
 */
export const createWithdrawalIdentity = (deps: WithdrawalIdentityDeps) => {
  const startOf = (user: User, comprobanteId: string) => {
    const start = deps.comprobantes.start(comprobanteId, user.id, deps.clock.now().toISOString());
    if (start.tellerId !== user.id) throw new AppError('COMPROBANTE_NOT_YOURS', 'Ese comprobante de retiro lo empezó otro usuario. Empiece el retiro de nuevo.');
    return start;
  };

  const openFor = (user: User, comprobanteId: string, consentVersion: string) => {
    checkVersion(consentVersion);
    const start = startOf(user, comprobanteId);
    if (start.postedKey !== null) throw new AppError('COMPROBANTE_ALREADY_POSTED', 'Ese retiro ya se registró. Para otro retiro empiece un comprobante nuevo.');
    return start;
  };

  /**
   * The customer heard the text and does not authorize (Decreto 1377 de 2013 art. 6): their answer is journaled as
   * F7 journals its own, and kept as the ground of the supervisor's CONSENT_REFUSED exception for this person here
   * (and as what closes their capture in this comprobante: verify refuses it).
   */
  const refuseConsent = (user: User, req: z.infer<typeof WithdrawalConsentRefusedRequestSchema>): WithdrawalConsentRefusedResult => {
    const start = openFor(user, req.comprobanteId, req.consentVersion);
    const at = deps.clock.now().toISOString();
    inTransaction(deps.db, () => {
      recordBiometricConsent(deps, user.id, { purpose: 'withdrawal', ref: start.id, person: req.person, textVersion: req.consentVersion, at, given: false });
      deps.comprobantes.recordUnavailable(start.id, req.person, 'CONSENT_REFUSED', at);
    });
    const who = maskDocument(req.person);
    const dayFrom = failuresCountFrom(start.startedAt);
    const failures = knownFailures(req.person, deps.matches.attempts([req.person], dayFrom), start.startedAt, deps.matches.centralFailures([req.person], dayFrom));
    // Saying no after a "no coincide" is the customer's right, but it does not turn that stop into an exception.
    if (failures > 0) {
      const left = FINGERPRINT_MAX_FAILURES - failures;
      return {
        exceptionAllowed: false,
        message: `Quedó registrado que ${who} no autoriza el tratamiento de su huella. Su huella ya no coincidió hoy con la Registraduría: eso detiene el retiro y no admite la excepción del supervisor${left > 0 ? '; solo en un retiro nuevo, con el texto de autorización leído de nuevo y una huella que coincida, se puede pagar' : ''}.`,
      };
    }
    return {
      exceptionAllowed: true,
      message: `Quedó registrado que ${who} no autoriza el tratamiento de su huella. El retiro sigue con la visación del supervisor: verifique el documento original de identidad y pida la autorización (F6).`,
    };
  };

  /** One capture + central match for a person of the withdrawal on screen. */
  const verify = async (user: User, req: z.infer<typeof WithdrawalFingerprintRequestSchema>): Promise<WithdrawalFingerprintResult> => {
    const start = openFor(user, req.comprobanteId, req.consentVersion);
    // A "no" recorded in this comprobante closes the capture for that person here (QA s37 Q1): a finger left on the
    // reader and one more Enter must not turn a refusal into a journaled consent. Asking again inside the same
    // comprobante would need its own step (the text read again, a consent journaled on its own), and the store keeps
    // one consent per person and comprobante; a customer who changes their mind starts a new withdrawal instead,
    // where the text is read again and the consent is recorded with the capture, as for anyone.
    if (deps.comprobantes.unavailable(start.id, req.person).includes('CONSENT_REFUSED')) {
      throw new AppError(
        'CONSENT_REFUSED_NO_CAPTURE',
        `${maskDocument(req.person)} no autorizó el tratamiento de su huella en este retiro: no se toma su huella. Si el cliente cambió de opinión, salga de este retiro y empiece uno nuevo: allí se le lee de nuevo el texto de autorización antes de la captura.`,
      );
    }
    // The customer placed the finger after the teller read the authorization: that is the consent, kept before the capture.
    inTransaction(deps.db, () =>
      recordBiometricConsent(deps, user.id, { purpose: 'withdrawal', ref: start.id, person: req.person, textVersion: req.consentVersion, at: deps.clock.now().toISOString(), given: true }),
    );
    const v = await verifyWithdrawalFingerprint(
      { capture: deps.capture, matches: deps.matches, clock: deps.clock },
      { person: req.person, finger: req.finger, tellerId: user.id, comprobanteStartedAt: start.startedAt },
    );
    switch (v.kind) {
      case 'verified':
        return { outcome: 'verified', reference: v.evidence.reference, message: v.message };
      case 'no_match':
        return { outcome: 'no_match', reference: v.reference, remaining: v.remaining, message: v.message };
      case 'refused':
        return { outcome: 'refused', message: v.message };
      case 'retry':
        return { outcome: 'retry', message: v.message };
      case 'rejected':
        return { outcome: 'rejected', message: v.message };
      case 'unavailable': {
        // The ground of a later exception: recorded by the core, so the screen cannot claim one that never happened.
        if (v.exceptionAllowed) deps.comprobantes.recordUnavailable(start.id, req.person, v.reason, deps.clock.now().toISOString());
        const next = v.exceptionAllowed
          ? ' Puede intentar de nuevo o pedir autorización al supervisor (Sin validación biométrica).'
          : ' Tras una huella que no coincidió no hay excepción: intente de nuevo cuando vuelva.';
        return { outcome: v.reason === 'READER_UNAVAILABLE' ? 'reader_unavailable' : 'registry_unavailable', exceptionAllowed: v.exceptionAllowed, message: `${v.message}${next}` };
      }
    }
  };

  /**
   * What the withdrawal's fingerprints allow, checked against the core's records: the verified references, and
   * the IDENTITY_FALLBACK reasons the supervisor's approval must cover. Throws the typed refusal otherwise.
   */
  const check = (user: User, request: WithdrawalRequest, amount: Pesos, idempotencyKey: string | null): FingerprintCheck => {
    const people = peopleToVerify(amount, request.presenters, deps.rules);
    if (people.length === 0) return NONE;
    const identity = request.identity;
    const start = identity ? deps.comprobantes.get(identity.comprobanteId) : undefined;
    if (!identity || !start || start.tellerId !== user.id) {
      // No capture of this comprobante reached the core: the domain check says whose fingerprint is missing.
      const r = checkWithdrawalFingerprints({ amount, presenters: request.presenters, evidence: [], attempts: [], comprobanteStartedAt: deps.clock.now().toISOString() }, deps.rules);
      throw refused(r.ok ? [domainError('FINGERPRINT_REQUIRED', 'Tome la huella de quien retira antes de registrar.')] : r.errors);
    }
    if (start.postedKey !== null && start.postedKey !== idempotencyKey) {
      throw refused([domainError('FINGERPRINT_STALE', 'Las huellas de este comprobante ya pagaron otro retiro. Tome la huella de nuevo para este.')]);
    }
    const evidence = identity.fingerprints;
    const references = evidence.flatMap((e) => (e.kind === 'match' ? [e.reference] : []));
    const dayFrom = failuresCountFrom(start.startedAt);
    const attempts = deps.matches.attempts(people, dayFrom, references);
    // With what central told of the other workstations: the larger count wins (domain knownFailures).
    const central = deps.matches.centralFailures(people, dayFrom);
    const r = checkWithdrawalFingerprints({ amount, presenters: request.presenters, evidence, attempts, comprobanteStartedAt: start.startedAt, central }, deps.rules);
    if (!r.ok) throw refused(r.errors);
    // An exception stands only on its ground as the core recorded it for that person in this comprobante: a reader
    // or registry failure, or the customer's refusal.
    const unfounded: DomainError[] = r.value.exceptions
      .filter((x) => !deps.comprobantes.unavailable(start.id, x.person).includes(x.reason))
      .map((x) =>
        domainError(
          'FINGERPRINT_EXCEPTION_UNFOUNDED',
          x.reason === 'CONSENT_REFUSED'
            ? `No consta en este comprobante que ${GROUND[x.reason](maskDocument(x.person))}. Léale el texto de autorización; si no autoriza, regístrelo (F7) y pida la excepción al supervisor.`
            : `No consta en este comprobante que ${GROUND[x.reason](maskDocument(x.person))} (${FINGERPRINT_EXCEPTION_REASONS[x.reason]}). Tome la huella; solo si falla puede pedir la excepción al supervisor.`,
          { person: x.person, reason: x.reason },
        ),
      );
    // The reader (or registry) came back and the person matched after the failure: the exception was for a failure
    // that is over, and the match is what pays (QA s35 A5-1). A refusal yields to any match of the comprobante: the
    // finger was taken with the authorization given then, and a "no" said afterwards does not unverify it.
    const superseded: DomainError[] = r.value.exceptions.flatMap((x) => {
      const groundAt = deps.comprobantes.lastUnavailableAt(start.id, x.person, x.reason);
      const since = x.reason === 'CONSENT_REFUSED' ? start.startedAt : groundAt;
      const match = groundAt === null || since === null ? undefined : attempts.find((a) => a.result === 'match' && samePerson(a.document, x.person) && Date.parse(a.at) >= Date.parse(since));
      return match
        ? [
            domainError(
              'FINGERPRINT_EXCEPTION_UNFOUNDED',
              `La huella de ${maskDocument(x.person)} ya se verificó en este comprobante (ref ${match.reference}) ${AFTER[x.reason]}: registre el retiro con esa huella, sin la excepción (Sin validación biométrica).`,
              { person: x.person, reason: x.reason, reference: match.reference },
            ),
          ]
        : [];
    });
    if (unfounded.length > 0 || superseded.length > 0) throw refused([...unfounded, ...superseded]);
    return r.value;
  };

  return {
    verify,
    refuseConsent,
    check,
    /** Whose fingerprint this amount needs (the plan tells the screen). */
    required: (request: WithdrawalRequest, amount: Pesos) => peopleToVerify(amount, request.presenters, deps.rules),
    /** The authorizations recorded in this comprobante of the people its fingerprints are for (the posting's journal entry). */
    consents: (request: WithdrawalRequest, check: FingerprintCheck): BiometricConsentRecord[] => {
      if (!request.identity) return [];
      const people = [...check.verified.map((v) => v.person), ...check.exceptions.map((x) => x.person)];
      return deps.consents.of('withdrawal', request.identity.comprobanteId).filter((c) => people.some((p) => p.type === c.person.type && p.number === c.person.number));
    },
    /**
     * The customer's last "no autorizo" of each person whose CONSENT_REFUSED exception pays this withdrawal: the
     * posting's journal entry shows it as it shows a given authorization.
     */
    refusals: (request: WithdrawalRequest, check: FingerprintCheck): BiometricConsentRecord[] => {
      if (!request.identity) return [];
      const excepted = check.exceptions.filter((x) => x.reason === 'CONSENT_REFUSED').map((x) => x.person);
      const last = new Map<string, BiometricConsentRecord>();
      for (const r of deps.consents.refusalsOf('withdrawal', request.identity.comprobanteId)) {
        if (excepted.some((p) => p.type === r.person.type && p.number === r.person.number)) last.set(`${r.person.type}:${r.person.number}`, r);
      }
      return [...last.values()];
    },
    markPosted: (request: WithdrawalRequest, idempotencyKey: string) => {
      if (request.identity) deps.comprobantes.markPosted(request.identity.comprobanteId, idempotencyKey);
    },
  };
};
export type WithdrawalIdentity = ReturnType<typeof createWithdrawalIdentity>;
