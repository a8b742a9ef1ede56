import type { Migration } from '../migration';

export const chargeDifferenceMigrations: Migration[] = [
  {
    id: 'charge-difference/001',
    // Who marked a charge difference (or a failed comparison) seen on Inicio, and when; the journal entry of the
    // difference stays as written. A failed comparison is kept apart from the journal: it is recorded while
    // central's acknowledgement is being applied, which it must never stop. Both append-only, as the journal.
    sql: `
      CREATE TABLE charge_check_failures (
        id INTEGER PRIMARY KEY,
        central_key TEXT NOT NULL,
        account TEXT,
        at TEXT NOT NULL,
        error TEXT NOT NULL
      ) STRICT;
      CREATE TABLE charge_difference_seen (
        item TEXT PRIMARY KEY,
        seen_by TEXT NOT NULL,
        seen_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER charge_check_failures_no_update BEFORE UPDATE ON charge_check_failures BEGIN SELECT RAISE(ABORT, 'append-only'); END;
      CREATE TRIGGER charge_check_failures_no_delete BEFORE DELETE ON charge_check_failures BEGIN SELECT RAISE(ABORT, 'append-only'); END;
      CREATE TRIGGER charge_difference_seen_no_update BEFORE UPDATE ON charge_difference_seen BEGIN SELECT RAISE(ABORT, 'append-only'); END;
      CREATE TRIGGER charge_difference_seen_no_delete BEFORE DELETE ON charge_difference_seen BEGIN SELECT RAISE(ABORT, 'append-only'); END;`,
  },
];
