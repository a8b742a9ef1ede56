import type { Migration } from '../migration';

export const referenceMigrations: Migration[] = [
  {
    id: 'reference/001',
    sql: `
      -- Central's reference data as last pulled, each entity at its latest version (central's wire shape as JSON).
      CREATE TABLE ref_accounts (number TEXT PRIMARY KEY, version INTEGER NOT NULL, data TEXT NOT NULL) STRICT;
      CREATE TABLE ref_customers (
        document_type TEXT NOT NULL, document_number TEXT NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL,
        PRIMARY KEY (document_type, document_number)
      ) STRICT;
      -- Who holds which account, for the lookup by the customer's document.
      CREATE TABLE ref_holders (
        document_type TEXT NOT NULL, document_number TEXT NOT NULL, account TEXT NOT NULL REFERENCES ref_accounts(number),
        PRIMARY KEY (document_type, document_number, account)
      ) STRICT;
      CREATE INDEX ref_holders_account ON ref_holders (account);
      -- cursor: central's version the cache is complete up to; last_sync_at: last successful pull.
      CREATE TABLE ref_sync (id INTEGER PRIMARY KEY CHECK (id = 1), cursor INTEGER NOT NULL, last_sync_at TEXT) STRICT;
      INSERT INTO ref_sync (id, cursor, last_sync_at) VALUES (1, 0, NULL);`,
  },
];
