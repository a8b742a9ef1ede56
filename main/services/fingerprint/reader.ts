import type { Finger } from '../../../domain/devices/demo-citizens';

/**
 * The workstation's fingerprint reader as a flow needs it (the device service's `captureFingerprint`). The
 * template is biometric data (Ley 1581 de 2012): it stays in memory, goes to central once and is never stored,
 * journaled or logged.
 */
export interface FingerprintReader {
  capture(finger: Finger, options: { signal?: AbortSignal }): Promise<{ template: string; format: string; quality: number | null }>;
}

/** The reader's failure, as the device service reports it (`FINGER_POOR_IMAGE`, `FINGER_NO_FINGER`, …). */
export const readerErrorCode = (err: unknown): string | null =>
  typeof err === 'object' && err !== null && 'code' in err && typeof (err as { code: unknown }).code === 'string'
    ? (err as { code: string }).code
    : null;
