import type { PersonId } from '../../../domain/accounts/person';
import type { Db } from '../db';

/** What a person's fingerprint was taken for: a withdrawal comprobante, or an F7 request (its flow's purpose). */
export type ConsentPurpose = 'withdrawal' | 'security_code' | 'contact_update';

/** A Ley 1581 authorization as recorded (migration fingerprint/003). */
export interface BiometricConsentRecord {
  readonly purpose: ConsentPurpose;
  /** The withdrawal's comprobante id, or the F7 flow's id. */
  readonly ref: string;
  readonly person: PersonId;
  readonly textVersion: string;
  /** The teller who read the text to the customer and recorded the answer. */
  readonly tellerId: string;
  readonly at: string;
}

interface Row {
  purpose: ConsentPurpose;
  ref: string;
  document_type: PersonId['type'];
  document_number: string;
  text_version: string;
  teller_id: string;
  at: string;
}

/** The consents given before each fingerprint capture, for F7 and for withdrawals alike. */
export const biometricConsentRepo = (db: Db) => {
  const insert = db.prepare(
    'INSERT INTO biometric_consents (purpose, ref, document_type, document_number, text_version, teller_id, at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const byRef = db.prepare<[string, string], Row>('SELECT * FROM biometric_consents WHERE purpose = ? AND ref = ? ORDER BY at, rowid');
  const insertRefusal = db.prepare(
    'INSERT INTO biometric_consent_refusals (purpose, ref, document_type, document_number, text_version, teller_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const refusalsByRef = db.prepare<[string, string], Row>('SELECT * FROM biometric_consent_refusals WHERE purpose = ? AND ref = ? ORDER BY at, rowid');
  const toRecord = (r: Row): BiometricConsentRecord => ({
    purpose: r.purpose,
    ref: r.ref,
    person: { type: r.document_type, number: r.document_number },
    textVersion: r.text_version,
    tellerId: r.teller_id,
    at: r.at,
  });
  return {
    /** The first authorization of a person for an operation stands; false when one was already recorded. */
    record: (c: BiometricConsentRecord): boolean =>
      insert.run(c.purpose, c.ref, c.person.type, c.person.number, c.textVersion, c.tellerId, c.at).changes > 0,
    of: (purpose: ConsentPurpose, ref: string): BiometricConsentRecord[] => byRef.all(purpose, ref).map(toRecord),
    /** A customer did not authorize: every answer is kept (the text may be read again and accepted later). */
    refuse: (c: BiometricConsentRecord): void => {
      insertRefusal.run(c.purpose, c.ref, c.person.type, c.person.number, c.textVersion, c.tellerId, c.at);
    },
    /** The refusals recorded for an operation, oldest first. */
    refusalsOf: (purpose: ConsentPurpose, ref: string): BiometricConsentRecord[] => refusalsByRef.all(purpose, ref).map(toRecord),
  };
};
export type BiometricConsentRepo = ReturnType<typeof biometricConsentRepo>;
