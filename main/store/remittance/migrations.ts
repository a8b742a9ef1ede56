import type { Migration } from '../migration';

export const remittanceMigrations: Migration[] = [
  {
    id: 'remittance/001',
    sql: `
      -- Cheques de otra plaza received as remesa al cobro (seed 003 cl. 3.9): recibida → enviada → pagada | devuelta.
      CREATE TABLE remittances (
        id TEXT PRIMARY KEY,
        comprobante_sequence TEXT NOT NULL,
        account_number TEXT NOT NULL,
        holder_name TEXT NOT NULL,
        bank TEXT NOT NULL,
        cheque_number TEXT NOT NULL,
        drawer_account TEXT NOT NULL,
        city TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        status TEXT NOT NULL CHECK (status IN ('recibida', 'enviada', 'pagada', 'devuelta')),
        received_on TEXT NOT NULL,
        expected_on TEXT NOT NULL,
        sent_on TEXT,
        paid_on TEXT,
        returned_on TEXT,
        causal_id TEXT,
        return_fee INTEGER NOT NULL DEFAULT 0,
        -- Key of the central operation that credited it, reversed if the cheque comes back.
        central_key TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX remittances_status ON remittances (status);`,
  },
  {
    id: 'remittance/002',
    // The receipt printed when the cheque comes back (ReceiptDocument as JSON), kept to report and reprint it.
    sql: `ALTER TABLE remittances ADD COLUMN return_receipt TEXT;`,
  },
  {
    id: 'remittance/003',
    // A deposit's cheques are read together: to number a return's receipt and before reversing the deposit.
    sql: `CREATE INDEX remittances_deposit ON remittances (comprobante_sequence);`,
  },
  {
    id: 'remittance/004',
    // What a return left owed because the available balance lacked the fee (cargo pendiente).
    sql: `ALTER TABLE remittances ADD COLUMN return_pending INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    id: 'remittance/005',
    // A remesa another workstation of the branch took, copied here from central's list when this one acts on it
    // (taken_at: that workstation; NULL: taken here). One row per cheque: its central key.
    sql: `ALTER TABLE remittances ADD COLUMN taken_at TEXT;
      CREATE UNIQUE INDEX remittances_central_key ON remittances (central_key);`,
  },
];
