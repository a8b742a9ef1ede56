import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { migrate, openDatabase } from './db';
import { allMigrations } from './migrations';
import { tempDir } from '../testing/temp-core';

describe('workstation database', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('opens with WAL, foreign keys and synchronous=FULL, and applies every migration once', () => {
    const t = tempDir();
    cleanup = t.remove;
    const file = join(t.dir, 'nested', 'caja.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    const ids = db.prepare('SELECT id FROM schema_migrations ORDER BY rowid').pluck().all();
    expect(ids).toEqual(allMigrations.map((m) => m.id));
    expect(migrate(db, allMigrations)).toEqual([]);
    db.close();
  });

  it('keeps committed data after close and reopen, and does not re-run migrations', () => {
    const t = tempDir();
    cleanup = t.remove;
    const file = join(t.dir, 'caja.sqlite');
    const db = openDatabase(file);
    db.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v')").run();
    db.close();
    const again = openDatabase(file);
    expect(again.prepare("SELECT value FROM settings WHERE key = 'k'").pluck().get()).toBe('v');
    expect(again.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(allMigrations.length);
    again.close();
  });

  it('rolls a failing migration back whole and records nothing for it', () => {
    const t = tempDir();
    cleanup = t.remove;
    const db = openDatabase(join(t.dir, 'x.sqlite'), []);
    expect(() =>
      migrate(db, [{ id: 'bad/001', sql: 'CREATE TABLE a (x INTEGER); CREATE TABLE a (y INTEGER);' }]),
    ).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'a'").get()).toBeUndefined();
    expect(db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(0);
    db.close();
  });

  it('refuses to update or delete journal rows', () => {
    const t = tempDir();
    cleanup = t.remove;
    const db = openDatabase(join(t.dir, 'j.sqlite'));
    db.prepare("INSERT INTO journal VALUES (1, 'a', 'w', 'u', 't', '{}', 'p', 'h')").run();
    expect(() => db.prepare("UPDATE journal SET actor = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM journal').run()).toThrow(/append-only/);
    db.close();
  });
});
