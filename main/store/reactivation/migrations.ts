import type { Migration } from '../migration';

export const reactivationMigrations: Migration[] = [
  {
    id: 'reactivation/001',
    sql: `
      -- Reactivation constancias, numbered per till without gaps (RA-<branch>-<till>-n) as comprobantes are: MAX(n)+1
      -- inside the posting's transaction. Append-only.
      CREATE TABLE reactivation_constancias (
        till_code TEXT NOT NULL,
        n INTEGER NOT NULL,
        document TEXT NOT NULL UNIQUE,
        account TEXT NOT NULL,
        approval_id TEXT NOT NULL,
        journal_sequence INTEGER NOT NULL,
        posted_at TEXT NOT NULL,
        PRIMARY KEY (till_code, n)
      ) STRICT;
      -- Constancias already printed were numbered by the journal entry: they are kept, so new numbers go on after
      -- the highest and none is ever printed twice.
      INSERT INTO reactivation_constancias (till_code, n, document, account, approval_id, journal_sequence, posted_at)
        SELECT substr(json_extract(payload, '$.document'), 8, 2), CAST(substr(json_extract(payload, '$.document'), -6) AS INTEGER),
          json_extract(payload, '$.document'), COALESCE(json_extract(payload, '$.account'), ''), COALESCE(json_extract(payload, '$.approvalId'), ''),
          sequence, at
        FROM journal WHERE type = 'account_reactivation' AND json_extract(payload, '$.document') LIKE 'RA-___-__-______';
      CREATE TRIGGER reactivation_constancias_no_update BEFORE UPDATE ON reactivation_constancias BEGIN SELECT RAISE(ABORT, 'constancias are append-only'); END;
      CREATE TRIGGER reactivation_constancias_no_delete BEFORE DELETE ON reactivation_constancias BEGIN SELECT RAISE(ABORT, 'constancias are append-only'); END;`,
  },
];
