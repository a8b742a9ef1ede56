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
];
