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
];
