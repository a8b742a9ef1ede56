import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../core/runtime';
import { openDatabase, type Db } from '../db';
import { journalRepo } from './repo';
import { tempDir } from '../../testing/temp-core';
import { createJournal, verifyParsed } from '../../services/journal/writer';
import { verifyInParallel } from '../../services/journal/parallel';

/**
 * Tamper evidence on a real SQLite file (teller-anchors §4 item 7): someone with the file and a SQLite shell
 * drops the append-only triggers and edits, deletes or reorders rows; the next verification reports the first
 * entry that cannot be trusted.
 */
const dirs: (() => void)[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d()));

const setup = (n: number) => {
  const { dir, remove } = tempDir('caja-journal-');
  dirs.push(remove);
  const file = join(dir, 'caja.sqlite');
  const db = openDatabase(file);
  const clock = manualClock(new Date('2026-03-02T14:00:00Z'));
  const journal = createJournal({ repo: journalRepo(db), clock, workstation: '001-03' });
  db.transaction(() => {
    for (let i = 1; i <= n; i++) {
      clock.advance(1000);
      journal.record(i % 3 === 0 ? 'print' : 'comprobante', 'u-1', { sequence: `001-03-${String(i).padStart(6, '0')}`, account: '4000012345', total: 10_000 * i, note: i === 2 ? 'ñandú "€" \\ \n' : 'x' });
    }
  })();
  db.close();
  return { file };
};

/** Opens the file as an attacker would: plain SQLite, triggers dropped. */
const tamper = (file: string, sql: string) => {
  const raw = new Database(file);
  raw.exec('DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;');
  raw.exec(sql);
  raw.close();
};

const verifyFile = (file: string) => {
  const db: Db = openDatabase(file);
  const repo = journalRepo(db);
  const journal = createJournal({ repo, clock: manualClock(new Date()), workstation: '001-03' });
  const fast = journal.verify();
  const slow = verifyParsed(repo);
  db.close();
  return { fast, slow };
};

/**
 * The parallel verifier with ranges of 1, 7 and 16 rows on 1 and 3 threads, so breaks fall on range edges,
 * inside ranges and in the open-ended first and last ranges.
 */
const verifyFileInParallel = async (file: string, anchor?: { sequence: number; hash: string }) => {
  const db: Db = openDatabase(file);
  const repo = journalRepo(db);
  try {
    const out = [];
    for (const [chunkRows, threads] of [[1, 3], [7, 1], [7, 3], [16, 3]] as const) {
      out.push(await verifyInParallel(repo, { chunkRows, threads, ...(anchor ? { anchor } : {}) }));
    }
    return out;
  } finally {
    db.close();
  }
};

