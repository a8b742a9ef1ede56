import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../core/runtime';
import { openDatabase, type Db } from '../db';
import { journalRepo } from './repo';
import { tempDir } from '../../testing/temp-core';
import { createJournal, verifyParsed } from '../../services/journal/writer';
import { verifyPipelined } from '../../services/journal/pipelined';

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
  ] as const)('%s → first bad entry %s (%s), by both paths', (_name, sql, first, reason) => {
    const { file } = setup(50);
    tamper(file, sql);
    const { fast, slow } = verifyFile(file);
    expect(fast).toMatchObject({ ok: false, firstBadSequence: first });
    expect(fast).toMatchObject({ reason });
    expect(slow).toEqual(fast);
  });

  it('a payload re-spaced into the same JSON value is caught by the byte-exact fast path', () => {
    const { file } = setup(20);
    tamper(file, "UPDATE journal SET payload = replace(payload, ',', ', ') WHERE sequence = 12");
    expect(verifyFile(file).fast).toEqual({ ok: false, firstBadSequence: 12, reason: 'hash_mismatch', index: 11 });
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

  it('deleting the last rows is caught only against the anchored head', () => {
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
  });

  it('verifies across page boundaries of the bulk reader', () => {
    const { file } = setup(4500);
    tamper(file, "UPDATE journal SET actor = 'u-9' WHERE sequence = 4097");
    expect(verifyFile(file).fast).toMatchObject({ ok: false, firstBadSequence: 4097, reason: 'hash_mismatch' });
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

  it('rows with control characters, quotes and non-ASCII in text columns verify by the fast path', () => {
    const { dir, remove } = tempDir('caja-journal-');
    dirs.push(remove);
    const db = openDatabase(join(dir, 'j.sqlite'));
    const repo = journalRepo(db);
    const journal = createJournal({ repo, clock: manualClock(new Date('2026-03-02T14:00:00Z')), workstation: '001-03' });
    for (const actor of ['ñ', 'a"b', 'c\\d', '\u0001\u001f\u007f', '😀', 'a\u2028', 'x y']) journal.record('login', actor, { who: actor });
    expect(journal.verify()).toMatchObject({ ok: true, count: 7 });
    expect(verifyParsed(repo)).toEqual(journal.verify());
    db.close();
  });
});

describe('pipelined verification (reading and hashing on two threads)', () => {
  it.each([
    ['untouched', ''],
    ['edited', "UPDATE journal SET actor = 'u-9' WHERE sequence = 3000"],
    ['deleted', 'DELETE FROM journal WHERE sequence = 2049'],
    ['moved to the end', 'UPDATE journal SET sequence = 9999 WHERE sequence = 7'],
  ])('%s: same verdict as the single-thread verifier', async (_name, sql) => {
    const { file } = setup(4500);
    if (sql) tamper(file, sql);
    const db = openDatabase(file);
    const repo = journalRepo(db);
    const single = createJournal({ repo, clock: manualClock(new Date()), workstation: '001-03' }).verify();
    const piped = await verifyPipelined(repo);
    db.close();
    expect(piped).toEqual(single);
    expect(piped.ok).toBe(sql === '');
  });
});
