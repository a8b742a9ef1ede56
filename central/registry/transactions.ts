import { FINGERPRINT_ATTEMPTS_EXHAUSTED, type FingerprintAttemptsExhausted, type FingerprintMatchRequest, type FingerprintMatchResponse } from '../../domain/central-api';
import { bogotaDayStartMs } from '../../domain/calendar/bogota-time';
import { FINGERPRINT_MAX_FAILURES, fingerprintRefusedMessage } from '../../domain/withdrawal/fingerprint';
import { fail, ok, type HandlerResult } from '../http/result';
import { iso } from '../runtime';
import type { Sql } from '../store/db';
import type { CitizenRegistry } from './registry';

/** A fingerprint match authorises a radication or a contact update for this long. */
export const FINGERPRINT_VALIDITY_MS = 30 * 60_000;

/** A withdrawal's "no coincide" answers for this document in the Bogotá day of `nowMs`, at every workstation. */
const withdrawalFailuresToday = (sql: Sql, req: FingerprintMatchRequest, nowMs: number): { failures: number; last: { workstation: string; at_ms: number } | undefined } => {
  const since = bogotaDayStartMs(nowMs);
  const where = `FROM fingerprint_tx WHERE document_type = ? AND document_number = ? AND at_ms >= ? AND purpose = 'withdrawal' AND result = 'no_match'`;
  const failures = sql.get<{ n: number }>(`SELECT COUNT(*) AS n ${where}`, req.documentType, req.documentNumber, since)?.n ?? 0;
  const last = sql.get<{ workstation: string; at_ms: number }>(`SELECT workstation, at_ms ${where} ORDER BY at_ms DESC, rowid DESC LIMIT 1`, req.documentType, req.documentNumber, since);
  return { failures, last };
};

/**
 * Relays the match and records the outcome (never the template) under an operator transaction id. A withdrawal's
 * match is refused, without asking the registry, once the document had FINGERPRINT_MAX_FAILURES "no coincide" that
 * Bogotá day at any workstation (seed 003 cl. 4 c): each workstation counts only its own, central sees them all.
 * The count and the answer that adds to it are one transaction, so two windows asking at once cannot both get a
 * fourth try (the registry interface answers synchronously; an asynchronous operator would need the slot taken first).
 */
export const matchFingerprint = (
  sql: Sql,
  registry: CitizenRegistry,
  req: FingerprintMatchRequest,
  transactionId: string,
  workstation: string,
  nowMs: number,
): HandlerResult<FingerprintMatchResponse> =>
  sql.tx(() => {
    const counted = req.purpose === 'withdrawal';
    const before = counted ? withdrawalFailuresToday(sql, req, nowMs) : { failures: 0, last: undefined };
    if (counted && before.failures >= FINGERPRINT_MAX_FAILURES) {
      const last = before.last ? { workstation: before.last.workstation, at: iso(before.last.at_ms) } : undefined;
      const details: FingerprintAttemptsExhausted = { failures: before.failures, lastWorkstation: last?.workstation ?? workstation, lastAt: last?.at ?? iso(nowMs) };
      return fail(409, FINGERPRINT_ATTEMPTS_EXHAUSTED, fingerprintRefusedMessage({ type: req.documentType, number: req.documentNumber }, before.failures, last), details);
    }
    const outcome = registry.match(req);
    sql.run(
      `INSERT INTO fingerprint_tx (id, document_type, document_number, result, score, workstation, at_ms, purpose)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      transactionId,
      req.documentType,
      req.documentNumber,
      outcome.result,
      outcome.score,
      workstation,
      nowMs,
      req.purpose ?? null,
    );
    const failuresToday = before.failures + (outcome.result === 'no_match' ? 1 : 0);
    return ok({ ...outcome, transactionId, ...(counted ? { failuresToday } : {}) });
  });

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