describe('journal tamper evidence on a real SQLite file', () => {
  it('an untouched journal verifies by both paths, head = last hash', () => {
    const { file } = setup(50);
    const { fast, slow } = verifyFile(file);
    expect(fast).toMatchObject({ ok: true, count: 50, lastSequence: 50 });
    expect(slow).toEqual(fast);
  });

  it('the append-only triggers refuse UPDATE and DELETE through Caja', () => {
    const { file } = setup(3);
    const db = new Database(file);
    expect(() => db.exec("UPDATE journal SET actor = 'x' WHERE sequence = 2")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM journal WHERE sequence = 2')).toThrow(/append-only/);
    db.close();
  });

  it.each([
    ['payload amount changed', "UPDATE journal SET payload = replace(payload, '\"total\":370000', '\"total\":3700000') WHERE sequence = 37", 37, 'hash_mismatch'],
    ['actor changed', "UPDATE journal SET actor = 'u-2' WHERE sequence = 5", 5, 'hash_mismatch'],
    ['time changed', "UPDATE journal SET at = '2026-03-02T14:00:01.000Z' WHERE sequence = 20", 20, 'hash_mismatch'],
    ['stored hash replaced', `UPDATE journal SET hash = '${'ab'.repeat(32)}' WHERE sequence = 8`, 8, 'hash_mismatch'],
    ['stored hash shortened', "UPDATE journal SET hash = 'abc' WHERE sequence = 9", 9, 'hash_mismatch'],
    ['row deleted', 'DELETE FROM journal WHERE sequence = 30', 30, 'sequence_gap'],
    ['first row deleted', 'DELETE FROM journal WHERE sequence = 1', 1, 'sequence_gap'],
    [
      'two rows swapped (contents exchanged, sequence numbers kept)',
      `UPDATE journal SET sequence = -1 WHERE sequence = 10; UPDATE journal SET sequence = 10 WHERE sequence = 11; UPDATE journal SET sequence = 11 WHERE sequence = -1;
       UPDATE journal SET sequence = sequence WHERE 0;`,
      10,
      'prev_mismatch',
    ],
    [
      'row moved to the end',
      'UPDATE journal SET sequence = 1000 WHERE sequence = 25',
      25,
      'sequence_gap',
    ],
    ['first row renumbered below 1', 'UPDATE journal SET sequence = -5 WHERE sequence = 1', 1, 'reordered'],
    ['first row renumbered 0', 'UPDATE journal SET sequence = 0 WHERE sequence = 1', 1, 'reordered'],
    // Beyond 2^53 a sequence has no exact JS number: the reader must neither loop on it nor skip it.
    ['row moved beyond 2^53', 'UPDATE journal SET sequence = 9007199254740993 WHERE sequence = 25', 25, 'sequence_gap'],
    ['last row moved to the largest integer (not a safe integer: counted as a changed row)', 'UPDATE journal SET sequence = 9223372036854775807 WHERE sequence = 50', 50, 'hash_mismatch'],
    // A newline separates hash inputs in a page of the parallel reader (see the payload case below).
    ['raw newline in a stored prev hash', 'UPDATE journal SET prev_hash = substr(prev_hash, 1, 63) || char(10) WHERE sequence = 12', 12, 'prev_mismatch'],
    [
      // Concatenated, the hashes are unchanged: only per-row lengths tell the rows apart.
      'one character moved from one stored hash to the one before',
      `UPDATE journal SET hash = hash || substr((SELECT hash FROM journal WHERE sequence = 9), 1, 1) WHERE sequence = 8;
       UPDATE journal SET hash = substr(hash, 2) WHERE sequence = 9;`,
      8,
      'hash_mismatch',
    ],
    [
      'same, for the prev hashes (and the hashes they link to)',
      `UPDATE journal SET prev_hash = prev_hash || substr((SELECT prev_hash FROM journal WHERE sequence = 9), 1, 1) WHERE sequence = 8;
       UPDATE journal SET prev_hash = substr(prev_hash, 2) WHERE sequence = 9;`,
      8,
      'prev_mismatch',
    ],
    ['stored hash with a non-ASCII character', "UPDATE journal SET hash = substr(hash, 1, 63) || '😀' WHERE sequence = 33", 33, 'hash_mismatch'],
    ['stored hash in upper case', 'UPDATE journal SET hash = upper(hash) WHERE sequence = 40', 40, 'hash_mismatch'],
    ['last row changed', "UPDATE journal SET actor = 'u-2' WHERE sequence = 50", 50, 'hash_mismatch'],
  ] as const)('%s → first bad entry %s (%s), by every path', async (_name, sql, first, reason) => {
    const { file } = setup(50);
    tamper(file, sql);
    const { fast, slow } = verifyFile(file);
    expect(fast).toMatchObject({ ok: false, firstBadSequence: first });
    expect(fast).toMatchObject({ reason });
    expect(slow).toEqual(fast);
    for (const parallel of await verifyFileInParallel(file)) expect(parallel).toEqual(fast);
  });

  it('a payload re-spaced into the same JSON value is caught by the byte-exact fast path', () => {
    const { file } = setup(20);
    tamper(file, "UPDATE journal SET payload = replace(payload, ',', ', ') WHERE sequence = 12");
    expect(verifyFile(file).fast).toEqual({ ok: false, firstBadSequence: 12, reason: 'hash_mismatch', index: 11 });
  });

  it('a newline added to a payload as JSON whitespace is caught by the byte-exact paths', async () => {
    // A newline is what separates hash inputs in a page of the parallel reader; canonical text never has one.
    const { file } = setup(20);
    tamper(file, "UPDATE journal SET payload = replace(payload, ':', ':' || char(10)) WHERE sequence = 12");
    const { fast } = verifyFile(file);
    expect(fast).toEqual({ ok: false, firstBadSequence: 12, reason: 'hash_mismatch', index: 11 });
    for (const parallel of await verifyFileInParallel(file)) expect(parallel).toEqual(fast);
  });

  it('contents of two rows exchanged in place (each row keeps its number) → the first of them', () => {
    const { file } = setup(50);
    tamper(
      file,
      `CREATE TEMP TABLE a AS SELECT * FROM journal WHERE sequence IN (14, 15);
       UPDATE journal SET at = (SELECT at FROM a WHERE sequence = 15), actor = (SELECT actor FROM a WHERE sequence = 15), type = (SELECT type FROM a WHERE sequence = 15), payload = (SELECT payload FROM a WHERE sequence = 15), prev_hash = (SELECT prev_hash FROM a WHERE sequence = 15), hash = (SELECT hash FROM a WHERE sequence = 15) WHERE sequence = 14;
       UPDATE journal SET at = (SELECT at FROM a WHERE sequence = 14), actor = (SELECT actor FROM a WHERE sequence = 14), type = (SELECT type FROM a WHERE sequence = 14), payload = (SELECT payload FROM a WHERE sequence = 14), prev_hash = (SELECT prev_hash FROM a WHERE sequence = 14), hash = (SELECT hash FROM a WHERE sequence = 14) WHERE sequence = 15;`,
    );
    const { fast, slow } = verifyFile(file);
    expect(fast).toEqual({ ok: false, firstBadSequence: 14, reason: 'prev_mismatch', index: 13 });
    expect(slow).toEqual(fast);
  });

  it('deleting the last rows is caught only against the anchored head', async () => {
    const { file } = setup(10);
    const db = openDatabase(file);
    const journal = createJournal({ repo: journalRepo(db), clock: manualClock(new Date()), workstation: '001-03' });
    const anchor = journal.head();
    db.close();
    tamper(file, 'DELETE FROM journal WHERE sequence >= 9');
    const db2 = openDatabase(file);
    const j2 = createJournal({ repo: journalRepo(db2), clock: manualClock(new Date()), workstation: '001-03' });
    expect(j2.verify()).toMatchObject({ ok: true, count: 8 });
    expect(j2.verify({ anchor: anchor ?? undefined })).toMatchObject({ ok: false, firstBadSequence: 9, reason: 'sequence_gap' });
    db2.close();
    for (const parallel of await verifyFileInParallel(file)) expect(parallel).toMatchObject({ ok: true, count: 8 });
    for (const parallel of await verifyFileInParallel(file, anchor ?? undefined)) {
      expect(parallel).toEqual({ ok: false, firstBadSequence: 9, reason: 'sequence_gap', index: 8 });
    }
  });

  it('an anchor that disagrees with the stored row is reported at that row, by every path', async () => {
    const { file } = setup(30);
    const anchor = { sequence: 17, hash: 'cd'.repeat(32) };
    const db = openDatabase(file);
    const single = createJournal({ repo: journalRepo(db), clock: manualClock(new Date()), workstation: '001-03' }).verify({ anchor });
    db.close();
    expect(single).toEqual({ ok: false, firstBadSequence: 17, reason: 'hash_mismatch', index: 16 });
    for (const parallel of await verifyFileInParallel(file, anchor)) expect(parallel).toEqual(single);
  });

  it('verifies across page boundaries of the bulk reader', async () => {
    const { file } = setup(4500);
    tamper(file, "UPDATE journal SET actor = 'u-9' WHERE sequence = 4097");
    const { fast } = verifyFile(file);
    expect(fast).toMatchObject({ ok: false, firstBadSequence: 4097, reason: 'hash_mismatch' });
    for (const parallel of await verifyFileInParallel(file)) expect(parallel).toEqual(fast);
  });
});

describe('bulk hash inputs built by SQLite', () => {
  it('json_quote escapes like JSON.stringify for every BMP character SQLite can store', () => {
    const db = new Database(':memory:');
    const q = db.prepare<[string], string>('SELECT json_quote(?)').pluck();
    const differing: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue; // lone surrogates cannot be stored as SQLite text
      const s = `a${String.fromCharCode(c)}"\\b`;
      if (q.get(s) !== JSON.stringify(s)) differing.push(c);
    }
    db.close();
    expect(differing).toEqual([]);
  });

  it('rows with control characters, quotes and non-ASCII in text columns verify by the fast paths', async () => {
    const { dir, remove } = tempDir('caja-journal-');
    dirs.push(remove);
    const db = openDatabase(join(dir, 'j.sqlite'));
    const repo = journalRepo(db);
    const journal = createJournal({ repo, clock: manualClock(new Date('2026-03-02T14:00:00Z')), workstation: '001-03' });
    for (const actor of ['ñ', 'a"b', 'c\\d', '\u0001\u001f\u007f', '😀', 'a\u2028', 'x y']) journal.record('login', actor, { who: actor });
    expect(journal.verify()).toMatchObject({ ok: true, count: 7 });
    expect(verifyParsed(repo)).toEqual(journal.verify());
    expect(await verifyInParallel(repo, { chunkRows: 2 })).toEqual(journal.verify());
    db.close();
  });
});

