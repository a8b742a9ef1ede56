import { openCentralDb } from '../store/db';

/**
 * `tsx central/testing/audit.ts <db>`: what central holds, as one JSON line, for tests that compare both
 * sides of the sync (the branch may not open central's database itself).
 */
const path = process.argv[2];
if (!path) {
  process.stderr.write('uso: audit.ts <central.db>\n');
  process.exit(2);
}
const sql = openCentralDb(path);
const ops = sql.all<{ key: string; status: string; hash: string }>('SELECT key, status, hash FROM operations ORDER BY key');
const postings = sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM postings')?.n ?? 0;
const conflicts = sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM operation_conflicts')?.n ?? 0;
sql.close();
process.stdout.write(`${JSON.stringify({ operations: ops, postings, conflicts })}\n`);
