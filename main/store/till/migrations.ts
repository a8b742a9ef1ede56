import type { Migration } from '../migration';

export const tillMigrations: Migration[] = [
  {
    id: 'till/001',
    sql: `
      CREATE TABLE till_sessions (
        id TEXT PRIMARY KEY,
        till_code TEXT NOT NULL,
        teller_id TEXT NOT NULL REFERENCES users(id),
        business_date TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('abierta', 'cerrada')),
        opened_at TEXT NOT NULL,
        opening_count TEXT NOT NULL,
        opening_total INTEGER NOT NULL CHECK (opening_total >= 0),
        position TEXT NOT NULL,
        position_total INTEGER NOT NULL CHECK (position_total >= 0),
        closed_at TEXT
      ) STRICT;
      -- One open till per till code at a time.
      CREATE UNIQUE INDEX till_one_open ON till_sessions (till_code) WHERE state = 'abierta';
      CREATE TABLE till_movements (
        id TEXT PRIMARY KEY,
        till_session_id TEXT NOT NULL REFERENCES till_sessions(id),
        kind TEXT NOT NULL,
        reference TEXT,
        delta TEXT NOT NULL,
        amount INTEGER NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX till_movements_session ON till_movements (till_session_id);`,
  },
];
