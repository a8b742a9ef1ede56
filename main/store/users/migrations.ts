import type { Migration } from '../migration';

export const userMigrations: Migration[] = [
  {
    id: 'users/001',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('cajero', 'supervisor')),
        password_hash TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_out INTEGER NOT NULL DEFAULT 0 CHECK (locked_out IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;`,
  },
  {
    // A lock-out lapses at this moment (null: only a supervisor frees it), so a branch whose one supervisor is
    // locked out at a workstation is not left without approvals there for good.
    id: 'users/002',
    sql: `ALTER TABLE users ADD COLUMN locked_until TEXT;`,
  },
];
