import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { allMigrations, type Migration } from './migrations';

export type Db = Database.Database;

/**
 * Opens the workstation database. WAL lets the UI read while a posting commits; `synchronous=FULL` makes a
 * commit durable before the teller is told it is done (NORMAL in WAL mode may lose the last commits on power
 * loss, which is exactly what a till cannot afford).
 */
export const openDatabase = (file: string, migrations: readonly Migration[] = allMigrations): Db => {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, migrations);
  return db;
};

/** Applies, in order and each in its own transaction, the migrations not yet recorded. */
export const migrate = (db: Db, migrations: readonly Migration[]): string[] => {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  ) STRICT`);
  const done = new Set(db.prepare('SELECT id FROM schema_migrations').pluck().all() as string[]);
  const applied: string[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (id) VALUES (?)');
  for (const m of migrations) {
    if (done.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.id);
    })();
    applied.push(m.id);
  }
  return applied;
};

/** Runs `fn` in one IMMEDIATE transaction: the write lock is taken up front, so two postings never interleave. */
export const inTransaction = <T>(db: Db, fn: () => T): T => db.transaction(fn).immediate();
