import { getAccount, putAccount } from '../accounts/ledger';
import { openCentralDb } from '../store/db';

/**
 * `tsx central/testing/amend-account.ts <db> <account> <json>`: changes an account's registration in central's file
 * (its static fields: holders, authorized persons and their conditions, state), as the bank's back office does at
 * another office, for tests where a branch's copy must go stale while central runs (the branch may not open central's
 * database itself). The reference version moves, as for any change, so branches pull it on their next round.
 */
const [path, number, json] = process.argv.slice(2);
if (!path || !number || !json) {
  process.stderr.write('uso: amend-account.ts <central.db> <cuenta> <json>\n');
  process.exit(2);
}
const fields = JSON.parse(json) as Record<string, unknown>;
if ('number' in fields || 'balances' in fields) {
  process.stderr.write('solo datos de registro: ni número ni saldos\n');
  process.exit(2);
}
const sql = openCentralDb(path);
try {
  sql.tx(() => {
    const a = getAccount(sql, number);
    if (!a) throw new Error(`la cuenta ${number} no existe en central`);
    putAccount(sql, { ...a, ...fields });
  });
} finally {
  sql.close();
}
