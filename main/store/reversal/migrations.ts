import type { Migration } from '../migration';

export const reversalMigrations: Migration[] = [
  {
    id: 'reversal/001',
    sql: `
      -- Same-day reversals of comprobantes: one per original, linked to it, with its own receipt. Append-only.
      CREATE TABLE reversals (
        id TEXT PRIMARY KEY,
        original_sequence TEXT NOT NULL UNIQUE,
        reason_code TEXT NOT NULL,
        reason_text TEXT NOT NULL,
        approval_id TEXT NOT NULL,
        teller_id TEXT NOT NULL,
        till_session_id TEXT,
        business_date TEXT NOT NULL,
        posted_at TEXT NOT NULL,
        amount INTEGER NOT NULL,
        central_keys TEXT NOT NULL,
        journal_sequence INTEGER NOT NULL,
        receipt TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER reversals_no_update BEFORE UPDATE ON reversals BEGIN SELECT RAISE(ABORT, 'reversals are append-only'); END;
      CREATE TRIGGER reversals_no_delete BEFORE DELETE ON reversals BEGIN SELECT RAISE(ABORT, 'reversals are append-only'); END;`,
  },
];
