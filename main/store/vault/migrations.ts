import type { Migration } from '../migration';

/**
 * vault/001 was applied on workstations before the branch vault moved to central (central/vault/): kept because
 * migrations are append-only. Nothing writes those tables any more; the close gate still counts a transfer left
 * in transit there. vault/002 traces a vault operation sent to central until it is journaled here.
 */
export const vaultMigrations: Migration[] = [
  {
    id: 'vault/001',
    sql: `
      -- The branch vault (bóveda) by denomination, and cash transfers between the vault and tills or between
      -- tills. Two-party: the sender's cash leaves at 'en_transito'; the receiver counts and accepts (cash
      -- arrives) or rejects (cash goes back to the sender). Transfers are never edited after they settle.
      CREATE TABLE vault (
        id TEXT PRIMARY KEY,
        position TEXT NOT NULL,
        position_total INTEGER NOT NULL CHECK (position_total >= 0),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE cash_transfers (
        id TEXT PRIMARY KEY,
        idempotency_key TEXT NOT NULL UNIQUE,
        from_kind TEXT NOT NULL CHECK (from_kind IN ('vault', 'till')),
        from_ref TEXT NOT NULL,
        to_kind TEXT NOT NULL CHECK (to_kind IN ('vault', 'till')),
        to_ref TEXT NOT NULL,
        count TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        state TEXT NOT NULL CHECK (state IN ('en_transito', 'aceptado', 'rechazado')),
        sent_by TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        received_by TEXT,
        received_at TEXT,
        note TEXT,
        CHECK (received_by IS NULL OR received_by <> sent_by)
      ) STRICT;
      CREATE INDEX cash_transfers_open ON cash_transfers (state) WHERE state = 'en_transito';
      CREATE TRIGGER cash_transfers_settled BEFORE UPDATE ON cash_transfers WHEN OLD.state <> 'en_transito'
        BEGIN SELECT RAISE(ABORT, 'a settled transfer is immutable'); END;`,
  },
  {
    id: 'vault/002',
    sql: `
      -- Written with the operation's key before the request leaves for central, removed with its journal entry:
      -- a host that dies between central's answer and the journal leaves this row, and the next start journals
      -- what central applied (main/services/vault/unjournaled.ts).
      CREATE TABLE vault_unjournaled (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('provision', 'receive')),
        transfer_id TEXT NOT NULL,
        actor TEXT NOT NULL,
        username TEXT NOT NULL,
        decision TEXT CHECK (decision IS NULL OR decision IN ('aceptado', 'rechazado')),
        note TEXT,
        asked_at TEXT NOT NULL
      ) STRICT;`,
  },
];
