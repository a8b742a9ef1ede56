import type { Migration } from '../migration';

export const idempotencyMigrations: Migration[] = [
  {
    id: 'idempotency/001',
    sql: `
      CREATE TABLE idempotency (
        key TEXT PRIMARY KEY,
        channel TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        response TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;`,
  },
];
