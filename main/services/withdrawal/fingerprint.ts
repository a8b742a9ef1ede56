import type { PersonId } from '../../../domain/accounts/person';
import type { Finger } from '../../../domain/devices/demo-citizens';
import { maskDocument } from '../../../domain/identity/document';
import { FINGERPRINT_ATTEMPTS_EXHAUSTED, FingerprintAttemptsExhaustedSchema } from '../../../domain/central-api';
import {
  FINGERPRINT_MAX_FAILURES,
  type FingerprintEvidence,
  type FingerprintExceptionReason,
  failuresCountFrom,
  fingerprintRefusedMessage,
  knownFailures,
} from '../../../domain/withdrawal/fingerprint';
import type { Clock } from '../../core/runtime';
import type { FingerprintRepo } from '../../store/fingerprint/repo';
import { type CaptureAndMatchDeps, captureAndMatch } from '../fingerprint/match';

/**
 * One fingerprint verification of a person who takes the money in a withdrawal (seed 003 cl. 4 c, domain-co §7):
 * the shared capture + central 1:1 match, every answer recorded by the core (never the template), and what it
 * means for this withdrawal. A "no coincide" is a stop with no exception; the third refuses the withdrawal.
 * A reader or registry that did not answer is the only case where the supervisor's exception may be asked.
 */
export type WithdrawalFingerprintOutcome =
  /** Central matched: the evidence the withdrawal request carries. */
  | { kind: 'verified'; evidence: FingerprintEvidence & { kind: 'match' }; message: string }
  /** Central answered "no coincide" (or a poor image at the registry): another try is allowed. */
  | { kind: 'no_match'; reference: string; failures: number; remaining: number; message: string }
  /** The reader refused the image before central was asked: not a failure, try again. */
  | { kind: 'retry'; message: string }
  /**
   * Nothing could be matched: the teller may ask the supervisor's "Sin validación biométrica" exception, unless
   * this person already had a "no coincide" in this comprobante (a stop is never turned into an exception).
   */
  | { kind: 'unavailable'; reason: FingerprintExceptionReason; exceptionAllowed: boolean; message: string }
  /** Three "no coincide" for this person today (here, or at any workstation as central counts them): no override. */
  | { kind: 'refused'; failures: number; message: string }
  /** Central refused the request itself (a format or document it does not accept). */
  | { kind: 'rejected'; code: string; message: string };

export interface WithdrawalFingerprintDeps {
  readonly capture: CaptureAndMatchDeps;
  readonly matches: FingerprintRepo;
  readonly clock: Clock;
}

export interface WithdrawalFingerprintInput {
  readonly person: PersonId;
  readonly finger: Finger;
  readonly tellerId: string;
  /** ISO instant the core recorded as this comprobante's start: earlier answers belong to another operation. */
  readonly comprobanteStartedAt: string;
}

export const verifyWithdrawalFingerprint = async (
  deps: WithdrawalFingerprintDeps,
  input: WithdrawalFingerprintInput,
): Promise<WithdrawalFingerprintOutcome> => {
  const { person, comprobanteStartedAt } = input;
  const dayFrom = failuresCountFrom(comprobanteStartedAt);
  // This workstation counts its own answers; central counts every workstation's and says so with each answer (or
  // refuses after the third). The larger wins: central's once told still stands while it is away.
  const told = () => deps.matches.centralFailures([person], dayFrom);
  const failuresNow = () => knownFailures(person, deps.matches.attempts([person], dayFrom), comprobanteStartedAt, told());
  const tell = (failures: number, last?: { workstation: string; at: string }) =>
    deps.matches.recordCentralFailures({ person, failures, ...(last ? { last } : {}), dayFrom, toldAt: deps.clock.now().toISOString() });
  const refused = (failures: number): WithdrawalFingerprintOutcome => ({
    kind: 'refused',
    failures,
    message: fingerprintRefusedMessage(person, failures, told().find((c) => c.failures === failures)?.last),
  });
  const before = failuresNow();
  // After the third "no coincide" the reader is not even asked: nothing can change the answer.
  if (before >= FINGERPRINT_MAX_FAILURES) return refused(before);

  const m = await captureAndMatch(deps.capture, person, input.finger, 'withdrawal');
  switch (m.kind) {
    case 'poor_image':
      return { kind: 'retry', message: 'El lector no obtuvo una imagen clara. Limpie el lector, pida al cliente que apoye bien el dedo e intente de nuevo.' };
    case 'reader_unavailable':
    case 'central_unavailable': {
      const reason: FingerprintExceptionReason = m.kind === 'reader_unavailable' ? 'READER_UNAVAILABLE' : 'REGISTRY_UNAVAILABLE';
      return { kind: 'unavailable', reason, exceptionAllowed: before === 0, message: m.message };
    }
    case 'rejected': {
      if (m.code !== FINGERPRINT_ATTEMPTS_EXHAUSTED) return { kind: 'rejected', code: m.code, message: m.message };
      // Central counted three at other windows: kept, so this workstation refuses the exception too, even offline.
      const d = FingerprintAttemptsExhaustedSchema.safeParse(m.details);
      tell(d.success ? d.data.failures : FINGERPRINT_MAX_FAILURES, d.success ? { workstation: d.data.lastWorkstation, at: d.data.lastAt } : undefined);
      return refused(failuresNow());
    }
    case 'answered':
      break;
  }
  deps.matches.record({
    reference: m.transactionId,
    purpose: 'withdrawal',
    document: person,
    result: m.result,
    tellerId: input.tellerId,
    at: deps.clock.now().toISOString(),
  });
  if (m.failuresToday !== undefined) tell(m.failuresToday);
  if (m.result === 'match') {
    return {
      kind: 'verified',
      evidence: { kind: 'match', person, reference: m.transactionId },
      message: `Identidad verificada con huella — ref ${m.transactionId}.`,
    };
  }
  if (m.result === 'poor_quality') {
    return { kind: 'retry', message: `La Registraduría no pudo leer la huella (ref ${m.transactionId}). Limpie el lector y tome la huella de nuevo.` };
  }
  const failures = failuresNow();
  if (failures >= FINGERPRINT_MAX_FAILURES) return refused(failures);
  const remaining = FINGERPRINT_MAX_FAILURES - failures;
  return {
    kind: 'no_match',
    reference: m.transactionId,
    failures,
    remaining,
    message: `La huella de ${maskDocument(person)} no coincide con la Registraduría (ref ${m.transactionId}). Verifique que sea el dedo indicado y tome la huella de nuevo: ${remaining === 1 ? 'queda 1 intento' : `quedan ${remaining} intentos`}.`,
  };
};
