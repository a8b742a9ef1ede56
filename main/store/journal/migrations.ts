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
];
