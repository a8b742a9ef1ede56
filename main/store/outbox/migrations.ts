import type { Migration } from '../migration';

export const outboxMigrations: Migration[] = [
  {
    id: 'outbox/001',
    sql: `
      -- Operations the branch owes central, in the order they were posted. \`body\` is the canonical JSON sent
      -- (and resent) byte for byte; \`payload_hash\` is what central binds the key to.
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        account TEXT,
        -- Space-separated order groups (each account touched, a workstation's till, a customer): operations
        -- sharing a group reach central in seq order.
        groups TEXT NOT NULL,
        body TEXT NOT NULL,
        payload_hash TEXT NOT NULL,
        contingency INTEGER NOT NULL DEFAULT 0 CHECK (contingency IN (0, 1)),
        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'unknown', 'applied', 'rejected', 'conflict')),
        attempts INTEGER NOT NULL DEFAULT 0,
        enqueued_at TEXT NOT NULL,
        sent_at TEXT,
        resolved_at TEXT,
        -- Central's answer (first outcome, or the conflict) as JSON once known.
        result TEXT
      ) STRICT;
      CREATE INDEX outbox_open ON outbox (state, seq) WHERE state IN ('pending', 'sent', 'unknown');
      CREATE INDEX outbox_account_open ON outbox (account) WHERE state IN ('pending', 'sent', 'unknown');

      -- Local effect of each operation on available balances, so availability while it is still owed is
      -- last known central balance - pending debits (a transfer touches two accounts, a reversal its target's).
      CREATE TABLE outbox_effects (
        key TEXT NOT NULL REFERENCES outbox(key),
        account TEXT NOT NULL,
        credit INTEGER NOT NULL CHECK (credit >= 0),
        debit INTEGER NOT NULL CHECK (debit >= 0),
        PRIMARY KEY (key, account)
      ) STRICT;
      CREATE INDEX outbox_effects_account ON outbox_effects (account);

      -- Operations central refused (or whose key it had bound to other data): the supervisor's queue.
      CREATE TABLE sync_rejections (
        key TEXT PRIMARY KEY REFERENCES outbox(key),
        type TEXT NOT NULL,
        account TEXT,
        status TEXT NOT NULL CHECK (status IN ('rejected', 'conflict')),
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        contingency INTEGER NOT NULL,
        amount INTEGER NOT NULL,
        at TEXT NOT NULL,
        reviewed_by TEXT,
        reviewed_at TEXT
      ) STRICT;

      -- Pump bookkeeping that must survive a restart (backoff, last successful exchange).
      CREATE TABLE sync_state (name TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;`,
  },
  {
    id: 'outbox/002',
    sql: `
      -- Branch mode set by a supervisor: 'contingencia' lets tellers pay capped withdrawals without central.
      CREATE TABLE branch_mode (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        mode TEXT NOT NULL CHECK (mode IN ('normal', 'contingencia')),
        changed_by TEXT, changed_at TEXT, reason TEXT
      ) STRICT;
      INSERT INTO branch_mode (id, mode) VALUES (1, 'normal');
      -- Withdrawals paid in contingency, for the per-customer and per-till daily caps.
      CREATE TABLE contingency_withdrawals (
        key TEXT PRIMARY KEY REFERENCES outbox(key),
        business_date TEXT NOT NULL,
        document_type TEXT NOT NULL,
        document_number TEXT NOT NULL,
        account TEXT NOT NULL,
        till_code TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0)
      ) STRICT;
      CREATE INDEX contingency_customer ON contingency_withdrawals (business_date, document_type, document_number);
      CREATE INDEX contingency_till ON contingency_withdrawals (business_date, till_code);`,
  },
  {
    id: 'outbox/003',
    sql: `
      -- The queue is read in seq order among open rows only: an index on seq restricted to them returns the
      -- next batch without sorting the whole backlog. Per-state lookups take a plain (state, seq) index: the
      -- planner cannot use a partial index for \`state = ?\`.
      DROP INDEX outbox_open;
      CREATE INDEX outbox_state ON outbox (state, seq);
      CREATE INDEX outbox_open_seq ON outbox (seq) WHERE state IN ('pending', 'sent', 'unknown');`,
  },
  {
    id: 'outbox/004',
    // What the supervisor did about a rejection (called the customer, reversed at the counter…).
    sql: `ALTER TABLE sync_rejections ADD COLUMN review_note TEXT;`,
  },
  {
    id: 'outbox/005',
    // Reactivations this workstation posted, looked up on every account read (accounts/source.ts): a partial
    // index keeps that one lookup off the rest of the outbox.
    sql: `CREATE INDEX outbox_reactivations ON outbox (account, seq) WHERE type = 'account_reactivation';`,
  },
];
