import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { storedHashInput, type StoredRow } from '../../../domain/journal/stored';
import { manualClock } from '../../core/runtime';
import { tempDir } from '../../testing/temp-core';
import { verifyInParallel } from '../../services/journal/parallel';
import { createJournal, sha256Text } from '../../services/journal/writer';
import { openDatabase } from '../db';
import { HASH_INPUT_SQL, journalRepo } from './repo';

/**
 * Attacks on the parallel reader's page format (chunks.ts) by someone who knows it: after the change they
 * rebuild the stored hashes so that every check the reader makes per page would pass if that check were
 * weaker. Each case must still get the single-thread verifier's verdict.
 */
const dirs: (() => void)[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d()));

const setup = (n: number): string => {
  const { dir, remove } = tempDir('caja-journal-chunks-');
  dirs.push(remove);
  const file = join(dir, 'caja.sqlite');
  const db = openDatabase(file);
  const clock = manualClock(new Date('2026-03-02T14:00:00Z'));
  const journal = createJournal({ repo: journalRepo(db), clock, workstation: '001-03' });
  db.transaction(() => {
    for (let i = 1; i <= n; i++) {
      clock.advance(1000);
      journal.record('comprobante', 'u-1', { sequence: `001-03-${String(i).padStart(6, '0')}`, account: '4000012345', total: 10_000 * i });
    }
  })();
  db.close();
  return file;
};

/** Plain SQLite, triggers dropped, as in tamper.test.ts. */
const attacker = (file: string) => {
  const db = new Database(file);
  db.exec('DROP TRIGGER IF EXISTS journal_no_update; DROP TRIGGER IF EXISTS journal_no_delete;');
  return db;
};

const rowsOf = (db: Database.Database): StoredRow[] =>
  db.prepare('SELECT sequence, at, workstation, actor, type, payload, prev_hash, hash FROM journal ORDER BY sequence').raw(true).all() as StoredRow[];

const setHash = (db: Database.Database, sequence: number, hash: string) => db.prepare('UPDATE journal SET hash = ? WHERE sequence = ?').run(hash, sequence);
const setPrev = (db: Database.Database, sequence: number, prev: string) => db.prepare('UPDATE journal SET prev_hash = ? WHERE sequence = ?').run(prev, sequence);

/** Rehashes every row from `from` on and relinks the next one to it: the chain after `from` is valid again. */
const rebuildFrom = (db: Database.Database, from: number) => {
  let prev: string | null = null;
  for (const r of rowsOf(db)) {
    if (r[0] < from) continue;
    const row: StoredRow = prev === null ? r : [r[0], r[1], r[2], r[3], r[4], r[5], prev, r[7]];
    if (prev !== null) setPrev(db, r[0], prev);
    prev = sha256Text(storedHashInput(row) ?? '');
    setHash(db, r[0], prev);
  }
};

const verdicts = async (file: string, layouts: readonly { chunkRows: number; threads: number }[]) => {
  const db = openDatabase(file);
  const repo = journalRepo(db);
  try {
    const single = createJournal({ repo, clock: manualClock(new Date()), workstation: '001-03' }).verify();
    const parallel = [];
    for (const l of layouts) parallel.push(await verifyInParallel(repo, l));
    return { single, parallel };
  } finally {
    db.close();
  }
};

