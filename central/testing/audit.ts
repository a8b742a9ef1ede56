import { openCentralDb } from '../store/db';

/**
 * `tsx central/testing/audit.ts <db> [keyPrefix]`: what central holds, as one JSON line, for tests that
 * compare both sides of the sync (the branch may not open central's database itself). Operations come in
 * the order central applied them, each with its number of balance postings.
 */
const path = process.argv[2];
const prefix = process.argv[3] ?? '';
if (!path) {
  process.stderr.write('uso: audit.ts <central.db> [prefijo]\n');
  process.exit(2);
}
const sql = openCentralDb(path);
const ops = sql.all<{ key: string; status: string; hash: string; account: string | null; postings: number }>(
  `SELECT o.key, o.status, o.hash, o.account, (SELECT COUNT(*) FROM postings p WHERE p.op_key = o.key) AS postings
   FROM operations o WHERE o.key LIKE ? ORDER BY o.rowid`,
  `${prefix}%`,
);
const conflicts = sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM operation_conflicts WHERE key LIKE ?', `${prefix}%`)?.n ?? 0;
const accounts = sql.all<{ number: string; available: number }>('SELECT number, available FROM accounts ORDER BY number');
const chequesGerencia = sql.all<{ key: string; number: string }>('SELECT op_key AS key, number FROM cheques_gerencia WHERE op_key LIKE ? ORDER BY rowid', `${prefix}%`);
sql.close();
process.stdout.write(`${JSON.stringify({ operations: ops, conflicts, accounts, chequesGerencia })}\n`);
