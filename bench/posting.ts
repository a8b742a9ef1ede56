import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccountSchema } from '../domain/central-api/reference';
import { systemClock } from '../main/core/runtime';
import { createIdempotentRunner } from '../main/services/idempotent';
import { createJournal } from '../main/services/journal/writer';
import { comprobanteFeatures } from '../main/services/comprobante/wire';
import { openDatabase, type Db } from '../main/store/db';
import { idempotencyRepo } from '../main/store/idempotency/repo';
import { devicesRepo } from '../main/store/devices/repo';
import { journalRepo } from '../main/store/journal/repo';
import { referenceRepo } from '../main/store/reference/repo';
import { tillRepo } from '../main/store/till/repo';
import { usersRepo } from '../main/store/users/repo';
import { atLeast, info, type Bench } from './figure';
import { rawFsyncRate } from './fsync';
import { median } from './till-commit';

const N = 10_000;
const ROUNDS = 10;

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** A fresh workstation database with 1.000 accounts and an open till, and a function that posts one deposit. */
const setUp = (file: string, synchronous: 'FULL' | 'OFF') => {
  const db = openDatabase(file);
  db.pragma(`synchronous = ${synchronous}`);
  const users = usersRepo(db);
  const at = systemClock.now().toISOString();
  users.insert({ id: 'u1', username: 'bench', displayName: 'Bench', role: 'cajero', passwordHash: 'x', createdAt: at });
  tillRepo(db).insertOpen({ id: 't1', tillCode: '03', tellerId: 'u1', businessDate: at.slice(0, 10), openedAt: at, openingCount: {}, openingTotal: 0, position: {}, positionTotal: 0 });
  // 1.000 customers with one account each, posted to in turn: per-account history (daily topes, GMF month,
  // UIAF month, pending outbox effects) stays at a realistic size instead of 10.000 rows on one account.
  const ACCOUNTS = 1000;
  const numberOf = (k: number) => `2400${String(k).padStart(8, '0')}`;
  const docOf = (k: number) => String(800_000_000 + k);
  referenceRepo(db).applyChanges(
    Array.from({ length: ACCOUNTS }, (_, k) => ({
      entity: 'account' as const,
      version: 1,
      account: AccountSchema.parse({
        number: numberOf(k), product: 'ahorros', kind: 'individual', owner: 'natural',
        holders: [{ documentType: 'CC', documentNumber: docOf(k), name: `CLIENTE ${k}` }], authorized: [], state: 'activa',
        gmfExempt: false, balances: { available: 2_500_000, inCanje: 0, onHold: 0 }, embargoAmount: 0, registeredCellphone: null,
        city: 'Bogotá D.C.', branch: '001', openedOn: '2019-06-14', lastCustomerMovementOn: at.slice(0, 10),
      }),
    })),
    1,
    at,
  );
  const jobs = devicesRepo(db);
  const { services } = comprobanteFeatures({
    db,
    users,
    journal: createJournal({ repo: journalRepo(db), clock: systemClock, workstation: '001-03' }),
    idempotent: createIdempotentRunner({ db, repo: idempotencyRepo(db), clock: systemClock }),
    clock: systemClock,
    ids: { uuid: () => crypto.randomUUID() },
    workstation: { id: '001-03', branchCode: '001', branchName: 'Bench', tillCode: '03' },
    central: null,
    onChange: () => undefined,
    maxFailedAttempts: 5,
    // The receipt's job row is written in the posting's transaction, as the devices service owes it; nothing is sent.
    printer: {
      owe: (doc) => {
        jobs.insertJob({ id: crypto.randomUUID(), reference: doc.sequence, sequence: doc.sequence, kind: 'receipt', copyNumber: 0, document: JSON.stringify(doc), createdAt: doc.postedAt });
      },
      print: () => Promise.resolve({ jobId: 'bench' }),
      jobs: () => [],
    },
  });
  const user = { id: 'u1', username: 'bench', displayName: 'Bench', role: 'cajero' as const };
  let i = 0;
  const post = async () => {
    i += 1;
    // 1.000 .. 99.000 in 1.000 bills: below every tope and UIAF threshold whatever the day's total.
    const bills = 1 + (i % 99);
    const k = i % ACCOUNTS;
    await services.deposit.post(user, {
      idempotencyKey: crypto.randomUUID(),
      slip: { accountNumber: numberOf(k), channel: 'oficina', depositor: { id: { type: 'CC', number: docOf(k) } }, cash: { '1000': bills }, cheques: [], declaredTotal: bills * 1000 },
    });
  };
  return { db, post };
};

/** WAL frames one posting appends: checkpoints held off, the log emptied, n postings, the log's length. */
const walFramesPer = async (db: Db, post: () => Promise<void>, n: number): Promise<number> => {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('wal_autocheckpoint = 0');
  for (let k = 0; k < n; k++) await post();
  const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
  db.pragma('wal_autocheckpoint = 1000');
  return (row?.log ?? 0) / n;
};

