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

  it('names the installation once, when the store is created: a new store gets its own, an upgraded one with a journal is legacy', () => {
    const t = tempDir();
    cleanup = t.remove;
    const installation = (db: ReturnType<typeof openDatabase>) => db.prepare("SELECT value FROM settings WHERE key = 'journal.installation'").pluck().get();
    const a = openDatabase(join(t.dir, 'a.sqlite'));
    const b = openDatabase(join(t.dir, 'b.sqlite'));
    expect(installation(a)).toMatch(/^[0-9a-f]{32}$/);
    expect(installation(b)).toMatch(/^[0-9a-f]{32}$/);
    expect(installation(a)).not.toBe(installation(b));
    const named = installation(a);
    a.close();
    const again = openDatabase(join(t.dir, 'a.sqlite'));
    expect(installation(again)).toBe(named);
    again.close();
    b.close();
    // A store from before installations, its journal already written: its anchors at central are the legacy ones.
    const before = allMigrations.slice(0, allMigrations.findIndex((m) => m.id === 'journal/002'));
    const old = openDatabase(join(t.dir, 'old.sqlite'), before);
    old.prepare("INSERT INTO journal VALUES (1, 'a', 'w', 'u', 't', '{}', 'p', 'h')").run();
    migrate(old, allMigrations);
    expect(installation(old)).toBe('legacy');
    old.close();
  });
});
