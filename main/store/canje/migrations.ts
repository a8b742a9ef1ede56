import type { Migration } from '../migration';

export const canjeMigrations: Migration[] = [
  {
    id: 'canje/001',
    sql: `
      -- Same-city cheques sent to canje (seed 003 cl. 3.9): en_canje until the clearing house returns one (devuelta).
      -- One past its release date has cleared at central and may still come back late (taken from available).
      CREATE TABLE canje_cheques (
        id TEXT PRIMARY KEY,
        comprobante_sequence TEXT NOT NULL,
        account_number TEXT NOT NULL,
        holder_name TEXT NOT NULL,
        bank TEXT NOT NULL,
        cheque_number TEXT NOT NULL,
        drawer_account TEXT NOT NULL,
        city TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        status TEXT NOT NULL CHECK (status IN ('en_canje', 'devuelta')),
        received_on TEXT NOT NULL,
        release_on TEXT NOT NULL,
        returned_on TEXT,
        causal_id TEXT,
        return_fee INTEGER NOT NULL DEFAULT 0,
        -- Key of this cheque's own central cheque_deposit, reversed if it comes back.
        central_key TEXT NOT NULL,
        -- The receipt printed for the return (ReceiptDocument as JSON), kept to report and reprint it.
        return_receipt TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX canje_cheques_received ON canje_cheques (received_on);`,
  },
  {
    id: 'canje/002',
    // A deposit's cheques are read together: to number a return's receipt and before reversing the deposit.
    sql: `CREATE INDEX canje_cheques_deposit ON canje_cheques (comprobante_sequence);`,
  },
  {
    id: 'canje/003',
    // What a return left owed because the available balance lacked it (cargo pendiente), as central booked it.
    sql: `ALTER TABLE canje_cheques ADD COLUMN return_pending INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    id: 'canje/004',
    // A cheque another workstation of the branch took, copied here from central's list when this one acts on it
    // (taken_at: that workstation; NULL: taken here). One row per cheque: its central key.
    sql: `ALTER TABLE canje_cheques ADD COLUMN taken_at TEXT;
      CREATE UNIQUE INDEX canje_cheques_central_key ON canje_cheques (central_key);`,
  },
];