/** Postings per second with durability switched off: what the posting itself costs besides the fsync. */
const ceilingRate = async (dir: string): Promise<number> => {
  const { db, post } = setUp(join(dir, 'ceiling.sqlite'), 'OFF');
  try {
    for (let k = 0; k < 300; k++) await post();
    const n = 2000;
    const start = process.hrtime.bigint();
    for (let k = 0; k < n; k++) await post();
    return n / (Number(process.hrtime.bigint() - start) / 1e9);
  } finally {
    db.close();
  }
};

/**
 * The most any posting built as the issue asks can reach: its least possible work, one transaction that
 * writes one row each to bare journal, till-movement, outbox and receipt tables (no indexes, no rules), in a
 * database opened like the workstation's (WAL, synchronous=FULL). Measured against the raw fsync rate in the same rounds.
 */
const fourRowRatio = (dir: string): number => {
  const db = openDatabase(join(dir, 'floor.sqlite'));
  try {
    const tables = ['floor_journal', 'floor_till_movements', 'floor_outbox', 'floor_receipts'];
    for (const t of tables) db.exec(`CREATE TABLE ${t} (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`);
    const [journal, movement, outbox, receipt] = tables.map((t) => db.prepare(`INSERT INTO ${t} (body) VALUES (?)`));
    // Sizes of a real cash deposit's rows: journal entry, count by denomination, operation, receipt document.
    const row = 'x'.repeat(400);
    const doc = 'y'.repeat(1800);
    const post = db.transaction(() => {
      journal?.run(row);
      movement?.run(row);
      outbox?.run(row);
      receipt?.run(doc);
    });
    for (let k = 0; k < 500; k++) post();
    const ratios: number[] = [];
    for (let r = 0; r < 5; r++) {
      const fsyncRate = rawFsyncRate(dir, 1000);
      const start = process.hrtime.bigint();
      for (let k = 0; k < 1000; k++) post();
      ratios.push(1000 / (Number(process.hrtime.bigint() - start) / 1e9) / fsyncRate);
    }
    return median(ratios);
  } finally {
    db.close();
  }
};

/**
 * 10.000 cash deposits through the deposit service (evaluation, idempotency record, gapless sequence, journal,
 * till movement by denomination, outbox message, stored receipt: one durable transaction each), interleaved in
 * rounds with the raw write+fsync rate of the same directory; the figure is the median per-round ratio. The
 * printer port here writes the owed print-job row inside the posting and sends nothing, so one posting is exactly
 * one commit.
 *
 * Informational figures say where the time goes: the same postings with `synchronous=OFF` (no fsync at
 * all) against the raw fsync rate, which bounds the main ratio from above; a bare four-row transaction, the
 * bound of any posting that writes journal, till movement, outbox and receipt in one transaction; and the WAL
 * frames (4 KB pages) one posting writes.
 */
export const bench: Bench = {
  name: 'posting',
  run: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caja-bench-posting-'));
    try {
      const { db, post } = setUp(join(dir, 'bench.sqlite'), 'FULL');
      // Steady state, as in till-commit: the WAL has grown to its working size.
      for (let k = 0; k < 300; k++) await post();
      const framesPerPosting = await walFramesPer(db, post, 200);
      const per = N / ROUNDS;
      const ratios: number[] = [];
      const latencies: number[] = [];
      let postSecs = 0;
      let fsyncSecs = 0;
      for (let r = 0; r < ROUNDS; r++) {
        const fsyncRate = rawFsyncRate(dir, per);
        const start = process.hrtime.bigint();
        for (let k = 0; k < per; k++) {
          const t0 = process.hrtime.bigint();
          await post();
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
        const secs = Number(process.hrtime.bigint() - start) / 1e9;
        postSecs += secs;
        fsyncSecs += per / fsyncRate;
        ratios.push(per / secs / fsyncRate);
      }
      const posted = db.prepare('SELECT COUNT(*) FROM comprobantes').pluck().get() as number;
      db.close();
      if (posted !== N + 500) throw new Error(`expected ${N + 500} comprobantes, found ${posted}`);
      const ceiling = (await ceilingRate(dir)) / rawFsyncRate(dir, 2000);
      const fourRows = fourRowRatio(dir);
      latencies.sort((a, b) => a - b);
      const ms = (x: number) => Number(x.toFixed(3));
      return [
        atLeast('posting/ratio-to-raw-fsync', Number(median(ratios).toFixed(3)), 'ratio (median of rounds)', 0.7),
        info('posting/comprobantes-per-second', Math.round(N / postSecs), 'commits/s'),
        info('posting/raw-fsync-per-second', Math.round(N / fsyncSecs), 'fsync/s'),
        info('posting/no-fsync-ratio-to-raw-fsync', Number(ceiling.toFixed(3)), 'ratio (synchronous=OFF: upper bound)'),
        info('posting/four-row-transaction-ratio-to-raw-fsync', Number(fourRows.toFixed(3)), 'ratio (one row each to journal, till, outbox, receipt; no rules)'),
        info('posting/wal-frames-per-posting', Number(framesPerPosting.toFixed(1)), 'pages'),
        info('posting/latency-p50', ms(percentile(latencies, 50)), 'ms'),
        info('posting/latency-p95', ms(percentile(latencies, 95)), 'ms'),
        info('posting/latency-p99', ms(percentile(latencies, 99)), 'ms'),
        info('posting/latency-max', ms(latencies[latencies.length - 1] ?? 0), 'ms'),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
