/**
 * Numbered migrations, applied in order and recorded in `PRAGMA user_version`. Never edit a released one;
 * add the next number. Times are stored as epoch milliseconds (`*_ms`) so expiry checks are integer compares.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts, customers, reference versions',
    sql: `
      CREATE TABLE meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;
      CREATE TABLE customers (
        document_type TEXT NOT NULL, document_number TEXT NOT NULL,
        name TEXT NOT NULL, owner TEXT NOT NULL, cellphone TEXT, city TEXT NOT NULL,
        PRIMARY KEY (document_type, document_number)
      ) STRICT;
      -- Static account data as JSON; balances as integer columns so postings are plain arithmetic.
      CREATE TABLE accounts (
        number TEXT PRIMARY KEY, data TEXT NOT NULL,
        available INTEGER NOT NULL CHECK (available >= 0),
        in_canje INTEGER NOT NULL CHECK (in_canje >= 0),
        on_hold INTEGER NOT NULL CHECK (on_hold >= 0)
      ) STRICT;
      -- One row per entity at its latest version: the delta-sync cursor walks versions upwards.
      CREATE TABLE ref_versions (
        entity TEXT NOT NULL, entity_id TEXT NOT NULL, version INTEGER NOT NULL UNIQUE,
        PRIMARY KEY (entity, entity_id)
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'operations, postings, holds, idempotent requests',
    sql: `
      CREATE TABLE operations (
        key TEXT PRIMARY KEY, hash TEXT NOT NULL, type TEXT NOT NULL,
        branch TEXT NOT NULL, workstation TEXT NOT NULL, account TEXT,
        body TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('applied', 'rejected')),
        outcome TEXT NOT NULL, received_ms INTEGER NOT NULL
      ) STRICT;
      -- Attempts to reuse a key with another body: kept for audit, never applied.
      CREATE TABLE operation_conflicts (
        id INTEGER PRIMARY KEY, key TEXT NOT NULL REFERENCES operations(key), sent_hash TEXT NOT NULL,
        workstation TEXT NOT NULL, at_ms INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE postings (
        id INTEGER PRIMARY KEY, op_key TEXT NOT NULL REFERENCES operations(key), account TEXT NOT NULL REFERENCES accounts(number),
        d_available INTEGER NOT NULL, d_canje INTEGER NOT NULL, d_hold INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX postings_op ON postings(op_key);
      CREATE TABLE reversals (reversed_key TEXT PRIMARY KEY REFERENCES operations(key), reversal_key TEXT NOT NULL) STRICT;
      CREATE TABLE holds (
        id TEXT PRIMARY KEY, account TEXT NOT NULL REFERENCES accounts(number), amount INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('active', 'consumed', 'released', 'expired')),
        workstation TEXT NOT NULL, created_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL, consumed_by TEXT
      ) STRICT;
      CREATE INDEX holds_active ON holds(state, expires_ms);
      -- Idempotency of single requests (holds, security codes): key bound to the hash of the request body.
      CREATE TABLE requests (
        key TEXT PRIMARY KEY, route TEXT NOT NULL, hash TEXT NOT NULL, response TEXT NOT NULL, at_ms INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 3,
    name: 'registry transactions, security codes, sms log, contact journal',
    sql: `
      -- Outcome of each fingerprint match; the template is never stored.
      CREATE TABLE fingerprint_tx (
        id TEXT PRIMARY KEY, document_type TEXT NOT NULL, document_number TEXT NOT NULL,
        result TEXT NOT NULL, score INTEGER NOT NULL, workstation TEXT NOT NULL, at_ms INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE security_codes (
        radicado TEXT PRIMARY KEY, document_type TEXT NOT NULL, document_number TEXT NOT NULL,
        purpose TEXT NOT NULL, cellphone TEXT NOT NULL, workstation TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('radicado', 'enviado', 'entregado', 'vencido')),
        created_ms INTEGER NOT NULL, deadline_ms INTEGER NOT NULL, send_at_ms INTEGER NOT NULL,
        sent_ms INTEGER, delivered_ms INTEGER, code_expires_ms INTEGER, gateway_id TEXT
      ) STRICT;
      CREATE INDEX security_codes_open ON security_codes(state);
      -- What the SMS gateway was asked to deliver. Codes only as salted SHA-256, the phone masked.
      CREATE TABLE sms_log (
        id INTEGER PRIMARY KEY, radicado TEXT NOT NULL REFERENCES security_codes(radicado), gateway_id TEXT NOT NULL,
        to_masked TEXT NOT NULL, purpose TEXT NOT NULL, salt TEXT NOT NULL, code_hash TEXT NOT NULL, code2_hash TEXT,
        status TEXT NOT NULL CHECK (status IN ('enviado', 'entregado', 'fallido')),
        sent_ms INTEGER NOT NULL, status_ms INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE contact_updates (
        id INTEGER PRIMARY KEY, op_key TEXT NOT NULL REFERENCES operations(key),
        document_type TEXT NOT NULL, document_number TEXT NOT NULL,
        old_cellphone TEXT, new_cellphone TEXT NOT NULL, validated_by TEXT NOT NULL,
        workstation TEXT NOT NULL, at_ms INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'journal anchors, approvals',
    sql: `
      CREATE TABLE anchors (
        id INTEGER PRIMARY KEY, workstation TEXT NOT NULL, sequence INTEGER NOT NULL, head_hash TEXT NOT NULL,
        anchored_ms INTEGER NOT NULL, UNIQUE (workstation, sequence)
      ) STRICT;
      -- Append-only: the chain-head record of a workstation is never rewritten.
      CREATE TRIGGER anchors_no_update BEFORE UPDATE ON anchors BEGIN SELECT RAISE(ABORT, 'anchors are append-only'); END;
      CREATE TRIGGER anchors_no_delete BEFORE DELETE ON anchors BEGIN SELECT RAISE(ABORT, 'anchors are append-only'); END;
      CREATE TABLE approvals (
        id TEXT PRIMARY KEY, branch TEXT NOT NULL, hash TEXT NOT NULL, request TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'expired')),
        created_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL, decision TEXT
      ) STRICT;
      CREATE INDEX approvals_branch ON approvals(branch, state);
    `,
  },
  {
    version: 5,
    name: 'customer e-mail and address, their contact updates',
    sql: `
      ALTER TABLE customers ADD COLUMN email TEXT;
      ALTER TABLE customers ADD COLUMN address TEXT;
      -- E-mail and address changes (the cellphone keeps its own table); values canonical as the branch sent them.
      CREATE TABLE contact_data_updates (
        id INTEGER PRIMARY KEY, op_key TEXT NOT NULL REFERENCES operations(key),
        document_type TEXT NOT NULL, document_number TEXT NOT NULL,
        field TEXT NOT NULL CHECK (field IN ('email', 'address')),
        old_value TEXT, new_value TEXT NOT NULL, validated_by TEXT NOT NULL,
        workstation TEXT NOT NULL, at_ms INTEGER NOT NULL
      ) STRICT;
      -- Branch-wide radicaciones list (supervisor's F8).
      CREATE INDEX security_codes_workstation ON security_codes(workstation, created_ms);
    `,
  },
  {
    version: 6,
    name: 'till-to-till transfers',
    sql: `
      -- Relayed between two workstations of a branch; written only by applied operations (send, settle).
      CREATE TABLE till_transfers (
        id TEXT PRIMARY KEY, branch TEXT NOT NULL, from_ws TEXT NOT NULL, to_ws TEXT NOT NULL,
        count TEXT NOT NULL, amount INTEGER NOT NULL CHECK (amount > 0),
        state TEXT NOT NULL CHECK (state IN ('en_transito', 'aceptado', 'rechazado')),
        sent_by TEXT NOT NULL, sent_by_name TEXT NOT NULL, sent_at TEXT NOT NULL,
        received_by TEXT, received_by_name TEXT, received_at TEXT, note TEXT,
        send_key TEXT NOT NULL REFERENCES operations(key), settle_key TEXT REFERENCES operations(key),
        received_ms INTEGER NOT NULL, settled_ms INTEGER,
        CHECK (from_ws <> to_ws)
      ) STRICT;
      CREATE INDEX till_transfers_from ON till_transfers(from_ws, state);
      CREATE INDEX till_transfers_to ON till_transfers(to_ws, state);
      CREATE TRIGGER till_transfers_settled BEFORE UPDATE ON till_transfers WHEN OLD.state <> 'en_transito'
        BEGIN SELECT RAISE(ABORT, 'a settled transfer is immutable'); END;
    `,
  },
  {
    version: 7,
    name: 'workstation status snapshots',
    sql: `
      -- The latest status each workstation reported (branch dashboard); a snapshot, replaced, never an operation.
      CREATE TABLE workstation_status (
        workstation TEXT PRIMARY KEY, branch TEXT NOT NULL, body TEXT NOT NULL,
        reported_ms INTEGER NOT NULL, received_ms INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX workstation_status_branch ON workstation_status(branch, received_ms);
    `,
  },
  {
    version: 8,
    name: 'cash transactions for the UIAF report',
    sql: `
      -- Every applied cash deposit and cash-paid withdrawal, bank-wide: the monthly Reporte de Transacciones en
      -- Efectivo adds a customer's cash at every branch (cash-report/cash-report.ts). Kept, never edited.
      CREATE TABLE cash_transactions (
        op_key TEXT PRIMARY KEY REFERENCES operations(key), branch TEXT NOT NULL, workstation TEXT NOT NULL,
        account TEXT NOT NULL, customer TEXT NOT NULL, direction TEXT NOT NULL CHECK (direction IN ('deposito', 'retiro')),
        amount INTEGER NOT NULL CHECK (amount > 0), business_date TEXT NOT NULL,
        month TEXT NOT NULL GENERATED ALWAYS AS (substr(business_date, 1, 7)) STORED,
        occurred_at TEXT NOT NULL, transactor TEXT NOT NULL, declaration TEXT
      ) STRICT;
      CREATE INDEX cash_transactions_month ON cash_transactions(month, customer);
      CREATE TRIGGER cash_transactions_no_update BEFORE UPDATE ON cash_transactions
        BEGIN SELECT RAISE(ABORT, 'the cash register is append-only'); END;
    `,
  },
  {
    version: 9,
    name: 'cheques in canje until cleared, paid or returned',
    sql: `
      -- One row per applied cheque deposit: its amount waits in canje until the clearing date (release_on), a
      -- cheque_paid (remesa al cobro, release_on NULL) or a returned-cheque reversal settles it.
      CREATE TABLE cheque_clearings (
        deposit_key TEXT PRIMARY KEY REFERENCES operations(key), account TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0), release_on TEXT,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'cleared', 'returned')),
        settled_ms INTEGER, settled_by TEXT
      ) STRICT;
      CREATE INDEX cheque_clearings_due ON cheque_clearings(state, release_on);
    `,
  },
  {
    version: 10,
    name: 'account activity for limits across workstations',
    sql: `
      -- Applied withdrawals, transfer debits and cash deposits per account and business date: what the daily
      -- limits, the cash tope and the GMF monthly cap add up across workstations (account-activity/). Kept.
      CREATE TABLE account_activity (
        op_key TEXT PRIMARY KEY REFERENCES operations(key), account TEXT NOT NULL, workstation TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('retiro', 'traslado', 'deposito')),
        amount INTEGER NOT NULL CHECK (amount > 0), cash_in INTEGER NOT NULL CHECK (cash_in >= 0),
        gmf_cap_used INTEGER NOT NULL CHECK (gmf_cap_used >= 0), business_date TEXT NOT NULL
      ) STRICT;
      CREATE INDEX account_activity_day ON account_activity(account, business_date);
      CREATE TRIGGER account_activity_no_update BEFORE UPDATE ON account_activity
        BEGIN SELECT RAISE(ABORT, 'the account activity register is append-only'); END;
    `,
  },
  {
    version: 11,
    name: 'branch vault',
    sql: `
      -- One vault (bóveda) per branch, by denomination. Moved only by applied operations (vault/vault.ts):
      -- a provision takes pieces out, a till's surplus accepted by a supervisor or a rejected provision puts
      -- them back. Its transfers are till_transfers rows whose vault end is the workstation '<branch>-00'.
      CREATE TABLE branch_vaults (
        branch TEXT PRIMARY KEY, position TEXT NOT NULL, total INTEGER NOT NULL CHECK (total >= 0), updated_ms INTEGER
      ) STRICT;
    `,
  },
  {
    version: 12,
    name: 'pending charges of returned cheques; deposited cheques by identity',
    sql: `
      -- A cheque returned after its credit was spent is booked all the same: what the available balance lacks
      -- is owed by the customer (cargo pendiente) and the account's next credits pay it first (accounts/ledger.ts).
      ALTER TABLE accounts ADD COLUMN pending_charges INTEGER NOT NULL DEFAULT 0 CHECK (pending_charges >= 0);
      ALTER TABLE postings ADD COLUMN d_pending INTEGER NOT NULL DEFAULT 0;
      -- The cheques of each cheque deposit that named the drawer's account: the same paper (bank, number, drawer's
      -- account) cannot be deposited again, at any workstation, while it is in canje, in remesa or paid.
      CREATE TABLE deposited_cheques (
        deposit_key TEXT NOT NULL REFERENCES operations(key), bank_code TEXT NOT NULL, number TEXT NOT NULL, drawer_account TEXT NOT NULL
      ) STRICT;
      CREATE INDEX deposited_cheques_identity ON deposited_cheques (bank_code, number, drawer_account);
    `,
  },
  {
    version: 13,
    name: 'security code replacement',
    sql: `
      -- How the request was made (null for rows before this column: the send time tells them apart), and the
      -- radicado that replaced it when the teller chose to replace an open request (its code is then never sent).
      ALTER TABLE security_codes ADD COLUMN mode TEXT CHECK (mode IN ('send_now', 'radicate'));
      ALTER TABLE security_codes ADD COLUMN superseded_by TEXT;
      ALTER TABLE security_codes ADD COLUMN superseded_ms INTEGER;
      CREATE INDEX security_codes_document ON security_codes(document_type, document_number, created_ms);
    `,
  },
  {
    version: 14,
    name: 'structuring alerts of every workstation',
    sql: `
      -- The latest state of each structuring alert (UIAF) a workstation decided or reconsidered, written only by
      -- applied structuring_alert operations (structuring-alerts/): the branch's month for the Oficial de
      -- Cumplimiento, and the standing rejections the deposit check of every workstation sees.
      CREATE TABLE structuring_alerts (
        approval_id TEXT NOT NULL, branch TEXT NOT NULL, workstation TEXT NOT NULL, month TEXT NOT NULL,
        alert_on TEXT NOT NULL, account TEXT NOT NULL, depositor_type TEXT NOT NULL, depositor_number TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('aprobada', 'rechazada')), reconsidered INTEGER NOT NULL CHECK (reconsidered IN (0, 1)),
        requested_at TEXT NOT NULL, body TEXT NOT NULL, op_key TEXT NOT NULL REFERENCES operations(key),
        PRIMARY KEY (workstation, approval_id)
      ) STRICT;
      CREATE INDEX structuring_alerts_month ON structuring_alerts(branch, month, requested_at);
      CREATE INDEX structuring_alerts_account ON structuring_alerts(account, alert_on);
      CREATE INDEX structuring_alerts_depositor ON structuring_alerts(depositor_type, depositor_number, alert_on);
    `,
  },
  {
    version: 15,
    name: 'cheques de gerencia of withdrawals',
    sql: `
      -- The paper cheque de gerencia that paid an applied withdrawal, by its number (cheques/gerencia.ts): what ties
      -- the cheque to its debit for the reconciliation and an orden de no pago. Withdrawals sent before the branch
      -- carried the number have no row. A reversed withdrawal keeps its row; the reversals table says so.
      CREATE TABLE cheques_gerencia (
        op_key TEXT PRIMARY KEY REFERENCES operations(key), number TEXT NOT NULL, branch TEXT NOT NULL, workstation TEXT NOT NULL,
        account TEXT NOT NULL, amount INTEGER NOT NULL CHECK (amount > 0), business_date TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cheques_gerencia_number ON cheques_gerencia(number);
      CREATE TRIGGER cheques_gerencia_no_update BEFORE UPDATE ON cheques_gerencia
        BEGIN SELECT RAISE(ABORT, 'the cheques de gerencia register is append-only'); END;
    `,
  },
  {
    version: 16,
    name: 'cheque de gerencia numbers used once',
    sql: `
      -- The bank numbers its cheque de gerencia forms once (cheques/gerencia.ts): a number another debit recorded,
      -- or holds for a withdrawal being paid, is refused. Compared without leading zeros (0007001234 is 7001234).
      ALTER TABLE holds ADD COLUMN cheque_gerencia_number TEXT;
      CREATE INDEX holds_cheque_gerencia ON holds(ltrim(cheque_gerencia_number, '0')) WHERE cheque_gerencia_number IS NOT NULL;
      CREATE INDEX cheques_gerencia_number_value ON cheques_gerencia(ltrim(number, '0'));
    `,
  },
  {
    version: 17,
    name: 'kept embargo retention',
    sql: `
      -- What an embargo order retains so far of the account's available balance (seed 003 cl. 7.2, 8.5): it only
      -- grows while the order stands (accounts/ledger.ts settleRetention). NULL while not kept yet: an account
      -- embargoed before this column, or just put, gets it computed once from its balance (settleDue).
      ALTER TABLE accounts ADD COLUMN embargo_retained INTEGER CHECK (embargo_retained IS NULL OR embargo_retained >= 0);
      -- Every request looks for embargoed accounts not kept yet: only those rows, not a scan of all accounts.
      CREATE INDEX accounts_unkept_retention ON accounts(number) WHERE embargo_retained IS NULL AND json_extract(data, '$.state') = 'embargada';
      -- What each credit (an operation, or a cheque deposit when it cleared) added to an embargo's retention: reversing
      -- the credit — a returned cheque, a deposit typed in error — releases that much and no more.
      CREATE TABLE retention_growth (
        op_key TEXT NOT NULL REFERENCES operations(key), account TEXT NOT NULL, amount INTEGER NOT NULL CHECK (amount > 0),
        PRIMARY KEY (op_key, account)
      ) STRICT;
    `,
  },
  {
    version: 18,
    name: 'remesas sent; a branch lists its cheques',
    sql: `
      -- The remesa_sent operation that recorded a remesa al cobro as sent to the drawee bank's city (cheques/clearing.ts):
      -- every workstation of the branch then lists it as enviada. NULL: not sent, or sent by a branch that did not say.
      ALTER TABLE cheque_clearings ADD COLUMN sent_by TEXT REFERENCES operations(key);
      -- A branch's cheque deposits, for the list of its cheques in canje and remesa (cheques/branch-cheques.ts).
      CREATE INDEX operations_branch_type ON operations(branch, type);
    `,
  },
  {
    version: 19,
    name: 'withdrawn approval requests',
    sql: `
      -- When the asking workstation withdrew a pending request (its teller desisted: approvals/approvals.ts), so every
      -- desk reads it as withdrawn rather than expired. NULL: never withdrawn. Such a request also lapses at that time.
      ALTER TABLE approvals ADD COLUMN withdrawn_ms INTEGER;
    `,
  },
  {
    version: 20,
    name: 'withdrawal limit reservations',
    sql: `
      -- The day's withdrawal limits of an account reserved by a workstation before it hands the cash over
      -- (withdrawal-limits/): one row per comprobante key. Live while 'active' and before expires_ms; the withdrawal
      -- operation naming the key consumes it; the teller's abandonment releases it. approval_id: reserved above the
      -- limits with the supervisor's exception.
      CREATE TABLE withdrawal_reservations (
        workstation TEXT NOT NULL, key TEXT NOT NULL, account TEXT NOT NULL, business_date TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        state TEXT NOT NULL CHECK (state IN ('active', 'consumed', 'released')),
        approval_id TEXT, created_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL, consumed_by TEXT REFERENCES operations(key),
        PRIMARY KEY (workstation, key)
      ) STRICT;
      CREATE INDEX withdrawal_reservations_live ON withdrawal_reservations(account, business_date) WHERE state = 'active';
    `,
  },
  {
    version: 21,
    name: 'till openings and closes',
    sql: `
      -- Each till's openings and closes as the branch posted them (tills/till-records.ts), one row per operation
      -- key: a workstation reinstalled under the same id compares its next opening with the last close here.
      -- closed_ms is the branch's own time of the close (its occurredAt), what "last" is ordered by.
      CREATE TABLE till_openings (
        op_key TEXT PRIMARY KEY REFERENCES operations(key), branch TEXT NOT NULL, workstation TEXT NOT NULL, till_code TEXT NOT NULL,
        till_session_id TEXT NOT NULL, teller_id TEXT NOT NULL, business_date TEXT NOT NULL, opened_ms INTEGER NOT NULL, body TEXT NOT NULL
      ) STRICT;
      CREATE TABLE till_closes (
        op_key TEXT PRIMARY KEY REFERENCES operations(key), branch TEXT NOT NULL, workstation TEXT NOT NULL, till_code TEXT NOT NULL,
        till_session_id TEXT NOT NULL, teller_id TEXT NOT NULL, business_date TEXT NOT NULL, closed_ms INTEGER NOT NULL, body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX till_closes_last ON till_closes(workstation, till_code, closed_ms);
    `,
  },
  {
    version: 22,
    name: 'fingerprint match purpose',
    sql: `
      -- What each match was for, as the workstation said (registry/transactions.ts): a withdrawal's "no coincide"
      -- answers of the Bogotá day count at every workstation, and after the third its match requests are refused.
      -- NULL: a workstation that did not say (older), never counted.
      ALTER TABLE fingerprint_tx ADD COLUMN purpose TEXT CHECK (purpose IN ('withdrawal', 'security_code', 'contact_update'));
      CREATE INDEX fingerprint_tx_withdrawal_failures ON fingerprint_tx(document_type, document_number, at_ms)
        WHERE purpose = 'withdrawal' AND result = 'no_match';
    `,
  },
  {
    version: 23,
    name: 'journal anchors per installation',
    sql: `
      -- A workstation reinstalled on an empty store starts a new journal chain (journal/anchors.ts): anchors are kept
      -- per workstation AND installation, so the new chain is never checked against the old one, and the old one
      -- stays here complete. Anchors taken before installations existed belong to the installation 'legacy'.
      CREATE TABLE anchors_v23 (
        id INTEGER PRIMARY KEY, workstation TEXT NOT NULL, installation TEXT NOT NULL, sequence INTEGER NOT NULL,
        head_hash TEXT NOT NULL, anchored_ms INTEGER NOT NULL, UNIQUE (workstation, installation, sequence)
      ) STRICT;
      INSERT INTO anchors_v23 (id, workstation, installation, sequence, head_hash, anchored_ms)
        SELECT id, workstation, 'legacy', sequence, head_hash, anchored_ms FROM anchors;
      DROP TABLE anchors;
      ALTER TABLE anchors_v23 RENAME TO anchors;
      CREATE INDEX anchors_by_time ON anchors(workstation, anchored_ms);
      CREATE TRIGGER anchors_no_update BEFORE UPDATE ON anchors BEGIN SELECT RAISE(ABORT, 'anchors are append-only'); END;
      CREATE TRIGGER anchors_no_delete BEFORE DELETE ON anchors BEGIN SELECT RAISE(ABORT, 'anchors are append-only'); END;
      -- Each installation's chain by its first entry's hash, recorded at its first anchor: one chain, one
      -- installation (a store copied under a new id is refused), and an installation's chain never restarts.
      CREATE TABLE journal_installations (
        workstation TEXT NOT NULL, installation TEXT NOT NULL, first_hash TEXT NOT NULL UNIQUE, first_anchored_ms INTEGER NOT NULL,
        PRIMARY KEY (workstation, installation)
      ) STRICT;
      CREATE TRIGGER journal_installations_no_update BEFORE UPDATE ON journal_installations BEGIN SELECT RAISE(ABORT, 'installations are append-only'); END;
      CREATE TRIGGER journal_installations_no_delete BEFORE DELETE ON journal_installations BEGIN SELECT RAISE(ABORT, 'installations are append-only'); END;
    `,
  },
  {
    version: 24,
    name: 'till openings by time',
    sql: `
      -- A till left open (tills/till-records.ts tillLeftOpen): its latest opening, and whether its session has a close.
      CREATE INDEX till_openings_last ON till_openings(workstation, till_code, opened_ms);
      CREATE INDEX till_closes_session ON till_closes(workstation, till_code, till_session_id);
    `,
  },
  {
    version: 25,
    name: 'hold payees',
    sql: `
      -- Who each hold pays, when the branch said (holds/payees.ts): an authorized person's maximum per day (seed 003
      -- cl. 3.5) adds, at central, every workstation's holds for that person on that account and Bogotá day. One row
      -- per person identified at the counter; amount is the debit without GMF or fees, what the maximum bounds.
      CREATE TABLE hold_payees (
        hold_id TEXT NOT NULL REFERENCES holds(id), account TEXT NOT NULL, business_date TEXT NOT NULL,
        document_type TEXT NOT NULL, document_number TEXT NOT NULL, amount INTEGER NOT NULL CHECK (amount > 0),
        PRIMARY KEY (hold_id, document_type, document_number)
      ) STRICT;
      CREATE INDEX hold_payees_day ON hold_payees(account, business_date, document_type, document_number);
    `,
  },
];