describe('parallel reader against an attacker who knows its page format', () => {
  it('a link broken at a page edge inside a range, the rest of the chain rebuilt → prev_mismatch there', async () => {
    const file = setup(2100);
    const db = attacker(file);
    setPrev(db, 2049, 'ab'.repeat(32)); // first row of the second page of a range
    rebuildFrom(db, 2049);
    db.close();
    const { single, parallel } = await verdicts(file, [{ chunkRows: 32_768, threads: 1 }, { chunkRows: 2048, threads: 2 }, { chunkRows: 1000, threads: 2 }]);
    expect(single).toEqual({ ok: false, firstBadSequence: 2049, reason: 'prev_mismatch', index: 2048 });
    for (const p of parallel) expect(p).toEqual(single);
  });

  it('a gap with the later rows renumbered down the line and rehashed → sequence_gap, not a shorter valid chain', async () => {
    const file = setup(50);
    const db = attacker(file);
    db.exec('UPDATE journal SET sequence = -sequence - 1 WHERE sequence >= 31; UPDATE journal SET sequence = -sequence WHERE sequence < 0;');
    rebuildFrom(db, 32); // its sequence is in its hash input; its prev hash still links it to row 30
    db.close();
    const { single, parallel } = await verdicts(file, [{ chunkRows: 64, threads: 1 }, { chunkRows: 7, threads: 3 }]);
    expect(single).toEqual({ ok: false, firstBadSequence: 31, reason: 'sequence_gap', index: 30 });
    for (const p of parallel) expect(p).toEqual(single);
  });

  it('a newline inside a hash input, hashes rebuilt for the page as split at newlines → hash_mismatch at that row', async () => {
    const file = setup(20);
    const db = attacker(file);
    db.exec("UPDATE journal SET payload = replace(payload, ':', ':' || char(10)) WHERE sequence = 12");
    // Rehash the page as a reader that splits at the first n - 1 newlines would see it, until it is stable.
    const blob = db.prepare(`SELECT CAST(group_concat(${HASH_INPUT_SQL}, char(10)) AS BLOB) FROM (SELECT * FROM journal ORDER BY sequence)`).pluck();
    for (let round = 0; round < 30; round++) {
      const bytes = blob.get() as Buffer;
      const rows = rowsOf(db);
      let start = 0;
      let changed = false;
      for (let i = 0; i < rows.length && !changed; i++) {
        const end = i === rows.length - 1 ? bytes.length : bytes.indexOf(10, start);
        const h = sha256Text(bytes.subarray(start, end).toString('utf8'));
        const r = rows[i];
        if (r && r[7] !== h) {
          setHash(db, r[0], h);
          if (i + 1 < rows.length) setPrev(db, r[0] + 1, h);
          changed = true;
        }
        start = end + 1;
      }
      if (!changed) break;
    }
    db.close();
    const { single, parallel } = await verdicts(file, [{ chunkRows: 64, threads: 1 }, { chunkRows: 5, threads: 2 }]);
    expect(single).toEqual({ ok: false, firstBadSequence: 12, reason: 'hash_mismatch', index: 11 });
    for (const p of parallel) expect(p).toEqual(single);
  });

  it('a character moved from one stored hash into the one before, everything relinked → hash_mismatch at the first', async () => {
    const file = setup(20);
    const db = attacker(file);
    // Find c and a time for row 9 such that, linked to hash8 + c, its digest starts with c: then the hashes and
    // the prev hashes concatenated without separators are exactly the digests.
    const rows = rowsOf(db);
    const r8 = rows[7];
    const r9 = rows[8];
    if (!r8 || !r9) throw new Error('setup');
    let found: { c: string; at: string; digest: string } | null = null;
    for (let ms = 0; ms < 1000 && !found; ms++) {
      const at = new Date(Date.parse(r9[1]) + ms).toISOString();
      for (const c of '0123456789abcdef') {
        const digest = sha256Text(storedHashInput([r9[0], at, r9[2], r9[3], r9[4], r9[5], r8[7] + c, r9[7]]) ?? '');
        if (digest[0] === c) {
          found = { c, at, digest };
          break;
        }
      }
    }
    if (!found) throw new Error('no fixed point found');
    setHash(db, 8, r8[7] + found.c);
    db.prepare('UPDATE journal SET at = ?, prev_hash = ?, hash = ? WHERE sequence = 9').run(found.at, r8[7] + found.c, found.digest.slice(1));
    setPrev(db, 10, found.digest.slice(1));
    rebuildFrom(db, 10);
    db.close();
    const { single, parallel } = await verdicts(file, [{ chunkRows: 64, threads: 1 }, { chunkRows: 9, threads: 2 }]);
    expect(single).toEqual({ ok: false, firstBadSequence: 8, reason: 'hash_mismatch', index: 7 });
    for (const p of parallel) expect(p).toEqual(single);
  });
});