describe('parallel verification (ranges checked on worker threads)', () => {
  it.each([
    ['untouched', ''],
    ['edited', "UPDATE journal SET actor = 'u-9' WHERE sequence = 3000"],
    ['edited, first row of a page', "UPDATE journal SET actor = 'u-9' WHERE sequence = 2049"],
    ['deleted', 'DELETE FROM journal WHERE sequence = 2049'],
    ['deleted, last row of a range', 'DELETE FROM journal WHERE sequence = 3000'],
    ['moved to the end', 'UPDATE journal SET sequence = 9999 WHERE sequence = 7'],
    ['last rows deleted', 'DELETE FROM journal WHERE sequence > 4000'],
  ])('%s: same verdict as the single-thread verifier, ranges of several pages', async (_name, sql) => {
    const { file } = setup(4500);
    if (sql) tamper(file, sql);
    const db = openDatabase(file);
    const repo = journalRepo(db);
    const single = createJournal({ repo, clock: manualClock(new Date()), workstation: '001-03' }).verify();
    const results = [await verifyInParallel(repo), await verifyInParallel(repo, { chunkRows: 3000, threads: 2 }), await verifyInParallel(repo, { chunkRows: 1000, threads: 3 })];
    db.close();
    for (const r of results) expect(r).toEqual(single);
    expect(single.ok).toBe(sql === '' || sql.includes('> 4000'));
  });

  it.each([
    ['workers that cannot open the database: the rest is checked on this thread, same verdict, and it is reported', 7, 1],
    ['a chain that fits in one range starts no worker: same verdict, nothing to report', 50, 0],
  ])('%s', async (_name, chunkRows, reported) => {
    const { file } = setup(50);
    tamper(file, "UPDATE journal SET actor = 'u-9' WHERE sequence = 30");
    const db = openDatabase(file);
    const repo = journalRepo(db);
    const single = createJournal({ repo, clock: manualClock(new Date()), workstation: '001-03' }).verify();
    const failures: unknown[] = [];
    // The file the workers would open does not exist: starting them is reported once.
    const r = await verifyInParallel({ ...repo, file: () => join(file, 'missing.sqlite') }, { chunkRows, onWorkersFailed: (e) => failures.push(e) });
    db.close();
    expect(r).toEqual(single);
    expect(failures).toHaveLength(reported);
  });

  it('an empty journal verifies with no rows', async () => {
    const { file } = setup(0);
    const db = openDatabase(file);
    const r = await verifyInParallel(journalRepo(db));
    db.close();
    expect(r).toEqual({ ok: true, count: 0, head: '0'.repeat(64), lastSequence: 0 });
  });

  it('an in-memory journal is verified on the calling thread, same verdict', async () => {
    const db = openDatabase(':memory:');
    const repo = journalRepo(db);
    const journal = createJournal({ repo, clock: manualClock(new Date('2026-03-02T14:00:00Z')), workstation: '001-03' });
    for (let i = 0; i < 10; i++) journal.record('login', 'u-1', { i });
    expect(await verifyInParallel(repo)).toEqual(journal.verify());
    db.close();
  });
});
