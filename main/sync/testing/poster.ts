import { parseArgs } from 'node:util';
import { systemClock } from '../../core/runtime';
import { inTransaction, openDatabase } from '../../store/db';
import { outboxRepo } from '../../store/outbox/repo';
import { syncStateRepo } from '../../store/outbox/sync-state';
import { referenceRepo } from '../../store/reference/repo';
import { createCentralClient } from '../central-client';
import { createSync } from '../service';
import { ACTIVE_ACCOUNTS, cashDeposit, keyFor, withdrawal } from './ops';

/**
 * A branch process for the kill -9 test: posts operations numbered 1..total through the outbox (each in its
 * own transaction, as a comprobante is) with the sync loop running, and prints `COMMITTED <key>` only after
 * the commit returned — what the teller would have seen as confirmed. Restarted on the same file it resumes
 * at the next number. After the last one it drains the queue and prints `DRAINED`.
 */
const { values } = parseArgs({
  options: { db: { type: 'string' }, url: { type: 'string' }, token: { type: 'string' }, prefix: { type: 'string' }, total: { type: 'string' } },
});
const db = openDatabase(values.db ?? '');
const prefix = Number(values.prefix ?? '1');
const total = Number(values.total ?? '1000');
const outbox = outboxRepo(db);
const sync = createSync({
  db,
  outbox,
  reference: referenceRepo(db),
  state: syncStateRepo(db),
  client: createCentralClient({ url: values.url ?? '', token: values.token ?? '', timeoutMs: 2_000 }),
  clock: systemClock,
  random: () => 0.5,
  intervalMs: 50,
  backoff: { baseMs: 10, maxMs: 100 },
  maxBatch: 50,
});
// Before the loop starts: how many operations a previous life left in flight (their outcome unknown).
process.stdout.write(`START ${outbox.inState('sent', 1_000_000).length + outbox.inState('unknown', 1_000_000).length}\n`);
if (!process.env.POSTER_NO_SYNC) sync.start();

const c = outbox.counts();
let n = c.pending + c.unknown + c.applied + c.rejected + c.conflict;
while (n < total) {
  n++;
  const key = keyFor(prefix, n);
  const account = ACTIVE_ACCOUNTS[n % ACTIVE_ACCOUNTS.length] ?? '240000000078';
  const op = n % 10 === 0 ? withdrawal(key, '240000000078', 1_000) : cashDeposit(key, account, 1_000 + (n % 97));
  inTransaction(db, () => void outbox.enqueue(op));
  process.stdout.write(`COMMITTED ${key}\n`);
  if (n % 20 === 0) sync.kick();
  await new Promise((r) => setImmediate(r));
}
await sync.stop();
const drained = await sync.drain(100);
process.stdout.write(drained ? 'DRAINED\n' : 'NOT_DRAINED\n');
db.close();
process.exit(drained ? 0 : 1);
