import type { Migration } from '../migration';

export const deviceMigrations: Migration[] = [
  {
    id: 'devices/001',
    sql: `
      -- Per-device settings a supervisor saved in the Devices screen; they override the config file section.
      CREATE TABLE device_settings (
        device TEXT PRIMARY KEY CHECK (device IN ('printer', 'fingerprint', 'scanner')),
        config TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      -- Every receipt sent to the printer, recorded before the first byte leaves, so a crash or a paper-out
      -- never loses a receipt: the teller sees it failed and presses Reintentar.
      CREATE TABLE device_print_jobs (
        id TEXT PRIMARY KEY,
        reference TEXT NOT NULL,
        sequence TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('receipt', 'test')),
        copy_number INTEGER NOT NULL CHECK (copy_number >= 0),
        state TEXT NOT NULL CHECK (state IN ('queued', 'printing', 'printed', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        reason_code TEXT,
        reason_message TEXT,
        document TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX device_print_jobs_copy ON device_print_jobs (reference, copy_number);
      CREATE INDEX device_print_jobs_created ON device_print_jobs (created_at);`,
  },
  {
    id: 'devices/002',
    sql: `
      -- Set, and never cleared, when an attempt failed after its bytes began to leave (cable pulled, paper out,
      -- Caja restarted mid-print): the paper may be out, so Reintentar prints it marked as a reprint.
      ALTER TABLE device_print_jobs ADD COLUMN may_have_printed INTEGER NOT NULL DEFAULT 0 CHECK (may_have_printed IN (0, 1));`,
  },
  {
    id: 'devices/003',
    sql: `
      -- Which paper a job prints, recorded where it is made, so F5 names an owed original without reading its
      -- title. SQLite cannot widen a CHECK in place: the table is copied over, rowids kept (they order jobs
      -- created in the same millisecond). Jobs recorded before were all 'receipt' but the test page; they are named
      -- from their document's title as the builders of this version word it, so no owed paper changes its name.
      CREATE TABLE device_print_jobs_003 (
        id TEXT PRIMARY KEY,
        reference TEXT NOT NULL,
        sequence TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('receipt', 'constancia', 'close_report', 'reopening_report', 'test')),
        copy_number INTEGER NOT NULL CHECK (copy_number >= 0),
        state TEXT NOT NULL CHECK (state IN ('queued', 'printing', 'printed', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        reason_code TEXT,
        reason_message TEXT,
        document TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        may_have_printed INTEGER NOT NULL DEFAULT 0 CHECK (may_have_printed IN (0, 1))
      ) STRICT;
      INSERT INTO device_print_jobs_003
        (rowid, id, reference, sequence, kind, copy_number, state, attempts, reason_code, reason_message, document, created_at, updated_at, may_have_printed)
      SELECT old_rowid, id, reference, sequence,
        CASE
          WHEN kind <> 'receipt' THEN kind
          WHEN instr(title, 'CONSTANCIA') = 1 THEN 'constancia'
          WHEN instr(title, 'CIERRE DE CAJA - REPORTE DE REAPERTURA') = 1 THEN 'reopening_report'
          WHEN instr(title, 'CIERRE DE CAJA - REPORTE DE FIN DE DÍA') = 1 THEN 'close_report'
          ELSE 'receipt'
        END,
        copy_number, state, attempts, reason_code, reason_message, document, created_at, updated_at, may_have_printed
      FROM (
        -- A document that is not JSON (never written so, but a migration must not stop a till over one row) stays a receipt.
        SELECT rowid AS old_rowid, *, CASE WHEN json_valid(document) THEN json_extract(document, '$.title') END AS title FROM device_print_jobs
      )
      ORDER BY old_rowid;
      DROP TABLE device_print_jobs;
      ALTER TABLE device_print_jobs_003 RENAME TO device_print_jobs;
      CREATE UNIQUE INDEX device_print_jobs_copy ON device_print_jobs (reference, copy_number);
      CREATE INDEX device_print_jobs_created ON device_print_jobs (created_at);`,
  },
  {
    id: 'devices/004',
    sql: `
      -- The validation imprint on the customer's Comprobante Único (slip station) is owed and retried like a
      -- receipt, so it is a job of its own kind. The CHECK is widened by copying the table over, as devices/003 did,
      -- rowids kept; every job recorded before keeps its kind.
      CREATE TABLE device_print_jobs_004 (
        id TEXT PRIMARY KEY,
        reference TEXT NOT NULL,
        sequence TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('receipt', 'constancia', 'close_report', 'reopening_report', 'test', 'validation')),
        copy_number INTEGER NOT NULL CHECK (copy_number >= 0),
        state TEXT NOT NULL CHECK (state IN ('queued', 'printing', 'printed', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        reason_code TEXT,
        reason_message TEXT,
        document TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        may_have_printed INTEGER NOT NULL DEFAULT 0 CHECK (may_have_printed IN (0, 1))
      ) STRICT;
      INSERT INTO device_print_jobs_004
        (rowid, id, reference, sequence, kind, copy_number, state, attempts, reason_code, reason_message, document, created_at, updated_at, may_have_printed)
      SELECT rowid, id, reference, sequence, kind, copy_number, state, attempts, reason_code, reason_message, document, created_at, updated_at, may_have_printed
      FROM device_print_jobs ORDER BY rowid;
      DROP TABLE device_print_jobs;
      ALTER TABLE device_print_jobs_004 RENAME TO device_print_jobs;
      CREATE UNIQUE INDEX device_print_jobs_copy ON device_print_jobs (reference, copy_number);
      CREATE INDEX device_print_jobs_created ON device_print_jobs (created_at);`,
  },
];
