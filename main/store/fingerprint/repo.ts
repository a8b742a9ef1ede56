import type { PersonId } from '../../../domain/accounts/person';
import type { DocumentType } from '../../../domain/identity/document';
import type { CentralFailures, FingerprintAttempt } from '../../../domain/withdrawal/fingerprint';
import type { Db } from '../db';

export type FingerprintPurpose = 'withdrawal' | 'security_code' | 'contact_update';

/** One answer of central's 1:1 match as the core keeps it: no template, no score image, only the outcome. */
export interface FingerprintMatchRecord extends FingerprintAttempt {
  readonly purpose: FingerprintPurpose;
  readonly tellerId: string;
}

interface Row {
  reference: string;
  purpose: FingerprintPurpose;
  document_type: DocumentType;
  document_number: string;
  result: FingerprintAttempt['result'];
  teller_id: string;
  at: string;
}

const toRecord = (r: Row): FingerprintMatchRecord => ({
  reference: r.reference,
  purpose: r.purpose,
  document: { type: r.document_type, number: r.document_number },
  result: r.result,
  tellerId: r.teller_id,
  at: r.at,
});

export const fingerprintRepo = (db: Db) => {
  // A reference central already answered is the same answer: a retried record must not fail nor count twice.
  const insert = db.prepare(
    `INSERT INTO fingerprint_matches (reference, purpose, document_type, document_number, result, teller_id, at)
     VALUES (@reference, @purpose, @documentType, @documentNumber, @result, @tellerId, @at)
     ON CONFLICT(reference) DO NOTHING`,
  );
  const byReference = db.prepare<[string], Row>('SELECT * FROM fingerprint_matches WHERE reference = ?');
  const forDocumentSince = db.prepare<[string, string, string], Row>(
    `SELECT * FROM fingerprint_matches WHERE document_type = ? AND document_number = ? AND at >= ? ORDER BY at, rowid`,
  );
  // Central's count only grows within a day: an answer that arrives after a later one must not lower it.
  const tell = db.prepare(
    `INSERT INTO fingerprint_central_failures (document_type, document_number, day_from, failures, last_workstation, last_at, told_at)
     VALUES (@documentType, @documentNumber, @dayFrom, @failures, @lastWorkstation, @lastAt, @toldAt)
     ON CONFLICT(document_type, document_number, day_from) DO UPDATE SET
       failures = excluded.failures,
       last_workstation = COALESCE(excluded.last_workstation, last_workstation),
       last_at = COALESCE(excluded.last_at, last_at),
       told_at = excluded.told_at
     WHERE excluded.failures >= failures`,
  );
  const told = db.prepare<[string, string, string], { failures: number; last_workstation: string | null; last_at: string | null }>(
    'SELECT failures, last_workstation, last_at FROM fingerprint_central_failures WHERE document_type = ? AND document_number = ? AND day_from = ?',
  );
  return {
    /** What central said of this person's withdrawal "no coincide" at every workstation on the day counted from `dayFrom`. */
    recordCentralFailures: (told: CentralFailures & { readonly dayFrom: string; readonly toldAt: string }): void => {
      tell.run({
        documentType: told.person.type,
        documentNumber: told.person.number,
        dayFrom: told.dayFrom,
        failures: told.failures,
        lastWorkstation: told.last?.workstation ?? null,
        lastAt: told.last?.at ?? null,
        toldAt: told.toldAt,
      });
    },
    /** The last count central told for each of these people on that day (none told: absent). */
    centralFailures: (people: readonly PersonId[], dayFrom: string): CentralFailures[] =>
      people.flatMap((person) => {
        const r = told.get(person.type, person.number, dayFrom);
        if (!r) return [];
        const last = r.last_workstation !== null && r.last_at !== null ? { workstation: r.last_workstation, at: r.last_at } : undefined;
        return [{ person, failures: r.failures, ...(last ? { last } : {}) }];
      }),
    record: (m: FingerprintMatchRecord): void => {
      insert.run({
        reference: m.reference,
        purpose: m.purpose,
        documentType: m.document.type,
        documentNumber: m.document.number,
        result: m.result,
        tellerId: m.tellerId,
        at: m.at,
      });
    },
    get: (reference: string): FingerprintMatchRecord | undefined => {
      const r = byReference.get(reference);
      return r ? toRecord(r) : undefined;
    },
    /**
     * Every answer for these people since an instant (the comprobante's start), plus the answers the evidence
     * names whatever their time or person, so the domain check can tell "stale" and "other document" apart from
     * "not recorded here". ISO instants from the injected clock sort as text.
     */
    attempts: (people: readonly PersonId[], since: string, references: readonly string[] = []): FingerprintMatchRecord[] => {
      const out = new Map<string, FingerprintMatchRecord>();
      for (const p of people) for (const r of forDocumentSince.all(p.type, p.number, since)) out.set(r.reference, toRecord(r));
      for (const ref of references) {
        const r = byReference.get(ref);
        if (r) out.set(r.reference, toRecord(r));
      }
      return [...out.values()];
    },
  };
};
export type FingerprintRepo = ReturnType<typeof fingerprintRepo>;
