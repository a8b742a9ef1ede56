import type { Migration } from '../migration';

export const tillTransferMigrations: Migration[] = [
  {
    id: 'till-transfer/001',
    sql: `
      -- Cash transfers between this workstation's till and a till of another workstation of the branch, relayed
      -- through central. 'saliente': this till sent it (debited when sent); 'entrante': pulled from central, this
      -- till must count it blind and accept (credited) or reject (central tells the sender, whose till gets it
      -- back). Both steps go to central through the outbox (send_key, settle_key). Never edited once settled.
      CREATE TABLE till_transfers (
        id TEXT PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('saliente', 'entrante')),
        from_ws TEXT NOT NULL,
        to_ws TEXT NOT NULL,
        count TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        state TEXT NOT NULL CHECK (state IN ('en_transito', 'aceptado', 'rechazado')),
        sent_by TEXT NOT NULL,
        sent_by_name TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        received_by TEXT,
        received_by_name TEXT,
        received_at TEXT,
        note TEXT,
        send_key TEXT UNIQUE,
        settle_key TEXT UNIQUE,
        arrived_at TEXT NOT NULL,
        CHECK (from_ws <> to_ws)
      ) STRICT;
      CREATE INDEX till_transfers_open ON till_transfers (state) WHERE state = 'en_transito';
      CREATE TRIGGER till_transfers_settled BEFORE UPDATE ON till_transfers WHEN OLD.state <> 'en_transito'
        BEGIN SELECT RAISE(ABORT, 'a settled transfer is immutable'); END;`,
  },
  {
    id: 'till-transfer/002',
    sql: `
      -- Sends this till refused because it lacks the pieces asked for. Under blind close each refusal tells the
      -- teller something of the till's count, so they are kept for the supervisor (with what was short) and,
      -- from the second, block the till's sends until a supervisor's visa or an arqueo clears them.
      CREATE TABLE till_send_refusals (
        id TEXT PRIMARY KEY,
        till_session_id TEXT NOT NULL,
        to_ws TEXT NOT NULL,
        count TEXT NOT NULL,
        amount INTEGER NOT NULL,
        short TEXT NOT NULL,
        refused_at TEXT NOT NULL,
        cleared_at TEXT,
        cleared_by TEXT
      ) STRICT;
      CREATE INDEX till_send_refusals_open ON till_send_refusals (till_session_id) WHERE cleared_at IS NULL;`,
  },
];
