import type { PersonId } from '../../../domain/accounts/person';
import type { FingerprintExceptionReason } from '../../../domain/withdrawal/fingerprint';
import type { Db } from '../db';

/** A withdrawal comprobante as the core saw it start (migration fingerprint/002). */
export interface WithdrawalComprobanteStart {
  readonly id: string;
  readonly tellerId: string;
  /** ISO instant from the core's clock when it first heard of this comprobante. */
  readonly startedAt: string;
  /** The withdrawal (idempotency key) it paid, if any: its fingerprints cannot pay another one. */
  readonly postedKey: string | null;
}

interface Row {
  id: string;
  teller_id: string;
  started_at: string;
  posted_key: string | null;
}

/**
 * When each withdrawal comprobante started and which captures of it the reader or the registry could not answer:
 * the facts the core judges a withdrawal's fingerprints by, instead of a time or a claim the screen sends.
 */
export const withdrawalComprobanteRepo = (db: Db) => {
  const insert = db.prepare('INSERT INTO withdrawal_comprobantes (id, teller_id, started_at) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING');
  const byId = db.prepare<[string], Row>('SELECT * FROM withdrawal_comprobantes WHERE id = ?');
  const posted = db.prepare('UPDATE withdrawal_comprobantes SET posted_key = ? WHERE id = ? AND posted_key IS NULL');
  const insertUnavailable = db.prepare(
    'INSERT INTO fingerprint_unavailable (comprobante_id, document_type, document_number, reason, at) VALUES (?, ?, ?, ?, ?)',
  );
  const unavailableFor = db.prepare<[string, string, string], { reason: FingerprintExceptionReason }>(
    'SELECT DISTINCT reason FROM fingerprint_unavailable WHERE comprobante_id = ? AND document_type = ? AND document_number = ?',
  );
  const lastUnavailableAt = db.prepare<[string, string, string, string], { at: string | null }>(
    'SELECT MAX(at) AS at FROM fingerprint_unavailable WHERE comprobante_id = ? AND document_type = ? AND document_number = ? AND reason = ?',
  );
  const get = (id: string): WithdrawalComprobanteStart | undefined => {
    const r = byId.get(id);
    return r ? { id: r.id, tellerId: r.teller_id, startedAt: r.started_at, postedKey: r.posted_key } : undefined;
  };
  return {
    /** The comprobante's start: recorded the first time the core hears of it, never moved afterwards. */
    start: (id: string, tellerId: string, at: string): WithdrawalComprobanteStart => {
      insert.run(id, tellerId, at);
      const s = get(id);
      if (!s) throw new Error(`withdrawal comprobante ${id} was not recorded`);
      return s;
    },
    get,
    /** Inside the posting's transaction: the comprobante paid this withdrawal. */
    markPosted: (id: string, idempotencyKey: string): void => {
      posted.run(idempotencyKey, id);
    },
    /** A ground of the supervisor's exception: the reader or the registry failed, or the customer did not authorize. */
    recordUnavailable: (id: string, person: PersonId, reason: FingerprintExceptionReason, at: string): void => {
      insertUnavailable.run(id, person.type, person.number, reason, at);
    },
    /** The reasons the reader or registry failed this person in this comprobante (what an exception may claim). */
    unavailable: (id: string, person: PersonId): FingerprintExceptionReason[] => unavailableFor.all(id, person.type, person.number).map((r) => r.reason),
    /**
     * When this ground was last recorded for this person in this comprobante; null when never. Per reason: a later
     * refusal must not make a reader failure that a match already overcame look recent again.
     */
    lastUnavailableAt: (id: string, person: PersonId, reason: FingerprintExceptionReason): string | null =>
      lastUnavailableAt.get(id, person.type, person.number, reason)?.at ?? null,
  };
};
export type WithdrawalComprobanteRepo = ReturnType<typeof withdrawalComprobanteRepo>;
