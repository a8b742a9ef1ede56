import type { Finger } from '../../../domain/devices/demo-citizens';
import type { IdentityDocument } from '../../../domain/identity/document';
import type { FingerprintPurpose } from '../../store/fingerprint/repo';
import type { CentralClient } from '../../sync/central-client';
import { type ContactPayload, matchFingerprint } from '../security-code/central-steps';
import { type FingerprintReader, readerErrorCode } from './reader';

/**
 * One capture on the workstation's reader and central's 1:1 match against the registry (domain-co §7), as every
 * flow that verifies a person by fingerprint needs it (security code, contact update, withdrawal). What each
 * outcome means for the flow (a failed attempt, a stop, an exception) is the flow's own decision.
 */
export type CaptureAndMatch =
  /** Central answered the 1:1 match; `transactionId` is its reference (kept with whatever the match allows). */
  | {
      kind: 'answered';
      result: 'match' | 'no_match' | 'poor_quality';
      transactionId: string;
      score: number;
      quality: number | null;
      /** A withdrawal's match: the person's "no coincide" of the day at every workstation, as central counts them. */
      failuresToday?: number;
    }
  /** The reader itself refused the image: a failed capture, with no reference (central was not asked). */
  | { kind: 'poor_image' }
  /** Nothing was captured: no reader configured, no finger, time-out, a cable problem. */
  | { kind: 'reader_unavailable'; message: string; readerCode: string | null }
  /** Central or its registry operator did not answer: the match did not happen. */
  | { kind: 'central_unavailable'; message: string }
  /** Central refused the request itself (not a "no coincide"). */
  | { kind: 'rejected'; code: string; message: string; details?: Record<string, unknown> };

export interface CaptureAndMatchDeps {
  reader: FingerprintReader | null;
  central: Pick<CentralClient, 'call'> | null;
  captureTimeoutMs?: number;
}

const NO_READER = 'No hay lector de huella configurado en esta estación. Llame a soporte.';

/** `purpose` tells central what the match is for: a withdrawal's "no coincide" count at every workstation. */
export const captureAndMatch = async (
  deps: CaptureAndMatchDeps,
  document: IdentityDocument,
  finger: Finger,
  purpose?: FingerprintPurpose,
): Promise<CaptureAndMatch> => {
  if (!deps.reader) return { kind: 'reader_unavailable', message: NO_READER, readerCode: null };
  let captured: { template: string; format: string; quality: number | null };
  try {
    captured = await deps.reader.capture(finger, { signal: AbortSignal.timeout(deps.captureTimeoutMs ?? 30_000) });
  } catch (err) {
    const code = readerErrorCode(err);
    // A poor image is a failed capture; no finger, time-out or a cable problem did not capture anything.
    if (code === 'FINGER_POOR_IMAGE') return { kind: 'poor_image' };
    const message = err instanceof Error && err.message ? err.message : 'El lector de huella no respondió.';
    return { kind: 'reader_unavailable', message, readerCode: code };
  }
  const m = await matchFingerprint(deps.central, {
    documentType: document.type as ContactPayload['documentType'],
    documentNumber: document.number,
    template: captured.template,
    format: captured.format,
    ...(purpose ? { purpose } : {}),
  });
  // The template goes to central only: no outcome below carries it.
  const quality = captured.quality;
  if (!m.ok) {
    return m.kind === 'rejected'
      ? { kind: 'rejected', code: m.code, message: m.message, ...(m.details ? { details: m.details } : {}) }
      : { kind: 'central_unavailable', message: m.message };
  }
  const { result, transactionId, score, failuresToday } = m.value;
  return { kind: 'answered', result, transactionId, score, quality, ...(failuresToday !== undefined ? { failuresToday } : {}) };
};
