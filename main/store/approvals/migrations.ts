import type { Migration } from '../migration';

export const approvalMigrations: Migration[] = [
  {
    id: 'approvals/001',
    sql: `
      -- Supervisor approvals of one operation each. 'subject' is a hash of the operation the reasons were
      -- computed for; 'used_by' is the comprobante that consumed it (one approval authorizes one posting).
      CREATE TABLE approvals (
        id TEXT PRIMARY KEY,
        idempotency_key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('deposit', 'withdrawal', 'transfer')),
        subject TEXT NOT NULL,
        summary TEXT NOT NULL,
        reasons TEXT NOT NULL,
        maker_id TEXT NOT NULL,
        requested_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pendiente', 'aprobada', 'rechazada', 'vencida')),
        checker_id TEXT,
        decided_at TEXT,
        note TEXT,
        used_by TEXT UNIQUE,
        CHECK (checker_id IS NULL OR checker_id <> maker_id)
      ) STRICT;`,
  },
];
