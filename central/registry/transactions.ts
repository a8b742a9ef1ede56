import type { FingerprintMatchRequest, FingerprintMatchResponse } from '../../domain/central-api';
import type { Sql } from '../store/db';
import type { CitizenRegistry } from './registry';

/** A fingerprint match authorises a radication or a contact update for this long. */
export const FINGERPRINT_VALIDITY_MS = 30 * 60_000;

/** Relays the match and records the outcome (never the template) under an operator transaction id. */
export const matchFingerprint = (
  sql: Sql,
  registry: CitizenRegistry,
  req: FingerprintMatchRequest,
  transactionId: string,
  workstation: string,
  nowMs: number,
): FingerprintMatchResponse => {
  const outcome = registry.match(req);
  sql.run(
    `INSERT INTO fingerprint_tx (id, document_type, document_number, result, score, workstation, at_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    transactionId,
    req.documentType,
    req.documentNumber,
    outcome.result,
    outcome.score,
    workstation,
    nowMs,
  );
  return { ...outcome, transactionId };
};

/** Whether `transactionId` is a recent `match` for exactly this document. */
export const fingerprintVerified = (
  sql: Sql,
  documentType: string,
  documentNumber: string,
  transactionId: string | undefined,
  nowMs: number,
): boolean => {
  if (transactionId === undefined) return false;
  const row = sql.get<{ document_type: string; document_number: string; result: string; at_ms: number }>(
    'SELECT document_type, document_number, result, at_ms FROM fingerprint_tx WHERE id = ?',
    transactionId,
  );
  return (
    row !== undefined &&
    row.result === 'match' &&
    row.document_type === documentType &&
    row.document_number === documentNumber &&
    nowMs - row.at_ms <= FINGERPRINT_VALIDITY_MS
  );
};
