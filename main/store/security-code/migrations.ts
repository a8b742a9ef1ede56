import type { Migration } from '../migration';

export const securityCodeMigrations: Migration[] = [
  {
    id: 'security-code/001',
    sql: `
      -- One row per "Generación de código de seguridad" or contact-update flow; state is the domain state
      -- machine's value as JSON so a restart resumes where the teller was. Never a code, never a template.
      CREATE TABLE sc_flows (
        id TEXT PRIMARY KEY,
        purpose TEXT NOT NULL CHECK (purpose IN ('security_code', 'contact_update')),
        teller_id TEXT NOT NULL,
        step TEXT NOT NULL,
        state TEXT NOT NULL,
        customer_name TEXT,
        -- Central requests sent (idempotency keys) whose outcome is not confirmed yet.
        pending TEXT,
        constancia TEXT,
        print_job TEXT,
        version INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE sc_flow_events (
        flow_id TEXT NOT NULL REFERENCES sc_flows(id),
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        event TEXT NOT NULL,
        PRIMARY KEY (flow_id, seq)
      ) STRICT;
      -- Requests central accepted (send-now or radicated), with the last state central reported.
      CREATE TABLE sc_requests (
        radicado TEXT PRIMARY KEY,
        flow_id TEXT REFERENCES sc_flows(id),
        mode TEXT NOT NULL CHECK (mode IN ('send_now', 'radicate')),
        document_type TEXT NOT NULL,
        document_number TEXT NOT NULL,
        teller_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('radicado', 'enviado', 'entregado', 'vencido')),
        masked_cellphone TEXT NOT NULL,
        created_at TEXT NOT NULL,
        deadline TEXT NOT NULL,
        sent_at TEXT,
        delivered_at TEXT,
        refreshed_at TEXT
      ) STRICT;
      CREATE INDEX sc_requests_created ON sc_requests (created_at);`,
  },
  {
    id: 'security-code/002',
    sql: `
      -- The radicado that replaced this one (the teller replaced the customer's open request): never "open" again.
      ALTER TABLE sc_requests ADD COLUMN superseded_by TEXT;`,
  },
];
