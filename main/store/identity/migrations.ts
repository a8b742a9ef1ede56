import type { Migration } from '../migration';

export const identityMigrations: Migration[] = [
  {
    id: 'identity/001',
    sql: `
      -- Contact-data updates this workstation sent to central, with how they were validated. The reference
      -- cache catches up on the next pull; until then the lookup prefers an applied update made here.
      CREATE TABLE identity_contact_updates (
        key TEXT PRIMARY KEY,
        flow_id TEXT,
        document_type TEXT NOT NULL,
        document_number TEXT NOT NULL,
        previous_cellphone TEXT,
        new_cellphone TEXT NOT NULL,
        basis TEXT NOT NULL CHECK (basis IN ('previous_number_confirmed', 'biometric_match')),
        status TEXT NOT NULL CHECK (status IN ('sent', 'applied', 'rejected')),
        central_reference TEXT,
        teller_id TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX identity_contact_updates_doc ON identity_contact_updates (document_type, document_number, at);`,
  },
  {
    id: 'identity/002',
    sql: `
      -- The same verification also updates the e-mail and the postal address; previous_cellphone/new_cellphone
      -- then hold that field's canonical values.
      ALTER TABLE identity_contact_updates ADD COLUMN field TEXT NOT NULL DEFAULT 'cellphone'
        CHECK (field IN ('cellphone', 'email', 'address'));`,
  },
];
