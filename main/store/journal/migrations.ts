import type { Migration } from '../migration';

export const journalMigrations: Migration[] = [
  {
    id: 'journal/001',
    // Append-only: triggers refuse UPDATE and DELETE so that only a deliberate tamper (outside Caja) can change
    // a row, and the hash chain then reports it.
    sql: `
      CREATE TABLE journal (
        sequence INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        workstation TEXT NOT NULL,
        actor TEXT NOT NULL,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX journal_type_at ON journal (type, at);
      CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
      CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;`,
  },
  {
    id: 'journal/002',
    // The installation: this store's own journal chain, named once, in the transaction that creates the store's
    // schema and never again (no start generates one: a missing id is reported, not replaced). Central keeps anchors
    // per workstation and installation, so a workstation reinstalled on an empty store under the same id starts a
    // new chain instead of being checked against the old machine's (services/journal/health.ts). Random, not one
    // of the core's injected ids: no code runs before the schema, and nothing but its uniqueness matters. A store
    // that already had a journal when this step first ran keeps the anchors central took before installations
    // existed: 'legacy'.
    sql: `
      INSERT INTO settings (key, value)
        SELECT 'journal.installation', CASE WHEN EXISTS (SELECT 1 FROM journal) THEN 'legacy' ELSE lower(hex(randomblob(16))) END;`,
  },
];
