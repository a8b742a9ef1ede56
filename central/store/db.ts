import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations } from './migrations';

/** Bind values central accepts: anything else is a bug (Actual's `verifyParamTypes`). */
export type SqlValue = string | number | null;
export interface RunResult {
  changes: number;
  lastInsertRowid: number;
}

/**
 * The only door to SQLite in central. Feature modules write SQL against this small interface and never see
 * better-sqlite3 itself; `tx` wraps a function in one IMMEDIATE transaction.
 */
export interface Sql {
  get<T>(sql: string, ...params: SqlValue[]): T | undefined;
  all<T>(sql: string, ...params: SqlValue[]): T[];
  run(sql: string, ...params: SqlValue[]): RunResult;
  tx<T>(fn: () => T): T;
  /** Next value of a named counter (radicado numbers, posting references). Call inside `tx`. */
  next(counter: string): number;
  close(): void;
}

export const DEFAULT_DB_PATH = '.tmp/central/central.db';

const check = (params: SqlValue[]): SqlValue[] => {
  for (const p of params) {
    if (p !== null && typeof p !== 'string' && typeof p !== 'number') throw new TypeError(`Valor SQL no permitido: ${typeof p}`);
    if (typeof p === 'number' && !Number.isFinite(p)) throw new TypeError('Número SQL no finito');
  }
  return params;
};

export const openCentralDb = (path: string = DEFAULT_DB_PATH): Sql => {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // FULL: an acknowledged operation survives power loss at central, which is what exactly-once relies on.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  const cache = new Map<string, Database.Statement>();
  const stmt = (sql: string): Database.Statement => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  const sql: Sql = {
    get: <T>(q: string, ...params: SqlValue[]) => stmt(q).get(...check(params)) as T | undefined,
    all: <T>(q: string, ...params: SqlValue[]) => stmt(q).all(...check(params)) as T[],
    run: (q, ...params) => {
      const r = stmt(q).run(...check(params));
      return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
    },
    tx: <T>(fn: () => T): T => (db.inTransaction ? fn() : db.transaction(fn).immediate()),
    next: (counter) => {
      stmt('INSERT INTO meta (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1').run(counter);
      return (stmt('SELECT value FROM meta WHERE name = ?').get(counter) as { value: number }).value;
    },
    close: () => db.close(),
  };
  return sql;
};

const migrate = (db: Database.Database): void => {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
};
