import { type ApprovalReason, approvalReasonSaying } from '../approval/reasons';
import { bogotaDayStart, formatBogotaTime } from '../calendar/bogota-time';
import { type PersonId, samePerson } from '../accounts/person';
import { maskDocument } from '../identity/document';
import { type Pesos, formatPesos } from '../money/pesos';
import type { RulesConfig } from '../rules-config/config';
import { type DomainError, domainError } from '../rules-config/result';

/**
 * Fingerprint verification of whoever takes the money in an office withdrawal (seed 003 cl. 4 literal c:
 * "documento de identidad, con validación y visación de la Entidad"; domain-co §7: RNEC 1:1 through the certified
 * operator, a refused cédula means stop; teller-anchors #23: approval triggered by the biometric fallback).
 */

/**
 * A "no coincide" is a stop: at the third one of the same person on the same day the withdrawal is refused, with no
 * override. Counted by day, not by comprobante: starting a new comprobante must not give three more tries.
 */
export const FINGERPRINT_MAX_FAILURES = 3;

/**
 * Why no match could be made: only these allow the supervisor's "Sin validación biométrica" exception. A customer
 * who does not authorize the treatment of their fingerprint is one of them: the text read to them says no service
 * is conditioned on it (Ley 1581 art. 6, Decreto 1377 de 2013 art. 6), so the document, visado, identifies instead.
 */
export const FINGERPRINT_EXCEPTION_REASONS = {
  READER_UNAVAILABLE: 'Lector de huellas desconectado o sin respuesta',
  REGISTRY_UNAVAILABLE: 'Registraduría (operador biométrico) no disponible en central',
  CONSENT_REFUSED: 'El cliente no autorizó el tratamiento de su huella (Ley 1581): retiro con documento original, sin validación biométrica',
} as const;
export type FingerprintExceptionReason = keyof typeof FINGERPRINT_EXCEPTION_REASONS;

/**
 * What the supervisor reads for an exception, in one sentence: what happened (a customer who said no was not "unable"
 * to be verified), then what to check before visar. The reason's code stays in the details, never in the words.
 */
export const fallbackReason = (reason: FingerprintExceptionReason, person: PersonId): string => {
  const what = reason === 'CONSENT_REFUSED' ? FINGERPRINT_EXCEPTION_REASONS[reason] : `${FINGERPRINT_EXCEPTION_REASONS[reason]}: retiro con documento original, sin validación biométrica`;
  return `${what}. Verifique el documento original de ${maskDocument(person)} antes de visar.`;
};

/** One 1:1 match central answered, as the core recorded it (its reference is central's transaction id). */
export interface FingerprintAttempt {
  readonly reference: string;
  readonly document: PersonId;
  readonly result: 'match' | 'no_match' | 'poor_quality';
  /** ISO instant the core recorded the answer. */
  readonly at: string;
}

/** What the teller sends with the withdrawal for one person: central's match reference, or the exception asked. */
export type FingerprintEvidence =
  | { readonly kind: 'match'; readonly person: PersonId; readonly reference: string }
  | { readonly kind: 'exception'; readonly person: PersonId; readonly reason: FingerprintExceptionReason };

/** Whether this amount needs the match: `fingerprintFrom` 0 = always, null = never, else at or above it. */
export const fingerprintRequired = (amount: Pesos, rules: Pick<RulesConfig, 'fingerprintFrom'>): boolean =>
  rules.fingerprintFrom !== null && amount >= rules.fingerprintFrom;

/**
 * Who must place a finger: every person present who takes the money (holder, authorized person, each holder of a
 * conjunta, a company's legal representative). A NIT is a company, which has no fingerprint. Duplicates once.
 */
export const peopleToVerify = (amount: Pesos, presenters: readonly PersonId[], rules: Pick<RulesConfig, 'fingerprintFrom'>): PersonId[] => {
  if (!fingerprintRequired(amount, rules)) return [];
  const people: PersonId[] = [];
  for (const p of presenters) if (p.type !== 'NIT' && !people.some((q) => samePerson(q, p))) people.push(p);
  return people;
};

/** Where and when the last "no coincide" of the day was answered, when central told (another window, maybe). */
export interface LastFailure {
  readonly workstation: string;
  /** ISO instant. */
  readonly at: string;
}

/**
 * What central last said of a person's withdrawal "no coincide" answers that day at every workstation. Each
 * workstation counts only its own; central counts all of them and refuses the match after the third.
 */
export interface CentralFailures {
  readonly person: PersonId;
  readonly failures: number;
  readonly last?: LastFailure;
}

/** The refusal after the third "no coincide": the same words at the core's check, its capture step and central. */
export const fingerprintRefusedMessage = (person: PersonId, failures: number, last?: LastFailure): string =>
  `La huella de ${maskDocument(person)} no coincidió ${failures} veces con la Registraduría${last ? ` (hoy, la última en la estación ${last.workstation} a las ${formatBogotaTime(last.at)})` : ''}: el retiro no se puede hacer. No hay excepción posible; oriente al cliente a aclarar su identidad en la Registraduría.`;

/** From when "no coincide" answers count: the start of the Bogotá day the comprobante started in. */
export const failuresCountFrom = (comprobanteStartedAt: string): string => bogotaDayStart(comprobanteStartedAt);

