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
  {
    id: 'till/002',
    // Close, arqueo and supervised requests. A closed till is immutable: triggers refuse any change to a closed
    // session and any movement into it; a reopening is a new session linked to the closed one.
    sql: `
      ALTER TABLE till_sessions ADD COLUMN reopened_from TEXT REFERENCES till_sessions(id);
      ALTER TABLE till_sessions ADD COLUMN closing_count TEXT;
      CREATE TRIGGER till_closed_immutable BEFORE UPDATE ON till_sessions WHEN OLD.state = 'cerrada'
        BEGIN SELECT RAISE(ABORT, 'a closed till is immutable'); END;
      CREATE TRIGGER till_closed_no_delete BEFORE DELETE ON till_sessions
        BEGIN SELECT RAISE(ABORT, 'till sessions are kept'); END;
      CREATE TRIGGER till_movements_closed BEFORE INSERT ON till_movements
        WHEN (SELECT state FROM till_sessions WHERE id = NEW.till_session_id) = 'cerrada'
        BEGIN SELECT RAISE(ABORT, 'a closed till takes no movements'); END;
      CREATE TRIGGER till_movements_no_update BEFORE UPDATE ON till_movements
        BEGIN SELECT RAISE(ABORT, 'till movements are append-only'); END;
      CREATE TRIGGER till_movements_no_delete BEFORE DELETE ON till_movements
        BEGIN SELECT RAISE(ABORT, 'till movements are append-only'); END;

      -- One blind arqueo per close attempt: up to two counts, the difference once final, the reason and the
      -- supervisor request that covers it. 'expected' is never sent to the UI before the count is final.
      CREATE TABLE till_closings (
        id TEXT PRIMARY KEY,
        till_session_id TEXT NOT NULL REFERENCES till_sessions(id),
        state TEXT NOT NULL CHECK (state IN ('recontar', 'diferencia', 'cuadrada', 'cerrada')),
        expected TEXT NOT NULL,
        count1 TEXT NOT NULL,
        count2 TEXT,
        difference INTEGER NOT NULL,
        reason_code TEXT,
        reason_text TEXT,
        approval_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX till_closings_one_open ON till_closings (till_session_id) WHERE state <> 'cerrada';

      -- Requests the till features put to a supervisor (difference at close, reopening, reversal), on the
      -- domain approval state machine; maker and checker differ (also enforced here).
      CREATE TABLE supervised_requests (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('till_difference', 'till_reopen', 'reversal')),
        subject TEXT NOT NULL,
        summary TEXT NOT NULL,
        reasons TEXT NOT NULL,
        context TEXT NOT NULL,
        amount INTEGER,
        maker_id TEXT NOT NULL,
        requested_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pendiente', 'aprobada', 'rechazada', 'vencida')),
        checker_id TEXT,
        decided_at TEXT,
        note TEXT,
        used INTEGER NOT NULL DEFAULT 0,
        CHECK (checker_id IS NULL OR checker_id <> maker_id)
      ) STRICT;
      CREATE INDEX supervised_requests_status ON supervised_requests (status);`,
  },
  {
    // A reactivation without a debit (seed 003 cl. 7.1) is a supervised request too. SQLite cannot change a
    // CHECK in place: the table is rebuilt with its rows, as its documentation prescribes.
    id: 'till/003',
    sql: `
      CREATE TABLE supervised_requests_new (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('till_difference', 'till_reopen', 'reversal', 'reactivation')),
        subject TEXT NOT NULL,
        summary TEXT NOT NULL,
        reasons TEXT NOT NULL,
        context TEXT NOT NULL,
        amount INTEGER,
        maker_id TEXT NOT NULL,
        requested_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pendiente', 'aprobada', 'rechazada', 'vencida')),
        checker_id TEXT,
        decided_at TEXT,
        note TEXT,
        used INTEGER NOT NULL DEFAULT 0,
        CHECK (checker_id IS NULL OR checker_id <> maker_id)
      ) STRICT;
      INSERT INTO supervised_requests_new SELECT * FROM supervised_requests;
      DROP TABLE supervised_requests;
      ALTER TABLE supervised_requests_new RENAME TO supervised_requests;
      CREATE INDEX supervised_requests_status ON supervised_requests (status);`,
  },
  {
    // The close's journal entry hash: the report's verification code, so a report shown or printed again
    // carries the code of the paper printed at the close (not the journal's head at the time of asking).
    id: 'till/004',
    sql: `ALTER TABLE till_closings ADD COLUMN journal_hash TEXT;`,
  },
  {
    // A till's sends blocked after sends refused for want of pieces (a probe of a blind till's count) are freed by a
    // supervisor's visa: a supervised request too. The table is rebuilt as in till/003.
    id: 'till/005',
    sql: `
      CREATE TABLE supervised_requests_new (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('till_difference', 'till_reopen', 'reversal', 'reactivation', 'till_transfer_block')),
        subject TEXT NOT NULL,
        summary TEXT NOT NULL,
        reasons TEXT NOT NULL,
        context TEXT NOT NULL,
        amount INTEGER,
        maker_id TEXT NOT NULL,
        requested_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pendiente', 'aprobada', 'rechazada', 'vencida')),
        checker_id TEXT,
        decided_at TEXT,
        note TEXT,
        used INTEGER NOT NULL DEFAULT 0,
        CHECK (checker_id IS NULL OR checker_id <> maker_id)
      ) STRICT;
      INSERT INTO supervised_requests_new SELECT * FROM supervised_requests;
      DROP TABLE supervised_requests;
      ALTER TABLE supervised_requests_new RENAME TO supervised_requests;
      CREATE INDEX supervised_requests_status ON supervised_requests (status);`,
  },
  {
    // Every count of an arqueo, in order, with the answer it got and the request that covered it: the close record
    // and its report list them all (a recount after a shown difference must not hide the difference).
    id: 'till/006',
    sql: `ALTER TABLE till_closings ADD COLUMN counts TEXT NOT NULL DEFAULT '[]';`,
  },
  {
    // The close of central a supervised reopening started from (a workstation reinstalled the same day its till was
    // closed): JSON { id, closedAt, total }. reopened_from references a session of this store, which that close is not.
    id: 'till/007',
    sql: `ALTER TABLE till_sessions ADD COLUMN reopened_from_central TEXT;`,
  },
];
