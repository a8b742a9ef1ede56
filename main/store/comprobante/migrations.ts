import type { Migration } from '../migration';

export const comprobanteMigrations: Migration[] = [
  {
    id: 'comprobante/001',
    sql: `
      -- One row per posted Comprobante Único. The human sequence is per till and gapless: it is allocated as
      -- MAX(n)+1 inside the posting's IMMEDIATE transaction, so a rolled-back posting leaves no hole.
      CREATE TABLE comprobantes (
        id TEXT PRIMARY KEY,
        sequence TEXT NOT NULL UNIQUE,
        till_code TEXT NOT NULL,
        n INTEGER NOT NULL CHECK (n >= 1),
        idempotency_key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('deposito', 'retiro', 'traslado')),
        account_number TEXT NOT NULL,
        -- Customer (first holder) and the person at the counter, as TYPE:NUMBER, for the UIAF accumulators.
        customer_doc TEXT NOT NULL,
        transactor_doc TEXT NOT NULL,
        teller_id TEXT NOT NULL,
        till_session_id TEXT,
        business_date TEXT NOT NULL,
        posted_at TEXT NOT NULL,
        cash_in INTEGER NOT NULL DEFAULT 0 CHECK (cash_in >= 0),
        cash_out INTEGER NOT NULL DEFAULT 0 CHECK (cash_out >= 0),
        cheques INTEGER NOT NULL DEFAULT 0 CHECK (cheques >= 0),
        total INTEGER NOT NULL CHECK (total >= 0),
        gmf INTEGER NOT NULL DEFAULT 0 CHECK (gmf >= 0),
        gmf_exempt INTEGER NOT NULL DEFAULT 0 CHECK (gmf_exempt >= 0),
        commission INTEGER NOT NULL DEFAULT 0 CHECK (commission >= 0),
        approval_id TEXT,
        journal_sequence INTEGER NOT NULL,
        verification_code TEXT NOT NULL,
        receipt TEXT NOT NULL,
        details TEXT NOT NULL,
        UNIQUE (till_code, n)
      ) STRICT;
      CREATE INDEX comprobantes_account_date ON comprobantes (account_number, business_date);
      CREATE INDEX comprobantes_customer_date ON comprobantes (customer_doc, business_date);
      CREATE TRIGGER comprobantes_no_update BEFORE UPDATE ON comprobantes
        BEGIN SELECT RAISE(ABORT, 'comprobantes are append-only'); END;
      CREATE TRIGGER comprobantes_no_delete BEFORE DELETE ON comprobantes
        BEGIN SELECT RAISE(ABORT, 'comprobantes are append-only'); END;

      -- Receipts sent to a printer. 'queued' until a printer driver takes the job; copy 0 is the original.
      CREATE TABLE print_jobs (
        id TEXT PRIMARY KEY,
        sequence TEXT NOT NULL,
        copy INTEGER NOT NULL CHECK (copy >= 0),
        state TEXT NOT NULL CHECK (state IN ('queued', 'printing', 'printed', 'failed')),
        document TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (sequence, copy)
      ) STRICT;
      CREATE INDEX print_jobs_state ON print_jobs (state);`,
  },
  {
    id: 'comprobante/002',
    // The UIAF structuring window reads the day's cash deposits just under the threshold on every deposit.
    sql: `CREATE INDEX comprobantes_deposit_cash ON comprobantes (business_date, cash_in) WHERE kind = 'deposito';`,
  },
  {
    id: 'comprobante/003',
    // Posting speed (bench/posting.ts): the structuring window seeks the narrow band just under the UIAF
    // threshold first (cash_in), instead of scanning every deposit of the window's days; the per-account day
    // totals (topes, GMF exempt month) read from a covering index without touching the table rows. Same number
    // of indexes, so a posting still dirties as many B-tree pages.
    sql: `DROP INDEX comprobantes_deposit_cash;
      CREATE INDEX comprobantes_deposit_near ON comprobantes (cash_in, business_date) WHERE kind = 'deposito';
      DROP INDEX comprobantes_account_date;
      CREATE INDEX comprobantes_account_day ON comprobantes (account_number, business_date, kind, cash_in, cash_out, total, gmf_exempt);`,
  },
  {
    id: 'comprobante/004',
    // A withdrawal or transfer whose authorization was asked of central and not yet posted, refused or given up.
    // Written before the request leaves, so a crash while central may hold funds under the key leaves a trace
    // the teller is shown (Inicio) and must settle before closing; the posting, a refusal or the abandonment
    // deletes it.
    sql: `CREATE TABLE unconfirmed_debits (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('retiro', 'traslado')),
        account TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        teller_id TEXT NOT NULL,
        till_code TEXT NOT NULL,
        asked_at TEXT NOT NULL
      ) STRICT;`,
  },
  {
    id: 'comprobante/005',
    // How a withdrawal left pending was to be paid: abandoning it, the teller is told what not to hand over (a
    // cheque de gerencia is not cash). Null for a transfer, and for rows asked before this column.
    sql: `ALTER TABLE unconfirmed_debits ADD COLUMN payout TEXT CHECK (payout IS NULL OR payout IN ('efectivo', 'cheque-gerencia'));`,
  },
  {
    id: 'comprobante/006',
    // A withdrawal's reservation of the day's limits central has not yet been heard release (nothing will be paid
    // under the key): written before the release leaves and deleted when central answers it, so a release whose
    // answer was lost, or cut by a restart, is sent again (services/withdrawal/day-limits.ts).
    sql: `CREATE TABLE limit_releases (
        key TEXT PRIMARY KEY,
        owed_at TEXT NOT NULL
      ) STRICT;`,
  },
];
