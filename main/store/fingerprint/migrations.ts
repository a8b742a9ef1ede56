import type { Migration } from '../migration';

export const fingerprintMigrations: Migration[] = [
  {
    id: 'fingerprint/001',
    sql: `
      -- Every 1:1 match central answered at this workstation (domain-co §7), so the core, not the screen, judges a
      -- withdrawal's evidence: whose document, the result, when, which teller asked. The reference is central's
      -- transaction id. Never the template (Ley 1581 de 2012): it goes to central once and is not kept anywhere.
      -- Append-only: "no coincide" answers count toward the three that refuse the withdrawal.
      CREATE TABLE fingerprint_matches (
        reference TEXT PRIMARY KEY,
        purpose TEXT NOT NULL CHECK (purpose IN ('withdrawal', 'security_code', 'contact_update')),
        document_type TEXT NOT NULL,
        document_number TEXT NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('match', 'no_match', 'poor_quality')),
        teller_id TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX fingerprint_matches_doc ON fingerprint_matches (document_type, document_number, at);
      CREATE TRIGGER fingerprint_matches_no_update BEFORE UPDATE ON fingerprint_matches
        BEGIN SELECT RAISE(ABORT, 'fingerprint matches are append-only'); END;
      CREATE TRIGGER fingerprint_matches_no_delete BEFORE DELETE ON fingerprint_matches
        BEGIN SELECT RAISE(ABORT, 'fingerprint matches are append-only'); END;`,
  },
  {
    id: 'fingerprint/002',
    sql: `
      -- When each withdrawal comprobante started, as the core saw it (its clock, not the screen's): a match older
      -- than the start belongs to another operation (stale), and "no coincide" answers count from it. The screen
      -- names the comprobante (a uuid) and the core keeps the first instant it heard of it. posted_key: the
      -- withdrawal it paid; its evidence cannot pay another one.
      CREATE TABLE withdrawal_comprobantes (
        id TEXT PRIMARY KEY,
        teller_id TEXT NOT NULL,
        started_at TEXT NOT NULL,
        posted_key TEXT
      ) STRICT;
      -- A capture that could not be matched because the reader or the registry did not answer (domain-co §7): the
      -- only ground for the supervisor's "Sin validación biométrica" exception, so the core checks it happened.
      CREATE TABLE fingerprint_unavailable (
        comprobante_id TEXT NOT NULL REFERENCES withdrawal_comprobantes(id),
        document_type TEXT NOT NULL,
        document_number TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('READER_UNAVAILABLE', 'REGISTRY_UNAVAILABLE')),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX fingerprint_unavailable_comprobante ON fingerprint_unavailable (comprobante_id, document_type, document_number);`,
  },
  {
    id: 'fingerprint/003',
    sql: `
      -- The Ley 1581 authorization each person gave before a finger was taken (art. 6, Decreto 1377 de 2013: explicit,
      -- recorded, retrievable): who read it (teller), whose document, which text version, when, and for what (a
      -- withdrawal comprobante or an F7 request). One per person and operation; append-only.
      CREATE TABLE biometric_consents (
        purpose TEXT NOT NULL CHECK (purpose IN ('withdrawal', 'security_code', 'contact_update')),
        ref TEXT NOT NULL,
        document_type TEXT NOT NULL,
        document_number TEXT NOT NULL,
        text_version TEXT NOT NULL,
        teller_id TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (purpose, ref, document_type, document_number)
      ) STRICT;
      CREATE TRIGGER biometric_consents_no_update BEFORE UPDATE ON biometric_consents
        BEGIN SELECT RAISE(ABORT, 'biometric consents are append-only'); END;
      CREATE TRIGGER biometric_consents_no_delete BEFORE DELETE ON biometric_consents
        BEGIN SELECT RAISE(ABORT, 'biometric consents are append-only'); END;`,
  },
  {
    id: 'fingerprint/004',
    sql: `
      -- What central last said of a person's withdrawal "no coincide" answers at every workstation on the day a
      -- comprobante counts from (day_from: its Bogotá midnight, as fingerprint_matches are counted): the answer's
      -- failuresToday, or its refusal after the third with where and when the last one was. Never lowered: central
      -- away, the larger of this and this workstation's own count still refuses the capture and the exception.
      CREATE TABLE fingerprint_central_failures (
        document_type TEXT NOT NULL,
        document_number TEXT NOT NULL,
        day_from TEXT NOT NULL,
        failures INTEGER NOT NULL CHECK (failures >= 0),
        last_workstation TEXT,
        last_at TEXT,
        told_at TEXT NOT NULL,
        PRIMARY KEY (document_type, document_number, day_from)
      ) STRICT;`,
  },
  {
    id: 'fingerprint/005',
    sql: `
      -- A customer who does not authorize the treatment of their fingerprint (Ley 1581, Decreto 1377 de 2013 art. 6:
      -- no service is conditioned on it) is a ground of the supervisor's exception too, recorded the same way so the
      -- core checks it was said for that person in that comprobante. SQLite cannot widen a CHECK: the table is rebuilt.
      CREATE TABLE fingerprint_unavailable_new (
        comprobante_id TEXT NOT NULL REFERENCES withdrawal_comprobantes(id),
        document_type TEXT NOT NULL,
        document_number TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('READER_UNAVAILABLE', 'REGISTRY_UNAVAILABLE', 'CONSENT_REFUSED')),
        at TEXT NOT NULL
      ) STRICT;
      INSERT INTO fingerprint_unavailable_new (comprobante_id, document_type, document_number, reason, at)
        SELECT comprobante_id, document_type, document_number, reason, at FROM fingerprint_unavailable ORDER BY rowid;
      DROP TABLE fingerprint_unavailable;
      ALTER TABLE fingerprint_unavailable_new RENAME TO fingerprint_unavailable;
      CREATE INDEX fingerprint_unavailable_comprobante ON fingerprint_unavailable (comprobante_id, document_type, document_number);`,
  },
  {
    id: 'fingerprint/006',
    sql: `
      -- A customer's "no autorizo" to the Ley 1581 text, kept as an authorization is (who read it, whose document, the
      -- text's version, when, for which operation), so the withdrawal it belongs to shows it in its own journal entry
      -- (F5) as it shows a given one. Append-only; each answer is kept, the customer may be asked again.
      CREATE TABLE biometric_consent_refusals (
        purpose TEXT NOT NULL CHECK (purpose IN ('withdrawal', 'security_code', 'contact_update')),
        ref TEXT NOT NULL,
        document_type TEXT NOT NULL,
        document_number TEXT NOT NULL,
        text_version TEXT NOT NULL,
        teller_id TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX biometric_consent_refusals_ref ON biometric_consent_refusals (purpose, ref);
      CREATE TRIGGER biometric_consent_refusals_no_update BEFORE UPDATE ON biometric_consent_refusals
        BEGIN SELECT RAISE(ABORT, 'biometric consent refusals are append-only'); END;
      CREATE TRIGGER biometric_consent_refusals_no_delete BEFORE DELETE ON biometric_consent_refusals
        BEGIN SELECT RAISE(ABORT, 'biometric consent refusals are append-only'); END;`,
  },
];
