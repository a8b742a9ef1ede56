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
  {
    id: 'approvals/002',
    sql: `
      -- Every structuring alert (UIAF, possible fraccionamiento) put to a supervisor, kept after the decision so the
      -- Oficial de Cumplimiento finds it for the month's report: the decision itself is the approval's row.
      -- 'deposits' is the JSON list of the cash deposits that formed it (date, amount, account, depositor).
      -- A rejection stands for the account and the depositor until the window ends or a supervisor reconsiders.
      CREATE TABLE structuring_alerts (
        approval_id TEXT PRIMARY KEY REFERENCES approvals(id),
        alert_on TEXT NOT NULL,
        account TEXT NOT NULL,
        depositor TEXT NOT NULL,
        depositor_name TEXT,
        matched_by TEXT NOT NULL CHECK (matched_by IN ('account', 'depositor', 'both')),
        total INTEGER NOT NULL,
        window_from TEXT NOT NULL,
        window_to TEXT NOT NULL,
        deposits TEXT NOT NULL,
        reconsidered_by TEXT,
        reconsidered_at TEXT,
        reconsidered_note TEXT
      ) STRICT;
      CREATE INDEX structuring_alerts_on ON structuring_alerts (alert_on);`,
  },
  {
    id: 'approvals/003',
    // The operation's amount (integer pesos) as the feature computed it, so the desks (here and, through central,
    // elsewhere) show it from data rather than from the summary's wording. NULL: asked before this step.
    sql: `ALTER TABLE approvals ADD COLUMN amount INTEGER CHECK (amount IS NULL OR amount >= 0);`,
  },
  {
    id: 'approvals/004',
    // A request that lapsed undecided is told once to the teller who asked (Inicio, or the refusal read over their
    // shoulder): 1 once they were. 'used_by' names the comprobante an approval became, so it cannot say this.
    sql: `ALTER TABLE approvals ADD COLUMN lapse_told INTEGER NOT NULL DEFAULT 0 CHECK (lapse_told IN (0, 1));`,
  },
  {
    id: 'approvals/005',
    // The account the operation debits or credits, so that every journal entry of the request (its decision, lapse or
    // withdrawal, not only its asking) is found by a journal search by account. NULL: asked before this step.
    sql: `ALTER TABLE approvals ADD COLUMN account TEXT;`,
  },
];