/** "No coincide" answers for this person on the day the comprobante started (earlier days do not count). */
export const fingerprintFailures = (person: PersonId, attempts: readonly FingerprintAttempt[], comprobanteStartedAt: string): number => {
  const since = Date.parse(failuresCountFrom(comprobanteStartedAt));
  return attempts.filter((a) => a.result === 'no_match' && samePerson(a.document, person) && Date.parse(a.at) >= since).length;
};

/**
 * The "no coincide" that count for a person: the larger of this workstation's own answers and what central last said
 * for every workstation. Online central's count is the whole truth (it includes this workstation's); offline the
 * local count is all there is, and what central told before still stands, so a stop is never forgotten.
 */
export const knownFailures = (person: PersonId, attempts: readonly FingerprintAttempt[], comprobanteStartedAt: string, central: readonly CentralFailures[] = []): number =>
  Math.max(fingerprintFailures(person, attempts, comprobanteStartedAt), ...central.filter((c) => samePerson(c.person, person)).map((c) => c.failures));

export interface FingerprintCheck {
  readonly verified: readonly { readonly person: PersonId; readonly reference: string }[];
  readonly exceptions: readonly { readonly person: PersonId; readonly reason: FingerprintExceptionReason }[];
  /** IDENTITY_FALLBACK for each exception: the supervisor approves it (maker ≠ checker in the core). */
  readonly approvalReasons: readonly ApprovalReason[];
}

export type FingerprintCheckResult = { ok: true; value: FingerprintCheck } | { ok: false; errors: DomainError[] };

export interface FingerprintCheckInput {
  readonly amount: Pesos;
  readonly presenters: readonly PersonId[];
  readonly evidence: readonly FingerprintEvidence[];
  /** Every answer central gave at this workstation for these people since `failuresCountFrom` of the start (the core's record, never the screen's). */
  readonly attempts: readonly FingerprintAttempt[];
  /** ISO instant the comprobante was started: a match older than it belongs to another operation. */
  readonly comprobanteStartedAt: string;
  /** What central last told of these people's "no coincide" at every workstation that day (knownFailures). */
  readonly central?: readonly CentralFailures[];
}

/** Checks the evidence of every person who must be verified; all problems are returned together. */
export const checkWithdrawalFingerprints = (input: FingerprintCheckInput, rules: Pick<RulesConfig, 'fingerprintFrom'>): FingerprintCheckResult => {
  const required = peopleToVerify(input.amount, input.presenters, rules);
  const errors: DomainError[] = [];
  const verified: { person: PersonId; reference: string }[] = [];
  const exceptions: { person: PersonId; reason: FingerprintExceptionReason }[] = [];
  const since = Date.parse(input.comprobanteStartedAt);

  for (const person of required) {
    const who = maskDocument(person);
    const failures = knownFailures(person, input.attempts, input.comprobanteStartedAt, input.central);
    if (failures >= FINGERPRINT_MAX_FAILURES) {
      const last = input.central?.find((c) => samePerson(c.person, person) && c.failures === failures)?.last;
      errors.push(domainError('FINGERPRINT_REFUSED', fingerprintRefusedMessage(person, failures, last), { person, failures }));
      continue;
    }
    const given = input.evidence.find((e) => samePerson(e.person, person));
    if (given === undefined) {
      errors.push(domainError('FINGERPRINT_REQUIRED', `Un retiro desde ${formatPesos(rules.fingerprintFrom ?? 0)} requiere validar la huella de ${who} con la Registraduría. Tome la huella antes de registrar.`, { person }));
      continue;
    }
    if (given.kind === 'exception') {
      if (failures > 0) {
        errors.push(domainError('FINGERPRINT_NO_MATCH', `La huella de ${who} no coincidió: eso detiene el retiro y no admite la excepción "Sin validación biométrica". Tome la huella de nuevo (quedan ${FINGERPRINT_MAX_FAILURES - failures} intentos).`, { person, failures }));
        continue;
      }
      exceptions.push({ person, reason: given.reason });
      continue;
    }
    const attempt = input.attempts.find((a) => a.reference === given.reference);
    if (attempt === undefined) {
      errors.push(domainError('FINGERPRINT_REQUIRED', `La validación de huella ${given.reference} de ${who} no está registrada en esta estación. Tome la huella de nuevo.`, { person, reference: given.reference }));
    } else if (!samePerson(attempt.document, person)) {
      errors.push(domainError('FINGERPRINT_OTHER_DOCUMENT', `La validación de huella ${given.reference} es de ${maskDocument(attempt.document)}, no de ${who}. Tome la huella de quien retira.`, { person, reference: given.reference }));
    } else if (attempt.result !== 'match') {
      errors.push(domainError('FINGERPRINT_NO_MATCH', `La huella de ${who} no coincidió con la Registraduría (${given.reference}): el retiro no se puede registrar con ella. Quedan ${FINGERPRINT_MAX_FAILURES - failures} intentos.`, { person, reference: given.reference, failures }));
    } else if (Date.parse(attempt.at) < since) {
      errors.push(domainError('FINGERPRINT_STALE', `La validación de huella ${given.reference} de ${who} es anterior a este comprobante. Tome la huella de nuevo.`, { person, reference: given.reference }));
    } else {
      verified.push({ person, reference: given.reference });
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  const approvalReasons = exceptions.map((x) => approvalReasonSaying('IDENTITY_FALLBACK', fallbackReason(x.reason, x.person), { person: x.person, reason: x.reason }));
  return { ok: true, value: { verified, exceptions, approvalReasons } };
};
